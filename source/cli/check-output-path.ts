// An output path that cannot be written is bad input: say so before running anything, in one
// line, rather than after a long run.

import {accessSync, constants, statSync} from 'node:fs';
import path from 'node:path';

/** Undefined when `file` can be written, else why not. */
export const checkOutputPath = (file: string): string | undefined => {
	const resolved = path.resolve(file);
	const directory = path.dirname(resolved);
	try {
		if (statSync(resolved, {throwIfNoEntry: false})?.isDirectory()) {
			return `cannot write ${file}: it is a directory`;
		}

		if (!statSync(directory, {throwIfNoEntry: false})?.isDirectory()) {
			return `cannot write ${file}: no such directory ${directory}`;
		}

		accessSync(directory, constants.W_OK);
		return undefined;
	} catch (error) {
		const code = (error as {code?: string}).code ?? 'error';
		return `cannot write ${file}: ${code === 'EACCES' ? 'permission denied' : code}`;
	}
};
