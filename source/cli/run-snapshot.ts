// `kmtop snapshot`: boot, run the ticks headless as fast as the machine goes, write one document.
// The run yields to the event loop every ~100 ms so Ctrl+C is heard (exit 130, nothing written).
//
// A trace replay (`--trace`) runs until its workload says it is `finished` (every event read and
// replayed), unless `ticks` is given: its length is not known in advance when it comes through a
// pipe. Before each tick the loop asks the workload `isReady(tick)` and, while it is not, awaits
// `prepare(tick)` (which reads a bounded amount), so every record is replayed at its own tick
// whatever the trace's length and pace. It stops early when the kernel halts or the replay fails;
// the document's `trace.stopped` says so.

import {buildSnapshot} from '../engine/build-snapshot.js';
import {Simulation} from '../engine/simulation.js';
import {isTraceWorkload, type TraceWorkload} from '../engine/trace/trace-workload.js';
import type {SnapshotDocument} from '../engine/snapshot-types.js';
import type {Workload} from '../engine/workload-api.js';
import {formatTraceProgress} from './format-trace-progress.js';
import {ProgressBar, type ProgressStream} from './progress-bar.js';

export type SnapshotRun = {
	seed: number;
	revision: string;
	ramBytes: number;
	debugAsserts: boolean;
	workload: Workload;
	/** null: a trace replay runs to its end (another workload runs 1000 ticks). */
	ticks: number | null;
	progress: ProgressStream;
	/** Set by a SIGINT handler: the run stops at the next slice. */
	interrupted: () => boolean;
};

const SLICE = 500;
const YIELD_MS = 100;
const DEFAULT_TICKS = 1000;

const nextTurn = async (): Promise<void> =>
	new Promise((resolve) => {
		setImmediate(resolve);
	});

/** Runs up to `limit` ticks of a trace replay, each once its records are in hand; false when it must stop. */
const stepTrace = async (simulation: Simulation, trace: TraceWorkload, limit: number, toEnd: boolean): Promise<boolean> => {
	if (toEnd && (trace.finished || simulation.workloadFailure)) {
		return false;
	}

	const next = simulation.tick + 1;
	if (!trace.isReady(next)) {
		// Only what the next tick needs: the workload reads its own small batch ahead.
		await trace.prepare(next);
		return true;
	}

	for (let ran = 0; ran < SLICE && simulation.tick < limit && trace.isReady(simulation.tick + 1); ran++) {
		if (simulation.step(1) === 0 || (toEnd && trace.finished)) {
			break;
		}
	}

	return true;
};

/** Undefined when interrupted. */
export const runSnapshot = async (run: SnapshotRun): Promise<SnapshotDocument | undefined> => {
	const simulation = new Simulation(run);
	const trace = isTraceWorkload(simulation.workload) ? simulation.workload : undefined;
	const toEnd = trace !== undefined && run.ticks === null;
	const limit = run.ticks ?? (trace ? Number.POSITIVE_INFINITY : DEFAULT_TICKS);
	const started = performance.now();
	const progress = new ProgressBar(run.progress, Number.isFinite(limit) ? limit : 0, started);
	let lastYield = started;
	while (simulation.tick < limit && !simulation.halted) {
		if (trace) {
			if (!await stepTrace(simulation, trace, limit, toEnd)) {
				break;
			}
		} else {
			simulation.step(Math.min(SLICE, limit - simulation.tick));
		}

		const now = performance.now();
		if (now - lastYield > YIELD_MS) {
			if (trace) {
				const {fraction, label} = formatTraceProgress(trace.progress(), simulation.tick, now - started);
				progress.show(fraction, label, now);
			} else {
				progress.update(simulation.tick, now);
			}

			await nextTurn();
			lastYield = performance.now();
			if (run.interrupted()) {
				progress.done();
				return undefined;
			}
		}
	}

	progress.done();
	return buildSnapshot(simulation);
};
