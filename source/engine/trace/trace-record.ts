// The records a kmem trace is made of, whatever its format (ftrace text or `perf script`).

export type TraceFormat = 'ftrace' | 'perf';

type TraceEventBase = {
	timeSeconds: number;
	comm: string;
	/** The task's kernel pid, which is the thread id: what ftrace prints and perf's `pid/tid` ends with. */
	pid: number;
	/** As printed (`sym+0x10d/0x490`, `sym+0x10d` or a bare address): the formats disagree, so no parsing. */
	callSite: string;
	/** Lowercase hex without `0x` and without leading zeros, so one pointer printed two ways matches; null for NULL. */
	ptr: string | null;
};

export type KmallocEvent = TraceEventBase & {kind: 'kmalloc'; bytesReq: number; bytesAlloc: number};

export type KfreeEvent = TraceEventBase & {kind: 'kfree'; bytesReq?: undefined; bytesAlloc?: undefined};

export type TraceEvent = KmallocEvent | KfreeEvent;

/** A well-formed event line that is not kmalloc/kfree (`kmem_cache_alloc`, `mm_page_free`, a lost-events notice…). */
export type IgnoredTraceEvent = {kind: 'ignored'; event: string};

/** A line that is neither a comment nor an event of the trace's format; `line` is 1-based. */
export type MalformedTraceLine = {kind: 'malformed'; line: number; text: string};

export type TraceRecord = TraceEvent | IgnoredTraceEvent | MalformedTraceLine;

/**
 * What a format parser makes of one line: a record, `'bad-fields'` when the line has the format's
 * event header but its kmalloc/kfree fields are unusable, or undefined when it is not this format.
 */
export type LineParse = TraceEvent | IgnoredTraceEvent | 'bad-fields' | undefined;
