// Finding and loading workloads: the built-ins are the modules in workloads/ (one file each; the
// file is named after the workload), a user's workload is an ES module given by path. Every way
// a module can be wrong is one clear error naming the file and the problem.

import {readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {describeThrown} from './describe-thrown.js';
import {kmtopRoot} from './version.js';
import type {Workload} from './workload-api.js';

export class WorkloadLoadError extends Error {
	override name = 'WorkloadLoadError';
}

/** The order of the live view's 1…9 keys; any other file in workloads/ follows, by name. */
const preferredOrder = [
	'steady',
	'vmobject-churn',
	'logging-burst',
	'fragmentation',
	'big-allocations',
	'leak',
	'drain',
	// Repros of bugs that later commits fixed (docs/revisions.md), one each.
	'expansion-loop',
	'unlink-race',
	'backup-deadlock',
];

export const defaultWorkloadName = 'vmobject-churn';

const workloadsDirectory = (): string => {
	// From source (tests): workloads/ itself. Built (dist/source, or the bundle in dist/bundle):
	// tsc's dist/workloads, which are never bundled.
	if (kmtopRoot === undefined) {
		throw new Error(`kmtop's package.json was not found in any folder above ${fileURLToPath(import.meta.url)}`);
	}

	return import.meta.url.endsWith('.ts') ? path.join(kmtopRoot, 'workloads') : path.join(kmtopRoot, 'dist', 'workloads');
};

const builtinFiles = (): Map<string, string> => {
	const directory = workloadsDirectory();
	const files = new Map<string, string>();
	for (const file of readdirSync(directory)) {
		const match = /^([a-z\d-]+)\.(js|ts)$/.exec(file);
		if (match && !file.endsWith('.d.ts')) {
			files.set(match[1]!, path.join(directory, file));
		}
	}

	return files;
};

export const builtinWorkloadNames = (): string[] => {
	const names = [...builtinFiles().keys()];
	const known = preferredOrder.filter((name) => names.includes(name));
	return [...known, ...names.filter((name) => !preferredOrder.includes(name)).sort()];
};

/** What a workload's name must be (`my-workload`). */
export const kebabCase = /^[a-z\d]+(?:-[a-z\d]+)*$/;

/** A rejected name as text; JSON.stringify would throw on a BigInt and hide a symbol. */
const showName = (name: unknown): string => {
	if (typeof name === 'string') {
		return JSON.stringify(name);
	}

	if (typeof name === 'number' || typeof name === 'bigint' || typeof name === 'boolean' || typeof name === 'symbol') {
		return String(name);
	}

	return name === undefined ? 'undefined' : name === null ? 'null' : typeof name === 'function' ? 'a function' : 'an object';
};

/** Checks a module's default export against the workload contract (workloads.md, "Shape"). */
export const validateWorkload = (exported: unknown, file: string): Workload => {
	const problem = (text: string) => new WorkloadLoadError(`${file}: ${text}`);
	if (typeof exported !== 'object' || exported === null) {
		throw problem('the default export must be a workload object ({name, description, tick})');
	}

	// Read each field once: a getter (or a Proxy) that throws is the module's fault, not ours.
	let candidate: Partial<Workload>;
	try {
		const {name, description, tick, setup, teardown} = exported as Partial<Workload>;
		candidate = {name, description, tick, setup, teardown};
	} catch (error) {
		throw problem(`reading the workload object failed: ${describeThrown(error).split('\n')[0]}`);
	}

	if (typeof candidate.name !== 'string' || !kebabCase.test(candidate.name)) {
		throw problem(`the workload's name must be kebab-case (like "my-workload"), got ${showName(candidate.name)}`);
	}

	if (typeof candidate.description !== 'string' || candidate.description.includes('\n')) {
		throw problem(`workload "${candidate.name}" needs a one-line description`);
	}

	if (typeof candidate.tick !== 'function') {
		throw problem(`workload "${candidate.name}" has no tick(kernel, ctx) function`);
	}

	for (const hook of ['setup', 'teardown'] as const) {
		if (candidate[hook] !== undefined && typeof candidate[hook] !== 'function') {
			throw problem(`workload "${candidate.name}": ${hook} must be a function`);
		}
	}

	// What was checked is what runs: the fields as read here, never read again, since a getter or
	// a Proxy could answer otherwise later (a module calling itself "steady" once past the check,
	// a name that is an object in the document) or throw where kmtop reads them. The hooks still
	// run on the module's own object, so a workload's methods reach each other through `this`.
	// What a hook returns goes back as it came: a promise is the workload's fault (an async hook).
	const onExported = (hook: (...args: never[]) => void) => (...args: unknown[]): void => Reflect.apply(hook, exported, args) as void;

	return Object.freeze({
		name: candidate.name,
		description: candidate.description,
		tick: onExported(candidate.tick),
		...(candidate.setup ? {setup: onExported(candidate.setup)} : {}),
		...(candidate.teardown ? {teardown: onExported(candidate.teardown)} : {}),
	});
};

const describeCode = (error: unknown): unknown => {
	try {
		return (error as {code?: unknown} | null)?.code;
	} catch {
		return undefined;
	}
};

const isSyntaxError = (error: unknown): boolean => {
	try {
		return error instanceof SyntaxError;
	} catch {
		return false;
	}
};

/**
`file` is imported; `shown` names it in messages (the path as the user gave it). The default export
comes boxed: a promise resolved with it would read its `then` (a Proxy's trap, a getter) unguarded.
*/
const importModule = async (file: string, shown = file): Promise<{exported: unknown}> => {
	let module: {default?: unknown};
	try {
		module = (await import(pathToFileURL(file).href)) as {default?: unknown};
	} catch (error) {
		// Whatever the module threw is its own fault (exit 2), even null or an object whose
		// toString throws: only safe reads here.
		const code = describeCode(error);
		if (code === 'ERR_UNKNOWN_FILE_EXTENSION' && file.endsWith('.ts')) {
			throw new WorkloadLoadError(`${shown}: this Node.js cannot load TypeScript; compile the workload to .js first`);
		}

		const kind = isSyntaxError(error) ? 'syntax error' : 'failed to load';
		throw new WorkloadLoadError(`${shown}: ${kind}: ${describeThrown(error).split('\n')[0]}`);
	}

	if (!('default' in module)) {
		throw new WorkloadLoadError(`${shown}: no default export (export default {name, description, tick})`);
	}

	return {exported: module.default};
};

export const loadBuiltinWorkload = async (name: string): Promise<Workload> => {
	const file = builtinFiles().get(name);
	if (!file) {
		throw new WorkloadLoadError(`unknown workload "${name}"; built-in workloads: ${builtinWorkloadNames().join(', ')}`);
	}

	const workload = validateWorkload((await importModule(file)).exported, file);
	if (workload.name !== name) {
		throw new WorkloadLoadError(`${file}: the file is named "${name}" but the workload calls itself "${workload.name}"`);
	}

	return workload;
};

/** A user's workload module; its name must not shadow a built-in. */
export const loadWorkloadFile = async (file: string, cwd = process.cwd()): Promise<Workload> => {
	const resolved = path.resolve(cwd, file);
	const stats = statSync(resolved, {throwIfNoEntry: false});
	if (!stats) {
		throw new WorkloadLoadError(`${file}: no such file`);
	}

	// Node's loader reads a module whole: a device such as /dev/zero never ends, and filled memory
	// by gigabytes a second until the load watchdog stopped it.
	if (!stats.isFile()) {
		throw new WorkloadLoadError(`${file}: ${stats.isDirectory() ? 'a directory' : 'not a regular file (a device, a pipe or a socket)'}; a workload is a JavaScript module file (docs/workloads.md)`);
	}

	const workload = validateWorkload((await importModule(resolved, file)).exported, file);
	if (builtinWorkloadNames().includes(workload.name)) {
		throw new WorkloadLoadError(`${file}: the name "${workload.name}" is taken by a built-in workload; pick another`);
	}

	return workload;
};

export const loadAllBuiltinWorkloads = async (): Promise<Workload[]> =>
	Promise.all(builtinWorkloadNames().map(async (name) => loadBuiltinWorkload(name)));
