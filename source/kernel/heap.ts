// `Heap<CHUNK_SIZE, 0xbb, 0xaa>` (Kernel/Heap/Heap.h @ 5d180d1f996, reference §1): one subheap's
// chunk allocator. floor(M/33) chunks of 32 bytes for M bytes, the bitmap right after the last
// chunk, a 4-byte header in front of every allocation, first fit below 128 chunks and best fit
// from 128. Addresses are unsigned 32-bit numbers and the arithmetic wraps like the i386 kernel's.

import {ChunkBitmap} from './bitmap.js';
import {ALLOCATION_HEADER_SIZE, BEST_FIT_THRESHOLD, CHUNK_SIZE, formatVirtualAddress} from './constants.js';
import {HeapMemory} from './heap-memory.js';
import {readBitmap, readWord} from './heap-memory-reads.js';
import {HolderBook, NO_BLOCK, UNATTRIBUTED} from './holder-book.js';
import type {SourceSite} from './panic.js';
import {sites} from './source-sites.js';

/** How the heap fails: the kernel halts, so neither returns. */
export type HeapFaults = {
	/** A VERIFY that did not hold (§9.2). */
	verify(site: SourceSite): never;
	/** A write through memory that is not there: a page fault in ring 0. */
	fault(description: string): never;
};

const u32 = (value: number): number => value >>> 0;

/** `calculate_chunks`: a whole byte per chunk is set aside for a one-bit bitmap entry (§1.1). */
export const calculateChunks = (memorySize: number): number => Math.floor(memorySize / (CHUNK_SIZE + 1));

/** Chunks for a request, in the kernel's 32-bit arithmetic: kmalloc(0) still takes one (§1.2). */
export const chunksNeeded = (size: number): number =>
	Math.floor(u32(u32(size + ALLOCATION_HEADER_SIZE) + CHUNK_SIZE - 1) / CHUNK_SIZE);

/** `Heap::calculate_memory_for_bytes`: underestimates what the chunk formula needs (§1.5). */
export const heapMemoryForBytes = (bytes: number): number => {
	const chunks = chunksNeeded(bytes);
	return chunks * CHUNK_SIZE + Math.ceil(chunks / 8);
};

export class Heap {
	readonly memory: HeapMemory;
	/** Address of chunk 0 (`m_chunks`). */
	readonly chunkBase: number;
	/** End of the chunk area. */
	readonly chunkEnd: number;
	readonly totalChunks: number;
	allocatedChunks = 0;
	readonly bitmap: ChunkBitmap;
	/** Who holds the blocks (holder-book.ts); each block's holder is kept beside its header in memory. */
	readonly book: HolderBook;
	private readonly faults: HeapFaults;

	constructor(memory: HeapMemory, chunkBase: number, memorySize: number, faults: HeapFaults, book = new HolderBook()) {
		this.memory = memory;
		this.chunkBase = chunkBase;
		this.totalChunks = calculateChunks(memorySize);
		this.chunkEnd = chunkBase + this.totalChunks * CHUNK_SIZE;
		this.faults = faults;
		this.book = book;
		memory.placeHeap(chunkBase - memory.base);
		this.bitmap = new ChunkBitmap(this.totalChunks, readBitmap(memory, this.totalChunks));
	}

	get freeChunks(): number {
		return this.totalChunks - this.allocatedChunks;
	}

	get freeBytes(): number {
		return this.freeChunks * CHUNK_SIZE;
	}

	get totalBytes(): number {
		return this.totalChunks * CHUNK_SIZE;
	}

	get allocatedBytes(): number {
		return this.allocatedChunks * CHUNK_SIZE;
	}

	/** O(1): whether `allocate` could succeed for `chunks` chunks (free count and longest run). */
	couldFit(chunks: number): boolean {
		return chunks <= this.freeChunks && chunks <= this.bitmap.longestFreeRun;
	}

	/**
	 * Returns the address of the data, or 0. The block is booked to `holder`. `from` is where a
	 * first-fit search may start because no run of the chunks needed begins before it (the
	 * ExpandableHeap's hint): the kernel searches from chunk 0 and finds the same run.
	 */
	allocate(size: number, holder: number = UNATTRIBUTED, from = 0): number {
		const chunks = chunksNeeded(size);
		if (chunks > this.freeChunks) {
			return 0;
		}

		if (chunks === 0) {
			// size + 4 + 31 wrapped to < 32: the header goes to chunk 0 and the 0xbb scrub of
			// `0 * 32 - 4` bytes, i.e. 4 GiB, runs off the end of the heap.
			this.faults.fault(
				`memset of 4294967292 bytes at ${formatVirtualAddress(this.chunkBase + ALLOCATION_HEADER_SIZE)} in Heap::allocate(${size})`,
			);
		}

		const first = chunks < BEST_FIT_THRESHOLD ? this.bitmap.leftmostRunFrom(from, chunks) : this.bitmap.findBestFit(chunks);
		if (first < 0) {
			return 0;
		}

		this.memory.writeAllocation(first, chunks, holder);
		this.bitmap.setRange(first, chunks, true);
		this.allocatedChunks += chunks;
		this.book.booked(holder, chunks);
		return this.chunkBase + first * CHUNK_SIZE + ALLOCATION_HEADER_SIZE;
	}

	/**
	 * What `count` calls of `allocate(size, holder, from)` in a row place, each `from` where the
	 * last block ended (the ExpandableHeap's hint), as long as they fill one run of free chunks:
	 * block i goes to `first + i·chunks`, the leftmost fit from there while the run lasts (first
	 * fit, §1.4; chunks below BEST_FIT_THRESHOLD). Their pointers go to `pointers[at…]`. Returns
	 * how many it placed: 0 when no run starts at or after `from` (then `allocate` finds out).
	 */
	allocateRun(size: number, count: number, holder: number, from: number, pointers: Uint32Array, at: number): number {
		const chunks = chunksNeeded(size);
		if (chunks === 0 || chunks >= BEST_FIT_THRESHOLD || chunks > this.freeChunks) {
			return 0;
		}

		const first = this.bitmap.leftmostRunFrom(from, chunks);
		if (first < 0) {
			return 0;
		}

		const runEnd = Math.min(this.bitmap.nextSetBit(first), this.totalChunks);
		const placed = Math.min(count, Math.floor((runEnd - first) / chunks));
		for (let block = 0, chunk = first; block < placed; block++, chunk += chunks) {
			this.memory.writeAllocation(chunk, chunks, holder);
			pointers[at + block] = this.chunkBase + chunk * CHUNK_SIZE + ALLOCATION_HEADER_SIZE;
		}

		this.bitmap.setRange(first, placed * chunks, true);
		this.allocatedChunks += placed * chunks;
		this.book.booked(holder, placed * chunks, placed);
		return placed;
	}

	/**
	 * What `count` calls of `deallocate` in a row do for blocks of `chunks` chunks that lie side by
	 * side from `pointer`, as long as each header reads `chunks` and each block is `holder`'s:
	 * then none of deallocate's checks (§1.3) can fail, and the bits, the scrub and the count come out
	 * the same done once for the run. Returns how many it freed: 0 when the first block does not
	 * qualify, or when the heap holds no more than the run (then `deallocate`, one by one, reports
	 * what fails or empties the heap).
	 */
	deallocateRun(pointer: number, count: number, chunks: number, holder: number): number {
		const header = u32(pointer - ALLOCATION_HEADER_SIZE);
		if (chunks === 0 || !(header >= this.chunkBase && pointer < this.chunkEnd) || (header - this.chunkBase) % CHUNK_SIZE !== 0) {
			return 0;
		}

		const start = (header - this.chunkBase) / CHUNK_SIZE;
		const fits = Math.min(count, Math.floor((this.totalChunks - start) / chunks));
		let freed = 0;
		while (
			freed < fits &&
			readWord(this.memory, (start + freed * chunks) * CHUNK_SIZE) === chunks &&
			(this.memory.holderAt(start + freed * chunks) || UNATTRIBUTED) === holder
		) {
			freed++;
		}

		// More allocated than the run: the subheap cannot empty within it, so no removal is due (§2.4).
		if (freed === 0 || this.allocatedChunks <= freed * chunks) {
			return 0;
		}

		this.bitmap.setRange(start, freed * chunks, false);
		this.allocatedChunks -= freed * chunks;
		this.memory.scrubFree(start, freed * chunks);
		for (let block = 0; block < freed; block++) {
			this.memory.takeHolder(start + block * chunks);
		}

		this.book.released(holder, freed * chunks, freed);
		return freed;
	}

	/** `contains`: pure pointer comparison, never reads memory (§1.5). */
	contains(pointer: number): boolean {
		return u32(pointer - ALLOCATION_HEADER_SIZE) >= this.chunkBase && pointer < this.chunkEnd;
	}

	/** The size header of the allocation at `pointer`, as memory holds it now. */
	readHeader(pointer: number): number {
		return readWord(this.memory, u32(pointer - ALLOCATION_HEADER_SIZE) - this.chunkBase);
	}

	/**
	 * Heap::deallocate as of 5d180d1f996: no check that the block is live (that came with
	 * 79ebcacce29 in April 2021), so a double kfree reads the 0xaa-scrubbed header and fails in
	 * Bitmap::set_range, whose `start + len <= m_size` the wrapped size check let through (§1.3).
	 * Returns the holder the block was booked to (NO_BLOCK for a null pointer).
	 */
	deallocate(pointer: number): number {
		if (pointer === 0) {
			return NO_BLOCK;
		}

		const header = u32(pointer - ALLOCATION_HEADER_SIZE);
		if (!(header >= this.chunkBase && pointer < this.chunkEnd)) {
			this.faults.verify(sites.heapDeallocateInRange);
		}

		const start = Math.floor((header - this.chunkBase) / CHUNK_SIZE);
		const chunks = this.readHeader(pointer);
		if (u32(header + u32(Math.imul(chunks, CHUNK_SIZE))) > this.chunkEnd) {
			this.faults.verify(sites.heapDeallocateSizeFits);
		}

		if (start + chunks > this.totalChunks) {
			// `start + len` in size_t: header words are chunk counts or scrub patterns, never
			// large enough to wrap, so this is the plain comparison.
			this.faults.verify(sites.bitmapSetRangeEnd);
		}

		this.bitmap.setRange(start, chunks, false);
		if (!(this.allocatedChunks >= chunks)) {
			this.faults.verify(sites.heapDeallocateCount);
		}

		this.allocatedChunks -= chunks;
		this.memory.scrubFree(start, chunks);
		const holder = this.memory.takeHolder(start) || UNATTRIBUTED;
		this.book.released(holder, chunks);
		return holder;
	}

	/** The holder of the block starting at `pointer` (UNATTRIBUTED when none starts there). */
	holderAt(pointer: number): number {
		return this.memory.holderAt(Math.floor((u32(pointer - ALLOCATION_HEADER_SIZE) - this.chunkBase) / CHUNK_SIZE)) || UNATTRIBUTED;
	}

	/** Takes this heap's blocks off the book: it left the list with blocks in it (an orphan, §5.5). */
	forgetBlocks(): void {
		const end = Math.min(this.totalChunks, this.memory.wordChunks); // none was booked past what the words cover
		for (let chunk = 0; chunk < end; chunk++) {
			const holder = this.memory.takeHolder(chunk);
			if (holder !== NO_BLOCK) {
				this.book.released(holder, readWord(this.memory, chunk * CHUNK_SIZE));
			}
		}
	}

	/** Every booked block, in address order: first chunk, chunk count (its header) and holder id. */
	bookedBlocks(): {firstChunk: Uint32Array; chunkCount: Uint32Array; holderId: Int32Array} {
		const {memory} = this;
		const end = Math.min(this.totalChunks, memory.wordChunks); // none was booked past what the words cover
		let count = 0;
		for (let chunk = 0; chunk < end; chunk++) {
			if (memory.holderAt(chunk) !== NO_BLOCK) {
				count++;
			}
		}

		const firstChunk = new Uint32Array(count);
		const chunkCount = new Uint32Array(count);
		const holderId = new Int32Array(count);
		for (let chunk = 0, index = 0; index < count; chunk++) {
			if (memory.holderAt(chunk) !== NO_BLOCK) {
				firstChunk[index] = chunk;
				chunkCount[index] = readWord(memory, chunk * CHUNK_SIZE);
				holderId[index] = memory.holderAt(chunk);
				index++;
			}
		}

		return {firstChunk, chunkCount, holderId};
	}
}
