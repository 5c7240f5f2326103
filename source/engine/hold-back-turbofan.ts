// The live view holds TurboFan back for lukewarm code (issue #14): the flags per Node version.
//
// V8 optimizes a function with TurboFan once it has run a budget of bytecode. A live view spends
// that budget even in code that runs a few times a frame, so it kept optimizing a function or two
// a second, each a 15-30 ms compile on V8's helper threads. Four times the budget leaves that
// lukewarm code in the lower tiers while the kernel's hot loops still reach TurboFan.
//
// - Node 20 (V8 11.3, no Maglev): the budget is --interrupt-budget. Those compiles were about two
//   thirds of the helpers' CPU (--no-opt as the control: 0.9 -> 0.3 CPU s over the first 30 s).
// - Node 22 (V8 12.4): --interrupt-budget is gone (setFlagsFromString does not throw for it, V8
//   only prints "unrecognized flag" on stderr: the change measured as "no gain" until 2026-12-01
//   never took effect); the budget is
//   --invocation-count-for-turbofan, 3000 times a function's bytecode. Node 22 ships with Maglev
//   off, so TurboFan is its only optimizing tier, as on Node 20. Four times the count, measured
//   with bench/measure-live-start (6 pairs, each pair's two runs at once on one core; medians):
//   the helpers' CPU over 3-33 s 0.45 -> 0.29 s and over 60-90 s 0.28 -> 0.10 s, the process
//   4.85 -> 4.37 % and 3.90 -> 3.52 % of a core (lower in each of the 6 pairs), the engine's
//   0.40 -> 0.43 and 0.38 -> 0.42 s. At --rate 100000 it cost the engine 9 % more CPU a tick
//   until time travel's copies kept their optimized code (clone-graph.ts); with them 2 % (3
//   pairs, within noise). No compiled code cached on disk (cli.js) is turned away for the changed
//   flag: the UI's modules are read before it is set, and the engine's worker reads none from
//   the cache (NODE_DEBUG_NATIVE=COMPILE_CACHE: the same 23 files accepted with and without it).
// - Node 24 (V8 13.6): V8 already holds TurboFan back after Maglev (a probe function reaches
//   TurboFan after ~10,400 calls, not 3,000), and four times the count measured no gain (helpers
//   0.44 / 0.47 CPU s over 3-33 s, 3 pairs); 40,000 saved 0.08 CPU s over 3-33 s and nothing
//   over 60-90 s (8 pairs). V8's defaults stay.
//
// Set for the live view only (both threads: the flags are the process's, read each time a
// function's budget is reset), since a headless run is mostly code that turns hot at once and
// there the default budget gets it optimized sooner.

import process from 'node:process';
import v8 from 'node:v8';

/** The flags that hold TurboFan back on Node `version` (none where it measured no gain). */
export const turbofanHoldBackFlags = (version: string): readonly string[] => {
	const major = version.split('.')[0];
	if (major === '20') {
		return ['--interrupt-budget=270336'];
	}

	if (major === '22') {
		return ['--invocation-count-for-turbofan=12000'];
	}

	return [];
};

/** Holds TurboFan back for the rest of the process; the flags it set. */
export const holdBackTurbofan = (version = process.versions.node): readonly string[] => {
	const flags = turbofanHoldBackFlags(version);
	for (const flag of flags) {
		v8.setFlagsFromString(flag);
	}

	return flags;
};
