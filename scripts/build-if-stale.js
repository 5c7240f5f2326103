// Keeps dist/ in step with the sources, for `npm start` and the test suite: a clone that pulled
// new sources, or a developer who edited one, gets a build first instead of running (or testing)
// the old code. Plain JavaScript, since it runs before anything is compiled.

import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// What tsconfig.build.json compiles and the bundle is made of, and what shapes the output.
const inputs = ['source', 'workloads', 'bench', 'test/reference', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build-bundle.js'];
// The bundle is written last, after tsc (which writes every output on each build), from a folder
// it empties first: its entry point's time is the build's.
const markerPath = ['dist', 'bundle', 'cli.js'];

const newestChange = (entry) => {
	if (!existsSync(entry)) {
		return 0;
	}

	const stats = statSync(entry);
	if (!stats.isDirectory()) {
		return stats.mtimeMs;
	}

	return Math.max(stats.mtimeMs, ...readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
};

/**
Why dist/ must be rebuilt (`missing` or `stale`), or `undefined` when it is current.

@param {string} [root] The project folder.
*/
export const buildState = (root = projectRoot) => {
	const marker = path.join(root, ...markerPath);
	if (!existsSync(marker)) {
		return 'missing';
	}

	const built = statSync(marker).mtimeMs;
	return inputs.some((input) => newestChange(path.join(root, input)) > built) ? 'stale' : undefined;
};

/**
Builds dist/ as `npm run build` does (tsc, then the bundle) when it is missing or older than a source, saying so on stderr first.

@param {{label?: string, root?: string}} [options]
@returns {boolean} Whether it built.
*/
export const buildIfStale = ({label = 'kmtop', root = projectRoot} = {}) => {
	const state = buildState(root);
	if (state === undefined) {
		return false;
	}

	const reason = state === 'missing' ? 'no build yet' : 'the sources changed since the last build';
	process.stderr.write(`${label}: ${reason}; building (npm run build)…\n`);
	const started = Date.now();
	const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
	const steps = [
		['tsc', [tsc, '-p', 'tsconfig.build.json']],
		['the bundle', [path.join(root, 'scripts', 'build-bundle.js')]],
	];
	for (const [step, args] of steps) {
		// All the build prints (tsc's errors come on its stdout) goes to stderr: the stdout of
		// `npm start -- snapshot` is the document.
		const result = spawnSync(process.execPath, args, {cwd: root, stdio: ['ignore', 2, 2]});
		if (result.status !== 0) {
			throw new Error(`the build failed (${step}: exit ${result.status ?? result.signal}); see the errors above`);
		}
	}

	process.stderr.write(`${label}: built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
	return true;
};
