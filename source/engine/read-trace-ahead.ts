// A trace replay streams its file: the ticks wait until their records are read. Reading goes
// on in the background, a batch ahead, while the screen keeps drawing.

import {isTraceWorkload} from './trace/is-trace-workload.js';
import type {Workload} from './workload-api.js';

export class TraceReadAhead {
	/** A trace that failed to read part way (a strict-mode error, a truncated gzip). */
	readError: string | undefined;
	private reading: Promise<void> | undefined;

	/** Whether `workload` can run to `tick` now; if not, its reading is started (once). */
	ready(workload: Workload, tick: number): boolean {
		if (!isTraceWorkload(workload) || workload.isReady(tick)) {
			return true;
		}

		this.reading ??= workload.prepare(tick + 1000).then(
			() => {
				this.reading = undefined;
			},
			(error: unknown) => {
				this.reading = undefined;
				this.readError = error instanceof Error ? error.message : String(error);
			},
		);
		return false;
	}
}
