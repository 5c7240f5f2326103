// A sweep's runs on worker threads (sweep-worker.ts): each combination becomes its row, or a
// row that says why it could not be done. What `kmtop sweep` and the benchmark both run.

import {runWorkerPool, type PoolRun} from './run-worker-pool.js';
import {failedRow, type SweepCombination, type SweepRow} from './sweep-row.js';

const workerUrl = new URL('sweep-worker.js', import.meta.url);

export type StartSweepOptions = {
	/** Worker threads (at most one per combination). */
	jobs: number;
	/** Each row as it comes, in the order they finish. */
	onRow?: (row: SweepRow) => void;
};

/** The rows come back by combination index; `stop()` keeps the ones finished. */
export const startSweep = (combinations: readonly SweepCombination[], {jobs, onRow}: StartSweepOptions): PoolRun<SweepRow> =>
	runWorkerPool({
		workerUrl,
		jobs,
		tasks: combinations,
		failed: (combination, message) => failedRow(combination, message),
		onResult: (_index, row) => onRow?.(row),
	});
