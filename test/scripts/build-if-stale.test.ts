// When `npm start` and the test suite rebuild dist/: the bundle missing, or older than any source or config.
import {existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {buildState} from '../../scripts/build-if-stale.js';

const roots: string[] = [];

afterEach(() => {
	for (const root of roots.splice(0)) {
		rmSync(root, {recursive: true, force: true});
	}
});

// A project with the given files, each at the given time (seconds since the epoch).
const project = (files: Record<string, number>): string => {
	const root = mkdtempSync(path.join(tmpdir(), 'kmtop-build-'));
	roots.push(root);
	for (const [file, time] of Object.entries(files)) {
		const target = path.join(root, file);
		mkdirSync(path.dirname(target), {recursive: true});
		writeFileSync(target, '');
		utimesSync(target, time, time);
	}

	// Folders take the oldest time, so only the files decide.
	for (const folder of ['source', 'source/engine', 'workloads', 'scripts', 'dist', 'dist/source', 'dist/bundle']) {
		if (existsSync(path.join(root, folder))) {
			utimesSync(path.join(root, folder), 1, 1);
		}
	}

	return root;
};

describe('buildState', () => {
	it.each<{case: string; files: Record<string, number>; state: string | undefined}>([
		{case: 'no dist/ at all', files: {'source/cli.ts': 100}, state: 'missing'},
		{case: 'dist/ newer than every source', files: {'source/cli.ts': 100, 'source/engine/rng.ts': 150, 'dist/bundle/cli.js': 200}, state: undefined},
		{case: 'a source edited after the build', files: {'source/cli.ts': 100, 'source/engine/rng.ts': 250, 'dist/bundle/cli.js': 200}, state: 'stale'},
		{case: 'a workload edited after the build', files: {'workloads/steady.ts': 300, 'dist/bundle/cli.js': 200}, state: 'stale'},
		{case: 'the build config changed', files: {'source/cli.ts': 100, 'tsconfig.build.json': 201, 'dist/bundle/cli.js': 200}, state: 'stale'},
		{case: 'tsc ran but the bundle was never made', files: {'source/cli.ts': 100, 'dist/source/cli.js': 200}, state: 'missing'},
		{case: 'the bundle script changed', files: {'source/cli.ts': 100, 'scripts/build-bundle.js': 250, 'dist/source/cli.js': 200, 'dist/bundle/cli.js': 200}, state: 'stale'},
		{case: 'only a test changed (not built)', files: {'source/cli.ts': 100, 'test/cli/cli.test.ts': 300, 'dist/bundle/cli.js': 200}, state: undefined},
	])('$case: $state', ({files, state}) => {
		expect(buildState(project(files))).toBe(state);
	});
});
