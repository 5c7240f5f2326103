// What a trace replay has done so far, for the snapshot's Trace replay section: its events read,
// replayed and skipped (and why), the blocks it holds, its call sites, and whether it can go on.

import type {TraceCount} from './count-trace-events.js';
import type {TraceSource} from './trace-source.js';

export type TraceSummary = {
	file: string;
	format: string | null;
	msPerTick: number;
	/** Counted by the first pass (`eventsCounted`); for a pipe, the events read so far, exact once finished. */
	eventsTotal: number;
	eventsCounted: boolean;
	eventsSeen: number;
	eventsReplayed: number;
	kmallocReplayed: number;
	kfreeReplayed: number;
	skipped: {
		kfreeUnknownPointer: number;
		kfreeNull: number;
		failedInTrace: number;
		/** kmallocs of 2^32 bytes or more (no size_t on i386), and the kfrees of their pointers. */
		unrepresentableSize: number;
		ignored: number;
		/** Lines that are no event of the trace's format, over-long ones (64 Ki characters) included. */
		malformed: number;
	};
	reusedLivePointer: number;
	/** The first few, escaped; an over-long line shows its length and its start. */
	malformedLines: Array<{line: number; text: string}>;
	linesRead: number;
	liveBlocks: number;
	liveBytes: number;
	largestRequest: {bytes: number; callSite: string} | null;
	topCallSites: Array<{callSite: string; bytes: number; count: number}>;
	/** Every event read and replayed. */
	finished: boolean;
	/** Why the replay cannot go on, when it cannot: null while it can (or when finished). */
	stopped: string | null;
	/** Present when the trace's time started over (assign-trace-tick.ts): how many times. */
	timeRestarts?: number;
};

export type TraceState = {
	file: string;
	source: TraceSource;
	/** The first pass's count; null for a pipe. */
	count: TraceCount | null;
	msPerTick: number;
	finished: boolean;
	stopped: string | null;
};

export const summarizeTrace = ({file, source, count, msPerTick, finished, stopped}: TraceState): TraceSummary => {
	const stats = source.replay.stats();
	return {
		file,
		format: source.reader.format ?? null,
		msPerTick,
		eventsTotal: count?.events ?? source.reader.allocationEvents,
		eventsCounted: count !== null,
		eventsSeen: stats.eventsSeen,
		eventsReplayed: stats.eventsReplayed,
		kmallocReplayed: stats.kmallocReplayed,
		kfreeReplayed: stats.kfreeReplayed,
		skipped: {
			kfreeUnknownPointer: stats.kfreeUnknown,
			kfreeNull: stats.kfreeNull,
			failedInTrace: stats.failedInTrace,
			unrepresentableSize: stats.unrepresentableSize,
			ignored: stats.ignored,
			malformed: stats.malformed,
		},
		reusedLivePointer: stats.reusedLivePointer,
		malformedLines: source.reader.malformed.first.map(({line, text}) => ({line, text})),
		linesRead: source.reader.lineNumber,
		liveBlocks: stats.liveBlocks,
		liveBytes: stats.liveBytes,
		largestRequest: stats.largestRequest,
		topCallSites: source.replay.topCallSites(5).map(({callSite, bytes, count: calls}) => ({callSite, bytes, count: calls})),
		finished,
		stopped,
		...(source.replay.clock.restarts > 0 ? {timeRestarts: source.replay.clock.restarts} : {}),
	};
};
