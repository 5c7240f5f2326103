// A sweep's workers each warm up V8 on their own: every isolate optimizes the kernel's paths
// with TurboFan, about 180 functions and 45 recompiles after deoptimizations in a big-allocations
// worker. With one worker those compiles run on the idle second core; with two they take turns
// with the runs, and they were the largest part of what a second worker costs: TurboFan was
// ~0.7 of the 3.5 CPU s one isolate spends on the 80 runs.
//
// Most of that compile time goes into inlining: V8 inlines callees of up to 460 bytecodes, 920 in
// all, so a function on the kmalloc path (allocateKernelRegion, tryEverySubheap, kmallocImpl)
// is compiled with the allocator's whole path in it, and compiled again, whole, whenever any
// inlined part deoptimizes. Callees of up to 100 bytecodes, 400 in all, still inline the small
// hot helpers (bitmap words, search-tree nodes, chunk states): measured on the sweep, 4
// pairs on Node 20, the helper threads' CPU fell from 0.80 to 0.47 s with --jobs 1 and from 1.51
// to 0.82 s with --jobs 2, the whole process's from 6.56 to 5.39 s with --jobs 2, while the
// worker thread ran the 80 runs in 3.46 s instead of 3.37 s (code a little less inlined).
//
// Node 20 only, as the live view's own flag (hold-back-turbofan.ts): Node 22 and later keep V8's
// compiled code on disk (cli.js), and flags changed at run time would make the workers' cached
// code not match.
//
// When: each worker sets them once it has started and loaded its modules, before its first run
// (sweep-worker.ts). The flags are the process's, and V8 accepts a code cache only when it was made
// with the flags in force: set before a worker starts, as the sweep's thread did until 2026-12-01,
// they cost every worker the code cache of Node's own modules, which it then compiled afresh while
// starting (measured: a worker's CPU to load its modules 120 ms against 84 ms, Node 20, 5 tries).

import process from 'node:process';
import v8 from 'node:v8';

/** V8's inlining limits for the sweep's workers (the flags are the process's). */
export const NARROW_INLINING_FLAGS = ['--max-inlined-bytecode-size=100', '--max-inlined-bytecode-size-cumulative=400'] as const;

/** Narrows V8's inlining for the rest of the process, on Node 20; whether it did. */
export const narrowInlining = (version = process.versions.node): boolean => {
	if (!version.startsWith('20.')) {
		return false;
	}

	for (const flag of NARROW_INLINING_FLAGS) {
		v8.setFlagsFromString(flag);
	}

	return true;
};
