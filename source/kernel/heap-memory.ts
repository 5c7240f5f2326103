// What the kmalloc heap's memory holds, modelled at chunk granularity: the kernel never clears
// memory it hands out or takes back, it scrubs it (0xbb on allocate, 0xaa on free, header
// included, reference §1.2–§1.3), and a Heap built on memory does not clear its bitmap (§1.1).
// So a double kfree reads a scrubbed header, a backup that comes back as a subheap still holds
// its old bitmap (§5.5: an orphaned block's bit survives), and a subheap re-added 32 bytes
// smaller reads its new bitmap out of its old last chunk (§2.4). Memory outlives the Heap built
// on it: one HeapMemory per pool or kernel region, shared by every Heap placed on it. Here are
// its writes and its arrays' growth; heap-memory-reads.ts reads it back as bytes and words.
//
// The arrays cover the chunks written so far, not the whole memory: a chunk past them was never
// written and reads as zero-filled. A subheap added for one request and barely used since holds
// a few KiB, not 8¼ bytes a chunk of its megabyte (vmobject-churn at its panic: 498 subheaps,
// 98 % of their chunks never written). Only allocate and free reach further, and they grow the
// arrays first; reads index them as before (a read past them is undefined, taken as zero), so
// the hot path keeps its one flat load, the holder cell beside the header.
//
// The states and the words cover as far as each is written, apiece: a block's states run to its
// end, its words hold its first chunk alone. A subheap added for one big request holds that
// block from chunk 0 (best fit into an empty heap), and its words need not reach past it: they
// stayed at 8 KiB where they were 1 MiB, for as long as nothing is placed beyond the block. In a
// sweep worker such words were most of the array pool (reuse-kernel-arrays.ts), and a run wrote
// a few pages of each, not the same ones from run to run: over a worker's 80 runs, 10,400 pages
// of the pool's words were faulted in where a run wrote 500 (2,000 since; issue #17).

import {CHUNK_FREED, CHUNK_INTERIOR, CHUNK_WORD, CHUNK_ZERO, fillStates, setState, stateBytes, stateOf} from './chunk-states.js';
import {CHUNK_SIZE} from './constants.js';
import {readWord} from './heap-memory-reads.js';
import {kernelArrays, WRITTEN_PAGE_SHIFT, writtenPages} from './kernel-arrays.js';

/** The arrays grow to at least this many chunks (256 bytes of states, 8 KiB of words), then fourfold. */
const MIN_COVERED_CHUNKS = 1024;
/** How much bigger the arrays get each time they grow. */
const GROWTH = 4;

export class HeapMemory {
	readonly base: number;
	readonly size: number;
	/** Cleared when the region is unmapped: touching it then is a page fault. */
	mapped = true;
	/** Told when the memory goes away (the heap tracks unmapped subheaps still on its list). */
	unmapListener: {memoryUnmapped(): void} | undefined;
	/** Offset of chunk 0 from `base`, fixed by the first Heap placed here. */
	heapOffset = -1;
	/** Chunk slots from chunk 0 to the end of the memory. */
	slots = 0;
	/** Chunks the states cover: every chunk from here on was never written. */
	coveredChunks = 0;
	/** Chunks the words cover (at most `coveredChunks`): no chunk from here on ever had its first word written. */
	wordChunks = 0;
	/** One CHUNK_* a chunk, four to a byte (chunk-states.ts), for the chunks covered; the rest are CHUNK_ZERO. */
	state: Uint8Array = new Uint8Array(0);
	/**
	 * Two 32-bit cells a chunk, for the first `wordChunks` chunks: at 2·chunk the chunk's first
	 * word (an allocation header), at 2·chunk + 1 kmtop's holder id of the block that starts there
	 * (holder-book.ts; 0 elsewhere). The holder rides next to the header so that booking a block
	 * touches no cache line the kernel path does not touch already (the hot path is memory-bound
	 * on big heaps).
	 */
	words: Uint32Array = new Uint32Array(0);
	/**
	 * The pages of `words` written since they were taken (kernel-arrays.ts): a sweep's next run
	 * then clears those alone. Headers are sparse: most pages of a big subheap's words hold none.
	 */
	private writtenWords: Uint8Array = new Uint8Array(0);
	/**
	 * The bitmap last read out of this memory (readBitmap, heap-memory-reads.ts) and the chunks of
	 * the layout it was read for: from then on, where it sits, the memory holds its words.
	 */
	bitmapWords: Uint32Array | undefined;
	bitmapChunks = -1;

	constructor(base: number, size: number) {
		this.base = base;
		this.size = size;
		// Stored again so that V8 knows the field changes before any code is optimized: the first
		// subheap unmapped discarded allocate's optimized code (test/kernel/changing-fields.test.ts).
		this.mapped = false;
		this.mapped = true;
		this.coveredChunks = -1; // the same, for the arrays' first growth
		this.coveredChunks = 0;
		this.wordChunks = -1;
		this.wordChunks = 0;
	}

	unmap(): void {
		this.mapped = false;
		this.unmapListener?.memoryUnmapped();
	}

	/** Called by each Heap built on this memory. */
	placeHeap(heapOffset: number): void {
		if (this.heapOffset === -1) {
			this.heapOffset = heapOffset;
			this.slots = Math.floor((this.size - heapOffset) / CHUNK_SIZE);
		} else if (this.heapOffset !== heapOffset) {
			throw new Error(`a heap at offset ${heapOffset} on memory laid out for ${this.heapOffset}`);
		}
	}

	/** The CHUNK_* of `chunk`. */
	stateAt(chunk: number): number {
		return chunk < this.coveredChunks ? stateOf(this.state, chunk) : CHUNK_ZERO;
	}

	/**
	 * How many chunks an array covering `covered` grows to for chunks [0, end): fourfold at least,
	 * and to the whole memory once past a quarter of it, so a heap filling up allocates about 1.2
	 * times its arrays in all, and copies a fifth of them (copying and faulting in fresh pages
	 * cost the kernel bench up to a seventh of its time when they doubled).
	 */
	private grownCover(covered: number, end: number): number {
		const wanted = Math.max(end, GROWTH * covered, MIN_COVERED_CHUNKS);
		return wanted > this.slots / GROWTH ? this.slots : wanted;
	}

	/** The states grow to cover chunks [0, end) before they are written. */
	private cover(end: number): void {
		const length = this.grownCover(this.coveredChunks, end);
		this.state = kernelArrays().uint8Grown(this.state, stateBytes(length));
		this.coveredChunks = length;
	}

	/** The words grow to cover chunks [0, end) before a first word there is written (the states cover them). */
	private coverWords(end: number): void {
		const length = Math.min(this.grownCover(this.wordChunks, end), this.coveredChunks);
		this.writtenWords = new Uint8Array(writtenPages(2 * length));
		this.words = kernelArrays().uint32Grown(this.words, 2 * length, this.writtenWords);
		this.wordChunks = length;
	}

	/** Heap::allocate: header, then 0xbb over the rest (§1.2); the block booked to `holder`. */
	writeAllocation(chunk: number, chunks: number, holder: number): void {
		if (chunk + chunks > this.coveredChunks) {
			this.cover(chunk + chunks);
		}

		if (chunk >= this.wordChunks) {
			this.coverWords(chunk + 1);
		}

		setState(this.state, chunk, CHUNK_WORD);
		this.words[2 * chunk] = chunks;
		this.words[2 * chunk + 1] = holder;
		this.writtenWords[(2 * chunk) >>> WRITTEN_PAGE_SHIFT] = 1; // 2·chunk is even: both cells share the page
		if (chunks > 1) {
			fillStates(this.state, chunk + 1, chunk + chunks, CHUNK_INTERIOR);
		}
	}

	/** Heap::deallocate: 0xaa over the whole allocation, header included (§1.3). */
	scrubFree(chunk: number, chunks: number): void {
		if (chunk + chunks > this.coveredChunks) {
			this.cover(chunk + chunks);
		}

		fillStates(this.state, chunk, chunk + chunks, CHUNK_FREED);
	}

	/** The first word of `chunk` as last written: meaningful where `state` is CHUNK_WORD (a header). */
	wordAt(chunk: number): number {
		return this.words[2 * chunk] ?? 0;
	}

	/** The holder of the block that starts at `chunk` (0: none does). */
	holderAt(chunk: number): number {
		return this.words[2 * chunk + 1] ?? 0;
	}

	/** Unbooks the block at `chunk`; returns its holder (0: none started there). */
	takeHolder(chunk: number): number {
		const holder = this.words[2 * chunk + 1] ?? 0;
		this.words[2 * chunk + 1] = 0; // past the arrays: nothing was booked there, nothing written
		return holder;
	}

	/** The first word of `chunk` (covered) becomes `word`. */
	private writeWord(chunk: number, word: number): void {
		this.words[2 * chunk] = word;
		this.writtenWords[(2 * chunk) >>> WRITTEN_PAGE_SHIFT] = 1;
	}

	/**
	 * Heap::reallocate's memcpy of `bytes` from one allocation's data to another's (§1.5): both
	 * data areas start 4 bytes into a chunk, so chunk j of the copy takes chunk j of the source.
	 * The copy reads up to 4 bytes past the old block (fixed only by 77f9f442d80), which may carry
	 * a neighbour's header into the new block. Of a chunk the copy covers in part, only its first
	 * word is modelled as copied; the rest stays 0xbb (a documented simplification).
	 */
	static copyData(from: HeapMemory, fromChunk: number, to: HeapMemory, toChunk: number, bytes: number): void {
		const coveredChunks = Math.floor((bytes + 4) / CHUNK_SIZE);
		const partial = coveredChunks;
		const writesPartial = (bytes + 4) % CHUNK_SIZE >= 4 && partial >= 1 && toChunk + partial < to.slots;
		const end = Math.min(to.slots, toChunk + (writesPartial ? partial + 1 : coveredChunks));
		if (end > to.coveredChunks) {
			to.cover(end);
		}

		if (end > to.wordChunks) {
			to.coverWords(end);
		}

		for (let j = 1; j < coveredChunks; j++) {
			const source = fromChunk + j;
			if (source >= from.slots || toChunk + j >= to.slots) {
				break;
			}

			setState(to.state, toChunk + j, from.stateAt(source));
			to.writeWord(toChunk + j, from.wordAt(source));
		}

		if (writesPartial) {
			setState(to.state, toChunk + partial, CHUNK_WORD);
			to.writeWord(toChunk + partial, readWord(from, (fromChunk + partial) * CHUNK_SIZE));
		}
	}
}
