// `ExpandableHeap::SubHeap` (Kernel/Heap/Heap.h, reference §2.1): a Heap, the link to the next
// subheap, and `memory_size`, sitting in the first bytes of the memory it manages (28 bytes on
// i386 until 74fa8949943 added `memory_size`, 32 after). The main subheap lives in the global
// heap object instead, over the pool.

import type {Heap} from './heap.js';
import type {SubheapLabel} from './subheap-book.js';

export class SubHeap {
	readonly heap: Heap;
	next: SubHeap | undefined;
	/** `memory_size` as stored: the memory given to add_subheap minus the SubHeap header. */
	readonly memorySize: number;
	/** Where the SubHeap header sits: the start of the added memory (the pool for the main heap). */
	readonly base: number;
	/**
	The monitor's label for it (subheap-book.ts), not kernel state. Kept here rather than in a
	WeakMap, which could not be copied with the rest for time travel.
	*/
	bookLabel: SubheapLabel | undefined;

	constructor(heap: Heap, memorySize: number, base: number) {
		this.heap = heap;
		this.memorySize = memorySize;
		this.base = base;
	}
}

/**
 * The subheap containing `pointer`: the same answer as the kernel's walk from the main heap when
 * every linked subheap is mapped (they never overlap, and the list is sorted by address), found
 * by a binary search for the last subheap starting at or below the allocation header.
 */
export const searchSorted = (linked: readonly SubHeap[], pointer: number): SubHeap | undefined => {
	const header = (pointer - 4) >>> 0;
	let low = 0;
	let high = linked.length - 1;
	while (low < high) {
		const middle = (low + high + 1) >>> 1;
		if (linked[middle]!.heap.chunkBase <= header) {
			low = middle;
		} else {
			high = middle - 1;
		}
	}

	const candidate = linked[low];
	return candidate?.heap.contains(pointer) ? candidate : undefined;
};
