// Whether V8 inlines a callee of ~300 bytecodes (it does up to 460 by default, the sweep's
// workers up to 100: narrow-inlining.ts). A callee compiled into its caller's optimized code
// takes the caller down when it meets a type it was not optimized for; a callee called as its
// own function does not.

import {expect} from 'vitest';
import {isOptimized, optimizeAfter, prepareFeedback} from '../kernel/v8-natives.js';

/** Whether a fresh ~300-bytecode callee is inlined into a caller optimized now. */
export const inlinesMidSizeCallee = (): boolean => {
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
