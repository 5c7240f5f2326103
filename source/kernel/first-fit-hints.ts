// ExpandableHeap's first-fit hints: for each chunk count below BEST_FIT_THRESHOLD, the subheap and
// the chunk where the last block of that many chunks ended. The kernel walks every subheap from
// the main heap and searches each from chunk 0 (Heap.h, reference §1.4, §2). Allocations only take
// chunks, so until a block is freed or the list changes, no earlier subheap and no earlier chunk
// holds such a run, and a search from the hint lands where the kernel's walk does. vmobject-churn
// makes hundreds of one-chunk PhysicalPage blocks a tick once the 16-byte slab is out; each walk
// from the main heap cost a search of every full subheap before the one with room.

import {ALLOCATION_HEADER_SIZE, BEST_FIT_THRESHOLD, CHUNK_SIZE} from './constants.js';
import type {SubHeap} from './subheap.js';

export class FirstFitHints {
	private readonly subheaps: Array<SubHeap | undefined> = Array.from({length: BEST_FIT_THRESHOLD}, () => undefined);
	private readonly from = new Int32Array(BEST_FIT_THRESHOLD);
	/** A hint counts while its stamp is `generation`. */
	private readonly stamps = new Float64Array(BEST_FIT_THRESHOLD);
	private generation = 1;
	/** The holder book's `releases` when the hints were last checked (a free ends them all). */
	private releases = 0;

	/** The list of subheaps changed: a subheap may now sit before a hinted one. */
	forgetAll(): void {
		this.generation++;
	}

	/** The subheap to start at for `chunks` chunks, or undefined (start at the main heap, chunk 0). */
	subheapFor(chunks: number, releases: number): SubHeap | undefined {
		if (releases !== this.releases) {
			this.releases = releases;
			this.generation++;
		}

		return chunks < BEST_FIT_THRESHOLD && this.stamps[chunks] === this.generation ? this.subheaps[chunks] : undefined;
	}

	/** The chunk to start at in `subheapFor`'s subheap. */
	chunkFor(chunks: number): number {
		return this.from[chunks]!;
	}

	/** A block of `chunks` chunks went to `pointer` in `subheap`. */
	placed(subheap: SubHeap, chunks: number, pointer: number): void {
		if (chunks < BEST_FIT_THRESHOLD) {
			this.subheaps[chunks] = subheap;
			this.from[chunks] = (pointer - ALLOCATION_HEADER_SIZE - subheap.heap.chunkBase) / CHUNK_SIZE + chunks;
			this.stamps[chunks] = this.generation;
		}
	}
}
