// The sweep narrows V8's inlining before its workers start (narrow-inlining.ts). Whether a callee
// was inlined shows in its caller's optimized code: a callee compiled into it takes its caller
// down when it meets a type it was not optimized for; a callee called as its own function does
// not. The probe is a callee of ~300 bytecodes (V8 inlines up to 460 by default, the sweep 100).

import process from 'node:process';
import {describe, expect, test} from 'vitest';
import {narrowInlining} from '../../source/sweep/narrow-inlining.js';
import {isOptimized, optimizeAfter, prepareFeedback} from '../kernel/v8-natives.js';

/** Whether a fresh ~300-bytecode callee is inlined into a caller optimized now. */
const inlinesMidSizeCallee = (): boolean => {
	// Sums that V8 compiles for small integers: a string makes them deoptimize.
	const body = Array.from({length: 60}, (_, index) => `s = s + ${index};`).join('\n');
	// eslint-disable-next-line @typescript-eslint/no-implied-eval
	const callee = new Function('x', `let s = x;\n${body}\nreturn s;`) as (x: unknown) => unknown;
	// eslint-disable-next-line @typescript-eslint/no-implied-eval
	const caller = new Function('callee', 'x', 'callee(x);\nreturn 0;') as (callee: unknown, x: unknown) => number;
	prepareFeedback(callee);
	optimizeAfter(caller, () => {
		caller(callee, 1);
		caller(callee, 2);
	}, () => caller(callee, 3));
	expect(isOptimized(caller)).toBe(true);
	caller(callee, 'a string');
	return !isOptimized(caller);
};

describe('narrowInlining', () => {
	// First, and before and after in one test: the flags, once set, are the process's.
	test.runIf(process.versions.node.startsWith('20.'))('a ~300-bytecode callee is inlined by default and no longer once narrowed', () => {
		expect(inlinesMidSizeCallee()).toBe(true);
		expect(narrowInlining()).toBe(true);
		expect(inlinesMidSizeCallee()).toBe(false);
	});

	test.each([
		['20.20.2', true],
		['20.0.0', true],
		['22.23.5', false],
		['24.1.0', false],
		['2.0.0', false],
	])('on Node %s: narrowed %s', (version, narrowed) => {
		expect(narrowInlining(version)).toBe(narrowed);
	});
});
