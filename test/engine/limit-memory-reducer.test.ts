// The live view limits V8's memory reducer (limit-memory-reducer.ts): the flags per Node version,
// and on the Node that runs the tests, that its V8 knows them. What the flag does is not seen from
// inside: the reducer's GCs come ~8 s after a full GC that grew the heap, only while the allocation
// rate is low, and look like any other full GC in perf_hooks; `--trace-gc` on the live view shows
// it (2 -> 1 "Mark-Compact (reduce)" in each thread). An unknown flag is the failure that hides: V8
// does not throw for it, it prints "unrecognized flag" on stderr and goes on (Node 22 did that with
// Node 20's TurboFan flag, hold-back-turbofan.ts).

import {spawnSync} from 'node:child_process';
import process from 'node:process';
import {describe, expect, test} from 'vitest';
import {memoryReducerFlags} from '../../source/engine/limit-memory-reducer.js';

describe('limitMemoryReducer', () => {
	const flags = memoryReducerFlags(process.versions.node);
	test.runIf(flags.length > 0)('the V8 of this Node takes the flags without a word', () => {
		const script = `const v8 = require('node:v8');
			for (const flag of ${JSON.stringify(flags)}) v8.setFlagsFromString(flag);`;
		const run = spawnSync(process.execPath, ['-e', script], {encoding: 'utf8'});
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
	});

	test.each([
		['20.20.2', ['--memory-reducer-single-gc']],
		['20.0.0', ['--memory-reducer-single-gc']],
		['22.23.5', []],
		['24.22.3', []],
		['2.0.0', []],
		['200.0.0', []],
	])('on Node %s: %j', (version, expected) => {
		expect(memoryReducerFlags(version)).toEqual(expected);
	});
});
