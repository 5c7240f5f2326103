// Rows for the pure tests: a run of big-allocations on 2021-02-23 that did nothing notable,
// changed field by field.
import type {SweepRow} from '../../source/sweep/sweep-row.js';

export const known = {
	workloadNames: ['steady', 'vmobject-churn', 'big-allocations'],
	revisionIds: ['2020-08-29', '2020-12-31', '2021-02-23'],
};

export const row = (changes: Partial<SweepRow> = {}): SweepRow => ({
	workload: 'big-allocations',
	revision: '2021-02-23',
	seed: 1,
	ramBytes: 536_870_912,
	ticks: 8000,
	ticksRun: 8000,
	heapTotalBytes: 3_145_728,
	heapAllocatedBytes: 1_048_576,
	peakHeapBytes: 3_145_728,
	subheapsAdded: 0,
	subheapsRemoved: 0,
	backupConsumed: 0,
	backupReplaced: 0,
	backupFailed: 0,
	firstExpansionTick: null,
	panicKind: null,
	panicTick: null,
	panicLine: null,
	workloadErrorTick: null,
	workloadError: null,
	error: null,
	wallMs: 12.5,
	...changes,
});

/** A panic at `tick` after a first expansion at `expandedAt`, the heap at its peak `peakMiB`. */
export const panicked = (seed: number, tick: number, expandedAt: number, peakMiB: number, changes: Partial<SweepRow> = {}): SweepRow =>
	row({
		seed,
		ticksRun: tick,
		panicKind: 'oom',
		panicTick: tick,
		panicLine: 'kmalloc(): PANIC! Out of memory (no suitable block for size 1016768)',
		firstExpansionTick: expandedAt,
		subheapsAdded: 1,
		peakHeapBytes: peakMiB * 2 ** 20,
		...changes,
	});
