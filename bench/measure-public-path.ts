// The public workload path at kernel speed (issue 14): the issue-7 trace replayed by a workload
// module through the facade (replay-workload.ts, loaded as a user's module, run by the engine),
// against the kernel replaying the same trace directly, alternating in the same process so both
// see the same machine. Best of `runs` each, after a warm-up of each.

import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {Simulation} from '../source/engine/simulation.js';
import {loadWorkloadFile} from '../source/engine/workload-loader.js';
import {Kernel} from '../source/kernel/kernel.js';
import {defaultRevisionId} from '../source/kernel/revisions.js';
import {replayTrace, type Trace} from './generate-trace.js';
import {CALLS_PER_TICK, useTrace} from './replay-workload.js';

const MiB = 1024 * 1024;
const workloadFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'replay-workload.js');

export type PublicPathResult = {
	publicPath: {opsPerSecond: number; seconds: number};
	kernelDirect: {opsPerSecond: number; seconds: number};
	/** Public path over kernel direct, same run: the goal is ≥ 2/3. */
	ratio: number;
	/** Whether both replays left the same heap (allocated bytes, kmalloc and kfree counts). */
	sameHeap: boolean;
};

/** One replay straight into a kernel booted as the engine boots it (measure-kernel.ts does the same). */
const replayDirect = (trace: Trace) => {
	const kernel = new Kernel({revision: defaultRevisionId, ramBytes: 2048 * MiB});
	const started = performance.now();
	replayTrace(trace, (size) => kernel.kmalloc(size), (address) => kernel.kfree(address));
	return {seconds: (performance.now() - started) / 1000, memstat: kernel.memstat()};
};

export const measurePublicPath = async (trace: Trace, runs = 2): Promise<PublicPathResult> => {
	useTrace(trace);
	const workload = await loadWorkloadFile(workloadFile);
	const ticks = Math.ceil(trace.ops.length / CALLS_PER_TICK);
	let bestPublic = Number.POSITIVE_INFINITY;
	let bestKernel = Number.POSITIVE_INFINITY;
	let sameHeap = true;
	for (let run = 0; run <= runs; run++) {
		const simulation = new Simulation({seed: 1, revision: defaultRevisionId, ramBytes: 2048 * MiB, workload});
		const started = performance.now();
		simulation.step(ticks);
		const seconds = (performance.now() - started) / 1000;
		if (simulation.workloadFailure || simulation.halted) {
			throw new Error(`the replay workload stopped: ${simulation.workloadFailure?.message ?? simulation.kernel.panic?.lines[1]}`);
		}

		const direct = replayDirect(trace);
		const viaFacade = simulation.kernel.memstat();
		sameHeap &&=
			viaFacade.kmalloc_allocated === direct.memstat.kmalloc_allocated &&
			viaFacade.kmalloc_call_count === direct.memstat.kmalloc_call_count &&
			viaFacade.kfree_call_count === direct.memstat.kfree_call_count;
		if (run > 0) {
			bestPublic = Math.min(bestPublic, seconds);
			bestKernel = Math.min(bestKernel, direct.seconds);
		}
	}

	const publicPath = {opsPerSecond: trace.ops.length / bestPublic, seconds: bestPublic};
	const kernelDirect = {opsPerSecond: trace.ops.length / bestKernel, seconds: bestKernel};
	return {publicPath, kernelDirect, ratio: publicPath.opsPerSecond / kernelDirect.opsPerSecond, sameHeap};
};
