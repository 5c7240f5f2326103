// The live view lets V8's memory reducer run one GC, not two (issue #14): flags per Node version.
//
// Some 8 s after a full GC that grew the heap, V8's memory reducer runs a memory-reducing full GC
// when the allocation rate is low, as a live view's is, and a second one soon after (--trace-gc on
// Node 20: two in each thread, at ~9 and ~12 s). Each marks the whole heap on the helper threads
// and shrinks the young generation back to its floor, so scavenges come several times as often
// until it has grown again (the UI's thread: every ~3 s before, every ~0.75 s after the two).
//
// - Node 20 (V8 11.3): --memory-reducer-single-gc, read each time the reducer decides on a next
//   GC, so it takes effect for the UI's isolate too, which exists before it is set (--trace-gc over
//   40 s: 2 -> 1 "Mark-Compact (reduce)" in each thread). Measured with bench/measure-live-start
//   (each pair's two runs at once on one core, 2026-12-02), CPU s over 3-33 s and over 60-90 s:
//   screened as a flag, 10 pairs: -6 % (median; lower in all 10) and -6 % (-12 to +12 %); this
//   build against the one before, 8 pairs: 1.34 -> 1.27 (-4 %, lower in 6) and 1.11 -> 1.04
//   (-8 %, lower in 6); over 3-33 s the helpers' 0.32 -> 0.26 and the engine's 0.45 -> 0.41. At
//   --rate 100000 the engine's CPU a tick 0.288 -> 0.291 ms (1 pair, within noise).
//   --no-memory-reducer did more over 3-33 s on the command line (both isolates: -10 %, 16 of 16
//   pairs) but over 60-90 s +8 % (-6 to +29 %); set from inside it reaches only the engine's
//   isolate (the UI's heap reads it when it is made, before kmtop runs), and there it measured
//   no gain over 3-33 s (-1 %, 4 pairs).
// - Node 22 and 24 (V8 12.4, 13.6): the count is --memory-reducer-gc-count (2); =1 measured no
//   gain (3 pairs each: 3-33 s -2 % / -4 %, 60-90 s +3 % / -5 %). V8's defaults stay.
//
// Set for the live view only, with the TurboFan flags (hold-back-turbofan.ts): the headless runs
// (snapshot, sweep) were not measured with it and keep V8's defaults.
//
// Set once, when the live command starts (run-live-command.ts), never later in a process that has
// run a while: with the flag, V8 11.3 CHECKs at each of the reducer's timers that it has started
// no GC yet, so set while an isolate's reducer is between its first GC and its last it aborts the
// whole process ("Check failed: v8_flags.memory_reducer_single_gc implies state.started_gcs() == 0",
// then SIGILL: a live view without the flag, set 650 ms after its reducer's first GC). At the start
// no reducer has begun a GC (the first comes 8 s after a full GC that grew the heap). A test
// process that starts one engine after another is a process that has run a while: CI's aborted,
// 2026-12-02, when the flag was set at each engine thread's start (Vitest: "Worker exited
// unexpectedly").

import process from 'node:process';
import v8 from 'node:v8';

/** The flags that limit the memory reducer on Node `version` (none where it measured no gain). */
export const memoryReducerFlags = (version: string): readonly string[] =>
	version.split('.')[0] === '20' ? ['--memory-reducer-single-gc'] : [];

/** Limits the memory reducer for the rest of the process; the flags it set. */
export const limitMemoryReducer = (version = process.versions.node): readonly string[] => {
	const flags = memoryReducerFlags(version);
	for (const flag of flags) {
		v8.setFlagsFromString(flag);
	}

	return flags;
};
