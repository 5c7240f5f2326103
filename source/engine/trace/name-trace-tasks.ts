// The simulated thread an event runs as, named after its Linux task (`tar(9466:9466)`): the heap's
// own log lines then say who was allocating. ftrace gives a task's pid, which is its thread id.

import {detachString} from './split-trace-lines.js';
import type {TraceEvent} from './trace-record.js';

/** Thread names (`tar(9466:9466)`) by pid, built once per task rather than once per event. */
export class ProcessNames {
	readonly #names = new Map<number, {comm: string; name: string}>();

	of(event: TraceEvent): string {
		const known = this.#names.get(event.pid);
		if (known !== undefined && known.comm === event.comm) {
			return known.name;
		}

		const comm = detachString(event.comm);
		const name = detachString(`${comm}(${event.pid}:${event.pid})`);
		this.#names.set(event.pid, {comm, name});
		return name;
	}
}
