// `kmtop snapshot`: boot, run the ticks headless as fast as the machine goes, write one document.
// The run yields to the event loop every ~100 ms so Ctrl+C is heard (exit 130, nothing written).

import {buildSnapshot} from '../engine/build-snapshot.js';
import {Simulation} from '../engine/simulation.js';
import {isTraceWorkload} from '../engine/trace/trace-workload.js';
import type {SnapshotDocument} from '../engine/snapshot-types.js';
import type {Workload} from '../engine/workload-api.js';
import {ProgressBar, type ProgressStream} from './progress-bar.js';

export type SnapshotRun = {
	seed: number;
	revision: string;
	ramBytes: number;
	debugAsserts: boolean;
	workload: Workload;
	ticks: number;
	progress: ProgressStream;
	/** Set by a SIGINT handler: the run stops at the next slice. */
	interrupted: () => boolean;
};

const SLICE = 500;
const YIELD_MS = 100;

const nextTurn = async (): Promise<void> =>
	new Promise((resolve) => {
		setImmediate(resolve);
	});

/** The simulation after the run, for documents beyond the snapshot (a subheap's chunk map); undefined when interrupted. */
export const runSimulation = async (run: SnapshotRun): Promise<Simulation | undefined> => {
	const simulation = new Simulation(run);
	const started = performance.now();
	const progress = new ProgressBar(run.progress, run.ticks, started);
	let lastYield = started;
	let done = 0;
	while (done < run.ticks && !simulation.halted) {
		const slice = Math.min(SLICE, run.ticks - done);
		if (isTraceWorkload(simulation.workload)) {
			await simulation.workload.prepare(simulation.tick + slice);
		}

		const ran = simulation.step(slice);
		done += ran;
		const now = performance.now();
		if (now - lastYield > YIELD_MS) {
			progress.update(done, now);
			await nextTurn();
			lastYield = performance.now();
			if (run.interrupted()) {
				progress.done();
				return undefined;
			}
		}

		if (ran === 0) {
			break;
		}
	}

	progress.done();
	return simulation;
};

/** Undefined when interrupted. */
export const runSnapshot = async (run: SnapshotRun): Promise<SnapshotDocument | undefined> => {
	const simulation = await runSimulation(run);
	return simulation && buildSnapshot(simulation);
};
