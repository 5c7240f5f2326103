// kmtop's own version, from its package.json (found upwards from this module, so it works from
// source in tests and from dist/ when built).

import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const findVersion = (): string => {
	let directory = path.dirname(fileURLToPath(import.meta.url));
	for (;;) {
		const candidate = path.join(directory, 'package.json');
		if (existsSync(candidate)) {
			const manifest = JSON.parse(readFileSync(candidate, 'utf8')) as {name?: string; version?: string};
			if (manifest.name === 'kmtop' && manifest.version) {
				return manifest.version;
			}
		}

		const parent = path.dirname(directory);
		if (parent === directory) {
			return '0.0.0';
		}

		directory = parent;
	}
};

export const kmtopVersion = findVersion();
