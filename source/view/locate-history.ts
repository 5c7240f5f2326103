// Where the document's history samples sit in time. The engine samples every `everyTicks` ticks
// from boot (tick 0) and keeps the newest few hundred; it stops sampling when the kernel halts.

import type {SnapshotDocument} from '../engine/snapshot-types.js';

/** Samples kept by the engine (HISTORY_CAPACITY): a sparkline spans this many at most. */
export const HISTORY_SAMPLES = 512;

/** The absolute number of the newest sample (samples since boot, counting the one at tick 0). */
export const lastSampleIndex = (document: SnapshotDocument): number => {
	const {history, run, panic} = document;
	// The tick that halted the kernel took no sample, even when it fell on a sampling tick.
	const lastSampledTick = panic ? Math.max(0, run.tick - 1) : run.tick;
	const index = Math.floor(lastSampledTick / Math.max(1, history.everyTicks));
	// A document that does not add up (edited by hand) still draws: fall back to the array.
	return index >= history.kmallocAllocated.length - 1 ? index : history.kmallocAllocated.length - 1;
};

/** Samples per sparkline cell, so that `width` cells span the history the engine keeps. */
export const samplesPerCell = (width: number): number => Math.max(1, Math.ceil(HISTORY_SAMPLES / Math.max(1, width)));

/** Ticks one sparkline cell covers. */
export const ticksPerCell = (document: SnapshotDocument, width: number): number =>
	samplesPerCell(width) * Math.max(1, document.history.everyTicks);
