// The `trace` workload: a Linux kmem trace replayed through the simulated SerenityOS heap.
// Each kmalloc event becomes a kmalloc of bytes_req (or bytes_alloc) from a thread named after
// the Linux task (`tar(9466:9466)`), so the heap's own log lines say who was allocating. The
// input streams: the engine awaits `prepare(tick)` between ticks while `isReady(tick)` is false,
// and the synchronous `tick()` then replays the records due. Events keep the trace's rhythm
// (`msPerTick`).
//
// A regular file is read twice: a quick first pass counts its events (for "replayed / total") and
// finds its time span (for the automatic pace, about DEFAULT_TRACE_TICKS ticks for a long trace),
// then the replay streams it. Anything else (`-`, a pipe, a FIFO, `<(…)`) is read once, as it
// comes: its total is known only at its end and its pace is `--trace-ms-per-tick` or the default.
//
// How long a run lasts is the trace's business, not the caller's: a run goes on until `finished`
// (every event read and replayed). When it cannot (the kernel halted, the replay failed, the
// input could not be read to its end), `summary().stopped` says why.

import path from 'node:path';
import {isKernelHalt} from '../../kernel/panic.js';
import type {KernelFacade, Workload} from '../workload-api.js';
import {defaultMsPerTick, traceTickOf} from './assign-trace-tick.js';
import {TraceCounter, type TraceCount} from './count-trace-events.js';
import {describeTracePath} from './escape-trace-text.js';
import {ProcessNames} from './name-trace-tasks.js';
import {openTraceInput} from './open-trace-input.js';
import {TraceFormatError, toTraceFileError} from './trace-errors.js';
import type {TraceEvent, TraceRecord} from './trace-record.js';
import {TraceSource, type TraceSourceOptions} from './trace-source.js';
import {summarizeTrace, type TraceSummary} from './summarize-trace.js';

export type {TraceSummary} from './summarize-trace.js';

/** Long traces are spread over at most this many ticks by default; short ones keep 0.05 ms a tick. */
export const DEFAULT_TRACE_TICKS = 5000;

/** Chunks of input (64 KiB each) the counting pass reads between progress reports. */
const countingChunksPerStep = 64;

export type TraceProgress = {
	/** `counting`: the first pass over a regular file; `replaying`: the replay's own read. */
	phase: 'counting' | 'replaying';
	/** Lines of the current pass, comments and blank lines included. */
	linesRead: number;
	/** Bytes of the file taken so far by the current pass (compressed, for gzip). */
	bytesRead: number;
	/** The file's size (compressed, for gzip); null for a pipe. */
	bytesTotal: number | null;
	/** kmalloc and kfree events read so far by the current pass. */
	eventsRead: number;
	/** The count of the first pass; null for a pipe, or while counting. */
	eventsTotal: number | null;
	/** Events replayed or skipped so far. */
	eventsSeen: number;
};

export type TraceWorkloadOptions = {
	size: 'req' | 'alloc';
	msPerTick: number | null;
	strict: boolean;
	/** Called after each piece read while the workload is created (the counting pass, the first read). */
	onProgress?: (progress: TraceProgress) => void;
	/** The reader's bounds (tests make them small). */
	source?: Pick<TraceSourceOptions, 'batchSize' | 'maxBuffered' | 'chunksPerPrefetch'>;
};

export type TraceWorkload = Workload & {
	/** Ticks from the replay's start to its last event, inclusive, when known in advance (a regular file). */
	readonly lengthTicks: number | null;
	/** Every event read and replayed: a run without a tick limit ends here. */
	readonly finished: boolean;
	/**
	 * Reads ahead so the records due by `tick` (the simulation's) are in hand; it does a bounded
	 * amount of reading, so call it again while `isReady(tick)` is false.
	 */
	prepare(tick: number): Promise<void>;
	/** Whether `tick` may run: its records are in hand (or the read-ahead queue is full). */
	isReady(tick: number): boolean;
	progress(): TraceProgress;
	summary(): TraceSummary;
	close(): Promise<void>;
};

const isEvent = (record: TraceRecord): record is TraceEvent => record.kind === 'kmalloc' || record.kind === 'kfree';

const isSameTask = (record: TraceRecord, task: TraceEvent): boolean => isEvent(record) && record.pid === task.pid && record.comm === task.comm;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const countEvents = async (file: string, options: TraceWorkloadOptions, counter: TraceCounter): Promise<TraceCount> => {
	try {
		while (!await counter.step(countingChunksPerStep)) {
			options.onProgress?.({
				phase: 'counting',
				linesRead: counter.lineCount,
				bytesRead: counter.text.input?.bytesRead() ?? 0,
				bytesTotal: counter.text.input?.sizeBytes ?? null,
				eventsRead: counter.events,
				eventsTotal: null,
				eventsSeen: 0,
			});
		}
	} catch (error) {
		throw toTraceFileError(file, error);
	} finally {
		counter.close();
	}

	if (!counter.sawContent) {
		// Nothing but blank lines: no need to read them all again to say so.
		throw new TraceFormatError(`${describeTracePath(file)} is empty`);
	}

	return counter.result();
};

export const createTraceWorkload = async (file: string, options: TraceWorkloadOptions): Promise<TraceWorkload> => {
	const input = await openTraceInput(file);
	const {regularFile} = input;
	const count = regularFile ? await countEvents(file, options, new TraceCounter(file, input)) : null;
	const span = count === null || count.firstTimeSeconds === null || count.lastTimeSeconds === null ? 0 : count.lastTimeSeconds - count.firstTimeSeconds;
	const msPerTick = options.msPerTick ?? Math.max(defaultMsPerTick, (span * 1000) / DEFAULT_TRACE_TICKS);
	const lengthTicks = count === null ? null : (count.firstTimeSeconds === null ? 1 : traceTickOf(count.lastTimeSeconds!, count.firstTimeSeconds, msPerTick) + 1);
	const sourceOptions = {...options.source, strict: options.strict, size: options.size, msPerTick};
	// A regular file is opened again for the replay; a pipe goes on from where it is (its start).
	let source = new TraceSource(file, sourceOptions, regularFile ? undefined : input);
	let stopped: string | null = null;
	const processNames = new ProcessNames();

	const progress = (): TraceProgress => ({
		phase: 'replaying',
		linesRead: source.reader.lineNumber,
		bytesRead: source.reader.text.input?.bytesRead() ?? 0,
		bytesTotal: input.sizeBytes,
		eventsRead: source.reader.allocationEvents,
		eventsTotal: count?.events ?? null,
		eventsSeen: source.replay.stats().eventsSeen,
	});

	const read = async (due: number): Promise<void> => {
		try {
			await source.prefetch(due);
		} catch (error) {
			stopped ??= `reading stopped at line ${source.reader.lineNumber}: ${messageOf(error)}`;
			throw error;
		}
	};

	// Surface an unreadable, empty or eventless trace now, before anything is replayed.
	while (source.needsPrefetch(0)) {
		await read(0);
		options.onProgress?.(progress());
	}

	let startTick = 0;
	/** The trace tick of the last simulation tick that ran the replay (-1 before the first). */
	let lastDue = -1;
	// A reboot brings a new kernel (a new facade): a file's replay starts over from its first event.
	let kernelSeen: KernelFacade | undefined;
	let restart = false;
	const name = describeTracePath(regularFile ? path.basename(file) : file);

	return {
		name: 'trace',
		get description() {
			return count === null ? `replay of ${name}, read once as it comes` : `replay of ${name}: ${count.events.toLocaleString('en-US')} kmem events`;
		},
		lengthTicks,
		get finished() {
			return !restart && stopped === null && source.finished;
		},
		setup(kernel, ctx) {
			const rebooted = kernelSeen !== undefined && kernel !== kernelSeen;
			kernelSeen = kernel;
			if (rebooted) {
				stopped = null; // a new kernel: whatever stopped the replay on the old one is gone
			}

			if (rebooted && regularFile) {
				restart = true;
				lastDue = -1;
			} else if (rebooted) {
				// A pipe cannot be read again: the replay goes on, and frees of the old kernel's blocks count as unknown.
				source.replay.forgetLiveBlocks();
			}

			// The next tick runs the trace tick after the last one run: a switch back to the replay resumes it.
			startTick = ctx.tick + 1 - (lastDue + 1);
		},
		tick(kernel, ctx) {
			if (restart) {
				return; // waiting for prepare() to reopen the file
			}

			lastDue = ctx.tick - startTick;
			const due = source.replay.takeEventsForTick(lastDue);
			let index = 0;
			// The events of one task in a row run in one asProcess call (one closure a run, not an event).
			const applyTaskRun = () => {
				const first = due[index] as TraceEvent;
				let record: TraceRecord | undefined = first;
				do {
					source.replay.apply(record, kernel);
					record = due[++index];
				} while (record !== undefined && isSameTask(record, first));
			};

			try {
				while (index < due.length) {
					const record = due[index]!;
					if (isEvent(record)) {
						kernel.asProcess(processNames.of(record), applyTaskRun);
					} else {
						source.replay.apply(record, kernel);
						index++;
					}
				}
			} catch (error) {
				stopped ??= isKernelHalt(error) ? `the kernel halted at tick ${ctx.tick}` : `the replay failed at tick ${ctx.tick}: ${messageOf(error)}`;
				throw error;
			}
		},
		isReady(tick) {
			return !restart && !source.needsPrefetch(tick - startTick);
		},
		async prepare(tick) {
			if (restart) {
				source.close();
				source = new TraceSource(file, sourceOptions);
				restart = false;
			}

			const due = tick - startTick;
			if (source.needsPrefetch(due)) {
				await read(due);
			}
		},
		progress,
		summary() {
			return summarizeTrace({file, source, count, msPerTick, finished: !restart && stopped === null && source.finished, stopped});
		},
		close() {
			source.close();
			return Promise.resolve();
		},
	};
};
