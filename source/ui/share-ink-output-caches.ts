// Ink 6.8 tokenizes every line of every frame afresh: its Output keeps its caches (styled
// characters, string widths) per frame, and a new Output is made for each frame. Those caches
// are pure functions of the text, and most lines of a dashboard do not change between frames, so
// one shared set of caches for all frames saves a good part of a frame (issue #14).
//
// The shared caches are bounded by size: the characters of the text they hold, not their entry
// count (a line's styled characters are an object per character, so 20,000 lines of 120 were
// hundreds of megabytes: issue #12's leak). Output is internal to Ink (its package exports only
// the entry point), so it is reached by file and every field the patch touches is checked first;
// `inkOutputPatch()` says whether it applied and why not, and a test fails the day it does not.

import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';

/** Characters of cached text (keys) kept before the caches start over: a few dozen frames. */
export const MAX_CACHED_CHARACTERS = 128 * 1024;

type CacheMethods = {
	getStyledChars(line: string): unknown;
	getStringWidth(text: string): number;
	getWidestLine(text: string): number;
};
type Caches = CacheMethods & {styledChars: Map<string, unknown>; widths: Map<string, number>; blockWidths: Map<string, number>};
type OutputInstance = {caches: Caches};
type OutputClass = {new (options: {width: number; height: number}): OutputInstance; prototype: {get(): unknown}};

export type PatchResult = {applied: true; caches: Caches} | {applied: false; reason: string};

const methods = ['getStyledChars', 'getStringWidth', 'getWidestLine'] as const;
const maps = ['styledChars', 'widths', 'blockWidths'] as const;

/** What is wrong with Ink's Output for this patch, if anything. */
const checkOutput = (Output: unknown): string | undefined => {
	if (typeof Output !== 'function') {
		return 'ink/build/output.js has no default export class';
	}

	const {prototype} = Output as OutputClass;
	if (typeof prototype?.get !== 'function') {
		return 'Output.prototype.get is not a function';
	}

	const caches = (new (Output as OutputClass)({width: 0, height: 0}) as Partial<OutputInstance>).caches as Partial<Caches> | undefined;
	if (typeof caches !== 'object' || caches === null) {
		return 'an Output has no caches object';
	}

	for (const name of maps) {
		if (!(caches[name] instanceof Map)) {
			return `Output caches.${name} is not a Map`;
		}
	}

	for (const name of methods) {
		if (typeof caches[name] !== 'function') {
			return `Output caches.${name} is not a function`;
		}
	}

	return undefined;
};

/** Wraps each cache method so that new keys count against the budget; over it, all start over. */
const boundCaches = (caches: Caches): void => {
	let size = 0;
	for (const [method, map] of [
		['getStyledChars', caches.styledChars],
		['getStringWidth', caches.widths],
		['getWidestLine', caches.blockWidths],
	] as const) {
		const original = caches[method].bind(caches) as (text: string) => never;
		caches[method] = (text: string) => {
			if (!map.has(text)) {
				size += text.length;
				if (size > MAX_CACHED_CHARACTERS) {
					for (const name of maps) {
						caches[name].clear();
					}

					size = text.length;
				}
			}

			return original(text);
		};
	}
};

const patchOutput = async (): Promise<PatchResult> => {
	try {
		const inkEntry = createRequire(import.meta.url).resolve('ink');
		const module = (await import(pathToFileURL(path.join(path.dirname(inkEntry), 'output.js')).href)) as {default?: unknown};
		const problem = checkOutput(module.default);
		if (problem) {
			return {applied: false, reason: problem};
		}

		const Output = module.default as OutputClass;
		const shared = new Output({width: 0, height: 0}).caches;
		boundCaches(shared);
		const get = Output.prototype.get;
		Output.prototype.get = function (this: OutputInstance) {
			this.caches = shared;
			return get.call(this);
		};
		return {applied: true, caches: shared};
	} catch (error) {
		return {applied: false, reason: error instanceof Error ? error.message : String(error)};
	}
};

let patched: Promise<PatchResult> | undefined;

/** Patches Ink's Output once per process, however many dashboards are started; says how it went. */
export const shareInkOutputCaches = async (): Promise<PatchResult> => {
	patched ??= patchOutput();
	return patched;
};
