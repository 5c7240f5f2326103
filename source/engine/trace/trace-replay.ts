// Replays parsed trace records against a simulated heap. Pure: no I/O, no clock but the trace's.
//
// Feeding and rhythm: records are `enqueue`d in file order (each event gets its tick from the
// TraceClock as it arrives) and `replayTick(tick)` applies every queued record due at or before
// `tick`. The queue is what lets a synchronous workload `tick()` be fed from an asynchronous file:
// TraceSource (trace-source.ts) fills it in bounded batches between ticks. Ticks are relative to
// the trace: the first event is due at tick 0, so a caller that starts the replay at engine tick
// S passes `tick - S`.
//
// The heap is passed per call rather than held, because the engine hands a workload its kernel
// facade on every tick and a reboot brings a new one (see forgetLiveBlocks).
//
// Rules: a kmalloc maps the trace's pointer to the simulated address it got; a kmalloc whose
// pointer is still live (its kfree went untraced, e.g. lost events or a cache-level free) frees
// the old block first; NULL results and frees of NULL or of pointers not live are counted and
// skipped, so a trace cut from the middle of a run replays without a single bad kfree.
//
// A 64-bit Linux can ask for sizes no i386 kernel can: 2^32 bytes or more is not a size_t there.
// Such a kmalloc is counted as unrepresentable and skipped, and so is the kfree of its pointer
// (it is known, just not simulated); the replay goes on.
//
// Strings kept (a long pointer, an unrepresentable one, a call site's name) are copied
// out of the text they were cut from (detachString): one that still shared the 64 KiB chunk of
// input it came from would keep that chunk alive as long as it is kept. Live blocks are keyed by
// the pointer's value (track-live-blocks.ts), which keeps no string at all.

import {CallSiteTally, type CallSiteTotal} from './tally-call-sites.js';
import {TraceClock} from './assign-trace-tick.js';
import {detachString} from './split-trace-lines.js';
import {LiveBlocks} from './track-live-blocks.js';
import type {KfreeEvent, KmallocEvent, TraceRecord} from './trace-record.js';

/** The part of the kernel a replay drives; addresses are the simulated 32-bit kernel's. */
export type TraceHeap = {kmalloc(size: number, purpose?: string): number; kfree(address: number): void};

export type TraceReplayOptions = {
	/** Which trace size to ask the simulated heap for: Linux's request (default) or its slab's size. */
	size?: 'req' | 'alloc';
	msPerTick?: number;
};

export type TraceReplayStats = {
	/** kmalloc and kfree events taken from the queue, replayed or skipped. */
	eventsSeen: number;
	/** Of those, the ones that called the heap. */
	eventsReplayed: number;
	kmallocReplayed: number;
	kfreeReplayed: number;
	/** kmallocs of a pointer still live: the old block was freed first. */
	reusedLivePointer: number;
	/** kmallocs that returned NULL in Linux. */
	failedInTrace: number;
	/** kmallocs for which the simulated heap returned 0: their later kfree counts as unknown. */
	failedInReplay: number;
	kfreeNull: number;
	/** kfrees of a pointer not live in the replay: allocated before the trace began, or freed twice. */
	kfreeUnknown: number;
	/** kmallocs of 2^32 bytes or more (no size_t on i386), and the kfrees of their pointers. */
	unrepresentableSize: number;
	ignored: number;
	malformed: number;
	liveBlocks: number;
	/** The sizes the heap was asked for (bytes_req by default) of the live blocks. */
	liveBytes: number;
	largestRequest: {bytes: number; callSite: string} | null;
	firstTimeSeconds: number | null;
	/** The latest timestamp seen (timestamps may run slightly backwards). */
	lastTimeSeconds: number | null;
	timeSpanSeconds: number;
};

type Counter = Exclude<keyof TraceReplayStats, 'liveBlocks' | 'liveBytes' | 'largestRequest' | 'firstTimeSeconds' | 'lastTimeSeconds' | 'timeSpanSeconds'>;

/** The largest size_t of the simulated 32-bit kernel. */
const maxSize = 0xff_ff_ff_ff;

// Dropping the consumed head of the queue only now and then keeps takes O(1) amortised.
const compactAfter = 4096;

export class TraceReplay {
	readonly clock: TraceClock;
	readonly #size: 'req' | 'alloc';
	/** Queued records and, at the same index, the tick each is due at. */
	#queue: TraceRecord[] = [];
	#ticks: number[] = [];
	#head = 0;
	readonly #live = new LiveBlocks();
	/** Pointers whose kmalloc was skipped as unrepresentable, until freed or allocated again. */
	readonly #unrepresentable = new Set<string>();
	#liveBytes = 0;
	readonly #counts: Record<Counter, number> = {
		eventsSeen: 0, eventsReplayed: 0, kmallocReplayed: 0, kfreeReplayed: 0, reusedLivePointer: 0,
		failedInTrace: 0, failedInReplay: 0, kfreeNull: 0, kfreeUnknown: 0, unrepresentableSize: 0, ignored: 0, malformed: 0,
	};

	#largest: {bytes: number; callSite: string} | null = null;
	#firstTime: number | null = null;
	#lastTime: number | null = null;
	readonly #callSites = new CallSiteTally();

	constructor(options: TraceReplayOptions = {}) {
		this.clock = new TraceClock(options.msPerTick);
		this.#size = options.size ?? 'req';
	}

	/** Records waiting in the queue. */
	get buffered(): number {
		return this.#queue.length - this.#head;
	}

	/** The tick of the last queued record, undefined when the queue is empty. */
	get lastBufferedTick(): number | undefined {
		return this.buffered === 0 ? undefined : this.#ticks.at(-1);
	}

	/** Ignored and malformed records have no time of their own: they share the preceding event's tick. */
	enqueue(record: TraceRecord): void {
		const tick = record.kind === 'kmalloc' || record.kind === 'kfree' ? this.clock.tickOf(record.timeSeconds) : this.clock.tick;
		this.#queue.push(record);
		this.#ticks.push(tick);
	}

	/** Removes and returns the queued records due at or before `tick` (late ones are not lost). */
	takeEventsForTick(tick: number): TraceRecord[] {
		let end = this.#head;
		while (end < this.#queue.length && this.#ticks[end]! <= tick) {
			end++;
		}

		const due = this.#queue.slice(this.#head, end);
		this.#head = end;
		if (this.#head > compactAfter && this.#head * 2 > this.#queue.length) {
			this.#queue = this.#queue.slice(this.#head);
			this.#ticks = this.#ticks.slice(this.#head);
			this.#head = 0;
		}

		return due;
	}

	/** Applies everything due at or before `tick`; returns how many records that was. */
	replayTick(tick: number, heap: TraceHeap): number {
		const due = this.takeEventsForTick(tick);
		for (const record of due) {
			this.apply(record, heap);
		}

		return due.length;
	}

	apply(record: TraceRecord, heap: TraceHeap): void {
		switch (record.kind) {
			case 'kmalloc': {
				this.#seen(record.timeSeconds);
				this.#kmalloc(record, heap);
				break;
			}

			case 'kfree': {
				this.#seen(record.timeSeconds);
				this.#kfree(record, heap);
				break;
			}

			case 'ignored': {
				this.#counts.ignored++;
				break;
			}

			case 'malformed': {
				this.#counts.malformed++;
				break;
			}
		}
	}

	/** After a reboot the simulated blocks are gone; later frees of their pointers count as unknown. */
	forgetLiveBlocks(): void {
		this.#live.clear();
		this.#liveBytes = 0;
	}

	topCallSites(n: number): CallSiteTotal[] {
		return this.#callSites.top(n);
	}

	stats(): TraceReplayStats {
		const span = this.#firstTime === null || this.#lastTime === null ? 0 : this.#lastTime - this.#firstTime;
		return {
			...this.#counts,
			liveBlocks: this.#live.size,
			liveBytes: this.#liveBytes,
			largestRequest: this.#largest === null ? null : {...this.#largest},
			firstTimeSeconds: this.#firstTime,
			lastTimeSeconds: this.#lastTime,
			timeSpanSeconds: span,
		};
	}

	#seen(timeSeconds: number): void {
		this.#counts.eventsSeen++;
		this.#firstTime ??= timeSeconds;
		this.#lastTime = Math.max(this.#lastTime ?? timeSeconds, timeSeconds);
	}

	#kmalloc(event: KmallocEvent, heap: TraceHeap): void {
		if (event.ptr === null) {
			this.#counts.failedInTrace++;
			return;
		}

		const previous = this.#live.find(event.ptr);
		if (previous !== -1) {
			this.#release(event.ptr, previous, heap);
			this.#counts.reusedLivePointer++;
		}

		const size = this.#size === 'alloc' ? event.bytesAlloc : event.bytesReq;
		if (size > maxSize) {
			this.#counts.unrepresentableSize++;
			this.#unrepresentable.add(detachString(event.ptr));
			return;
		}

		if (this.#unrepresentable.size > 0) {
			this.#unrepresentable.delete(event.ptr);
		}

		// The call site is the block's purpose: the holders table shows who allocated what. The
		// tally's interned name, not the event's own slice of the input (tally-call-sites.ts).
		const site = this.#callSites.site(event.callSite);
		const address = heap.kmalloc(size, site.callSite);
		this.#counts.eventsReplayed++;
		this.#counts.kmallocReplayed++;
		this.#callSites.count(site, size);
		if (this.#largest === null || size > this.#largest.bytes) {
			this.#largest = {bytes: size, callSite: site.callSite};
		}

		if (address === 0) {
			this.#counts.failedInReplay++;
			return;
		}

		this.#live.add(event.ptr, address, size);
		this.#liveBytes += size;
	}

	#kfree(event: KfreeEvent, heap: TraceHeap): void {
		if (event.ptr === null) {
			this.#counts.kfreeNull++;
			return;
		}

		const block = this.#live.find(event.ptr);
		if (block === -1) {
			if (this.#unrepresentable.delete(event.ptr)) {
				this.#counts.unrepresentableSize++;
			} else {
				this.#counts.kfreeUnknown++;
			}

			return;
		}

		this.#release(event.ptr, block, heap);
		this.#counts.eventsReplayed++;
		this.#counts.kfreeReplayed++;
	}

	#release(ptr: string, block: number, heap: TraceHeap): void {
		const address = this.#live.address(block);
		this.#liveBytes -= this.#live.bytes(block);
		this.#live.delete(ptr, block);
		heap.kfree(address);
	}
}
