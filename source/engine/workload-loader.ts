// Finding and loading workloads: the built-ins are the modules in workloads/ (one file each; the
// file is named after the workload), a user's workload is an ES module given by path. Every way
// a module can be wrong is one clear error naming the file and the problem.

import {existsSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
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
	// Repros of the bugs the seed commits fixed (revisions.md), one each.
	'expansion-loop',
	'unlink-race',
	'backup-deadlock',
];

export const defaultWorkloadName = 'vmobject-churn';

const workloadsDirectory = (): string => {
	// dist/source/engine → dist/workloads (built), or source/engine → workloads (tests, from source).
	const here = path.dirname(fileURLToPath(import.meta.url));
	return path.resolve(here, '..', '..', 'workloads');
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

const kebabCase = /^[a-z\d]+(?:-[a-z\d]+)*$/;

/** Checks a module's default export against the workload contract (workloads.md, "Shape"). */
export const validateWorkload = (exported: unknown, file: string): Workload => {
	const problem = (text: string) => new WorkloadLoadError(`${file}: ${text}`);
	if (typeof exported !== 'object' || exported === null) {
		throw problem('the default export must be a workload object ({name, description, tick})');
	}

	const candidate = exported as Partial<Workload>;
	if (typeof candidate.name !== 'string' || !kebabCase.test(candidate.name)) {
		throw problem(`the workload's name must be kebab-case (like "my-workload"), got ${JSON.stringify(candidate.name)}`);
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

	return candidate as Workload;
};

const importModule = async (file: string): Promise<unknown> => {
	try {
		const module = (await import(pathToFileURL(file).href)) as {default?: unknown};
		if (!('default' in module)) {
			throw new WorkloadLoadError(`${file}: no default export (export default {name, description, tick})`);
		}

		return module.default;
	} catch (error) {
		if (error instanceof WorkloadLoadError) {
			throw error;
		}

		const code = (error as {code?: string}).code;
		if (code === 'ERR_UNKNOWN_FILE_EXTENSION' && file.endsWith('.ts')) {
			throw new WorkloadLoadError(`${file}: this Node.js cannot load TypeScript; compile the workload to .js first`);
		}

		const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
		const kind = error instanceof SyntaxError ? 'syntax error' : 'failed to load';
		throw new WorkloadLoadError(`${file}: ${kind}: ${message}`);
	}
};

export const loadBuiltinWorkload = async (name: string): Promise<Workload> => {
	const file = builtinFiles().get(name);
	if (!file) {
		throw new WorkloadLoadError(`unknown workload "${name}"; built-in workloads: ${builtinWorkloadNames().join(', ')}`);
	}

	const workload = validateWorkload(await importModule(file), file);
	if (workload.name !== name) {
		throw new WorkloadLoadError(`${file}: the file is named "${name}" but the workload calls itself "${workload.name}"`);
	}

	return workload;
};

/** A user's workload module; its name must not shadow a built-in. */
export const loadWorkloadFile = async (file: string, cwd = process.cwd()): Promise<Workload> => {
	const resolved = path.resolve(cwd, file);
	if (!existsSync(resolved)) {
		throw new WorkloadLoadError(`${file}: no such file`);
	}

	const workload = validateWorkload(await importModule(resolved), file);
	if (builtinWorkloadNames().includes(workload.name)) {
		throw new WorkloadLoadError(`${file}: the name "${workload.name}" is taken by a built-in workload; pick another`);
	}

	return workload;
};

export const loadAllBuiltinWorkloads = async (): Promise<Workload[]> =>
	Promise.all(builtinWorkloadNames().map(async (name) => loadBuiltinWorkload(name)));
