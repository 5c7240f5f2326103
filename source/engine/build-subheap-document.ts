// The subheap document: everything the chunk map, the free-run histogram and "will it fit" need
// about one linked subheap, copied out of the kernel so it can cross to another thread (typed
// arrays survive structured cloning) and stay still while the kernel runs on. Read-only: the
// kernel is not called, only read, so building one changes nothing in the simulation.

import {CHUNK_SIZE} from '../kernel/constants.js';
import type {Kernel} from '../kernel/kernel.js';
import {CHUNK_WORD} from '../kernel/chunk-states.js';
import type {SubHeap} from '../kernel/subheap.js';
import type {SubheapOrigin} from '../kernel/subheap-book.js';
import {measureFreeRuns, nextClearBit, nextSetBit, type FreeRunBucket} from './measure-free-runs.js';
import {recentPlacementsOf} from './track-placements.js';

export type {FreeRunBucket} from './measure-free-runs.js';

/** The live blocks of a subheap, one entry per block, in address order. */
export type SubheapBlocks = {
	/** The chunk holding the block's 4-byte header (its address is chunkBase + 32·firstChunk + 4). */
	firstChunk: Uint32Array;
	chunkCount: Uint32Array;
	/**
	 * Who holds each block: the id of its row in the snapshot's `holders` table (the kernel books
	 * every kmalloc, holder-book.ts), or -1 where no booked block starts (a header left in old
	 * memory). The chunk map colours by them.
	 */
	holderId?: Int32Array;
	/**
	 * The holders `holderId` names, as the kernel knew them at the document's tick: the kernel
	 * reuses a retired holder's id (holder-book.ts), so a holders table of another tick may give
	 * the id to someone else.
	 */
	holders?: HolderName[];
};

/** Who a holder id stood for (the key fields of a HolderRow). */
export type HolderName = {id: number; process: string | null; purpose: string | null; workload: string | null};

export type SubheapDocument = {
	/** As the Subheaps panel numbers it: 0 is the pool. */
	id: number;
	origin: SubheapOrigin;
	/** The simulation tick it was taken at. */
	tick: number;
	/** Where the subheap's memory starts (its SubHeap header; the pool's start for #0). */
	base: number;
	/** The address of chunk 0. */
	chunkBase: number;
	chunkSize: number;
	totalChunks: number;
	/** The Heap's own count (`m_allocated_chunks`), which Heap::allocate checks first. */
	allocatedChunks: number;
	/** False once its region is unmapped while still linked (the bugs of §5.1 and §5.5). */
	mapped: boolean;
	/** The bitmap's words, copied whole: bit i (bit i%32 of word i/32) set means chunk i is allocated. */
	bitmap: Uint32Array;
	blocks: SubheapBlocks;
	/**
	 * Set bits that no live block's header accounts for: 0 in a healthy heap; an orphaned block
	 * (§5.5) or a bitmap read out of old memory (§2.4) leaves some.
	 */
	strayChunks: number;
	/** First chunk of the latest block placed here that is still live; -1 when not known. */
	lastPlacedChunk: number;
	/** Clear bits of the bitmap: what the chunk map shows free, and what the histogram adds up to. */
	freeChunks: number;
	largestFreeRunChunks: number;
	/** -1 when nothing is free. */
	largestFreeRunStart: number;
	freeRuns: FreeRunBucket[];
	/** 1 − largest free run / free chunks; null when nothing is free. */
	fragmentationIndex: number | null;
};

export type SubheapDocumentOptions = {
	/** The holder of the live block at `address` (the pointer kmalloc returned), instead of the kernel's own record. */
	holderOf?: (address: number) => number | undefined;
};

/** The linked subheaps' ids, in list order (the pool first). */
export const linkedSubheapIds = (kernel: Kernel): number[] =>
	[...kernel.heap.subheaps()].map((subheap) => kernel.global.book.label(subheap).id);

const findSubheap = (kernel: Kernel, id: number): SubHeap | undefined => {
	for (const subheap of kernel.heap.subheaps()) {
		if (kernel.global.book.label(subheap).id === id) {
			return subheap;
		}
	}

	return undefined;
};

type FoundBlocks = {firstChunk: Uint32Array; chunkCount: Uint32Array; strayChunks: number};

/**
 * Every allocated run of the bitmap, cut into blocks by the headers in memory: a live block
 * starts with a header word holding its chunk count (§1.2). A set bit where no such header
 * starts a block that fits in the run is a stray chunk.
 */
const findBlocks = (subheap: SubHeap, words: Uint32Array, setBits: number): FoundBlocks => {
	const {heap} = subheap;
	const {memory} = heap;
	const size = heap.totalChunks;
	// At most one block per set bit; cut to the blocks found at the end.
	const firsts = new Uint32Array(setBits);
	const counts = new Uint32Array(firsts.length);
	let found = 0;
	let strayChunks = 0;
	for (let start = nextSetBit(words, size, 0); start < size; ) {
		const end = nextClearBit(words, size, start);
		let chunk = start;
		while (chunk < end) {
			const header = memory.stateAt(chunk) === CHUNK_WORD ? memory.wordAt(chunk) : 0;
			if (header >= 1 && header <= end - chunk) {
				firsts[found] = chunk;
				counts[found++] = header;
				chunk += header;
			} else {
				strayChunks++;
				chunk++;
			}
		}

		start = nextSetBit(words, size, end);
	}

	return {firstChunk: firsts.slice(0, found), chunkCount: counts.slice(0, found), strayChunks};
};

/** The kernel's key for each distinct id in `holderId`, in the order first met. */
const namesOf = (kernel: Kernel, holderId: Int32Array): HolderName[] => {
	const seen = new Set<number>();
	const names: HolderName[] = [];
	for (const id of holderId) {
		const key = id >= 0 && id < kernel.holders.count && !seen.has(id) ? kernel.holders.keys[id] : undefined;
		if (key) {
			seen.add(id);
			names.push({id, process: key.process ?? null, purpose: key.purpose ?? null, workload: key.workload ?? null});
		}
	}

	return names;
};

/**
 * Subheap #`id`'s blocks as the kernel booked them (holder-book.ts), in address order: first
 * chunk, chunk count and holder id (the snapshot's `holders` row), in typed arrays that can cross
 * to another thread. Cheaper than a whole document: no bitmap copy, no free runs. Undefined when no
 * linked subheap has that id.
 */
export const subheapBlocks = (kernel: Kernel, id: number): Required<SubheapBlocks> | undefined => {
	const subheap = findSubheap(kernel, id);
	if (!subheap) {
		return undefined;
	}

	const blocks = subheap.heap.bookedBlocks();
	return {...blocks, holders: namesOf(kernel, blocks.holderId)};
};

/** The index of the block starting at `chunk`, or -1 (blocks are sorted by first chunk). */
export const blockStartingAt = (blocks: SubheapBlocks, chunk: number): number => {
	const {firstChunk} = blocks;
	let low = 0;
	let high = firstChunk.length - 1;
	while (low <= high) {
		const middle = (low + high) >>> 1;
		const value = firstChunk[middle]!;
		if (value === chunk) {
			return middle;
		}

		if (value < chunk) {
			low = middle + 1;
		} else {
			high = middle - 1;
		}
	}

	return -1;
};

const lastPlacedChunk = (kernel: Kernel, subheap: SubHeap, blocks: SubheapBlocks): number => {
	const placements = recentPlacementsOf(kernel);
	const {chunkBase, totalChunks} = subheap.heap;
	const chunkOf = (address: number) => (address - 4 - chunkBase) / CHUNK_SIZE;
	const address = placements?.findNewest((candidate) => {
		const chunk = chunkOf(candidate);
		return Number.isInteger(chunk) && chunk >= 0 && chunk < totalChunks && blockStartingAt(blocks, chunk) >= 0;
	});
	return address === undefined ? -1 : chunkOf(address);
};

/** A subheap's document, or which subheaps there were when the one asked for was not linked. */
export type SubheapOutcome = {document: SubheapDocument} | {missing: {tick: number; linked: number[]}};

/** Subheap #`id`'s document, or which subheaps are linked when it is not one of them. */
export const subheapOutcome = (kernel: Kernel, id: number, options: SubheapDocumentOptions = {}): SubheapOutcome => {
	const document = buildSubheapDocument(kernel, id, options);
	return document ? {document} : {missing: {tick: kernel.now, linked: linkedSubheapIds(kernel)}};
};

/** Subheap #`id` as it is now, or undefined when no linked subheap has that id. */
export const buildSubheapDocument = (kernel: Kernel, id: number, options: SubheapDocumentOptions = {}): SubheapDocument | undefined => {
	const subheap = findSubheap(kernel, id);
	if (!subheap) {
		return undefined;
	}

	const {heap} = subheap;
	const bitmap = heap.bitmap.words.slice();
	const runs = measureFreeRuns(bitmap, heap.totalChunks);
	const found = findBlocks(subheap, bitmap, heap.totalChunks - runs.freeChunks);
	const blocks: SubheapBlocks = {firstChunk: found.firstChunk, chunkCount: found.chunkCount};
	const {holderOf} = options;
	// A plain loop: Int32Array.from with a mapping function is many times slower.
	const holderId = new Int32Array(found.firstChunk.length);
	for (let block = 0; block < holderId.length; block++) {
		const first = found.firstChunk[block]!;
		holderId[block] = holderOf ? (holderOf(heap.chunkBase + first * CHUNK_SIZE + 4) ?? -1) : heap.memory.holderAt(first) || -1;
	}

	blocks.holderId = holderId;
	if (!holderOf) {
		blocks.holders = namesOf(kernel, holderId);
	}

	const label = kernel.global.book.label(subheap);
	return {
		id: label.id,
		origin: label.origin,
		tick: kernel.now,
		base: subheap.base,
		chunkBase: heap.chunkBase,
		chunkSize: CHUNK_SIZE,
		totalChunks: heap.totalChunks,
		allocatedChunks: heap.allocatedChunks,
		mapped: heap.memory.mapped,
		bitmap,
		blocks,
		strayChunks: found.strayChunks,
		lastPlacedChunk: lastPlacedChunk(kernel, subheap, blocks),
		freeChunks: runs.freeChunks,
		largestFreeRunChunks: runs.largestRunChunks,
		largestFreeRunStart: runs.largestRunStart,
		freeRuns: runs.buckets,
		fragmentationIndex: runs.fragmentationIndex,
	};
};
