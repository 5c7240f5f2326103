#!/usr/bin/env node
// `npm start`: the live dashboard from a clone, rebuilt first only when a source is newer than
// dist/ (npm ci builds once, through `prepare`), so it draws at once. Arguments pass through:
// `npm start -- -w logging-burst`.

import process from 'node:process';
import {buildIfStale} from './build-if-stale.js';

try {
	buildIfStale();
} catch (error) {
	process.stderr.write(`kmtop: ${error.message}\n`);
	process.exit(1);
}

await import('../cli.js');
