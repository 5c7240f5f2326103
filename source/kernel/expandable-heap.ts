// `ExpandableHeap` (Kernel/Heap/Heap.h, reference §2): the main subheap over the pool, then
// added subheaps in a singly linked list sorted by address, each with its SubHeap header at the
// start of its memory. Walking the list reads each SubHeap's header from that memory, so in the
// revisions that free a region while it is still linked (§5.5) the walk page-faults, as the
// kernel did. It is a real linked list: the kernel's loops see insertions and removals made by
// the calls they make (an allocation inside remove_memory, §5.5). Its walks are in subheap.ts;
// the list, and what we keep beside it (a sorted array, the stats' sums, the idle-tree sweep), in
// subheap-list.ts.

import {CHUNK_SIZE} from './constants.js';
import {FirstFitHints} from './first-fit-hints.js';
import {Heap, chunksNeeded, heapMemoryForBytes, type HeapFaults} from './heap.js';
import {HeapMemory} from './heap-memory.js';
import {reallocateWithin} from './heap-reallocate.js';
import {HolderBook, NO_BLOCK, UNATTRIBUTED} from './holder-book.js';
import {SubHeap, touchHeader, walkTo} from './subheap.js';
import {SubheapList} from './subheap-list.js';

export {SubHeap} from './subheap.js';
import type {Revision} from './revisions.js';
import {sites} from './source-sites.js';

/** The `ExpandHeap` callbacks: KmallocGlobalHeap::ExpandGlobalHeap in the kernel, stubs in tests. */
export type ExpandHeapCallbacks = {
	addMemory(allocationRequest: number): boolean;
	removeMemory(memoryBase: number): boolean;
};

/** A search pass budget for the unbounded loop of 4b66692a553: past it, we call it a hang (§5.3a). */
export const EXPANSION_WATCHDOG_PASSES = 10_000;

export type HeapStallReport = {passes: number; request: number};

export type ExpandableHeapOptions = {
	revision: Revision;
	faults: HeapFaults;
	expand: ExpandHeapCallbacks;
	/** The watchdog: the kernel would loop forever here. Never returns. */
	onHang: (report: HeapStallReport) => never;
	/** Who holds each block: shared by every subheap (a book of its own when not given). */
	holders?: HolderBook;
};

export class ExpandableHeap {
	readonly main: SubHeap;
	/** `m_expanding` (ee51b28edd8). */
	expanding = false;
	lastAllocatePasses = 0;
	/** The holder of the blocks the last `deallocateRun` freed. */
	runHolder = UNATTRIBUTED;
	/** `m_heaps`, from `main` (subheap-list.ts). */
	private readonly list: SubheapList;
	private readonly revision: Revision;
	private readonly faults: HeapFaults;
	private readonly expand: ExpandHeapCallbacks;
	/** Kept whole, its `onHang` called as a method: no function of it is stored (a heap is copied for time travel). */
	private readonly options: ExpandableHeapOptions;
	readonly holders: HolderBook;
	/** Where a first-fit search may start (first-fit-hints.ts). */
	private readonly hints = new FirstFitHints();

	constructor(pool: HeapMemory, options: ExpandableHeapOptions) {
		this.revision = options.revision;
		this.faults = options.faults;
		this.expand = options.expand;
		this.options = options;
		this.holders = options.holders ?? new HolderBook();
		const heap = new Heap(pool, pool.base, pool.size, options.faults, this.holders);
		this.main = new SubHeap(heap, pool.size, pool.base);
		this.list = new SubheapList(this.main, this.hints, options.faults);
		// Stored twice, so V8 knows it changes before it optimizes anything (holder-book.ts).
		this.expanding = true;
		this.expanding = false;
	}

	/** sizeof(SubHeap) + Heap's estimate (§2.5). */
	calculateMemoryForBytes(bytes: number): number {
		return this.revision.subHeapHeaderSize + heapMemoryForBytes(bytes);
	}

	subheaps(): Generator<SubHeap> {
		return this.list.subheaps();
	}

	/** The block is booked to `holder` (holder-book.ts). */
	allocate(size: number, holder: number = UNATTRIBUTED): number {
		this.list.countAllocations(1);
		const chunks = chunksNeeded(size);
		const limit = this.revision.expansionAttemptLimit;
		let passes = 0;
		for (;;) {
			passes++;
			const pointer = this.tryEverySubheap(size, chunks, holder);
			if (pointer !== 0) {
				this.lastAllocatePasses = passes;
				return pointer;
			}

			if (limit === null) {
				if (passes >= EXPANSION_WATCHDOG_PASSES) {
					this.options.onHang({passes, request: size});
				}
			} else if (passes >= limit) {
				break;
			}

			if (!this.expandMemory(size)) {
				break;
			}
		}

		this.lastAllocatePasses = passes;
		return 0;
	}

	/**
	 * `count` allocations of `size` in a row, as `allocate` would make them one by one while the
	 * first-fit hint holds for their chunk count and the hinted subheap has a run of free chunks
	 * from the hint (Heap.allocateRun): each would search from where the last ended. The pointers go
	 * to `pointers[at…]`. Returns how many it placed; 0 when the hint does not apply, or the hinted
	 * subheap has no room after it: then the next goes through `allocate` (its walk, its expansion).
	 */
	allocateRun(size: number, count: number, holder: number, pointers: Uint32Array, at: number): number {
		const chunks = chunksNeeded(size);
		const subheap = this.hints.subheapFor(chunks, this.holders.releases);
		if (!subheap) {
			return 0;
		}

		touchHeader(subheap, this.faults);
		const placed = subheap.heap.allocateRun(size, count, holder, this.hints.chunk, pointers, at);
		if (placed === 0) {
			return 0;
		}

		this.list.countAllocations(placed);
		this.hints.placed(subheap, chunks, pointers[at + placed - 1]!, this.holders.releases);
		this.lastAllocatePasses = 1;
		return placed;
	}

	/**
	 * `count` deallocations in a row of blocks of `chunks` chunks side by side from `pointer`, as
	 * long as Heap.deallocateRun vouches for them; none empties its subheap, so none removes it.
	 * Returns how many it freed (0: the next goes through `deallocate`); `runHolder` is their holder.
	 */
	deallocateRun(pointer: number, count: number, chunks: number): number {
		const subheap = this.list.search(pointer);
		if (!subheap) {
			return 0;
		}

		const holder = subheap.heap.holderAt(pointer);
		this.runHolder = holder;
		return subheap.heap.deallocateRun(pointer, count, chunks, holder);
	}

	/** Returns the holder the block was booked to. */
	deallocate(pointer: number): number {
		if (pointer === 0) {
			return NO_BLOCK;
		}

		// The kernel's walk while a linked subheap is unmapped; after a search's miss, it misses too.
		const subheap = this.list.search(pointer) ?? walkTo(this.main, pointer, this.faults);
		if (!subheap) {
			this.faults.verify(sites.expandableDeallocateNotReached);
		}

		const holder = subheap.heap.deallocate(pointer);
		const mayRemove = !this.revision.expansionGuard || !this.expanding;
		if (subheap.heap.allocatedChunks === 0 && subheap !== this.main && mayRemove) {
			this.removeSubheap(subheap);
		}

		return holder;
	}

	/** ExpandableHeap::reallocate + Heap::reallocate (§1.5, §2.5), data-loss quirk included; `holder` books a new block (pointer 0). */
	reallocate(pointer: number, newSize: number, holder: number = UNATTRIBUTED): number {
		if (pointer === 0) {
			return this.allocate(newSize, holder);
		}

		const subheap = walkTo(this.main, pointer, this.faults);
		if (!subheap) {
			return this.faults.verify(sites.expandableReallocateNotReached);
		}

		return reallocateWithin(subheap.heap, pointer, newSize, {
			allocate: (size, moved) => this.allocate(size, moved),
			findHeap: (address) => this.findHeap(address),
			faults: this.faults,
		});
	}

	/** `add_subheap(memory, size)`: header at the start, heap after it, linked in address order (§2.1). */
	addSubheap(memory: HeapMemory, memoryBase: number, memorySize: number): SubHeap {
		const headerSize = this.revision.subHeapHeaderSize;
		if (!(memorySize > headerSize)) {
			this.faults.verify(sites.addSubheapSize);
		}

		const heapSize = memorySize - headerSize;
		const heap = new Heap(memory, memoryBase + headerSize, heapSize, this.faults, this.holders);
		const subheap = new SubHeap(heap, heapSize, memoryBase);
		this.list.link(subheap);
		memory.unmapListener = this.list;
		return subheap;
	}

	/** The stats sum over every linked subheap, the main one included (§2.5). */
	totalChunks(): number {
		return this.list.totalChunks();
	}

	allocatedChunks(): number {
		return this.list.allocatedChunks();
	}

	freeBytes(): number {
		return (this.totalChunks() - this.allocatedChunks()) * CHUNK_SIZE;
	}

	allocatedBytes(): number {
		return this.allocatedChunks() * CHUNK_SIZE;
	}

	/** The walk from the main heap, or from the first-fit hint where it lands the same (first-fit-hints.ts). */
	private tryEverySubheap(size: number, chunks: number, holder: number): number {
		const hinted = this.hints.subheapFor(chunks, this.holders.releases);
		let from = hinted ? this.hints.chunk : 0;
		for (let subheap: SubHeap | undefined = hinted ?? this.main; subheap; subheap = subheap.next) {
			touchHeader(subheap, this.faults);
			// The O(1) test fails exactly when Heap::allocate's search would (free count, longest run).
			if (from > 0 || subheap.heap.couldFit(chunks)) {
				const pointer = subheap.heap.allocate(size, holder, from);
				if (pointer !== 0) {
					this.hints.placed(subheap, chunks, pointer, this.holders.releases);
					return pointer;
				}
			}

			from = 0;
		}

		return 0;
	}

	private expandMemory(size: number): boolean {
		if (!this.revision.expansionGuard) {
			return this.expand.addMemory(size);
		}

		if (this.expanding) {
			return false;
		}

		// TemporaryChange: restored on the way out (a panic never comes back, so no finally).
		this.expanding = true;
		const added = this.expand.addMemory(size);
		this.expanding = false;
		return added;
	}

	/** §2.4 (74fa8949943 and after) or §5.1/§5.5 (before: remove first, unlink after). */
	private removeSubheap(subheap: SubHeap): void {
		if (this.revision.unlinkBeforeRemove) {
			this.unlink(subheap);
			const savedMemorySize = subheap.memorySize;
			if (!this.expand.removeMemory(subheap.base)) {
				// Re-added from the already reduced size: 32 bytes smaller again (§2.4, scenario 13).
				const readded = this.addSubheap(subheap.heap.memory, subheap.base, savedMemorySize);
				this.readdListener?.subheapReadded(subheap, readded);
			}

			return;
		}

		if (this.expand.removeMemory(subheap.base)) {
			this.unlink(subheap);
		}
	}

	/** Set by the kmalloc layer to follow re-added subheaps (§2.4). */
	readdListener: {subheapReadded(removed: SubHeap, readded: SubHeap): void} | undefined;

	private unlink(subheap: SubHeap): void {
		if (this.list.unlink(subheap) && subheap.heap.allocatedChunks > 0) {
			// Blocks that left with it no longer count as allocated; neither do their holders.
			subheap.heap.forgetBlocks();
		}
	}

	findHeap(pointer: number): Heap | undefined {
		return this.list.findHeap(pointer);
	}
}
