// Reading a HeapMemory (heap-memory.ts) as the kernel finds it: a Heap built on memory takes its
// bitmap from what the memory holds right after its chunk area (§1.1), kfree reads a header that
// may have been scrubbed (a double kfree reads 0xaa, §1.3), and Heap::reallocate reads 4 bytes
// past the block it copies (§1.5). The memory holds a state and a first word a chunk, not bytes:
// a read puts the bytes together, and where a bitmap was read out before, it reads that bitmap's
// words, as the heap on it has set and cleared them since.
import {CHUNK_FREED, CHUNK_INTERIOR, CHUNK_WORD, stateOf} from './chunk-states.js';
import {CHUNK_SIZE, KFREE_SCRUB_BYTE, KMALLOC_SCRUB_BYTE} from './constants.js';
import type {HeapMemory} from './heap-memory.js';
import {kernelArrays} from './kernel-arrays.js';

/** What the reads see of a HeapMemory: its arrays, and the bitmap read out last. */
type ReadableMemory = Pick<HeapMemory, 'state' | 'words' | 'coveredChunks' | 'bitmapWords' | 'bitmapChunks'>;

const FREED_WORD = 0xaaaaaaaa;
const INTERIOR_WORD = 0xbbbbbbbb;

/**
 * The bitmap of a heap with `chunks` chunks sits right after its chunk area (§1.1). Same
 * layout as before: the same bytes, bits and all. A new layout reads whatever the memory
 * holds there now.
 */
export const readBitmap = (memory: ReadableMemory, chunks: number): Uint32Array => {
	if (chunks === memory.bitmapChunks && memory.bitmapWords) {
		return memory.bitmapWords;
	}

	const wordCount = Math.ceil(chunks / 32);
	if (!memory.bitmapWords && chunks >= memory.coveredChunks) {
		// Memory never written where the bitmap sits (a new region: every subheap's first
		// layout): zeros, without reading each word of it (2 % of a sweep worker's time).
		memory.bitmapWords = kernelArrays().uint32(wordCount);
		memory.bitmapChunks = chunks;
		return memory.bitmapWords;
	}

	// Word by word: both bitmaps start on a chunk, so a word lies whole in one chunk, and in
	// the old bitmap or out of it, but for the last words of each (their bytes past the end).
	const words = kernelArrays().uint32ToFill(wordCount);
	const byteCount = Math.ceil(chunks / 8);
	const bitmapOffset = chunks * CHUNK_SIZE;
	const oldStart = memory.bitmapWords ? memory.bitmapChunks * CHUNK_SIZE : 0;
	const oldEnd = memory.bitmapWords ? oldStart + Math.ceil(memory.bitmapChunks / 8) : 0;
	for (let w = 0; w < wordCount; w++) {
		const offset = bitmapOffset + 4 * w;
		if (offset + 4 > bitmapOffset + byteCount || (offset < oldEnd && offset + 4 > oldEnd)) {
			words[w] = readBytes(memory, offset, Math.min(4, bitmapOffset + byteCount - offset));
		} else if (offset >= oldStart && offset < oldEnd) {
			words[w] = memory.bitmapWords![(offset - oldStart) >>> 2]!;
		} else {
			words[w] = chunkWord(memory, offset);
		}
	}

	memory.bitmapWords = words;
	memory.bitmapChunks = chunks;
	return words;
};

/** The 4-byte-aligned word at `offset` as the chunks hold it (not where a bitmap read out sits). */
const chunkWord = (memory: ReadableMemory, offset: number): number => {
	const chunk = offset >>> 5; // CHUNK_SIZE
	switch (stateOf(memory.state, chunk)) {
		case CHUNK_WORD: {
			return offset % CHUNK_SIZE === 0 ? memory.words[2 * chunk]! : INTERIOR_WORD;
		}

		case CHUNK_FREED: {
			return FREED_WORD;
		}

		case CHUNK_INTERIOR: {
			return INTERIOR_WORD;
		}

		default: {
			return 0; // CHUNK_ZERO, or past the arrays
		}
	}
};

/** `count` (1..4) bytes from `offset`, little-endian, as the memory holds them now. */
const readBytes = (memory: ReadableMemory, offset: number, count: number): number => {
	let word = 0;
	for (let i = count - 1; i >= 0; i--) {
		word = ((word << 8) | readByte(memory, offset + i)) >>> 0;
	}

	return word;
};

/** One byte at `offset` from chunk 0, as the memory holds it now. */
export const readByte = (memory: ReadableMemory, offset: number): number => {
	const oldBitmapOffset = memory.bitmapChunks * CHUNK_SIZE;
	if (memory.bitmapWords && offset >= oldBitmapOffset && offset < oldBitmapOffset + Math.ceil(memory.bitmapChunks / 8)) {
		const index = offset - oldBitmapOffset;
		return (memory.bitmapWords[index >>> 2]! >>> (8 * (index & 3))) & 0xff;
	}

	const chunk = Math.floor(offset / CHUNK_SIZE);
	if (chunk >= memory.coveredChunks) {
		return 0;
	}

	switch (stateOf(memory.state, chunk)) {
		case CHUNK_FREED: {
			return KFREE_SCRUB_BYTE;
		}

		case CHUNK_INTERIOR: {
			return KMALLOC_SCRUB_BYTE;
		}

		case CHUNK_WORD: {
			const within = offset % CHUNK_SIZE;
			return within < 4 ? (memory.words[2 * chunk]! >>> (8 * within)) & 0xff : KMALLOC_SCRUB_BYTE;
		}

		default: {
			return 0;
		}
	}
};

/** The 32-bit little-endian word at `offset` from chunk 0 (an allocation header when aligned). */
export const readWord = (memory: ReadableMemory, offset: number): number =>
	offset % CHUNK_SIZE === 0 ? chunkWord(memory, offset) : readBytes(memory, offset, 4);
