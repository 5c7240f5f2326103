// A sweep's worker thread: runs the combinations it is sent, one at a time, and answers with
// their rows. As on the engine thread of `kmtop snapshot` (engine-worker.ts): the workload's
// hooks are watched through the shared heartbeat (the pool stops a hung one), and a fault it
// raises outside its hooks (a timer, a rejected promise) is recorded as its failure, not a
// crash. Each module is loaded once per worker; a run's state is its own (ctx.state), but its
// kernel's large arrays are those of the runs before, zero-filled again (reuse-kernel-arrays.ts).

import process from 'node:process';
import {workerData} from 'node:worker_threads';
import {describeThrown} from '../engine/describe-thrown.js';
import {writeHeartbeat} from '../engine/hook-watchdog.js';
import type {Simulation} from '../engine/simulation.js';
import type {Workload} from '../engine/workload-api.js';
import {loadBuiltinWorkload, loadWorkloadFile} from '../engine/workload-loader.js';
import {lendKernelArrays} from '../kernel/kernel-arrays.js';
import {narrowInlining} from './narrow-inlining.js';
import {createKernelArrayPool} from './reuse-kernel-arrays.js';
import {runSweepCase} from './run-sweep-case.js';
import {serveTasks} from './run-worker-pool.js';
import type {SweepCombination, SweepRow, WorkloadSource} from './sweep-row.js';

// Now that this worker has started, and before its first run: narrowed any earlier (by the sweep's
// thread, before starting its workers), the flags would no longer match the code cache Node keeps
// for its own modules, and every worker would compile them afresh while it starts: ~35 ms more CPU
// each on Node 20 (narrow-inlining.ts). Its modules load first (imports are evaluated before this).
narrowInlining();

let running: Simulation | undefined;
// The run before, kept until the next one has booted its kernel. Optimized code holds the hidden
// classes (maps) of the objects it was compiled for weakly, and a map with no object left is
// collected: a full collection between two runs, when one run's kernel was garbage and the next
// had not yet made its own, discarded most of the kernel's optimized code at once (V8: "weak
// objects", ~30 functions recompiled), in some sweeps and not others. Kept any longer, it grew
// the worker's heap (~4,000 more page faults a worker). Nothing reads it; its arrays serve the
// next run meanwhile.
const keptAlive: {previousRun?: Simulation} = {};
const {heartbeat} = (workerData ?? {}) as {heartbeat?: SharedArrayBuffer};
const beat = heartbeat && writeHeartbeat(heartbeat, () => ({boot: running?.bootNumber ?? 1, workloadIndex: 0}));

// The words engine-worker.ts uses, so the row says what the snapshot's document does.
const onStrayFault = (error: unknown) => {
	if (running && !running.workloadFailure) {
		running.failWorkload(`${describeThrown(error)} (thrown outside its hooks: a timer, a callback or a rejected promise)`);
	}
};

process.on('uncaughtException', onStrayFault);
process.on('unhandledRejection', onStrayFault);

const loaded = new Map<string, Promise<Workload>>();
// The big-allocations runs (seeds 1..40, 8,000 ticks) ask for up to 16 MiB of them each
// (every array a subheap grew through, not only the last): ~23 MiB in size classes kept. The cap
// is for workloads with many more subheaps.
const arrayPool = createKernelArrayPool({maxBytes: 128 * 1024 * 1024});
lendKernelArrays(arrayPool.arrays);

const load = async (source: WorkloadSource): Promise<Workload> => {
	const key = source.kind === 'builtin' ? `builtin:${source.name}` : `path:${source.path}`;
	let workload = loaded.get(key);
	if (!workload) {
		beat?.enter('load', 0);
		workload = (source.kind === 'builtin' ? loadBuiltinWorkload(source.name) : loadWorkloadFile(source.path)).finally(() => beat?.leave());
		loaded.set(key, workload);
	}

	return workload;
};

serveTasks<SweepCombination, SweepRow>(async (combination) => {
	try {
		return await runSweepCase(await load(combination.source), combination, {
			...(beat && {watch: beat.watch}),
			onSimulation(simulation) {
				running = simulation;
				keptAlive.previousRun = undefined;
			},
		});
	} finally {
		// Its row is made: nothing reads this run's kernel again (a workload's call from a stray
		// timer is refused by its facade, kernel-facade.ts), so its arrays can serve the next run.
		keptAlive.previousRun = running;
		running = undefined;
		arrayPool.reclaim();
	}
});
