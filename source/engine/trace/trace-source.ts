// Joins the asynchronous reader to the synchronous replay. A workload's `tick()` cannot await, so
// the engine awaits `prefetch(tick)` between ticks whenever `needsPrefetch(tick)` says the queue
// does not yet hold every record due at `tick`; the tick itself then calls `replayTick(tick, heap)`
// synchronously.
//
// prefetch reads until a record due after `tick` is queued (all of `tick` is then in hand, since
// ticks never decrease in file order) and at least `batchSize` records are queued, so the await
// happens about once per batch rather than per tick. A small read-ahead is also the fast one:
// records queued long before their tick outlive V8's young generation and cost a full collection
// (a replay of 500,000 lines took a quarter less time reading 1,000 records ahead than 50,000). Memory is bounded by `maxBuffered`: a single
// tick holding more records than that (only with a huge msPerTick) is split, and its remainder is
// applied at the next ticks, late rather than lost. A driver that steps one tick at a time, asking
// `needsPrefetch` before each, therefore replays every record at its own tick whatever the pace;
// one that steps many ticks per check may apply records late once the queue is full.
//
// prefetch also returns after `chunksPerPrefetch` chunks of input (4 MiB) even when it has
// not got there, so a caller can show progress and hear Ctrl+C in an input of blank lines or over-
// long ones; it then still `needsPrefetch`. Reader errors (unreadable input, strict mode, an empty
// trace) surface from prefetch.

import type {TraceInput} from './open-trace-input.js';
import {TraceReader, type ReadTraceOptions} from './read-trace-events.js';
import {TraceReplay, type TraceHeap, type TraceReplayOptions} from './trace-replay.js';
import type {TraceRecord} from './trace-record.js';

export type TraceSourceOptions = ReadTraceOptions & TraceReplayOptions & {
	/** Records to read ahead per prefetch (default 1,024: few enough to die young in V8's heap). */
	batchSize?: number;
	/** The most records ever queued (default 100,000: tens of MB of parsed records). */
	maxBuffered?: number;
	/** Chunks of input (64 KiB each) one prefetch reads at most before it returns (default 64). */
	chunksPerPrefetch?: number;
};

export class TraceSource {
	readonly reader: TraceReader;
	readonly replay: TraceReplay;
	readonly #batchSize: number;
	readonly #maxBuffered: number;
	readonly #chunksPerPrefetch: number;
	/** Read but not yet queued: what a batch brought beyond `maxBuffered`. */
	#pending: TraceRecord[] = [];
	#pendingHead = 0;
	#exhausted = false;
	#closed = false;

	/** `input`: the trace already opened on `path`; else it is opened on the first prefetch. */
	constructor(readonly path: string, options: TraceSourceOptions = {}, input?: TraceInput) {
		this.reader = new TraceReader(path, options, input);
		this.replay = new TraceReplay(options);
		this.#batchSize = options.batchSize ?? 1024;
		this.#maxBuffered = Math.max(this.#batchSize, options.maxBuffered ?? 100_000);
		this.#chunksPerPrefetch = Math.max(1, options.chunksPerPrefetch ?? 64);
	}

	/** Everything has been read (what is left is in the queue). */
	get exhausted(): boolean {
		return this.#exhausted && this.#pendingHead === this.#pending.length;
	}

	/** Read and replayed to the end. */
	get finished(): boolean {
		return this.exhausted && this.replay.buffered === 0 && !this.#closed;
	}

	needsPrefetch(tick: number): boolean {
		const last = this.replay.lastBufferedTick;
		return !this.exhausted && (last === undefined || last <= tick) && this.replay.buffered < this.#maxBuffered;
	}

	async prefetch(tick: number): Promise<void> {
		let chunks = 0;
		while (!this.exhausted && this.replay.buffered < this.#maxBuffered) {
			const last = this.replay.lastBufferedTick;
			if (last !== undefined && last > tick && this.replay.buffered >= this.#batchSize) {
				return;
			}

			if (this.#pendingHead < this.#pending.length) {
				this.#queuePending();
				continue;
			}

			if (chunks === this.#chunksPerPrefetch) {
				return;
			}

			chunks++;
			// eslint-disable-next-line no-await-in-loop
			const batch = await this.reader.nextBatch();
			if (batch === undefined) {
				this.#exhausted = true;
			} else {
				this.#pending = batch;
				this.#pendingHead = 0;
			}
		}
	}

	replayTick(tick: number, heap: TraceHeap): number {
		return this.replay.replayTick(tick, heap);
	}

	/** Stops reading (the user switched workloads, or the run ended): closes the input. */
	async close(): Promise<void> {
		this.#exhausted = true;
		this.#closed = true;
		this.#pending = [];
		this.#pendingHead = 0;
		this.reader.close();
	}

	#queuePending(): void {
		const room = this.#maxBuffered - this.replay.buffered;
		const end = Math.min(this.#pending.length, this.#pendingHead + room);
		for (let index = this.#pendingHead; index < end; index++) {
			this.replay.enqueue(this.#pending[index]);
		}

		this.#pendingHead = end;
	}
}
