// kmtop's own package: its folder and its version, from the package.json found upwards from this
// module. That works wherever the module runs: source/engine in tests, dist/source/engine after
// tsc, and dist/bundle, where the shipped bundle's chunks all sit.

import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const findPackage = (): {root: string; version: string} | undefined => {
	let directory = path.dirname(fileURLToPath(import.meta.url));
	for (;;) {
		const candidate = path.join(directory, 'package.json');
		if (existsSync(candidate)) {
			const manifest = JSON.parse(readFileSync(candidate, 'utf8')) as {name?: string; version?: string};
			if (manifest.name === 'kmtop' && manifest.version) {
				return {root: directory, version: manifest.version};
			}
		}

		const parent = path.dirname(directory);
		if (parent === directory) {
			return undefined;
		}

		directory = parent;
	}
};

const kmtopPackage = findPackage();

export const kmtopVersion = kmtopPackage?.version ?? '0.0.0';

/** The folder of kmtop's package.json (the clone, or node_modules/kmtop); undefined if it cannot be found. */
export const kmtopRoot = kmtopPackage?.root;
