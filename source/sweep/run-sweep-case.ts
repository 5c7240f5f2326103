// One run of a sweep: the same Simulation and snapshot document `kmtop snapshot` makes with
// these options, read into a row; only its history is left unsampled (no row reads it). Two
// figures need the whole run, not the end of it, and the document keeps only the newest events:
// the peak heap and the subheap counts are watched as the events happen.

import {buildSnapshot} from '../engine/build-snapshot.js';
import {runTicksTo} from '../engine/session-journal.js';
import {Simulation, type HookWatch} from '../engine/simulation.js';
import type {SnapshotDocument, SnapshotEvent} from '../engine/snapshot-types.js';
import type {Workload} from '../engine/workload-api.js';
import {CHUNK_SIZE} from '../kernel/constants.js';
import type {Kernel} from '../kernel/kernel.js';
import type {SweepCombination, SweepRow} from './sweep-row.js';

/** What a row needs that the document does not keep for a whole run. */
export type RunObservations = {
	peakHeapBytes: number;
	subheapsAdded: number;
	subheapsRemoved: number;
	firstExpansionTick: number | null;
	workloadError: {tick: number; message: string} | null;
	wallMs: number;
};

// The document's `heap.totalBytes`: every subheap's chunks.
const heapTotalBytes = (kernel: Kernel): number => {
	let chunks = 0;
	for (const subheap of kernel.heap.subheaps()) {
		chunks += subheap.heap.totalChunks;
	}

	return chunks * CHUNK_SIZE;
};

/** A run's row: its figures from its snapshot document, the rest from watching it. */
export const buildRow = (document: SnapshotDocument, ticks: number, observed: RunObservations): SweepRow => ({
	workload: document.run.workload,
	revision: document.run.revision,
	seed: document.run.seed,
	ramBytes: document.run.ramBytes,
	ticks,
	ticksRun: document.run.tick,
	heapTotalBytes: document.heap.totalBytes,
	heapAllocatedBytes: document.heap.allocatedBytes,
	peakHeapBytes: observed.peakHeapBytes,
	subheapsAdded: observed.subheapsAdded,
	subheapsRemoved: observed.subheapsRemoved,
	backupConsumed: document.backup.consumed,
	backupReplaced: document.backup.replaced,
	backupFailed: document.backup.failedReplacements,
	firstExpansionTick: observed.firstExpansionTick,
	panicKind: document.panic?.kind ?? null,
	panicTick: document.panic?.tick ?? null,
	panicLine: document.panic?.lines[0] ?? null,
	workloadErrorTick: observed.workloadError?.tick ?? null,
	workloadError: observed.workloadError?.message ?? null,
	error: null,
	wallMs: observed.wallMs,
});

export type RunSweepCaseOptions = {
	/** The watchdog's view of the workload's hooks (hook-watchdog.ts), as on the engine thread. */
	watch?: HookWatch;
	/** Told the simulation once it exists (a fault raised outside the hooks is recorded on it). */
	onSimulation?: (simulation: Simulation) => void;
	now?: () => number;
};

/** Runs one combination to its end (all its ticks, or a panic) and returns its row. */
export const runSweepCase = async (workload: Workload, combination: SweepCombination, options: RunSweepCaseOptions = {}): Promise<SweepRow> => {
	const now = options.now ?? (() => performance.now());
	const started = now();
	const observed = {peakHeapBytes: 0, subheapsAdded: 0, subheapsRemoved: 0, firstExpansionTick: null as number | null};
	const onEvent = (event: SnapshotEvent, simulation: Simulation) => {
		if (event.kind === 'subheap-added') {
			observed.subheapsAdded++;
			observed.firstExpansionTick ??= event.tick;
			// The heap only grows here, so its peak is the largest size right after an addition.
			// (While the kernel itself boots it is not assigned yet; the pool is measured after.)
			if (simulation.kernel) {
				observed.peakHeapBytes = Math.max(observed.peakHeapBytes, heapTotalBytes(simulation.kernel));
			}
		} else if (event.kind === 'subheap-removed') {
			observed.subheapsRemoved++;
		}
	};

	const simulation = new Simulation({
		seed: combination.seed,
		revision: combination.revision,
		ramBytes: combination.ramBytes,
		debugAsserts: combination.debugAsserts,
		workload,
		onEvent,
		// A row reads no history (buildRow): its samples would only cost the run.
		sampleHistory: false,
		...(options.watch && {watch: options.watch}),
		...(combination.knownHangs && {knownHangs: combination.knownHangs}),
	});
	options.onSimulation?.(simulation);
	observed.peakHeapBytes = Math.max(observed.peakHeapBytes, heapTotalBytes(simulation.kernel));
	// The loop of `kmtop snapshot` (engine-worker.ts): slices, with a turn for the event loop now
	// and then (a worker is stopped by terminating it, so nothing is asked between slices).
	await runTicksTo(simulation, combination.ticks);
	const document = buildSnapshot(simulation);
	const failure = simulation.workloadFailure;
	return buildRow(document, combination.ticks, {
		...observed,
		workloadError: failure ? {tick: failure.tick, message: failure.message} : null,
		wallMs: Math.round((now() - started) * 10) / 10,
	});
};
