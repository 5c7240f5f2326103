// ExpandableHeap's first-fit hint: for the chunk count (below BEST_FIT_THRESHOLD) placed last, the
// subheap and the chunk where that block ended. The kernel walks every subheap from
// the main heap and searches each from chunk 0 (Heap.h, reference §1.4, §2). Allocations only take
// chunks, so until a block is freed or the list changes, no earlier subheap and no earlier chunk
// holds such a run, and a search from the hint lands where the kernel's walk does. vmobject-churn
// makes hundreds of one-chunk PhysicalPage blocks a tick once the 16-byte slab is out; each walk
// from the main heap cost a search of every full subheap before the one with room.

import {ALLOCATION_HEADER_SIZE, BEST_FIT_THRESHOLD, CHUNK_SIZE} from './constants.js';
import type {SubHeap} from './subheap.js';

export class FirstFitHints {
	/**
	 * One hint, for the chunk count placed last (0: none): a run of PhysicalPages is one count.
	 * Plain fields, no arrays: a kernel is copied for time travel, and arrays there are blocks
	 * that change every tick (engine/keep-checkpoints.ts).
	 */
	private chunks = 0;
	private subheap: SubHeap | undefined;
	private from = 0;
	/** The holder book's `releases` when the hint was left (a free ends it). */
	private releases = 0;

	/** The list of subheaps changed: a subheap may now sit before the hinted one. */
	forgetAll(): void {
		this.chunks = 0;
		this.subheap = undefined;
	}

	/** The subheap to start at for `chunks` chunks, or undefined (start at the main heap, chunk 0). */
	subheapFor(chunks: number, releases: number): SubHeap | undefined {
		return chunks === this.chunks && releases === this.releases ? this.subheap : undefined;
	}

	/** The chunk to start at in the subheap `subheapFor` gave. */
	get chunk(): number {
		return this.from;
	}

	/** A block of `chunks` chunks went to `pointer` in `subheap`; `releases` is the book's count now. */
	placed(subheap: SubHeap, chunks: number, pointer: number, releases: number): void {
		if (chunks < BEST_FIT_THRESHOLD) {
			this.chunks = chunks;
			this.subheap = subheap;
			this.from = (pointer - ALLOCATION_HEADER_SIZE - subheap.heap.chunkBase) / CHUNK_SIZE + chunks;
			this.releases = releases;
		}
	}
}
