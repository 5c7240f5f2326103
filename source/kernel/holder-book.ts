// Who holds the heap (issue 15): every kmalloc'd block is booked to a holder, the thread the
// kmalloc ran as and the purpose where the kernel knows it (a VMObject, a log buffer, a Vector's
// growth...), plus the workload that asked for it directly through the facade. Not kernel state:
// SerenityOS kept no such record; this is kmtop's, as cheap as the hot path allows. A block's
// holder sits in its heap's `holders` array at the block's first chunk (heap.ts); the book keeps
// the running totals per holder, so the table costs nothing to read and the figures are exact:
// live chunks over all holders always equal the linked subheaps' allocated chunks.

import {asDouble} from './constants.js';

/** In a heap's `holders` array: no block starts at this chunk. */
export const NO_BLOCK = 0;
/**
 * Blocks placed by a bare Heap (tests, benches) and frees the kernel let through at a chunk where
 * no block starts (only after heap corruption, e.g. a header krealloc copied into a block's middle):
 * its live figures may then go negative, which keeps the sum over holders exact and shows it.
 */
export const UNATTRIBUTED = 1;
/** Holder ids live in a Uint16Array per heap; past this many holders, new ones share one row. */
export const MAX_HOLDERS = 0xffff;
/** Where holders past MAX_HOLDERS are booked. */
export const OTHER_HOLDERS = 2;
/** Ids below this (no block, unattributed, other holders) are never retired. */
const RESERVED_HOLDERS = 3;
/**
 * A holder with nothing live and no kmalloc or kfree for this many ticks is retired and its id
 * reused: the snapshot's holders table leaves such a holder out already (build-holders.ts), and
 * workloads spawn threads with ever new pids (vmobject-churn), so a book that kept every holder
 * since boot would grow without end. The same figure as HOLDERS_RECENT_TICKS, and the book looks
 * at every holder once per this many ticks.
 */
export const HOLDER_RETIRE_TICKS = 1000;

/** What the kernel knows a block is for (purposes of kmtop's own choosing, documented in docs/snapshot.md). */
export const purposes = {
	vmobject: 'VMObject',
	pageVector: 'VMObject page vector',
	purgeableRanges: 'VMObject purgeable ranges',
	regionName: 'Region name',
	regionObject: 'Region (slab full)',
	physicalPage: 'PhysicalPage (slab full)',
	pageTable: 'page table (slab full)',
	pageTableMap: 'page table map',
	rangeVector: 'RangeAllocator ranges',
	subheapList: 'kmalloc subheap list',
	removeLambda: 'remove_memory lambda',
	deferredCallEntry: 'deferred call entry',
	logBuffer: 'log buffer',
} as const;

export type HolderKey = {
	/** The thread, `Name(pid:tid)`; undefined for kernel context. */
	process: string | undefined;
	purpose: string | undefined;
	/** The workload that called kmalloc through the facade, undefined for the kernel's own blocks. */
	workload: string | undefined;
};

type Ids = Map<string | undefined, Map<string | undefined, Map<string | undefined, number>>>;

const INITIAL_HOLDERS = 64;

/** The key of a retired id, until a new holder reuses it. */
const RETIRED: HolderKey = {process: undefined, purpose: '(retired)', workload: undefined};

const grown = <T extends Int32Array | Uint32Array | Float64Array>(array: T, make: (length: number) => T): T => {
	const next = make(array.length * 2);
	next.set(array);
	return next;
};

export class HolderBook {
	/** Blocks given back so far, on every heap that shares the book (ExpandableHeap's first-fit hints). */
	releases = 0;
	/** By holder id; ids 0 (no block), 1 (unattributed) and 2 (other holders) are reserved. */
	readonly keys: HolderKey[] = [
		{process: undefined, purpose: undefined, workload: undefined},
		{process: undefined, purpose: '(unattributed)', workload: undefined},
		{process: undefined, purpose: '(more holders than kmtop tracks)', workload: undefined},
	];

	liveBlocks = new Int32Array(INITIAL_HOLDERS);
	liveChunks = new Int32Array(INITIAL_HOLDERS);
	/** kmalloc calls (memstat's count) by the holder they were made for, the failed one included. */
	kmallocs = new Float64Array(INITIAL_HOLDERS);
	/** kfree calls by the holder of the block they freed. */
	kfrees = new Float64Array(INITIAL_HOLDERS);
	/** The tick of each holder's latest kmalloc or kfree (-1: none yet). */
	lastTick = new Float64Array(INITIAL_HOLDERS).fill(-1);
	/**
	 * Bumped each time an id is retired, so whoever copied the counts (the engine's rate meter) can
	 * tell a reused id's fresh counts from the old holder's.
	 */
	generations = new Uint32Array(INITIAL_HOLDERS);
	/**
	 * The calls of retired holders, so the counts over all holders plus these still equal memstat's.
	 * Sums of Float64Array elements, so doubles from the start (asDouble): a field that began as a
	 * small integer changed the book's hidden class at the first retirement, discarding the
	 * optimized kmalloc and kfree paths that inlined the old one.
	 */
	retiredKmallocs = asDouble(0);
	retiredKfrees = asDouble(0);
	private tick = 0;
	private nextSweep = HOLDER_RETIRE_TICKS;
	private readonly ids: Ids = new Map();
	/** Retired ids, the next to reuse last. */
	private readonly free: number[] = [];
	private lastProcess: string | undefined;
	private lastPurpose: string | undefined;
	private lastWorkload: string | undefined;
	private lastId = -1;

	constructor() {
		// V8 takes a field stored only once for a constant that optimized code may rely on; the
		// first store of another value (the book's first growth, its first retirement) then
		// discarded most of kmalloc's and kfree's optimized code at once, each recompiled on V8's
		// helper threads. Stored again here with another value of the same kind, these fields are
		// known to change before any code is optimized (--trace-deopt: 6 fewer deoptimizations in
		// the live view's first seconds).
		this.liveBlocks = this.liveBlocks.slice();
		this.liveChunks = this.liveChunks.slice();
		this.kmallocs = this.kmallocs.slice();
		this.kfrees = this.kfrees.slice();
		this.lastTick = this.lastTick.slice();
		this.generations = this.generations.slice();
		this.retiredKmallocs = asDouble(1);
		this.retiredKmallocs = asDouble(0);
		this.retiredKfrees = asDouble(1);
		this.retiredKfrees = asDouble(0);
	}

	/** The simulation tick, as the kernel's `now`; every HOLDER_RETIRE_TICKS ticks, retires the idle holders. */
	get now(): number {
		return this.tick;
	}

	set now(tick: number) {
		this.tick = tick;
		if (tick >= this.nextSweep) {
			this.nextSweep = (Math.floor(tick / HOLDER_RETIRE_TICKS) + 1) * HOLDER_RETIRE_TICKS;
			this.retireIdle();
		}
	}

	/** One past the highest id in use: loops over holders run to here. */
	get count(): number {
		return this.keys.length;
	}

	/** Holders with an id now: the reserved three included, retired ids not. */
	get held(): number {
		return this.keys.length - this.free.length;
	}

	/** The holder id for a kmalloc; the same three values as the call before cost three comparisons. */
	idFor(process: string | undefined, purpose: string | undefined, workload: string | undefined): number {
		if (this.lastId >= 0 && process === this.lastProcess && purpose === this.lastPurpose && workload === this.lastWorkload) {
			return this.lastId;
		}

		this.lastProcess = process;
		this.lastPurpose = purpose;
		this.lastWorkload = workload;
		this.lastId = this.intern(process, purpose, workload);
		return this.lastId;
	}

	/** `blocks` kmalloc calls made for `holder` (more than one: a run of PhysicalPages, heap.ts `allocateRun`). */
	called(holder: number, blocks = 1): void {
		this.kmallocs[holder]! += blocks;
		this.lastTick[holder] = this.now;
	}

	/** `blocks` kfree calls that freed blocks of `holder`'s. */
	freed(holder: number, blocks = 1): void {
		this.kfrees[holder]! += blocks;
		this.lastTick[holder] = this.now;
	}

	/** `blocks` blocks of `chunks` chunks in all placed for `holder`. */
	booked(holder: number, chunks: number, blocks = 1): void {
		this.liveBlocks[holder]! += blocks;
		this.liveChunks[holder]! += chunks;
	}

	/** `blocks` blocks of `chunks` chunks in all given back. */
	released(holder: number, chunks: number, blocks = 1): void {
		this.releases += blocks;
		this.liveBlocks[holder]! -= blocks;
		this.liveChunks[holder]! -= chunks;
	}

	/**
	 * Retires every holder with no live block and no call in the last HOLDER_RETIRE_TICKS ticks: its
	 * key leaves the id maps and its id goes on the free list with zero counts. No chunk refers to
	 * it (a heap keeps a holder id only at the first chunk of a live block), so the reuse is safe.
	 * Bookkeeping only: placement never looks at the book.
	 */
	retireIdle(): void {
		const before = this.tick - HOLDER_RETIRE_TICKS;
		const free = new Set(this.free);
		for (let id = RESERVED_HOLDERS; id < this.keys.length; id++) {
			if (this.liveBlocks[id] !== 0 || this.liveChunks[id] !== 0 || this.lastTick[id]! >= before) {
				continue;
			}

			if (free.has(id)) {
				continue;
			}

			const key = this.keys[id]!;
			const byPurpose = this.ids.get(key.process);
			const byWorkload = byPurpose?.get(key.purpose);
			byWorkload?.delete(key.workload);
			if (byWorkload?.size === 0) {
				byPurpose!.delete(key.purpose);
				if (byPurpose!.size === 0) {
					this.ids.delete(key.process);
				}
			}

			this.retiredKmallocs += this.kmallocs[id]!;
			this.retiredKfrees += this.kfrees[id]!;
			this.kmallocs[id] = 0;
			this.kfrees[id] = 0;
			this.lastTick[id] = -1;
			this.generations[id]!++;
			this.keys[id] = RETIRED;
			this.free.push(id);
		}

		// The one-entry cache may name a retired id.
		this.lastId = -1;
	}

	private intern(process: string | undefined, purpose: string | undefined, workload: string | undefined): number {
		let byPurpose = this.ids.get(process);
		if (!byPurpose) {
			byPurpose = new Map();
			this.ids.set(process, byPurpose);
		}

		let byWorkload = byPurpose.get(purpose);
		if (!byWorkload) {
			byWorkload = new Map();
			byPurpose.set(purpose, byWorkload);
		}

		let id = byWorkload.get(workload);
		if (id === undefined) {
			id = this.free.length === 0 && this.keys.length > MAX_HOLDERS ? OTHER_HOLDERS : this.add({process, purpose, workload});
			byWorkload.set(workload, id);
		}

		return id;
	}

	private add(key: HolderKey): number {
		const reused = this.free.pop();
		if (reused !== undefined) {
			this.keys[reused] = key;
			return reused;
		}

		const id = this.keys.length;
		this.keys.push(key);
		if (id >= this.liveBlocks.length) {
			this.liveBlocks = grown(this.liveBlocks, (length) => new Int32Array(length));
			this.liveChunks = grown(this.liveChunks, (length) => new Int32Array(length));
			this.kmallocs = grown(this.kmallocs, (length) => new Float64Array(length));
			this.kfrees = grown(this.kfrees, (length) => new Float64Array(length));
			this.lastTick = grown(this.lastTick, (length) => new Float64Array(length).fill(-1));
			this.generations = grown(this.generations, (length) => new Uint32Array(length));
		}

		return id;
	}
}
