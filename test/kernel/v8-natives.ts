// V8's natives for tests that check optimized code survives what the kernel does (the live view's
// helper threads recompile whatever is discarded): made after --allow-natives-syntax is set,
// since the syntax is read when a function is parsed.

import v8 from 'node:v8';

v8.setFlagsFromString('--allow-natives-syntax');
/* eslint-disable @typescript-eslint/no-implied-eval */
const optimizationStatus = new Function('f', 'return %GetOptimizationStatus(f)') as (f: unknown) => number;
const prepareForOptimization = new Function('f', '%PrepareFunctionForOptimization(f)') as (f: unknown) => void;
const optimizeOnNextCall = new Function('f', '%OptimizeFunctionOnNextCall(f)') as (f: unknown) => void;
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: unknown, b: unknown) => boolean;
/* eslint-enable @typescript-eslint/no-implied-eval */
/** V8's OptimizationStatus::kOptimized (runtime-test.cc). */
const OPTIMIZED = 1 << 4;
/**
V8's OptimizationStatus bits that say TurboFan has `f` (kTurboFanned), or has it marked or in hand
(kMarkedForOptimization, kMarkedForConcurrentOptimization, kOptimizingConcurrently): the same bits
in V8 11.3, 12.4 and 13.6 (Node 20, 22, 24); Maglev's marks have bits of their own.
*/
const TURBOFAN = (1 << 6) | (1 << 8) | (1 << 9) | (1 << 10);

/** Gives `f` its feedback vector now (V8 allocates one only after some calls, and inlines only functions that have one). */
export const prepareFeedback = (f: unknown): void => {
	prepareForOptimization(f);
};

export const isOptimized = (f: unknown): boolean => (optimizationStatus(f) & OPTIMIZED) !== 0;

/** Whether V8's tiering has sent `f` to TurboFan (marked, compiling or compiled). */
export const isBoundForTurbofan = (f: unknown): boolean => (optimizationStatus(f) & TURBOFAN) !== 0;

/** Collects feedback for `f` from `warmUp`, then optimizes it on the next call, which `call` makes. */
export const optimizeAfter = (f: unknown, warmUp: () => void, call: () => void): void => {
	prepareForOptimization(f);
	warmUp();
	optimizeOnNextCall(f);
	call();
};

/** Whether V8 gave `a` and `b` the same hidden class (map): the same fields, added in the same order. */
export const haveSameMap = (a: object, b: object): boolean => sameMap(a, b);
