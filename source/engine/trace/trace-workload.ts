// The `trace` workload: a Linux kmem trace replayed through the simulated SerenityOS heap.
// Each kmalloc event becomes a kmalloc of bytes_req (or bytes_alloc) from a thread named after
// the Linux task (`tar(9466:9466)`), so the heap's own log lines say who was allocating. The
// file streams: the engine awaits `prepare(tick)` between slices of ticks, the synchronous
// `tick()` then replays the records due. Events keep the trace's rhythm (`msPerTick`).

import path from 'node:path';
import type {KernelFacade, Workload} from '../workload-api.js';
import {defaultMsPerTick, traceTickOf} from './assign-trace-tick.js';
import {countTraceEvents} from './count-trace-events.js';
import {toTraceFileError} from './trace-errors.js';
import type {TraceRecord} from './trace-record.js';
import {TraceSource} from './trace-source.js';

/** Long traces are spread over at most this many ticks by default; short ones keep 0.05 ms a tick. */
export const DEFAULT_TRACE_TICKS = 5000;

export type TraceWorkloadOptions = {
	size: 'req' | 'alloc';
	msPerTick: number | null;
	strict: boolean;
};

export type TraceSummary = {
	file: string;
	format: string | null;
	msPerTick: number;
	eventsTotal: number;
	eventsSeen: number;
	eventsReplayed: number;
	kmallocReplayed: number;
	kfreeReplayed: number;
	skipped: {kfreeUnknownPointer: number; kfreeNull: number; failedInTrace: number; ignored: number; malformed: number};
	reusedLivePointer: number;
	malformedLines: Array<{line: number; text: string}>;
	liveBlocks: number;
	liveBytes: number;
	largestRequest: {bytes: number; callSite: string} | null;
	topCallSites: Array<{callSite: string; bytes: number; count: number}>;
	finished: boolean;
};

export type TraceWorkload = Workload & {
	/** Ticks from the replay's start to its last event, inclusive. */
	readonly lengthTicks: number;
	/** Reads ahead so every record due by `tick` (the simulation's) is in hand. */
	prepare(tick: number): Promise<void>;
	/** Whether every record due by `tick` is in hand already. */
	isReady(tick: number): boolean;
	summary(): TraceSummary;
	close(): Promise<void>;
};

export const isTraceWorkload = (workload: Workload): workload is TraceWorkload =>
	typeof (workload as Partial<TraceWorkload>).prepare === 'function';

const processOf = (record: TraceRecord): string | undefined =>
	record.kind === 'kmalloc' || record.kind === 'kfree' ? `${record.comm}(${record.pid}:${record.pid})` : undefined;

export const createTraceWorkload = async (file: string, options: TraceWorkloadOptions): Promise<TraceWorkload> => {
	const count = await countTraceEvents(file).catch((error: unknown) => {
		throw toTraceFileError(file, error);
	});
	const span = count.firstTimeSeconds === null || count.lastTimeSeconds === null ? 0 : count.lastTimeSeconds - count.firstTimeSeconds;
	const msPerTick = options.msPerTick ?? Math.max(defaultMsPerTick, (span * 1000) / DEFAULT_TRACE_TICKS);
	const open = async (): Promise<TraceSource> => {
		const opened = new TraceSource(file, {strict: options.strict, size: options.size, msPerTick});
		// Surface a missing, empty or eventless file now, before anything is replayed.
		await opened.prefetch(0);
		return opened;
	};

	let source = await open();
	const lengthTicks = count.firstTimeSeconds === null ? 1 : traceTickOf(count.lastTimeSeconds!, count.firstTimeSeconds, msPerTick) + 1;
	let startTick = 0;
	// A reboot brings a new kernel (a new facade): the replay starts over from the first event.
	let kernelSeen: KernelFacade | undefined;
	let restart = false;

	return {
		name: 'trace',
		description: `replay of ${path.basename(file)}: ${count.events.toLocaleString('en-US')} kmem events`,
		lengthTicks,
		setup(kernel, ctx) {
			startTick = ctx.tick + 1;
			restart = kernelSeen !== undefined && kernel !== kernelSeen;
			kernelSeen = kernel;
		},
		tick(kernel, ctx) {
			if (restart) {
				return; // waiting for prepare() to reopen the file
			}

			for (const record of source.replay.takeEventsForTick(ctx.tick - startTick)) {
				const process = processOf(record);
				if (process === undefined) {
					source.replay.apply(record, kernel);
				} else {
					kernel.asProcess(process, () => {
						source.replay.apply(record, kernel);
					});
				}
			}
		},
		isReady(tick) {
			return !restart && !source.needsPrefetch(tick - startTick);
		},
		async prepare(tick) {
			if (restart) {
				await source.close();
				source = await open();
				restart = false;
			}

			const due = tick - startTick;
			if (source.needsPrefetch(due)) {
				await source.prefetch(due);
			}
		},
		summary() {
			const stats = source.replay.stats();
			return {
				file,
				format: source.reader.format ?? null,
				msPerTick,
				eventsTotal: count.events,
				eventsSeen: stats.eventsSeen,
				eventsReplayed: stats.eventsReplayed,
				kmallocReplayed: stats.kmallocReplayed,
				kfreeReplayed: stats.kfreeReplayed,
				skipped: {
					kfreeUnknownPointer: stats.kfreeUnknown,
					kfreeNull: stats.kfreeNull,
					failedInTrace: stats.failedInTrace,
					ignored: stats.ignored,
					malformed: stats.malformed,
				},
				reusedLivePointer: stats.reusedLivePointer,
				malformedLines: source.reader.malformed.first.map(({line, text}) => ({line, text})),
				liveBlocks: stats.liveBlocks,
				liveBytes: stats.liveBytes,
				largestRequest: stats.largestRequest,
				topCallSites: source.replay.topCallSites(5).map(({callSite, bytes, count: calls}) => ({callSite, bytes, count: calls})),
				finished: source.finished,
			};
		},
		async close() {
			await source.close();
		},
	};
};
