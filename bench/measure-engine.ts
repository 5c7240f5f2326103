// Headless ticks per second for each built-in workload, and the wall time of the smallest
// snapshot a user can ask for (`kmtop snapshot --ticks 1`: process start, boot, one tick, JSON).

import {execFileSync} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {Simulation} from '../source/engine/simulation.js';
import {loadAllBuiltinWorkloads} from '../source/engine/workload-loader.js';

const MiB = 1024 * 1024;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export type WorkloadRate = {workload: string; ticks: number; ticksPerSecond: number; halted: boolean};

/**
Each workload's best of at least `runs` fresh simulations of `ticks` ticks, after one more that
is not counted, and of as many more as fit in `minSeconds` (at most 50): a workload whose ticks
cost next to nothing is run until the figure means something. A single cold run was the figure
until 2026-12-01: drain (idle once nothing is held, the engine's own cost of a tick) runs its
5,000 ticks in about a millisecond, so one collection or compile among them moved its figure
fivefold between bench runs of the same code (0.34 to 2.58 M ticks/s).
*/
export const measureWorkloads = async (ticks: number, runs = 3, minSeconds = 0.2): Promise<WorkloadRate[]> => {
	const rates: WorkloadRate[] = [];
	for (const workload of await loadAllBuiltinWorkloads()) {
		let best: WorkloadRate | undefined;
		let counted = 0;
		let countedSeconds = 0;
		for (let run = 0; counted < runs || (countedSeconds < minSeconds && counted < 50); run++) {
			const simulation = new Simulation({seed: 1, revision: '2021-02-23', ramBytes: 512 * MiB, workload});
			const started = performance.now();
			const ran = simulation.step(ticks);
			const seconds = (performance.now() - started) / 1000;
			if (run === 0) {
				continue; // the warm-up
			}

			counted++;
			countedSeconds += seconds;
			if (best === undefined || ran / seconds > best.ticksPerSecond) {
				best = {workload: workload.name, ticks: ran, ticksPerSecond: ran / seconds, halted: simulation.halted};
			}
		}

		rates.push(best!);
	}

	return rates;
};

/** Best of `runs` wall times of `node cli.js snapshot --ticks 1`, in seconds. */
export const measureSnapshotStart = (runs = 5): number => {
	let best = Number.POSITIVE_INFINITY;
	for (let run = 0; run < runs; run++) {
		const started = performance.now();
		execFileSync(process.execPath, [path.join(root, 'cli.js'), 'snapshot', '--ticks', '1'], {stdio: ['ignore', 'ignore', 'inherit']});
		best = Math.min(best, (performance.now() - started) / 1000);
	}

	return best;
};
