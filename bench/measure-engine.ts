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

export const measureWorkloads = async (ticks: number): Promise<WorkloadRate[]> => {
	const rates: WorkloadRate[] = [];
	for (const workload of await loadAllBuiltinWorkloads()) {
		const simulation = new Simulation({seed: 1, revision: '2021-02-23', ramBytes: 512 * MiB, workload});
		const started = performance.now();
		const ran = simulation.step(ticks);
		const seconds = (performance.now() - started) / 1000;
		rates.push({workload: workload.name, ticks: ran, ticksPerSecond: ran / seconds, halted: simulation.halted});
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
