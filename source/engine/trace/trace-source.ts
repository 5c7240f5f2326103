// Joins the asynchronous file reader to the synchronous replay. A workload's `tick()` cannot
// await, so the engine awaits `prefetch(tick)` between ticks whenever `needsPrefetch(tick)` says
// the queue does not yet hold every record due at `tick`; the tick itself then calls
// `replayTick(tick, heap)` synchronously.
//
// prefetch reads until a record due after `tick` is queued (all of `tick` is then in hand, since
// ticks never decrease in file order) and at least `batchSize` records are queued, so the await
// happens about once per batch rather than per tick. Memory is bounded by `maxBuffered`: a single
// tick holding more records than that (only with a huge msPerTick) is split, and its remainder is
// applied at the next ticks, late rather than lost. Reader errors (missing file, strict mode,
// empty trace) surface from prefetch; awaiting `prefetch(0)` before the first tick reports a bad
// file before anything is replayed.

import {readTraceEvents, type ReadTraceOptions, type TraceReader} from './read-trace-events.js';
import {TraceReplay, type TraceHeap, type TraceReplayOptions} from './trace-replay.js';
import type {TraceRecord} from './trace-record.js';

export type TraceSourceOptions = ReadTraceOptions & TraceReplayOptions & {
	/** Records to read ahead per prefetch (default 10,000). */
	batchSize?: number;
	/** The most records ever queued (default 100,000: about 50 MB of parsed records). */
	maxBuffered?: number;
};

export class TraceSource {
	readonly reader: TraceReader;
	readonly replay: TraceReplay;
	readonly #records: AsyncIterator<TraceRecord>;
	readonly #batchSize: number;
	readonly #maxBuffered: number;
	#exhausted = false;

	constructor(readonly path: string, options: TraceSourceOptions = {}) {
		this.reader = readTraceEvents(path, options);
		this.replay = new TraceReplay(options);
		this.#records = this.reader[Symbol.asyncIterator]();
		this.#batchSize = options.batchSize ?? 10_000;
		this.#maxBuffered = Math.max(this.#batchSize, options.maxBuffered ?? 100_000);
	}

	/** The whole file has been read (everything left is in the queue). */
	get exhausted(): boolean {
		return this.#exhausted;
	}

	/** Read and replayed to the end. */
	get finished(): boolean {
		return this.#exhausted && this.replay.buffered === 0;
	}

	needsPrefetch(tick: number): boolean {
		const last = this.replay.lastBufferedTick;
		return !this.#exhausted && (last === undefined || last <= tick) && this.replay.buffered < this.#maxBuffered;
	}

	async prefetch(tick: number): Promise<void> {
		while (!this.#exhausted && this.replay.buffered < this.#maxBuffered) {
			const last = this.replay.lastBufferedTick;
			if (last !== undefined && last > tick && this.replay.buffered >= this.#batchSize) {
				return;
			}

			const next = await this.#records.next();
			if (next.done) {
				this.#exhausted = true;
			} else {
				this.replay.enqueue(next.value);
			}
		}
	}

	replayTick(tick: number, heap: TraceHeap): number {
		return this.replay.replayTick(tick, heap);
	}

	/** Stops reading (the user switched workloads): closes the file. */
	async close(): Promise<void> {
		this.#exhausted = true;
		await this.#records.return?.();
	}
}
