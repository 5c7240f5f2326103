// Whether a workload is a trace replay (trace-workload.ts). A module of its own: what only asks
// (a snapshot's document, the journal's step, a sweep's worker) must not load the trace readers
// with them, and their streams, sockets and zlib: a sweep worker paid ~10 ms of its start for them.

import type {Workload} from '../workload-api.js';
import type {TraceWorkload} from './trace-workload.js';

export const isTraceWorkload = (workload: Workload): workload is TraceWorkload =>
	typeof (workload as Partial<TraceWorkload>).prepare === 'function';
