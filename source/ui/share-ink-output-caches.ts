// Ink 6.8 measures and tokenizes every line of every frame afresh: its Output keeps its caches
// (string widths, styled characters) per frame, and a new Output is made for each frame. Those
// caches are pure functions of the text, and most lines of a dashboard do not change between
// frames, so one shared, bounded set of caches for all frames halves the cost of a frame (issue
// #7: under 5 ms a frame, under 10 % of a core). Output is internal to Ink (its package exports
// only the entry point), so it is reached by file; if Ink's internals ever change shape, this
// leaves Ink alone rather than guess.

import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';

type Caches = {styledChars: Map<string, unknown>; widths: Map<string, number>; blockWidths: Map<string, number>};
type OutputClass = {new (options: {width: number; height: number}): {caches: Caches}; prototype: {get(): unknown}};

/** Entries kept before the caches start over: a few frames' worth of distinct lines. */
const MAX_ENTRIES = 20_000;

const patchOutput = async (): Promise<boolean> => {
	try {
		const inkEntry = createRequire(import.meta.url).resolve('ink');
		const module = (await import(pathToFileURL(path.join(path.dirname(inkEntry), 'output.js')).href)) as {default?: OutputClass};
		const Output = module.default;
		const shared = Output ? new Output({width: 0, height: 0}).caches : undefined;
		if (!Output || !shared || !(shared.styledChars instanceof Map) || !(shared.widths instanceof Map)) {
			return false;
		}

		const get = Output.prototype.get;
		Output.prototype.get = function (this: {caches: Caches}) {
			if (shared.styledChars.size > MAX_ENTRIES || shared.widths.size > MAX_ENTRIES) {
				shared.styledChars.clear();
				shared.widths.clear();
				shared.blockWidths.clear();
			}

			this.caches = shared;
			return get.call(this);
		};
		return true;
	} catch {
		return false;
	}
};

let patched: Promise<boolean> | undefined;

/** Patches Ink's Output once per process, however many dashboards are started. */
export const shareInkOutputCaches = async (): Promise<boolean> => {
	patched ??= patchOutput();
	return patched;
};
