// One line of `perf script` output for tracepoints:
//   `<comm> <tid> [cpu] <secs>: <system>:<event>: <fields>`
// perf right-aligns comm and may print `pid/tid`; comm may hold spaces, so the greedy `(.*)` takes
// the last number before the cpu/timestamp as the task. With `pid/tid` the tid is kept: it is the
// kernel's task pid, the number ftrace prints, so both formats name a task the same way. `[cpu]`
// is missing when the recording had no CPU samples, and some perf versions print the sample
// period before the event name: both optional.

import {parseKmemFields} from './parse-kmem-fields.js';
import type {LineParse} from './trace-record.js';

const eventLine = /^\s*(.*)\s+(\d+)(?:\/(\d+))?\s+(?:\[(\d+)\]\s+)?(\d+\.\d+):\s+(?:\d+\s+)?(\w+):(\w+):(?:\s+(.*))?$/;

export function parsePerfLine(line: string): LineParse {
	const match = eventLine.exec(line);
	if (match === null) {
		return undefined;
	}

	const [, comm, pid, tid, , seconds, system, name, fields] = match;
	const header = {timeSeconds: Number(seconds), comm: comm.trim(), pid: Number(tid ?? pid)};
	// Only the kmem system's kmalloc/kfree are allocations; another system's `kfree` is just an event.
	const qualified = `${system}:${name}`;
	return parseKmemFields(header, system === 'kmem' ? name : qualified, qualified, fields ?? '');
}
