// "Will it fit": for a request of some bytes, the chunk Heap::allocate would pick in one subheap
// now, or why it would pick none, computed on the subheap document's copy of the bitmap with the
// kernel's own search (first fit below 128 chunks, best fit with its capped-length quirk from
// 128, reference §1.2 and §1.4). Nothing is allocated: the kernel is not even in reach.

import {ChunkBitmap} from '../kernel/bitmap.js';
import {ALLOCATION_HEADER_SIZE, BEST_FIT_THRESHOLD, CHUNK_SIZE} from '../kernel/constants.js';
import {chunksNeeded} from '../kernel/heap.js';
import type {SubheapDocument} from './build-subheap-document.js';
import type {SubheapRow} from './snapshot-types.js';

export type FitStrategy = 'first-fit' | 'best-fit';

/**
 * Why nothing fits, in the order Heap::allocate finds out: more chunks than the subheap has, or
 * than it has free (its count, checked before any search); a size so close to 4 GiB that
 * size + 4 + 31 wraps to 0 chunks (the kernel then scrubs 4 GiB and page-faults); or no free run
 * long enough.
 */
export type FitRefusal = 'larger-than-subheap' | 'not-enough-free' | 'size-wraps' | 'no-run-long-enough';

type FitFacts = {
	bytes: number;
	/** Chunks the request takes, header included: (bytes + 4 + 31) / 32 in 32-bit arithmetic. */
	chunks: number;
	strategy: FitStrategy;
	totalChunks: number;
	/** The Heap's free count (total − m_allocated_chunks), which it checks first. */
	freeChunks: number;
	largestFreeRunChunks: number;
};

export type FitAnswer =
	| (FitFacts & {fits: true; firstChunk: number; /** What kmalloc would return: the data after the header. */ address: number})
	| (FitFacts & {fits: false; reason: FitRefusal});

export const MAX_REQUEST_BYTES = 0xffff_ffff;

// The search structure over a document's bitmap, built once per document (it only reads the words).
const searchers = new WeakMap<Uint32Array, ChunkBitmap>();

const searcherFor = (document: SubheapDocument): ChunkBitmap => {
	let searcher = searchers.get(document.bitmap);
	if (!searcher) {
		searcher = new ChunkBitmap(document.totalChunks, document.bitmap);
		searchers.set(document.bitmap, searcher);
	}

	return searcher;
};

const refusal = (facts: FitFacts): FitRefusal | undefined => {
	if (facts.chunks > facts.freeChunks) {
		return facts.chunks > facts.totalChunks ? 'larger-than-subheap' : 'not-enough-free';
	}

	return facts.chunks === 0 ? 'size-wraps' : undefined;
};

/** Where kmalloc(`bytes`) would land in this subheap, were it tried now. */
export const willItFit = (document: SubheapDocument, bytes: number): FitAnswer => {
	if (!Number.isInteger(bytes) || bytes < 0 || bytes > MAX_REQUEST_BYTES) {
		throw new RangeError(`a request is 0 to ${MAX_REQUEST_BYTES} bytes, got ${bytes}`);
	}

	const chunks = chunksNeeded(bytes);
	const facts: FitFacts = {
		bytes,
		chunks,
		strategy: chunks < BEST_FIT_THRESHOLD ? 'first-fit' : 'best-fit',
		totalChunks: document.totalChunks,
		freeChunks: document.totalChunks - document.allocatedChunks,
		largestFreeRunChunks: document.largestFreeRunChunks,
	};
	const reason = refusal(facts);
	if (reason) {
		return {...facts, fits: false, reason};
	}

	const searcher = searcherFor(document);
	const firstChunk = facts.strategy === 'first-fit' ? searcher.findFirstFit(chunks) : searcher.findBestFit(chunks);
	if (firstChunk < 0) {
		return {...facts, fits: false, reason: 'no-run-long-enough'};
	}

	return {...facts, fits: true, firstChunk, address: document.chunkBase + firstChunk * CHUNK_SIZE + ALLOCATION_HEADER_SIZE};
};

/**
 * The subheap kmalloc(`bytes`) would go to now: ExpandableHeap::allocate tries the linked
 * subheaps in order and takes the first whose free count and longest run are both enough
 * (the snapshot's largestFreeRunChunks is the smaller of the two). Undefined: none, it expands.
 */
export const firstSubheapThatFits = (subheaps: readonly SubheapRow[], bytes: number): number | undefined =>
	subheaps.find((row) => chunksNeeded(bytes) <= row.largestFreeRunChunks)?.id;
