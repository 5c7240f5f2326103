// A sweep's runs on worker threads (sweep-worker.ts): each combination becomes its row, or a
// row that says why it could not be done. A workload hook that runs past `--tick-timeout` is
// handled as `kmtop snapshot` handles it (run-snapshot-thread.ts): the worker is stopped and the
// run made again in a new one, the hung hook recorded where it hung instead of run; the row is
// the snapshot's. What `kmtop sweep` and the benchmark both run.

import {describeHang, type HookSite} from '../engine/hook-watchdog.js';
import {knownHangAt} from '../engine/engine-thread.js';
import {runWorkerPool, type PoolRun} from './run-worker-pool.js';
import {failedRow, type SweepCombination, type SweepRow} from './sweep-row.js';

// Beside this module once built: dist/source/sweep, or dist/bundle (all of the bundle in one folder).
const workerUrl = new URL('sweep-worker.js', import.meta.url);

export type StartSweepOptions = {
	/** Worker threads (at most one per combination). */
	jobs: number;
	/** A workload hook running longer is stopped as hung. */
	tickTimeoutMs: number;
	/** Each row as it comes, in the order they finish. */
	onRow?: (row: SweepRow) => void;
};

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;

/** After a hang: the same run again, told where it hung, or a failed row when that cannot help. */
export const afterHang = (combination: SweepCombination, site: HookSite, tickTimeoutMs: number): {retry: SweepCombination} | {result: SweepRow} => {
	const known = knownHangAt(site, combination.workload, describeHang(site.hook, tickTimeoutMs));
	if (!known) {
		return {result: failedRow(combination, `the workload did not finish loading within ${seconds(tickTimeoutMs)} (--tick-timeout); does it loop at import?`)};
	}

	const before = combination.knownHangs ?? [];
	if (before.some(({site}) => JSON.stringify(site) === JSON.stringify(known.site))) {
		return {result: failedRow(combination, `the replay after a hang hung again at tick ${site.tick}`)};
	}

	return {retry: {...combination, knownHangs: [...before, known]}};
};

/** The rows come back by combination index; `stop()` keeps the ones finished. */
export const startSweep = (combinations: readonly SweepCombination[], {jobs, tickTimeoutMs, onRow}: StartSweepOptions): PoolRun<SweepRow> => {
	return runWorkerPool({
		workerUrl,
		jobs,
		tasks: combinations,
		failed: (combination, message) => failedRow(combination, message),
		onResult: (_index, row) => onRow?.(row),
		watchdog: {timeoutMs: tickTimeoutMs, onHang: (combination, site) => afterHang(combination, site, tickTimeoutMs)},
	});
};
