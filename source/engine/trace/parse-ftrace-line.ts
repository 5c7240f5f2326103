// One line of ftrace text (`trace`, `trace_pipe`, `trace-cmd report`):
//   `<comm>-<pid> [cpu] <flags> <secs>: <event>: <fields>`
// comm may hold spaces and dashes (`<...>-9466`, `kworker/u4:1-123`, `Web Content-77`), so the
// greedy `(.*)` makes the regex take the last `-<pid> [` of the line's head. The flags column
// (irqs-off, need-resched, hardirq, preempt, migrate) is absent when the irq-info option is off,
// and the tgid column `(  9453)` present when record-tgid is on: both optional. Old kernels print
// kmalloc without `node=`/`accounted=`; only the fields the replay needs are required.

import {parseKmemFields} from './parse-kmem-fields.js';
import type {LineParse} from './trace-record.js';

const eventLine = /^\s*(.*)-(\d+)\s+(?:\(\s*[\d-]+\)\s+)?\[(\d+)\]\s+(?:[^\s\d]\S*\s+)?(\d+\.\d+):\s+(\w+):(?:\s+(.*))?$/;

// ftrace's own notice that the ring buffer overflowed: part of a valid trace, not damage.
const lostEvents = /^\s*CPU:\s*\d+\s+\[LOST\s+\d+\s+EVENTS\]\s*$/;

export function parseFtraceLine(line: string): LineParse {
	const match = eventLine.exec(line);
	if (match === null) {
		return lostEvents.test(line) ? {kind: 'ignored', event: 'LOST EVENTS'} : undefined;
	}

	const [, comm, pid, , seconds, name, fields] = match;
	const header = {timeSeconds: Number(seconds), comm: comm.trim(), pid: Number(pid)};
	return parseKmemFields(header, name, name, fields ?? '');
}
