// `Heap::reallocate(ptr, new_size, main_heap)` (reference §1.5): allocate through the main heap,
// which may expand, copy min(old, new) bytes (reading 4 past the old block), then free the old
// block with the subheap's own deallocate, so never a subheap removal, and even when the new
// allocation failed: the data is then lost (fixed later by 3694b8b6906). The new block is booked
// to the old block's holder.

import {CHUNK_SIZE} from './constants.js';
import type {Heap, HeapFaults} from './heap.js';
import {HeapMemory} from './heap-memory.js';
import {sites} from './source-sites.js';

export type MainHeap = {
	allocate(size: number, holder: number): number;
	findHeap(pointer: number): Heap | undefined;
	faults: HeapFaults;
};

export const reallocateWithin = (heap: Heap, pointer: number, newSize: number, main: MainHeap): number => {
	const header = (pointer - 4) >>> 0;
	if (!(header >= heap.chunkBase && pointer < heap.chunkEnd)) {
		main.faults.verify(sites.heapReallocateInRange);
	}

	const chunks = heap.readHeader(pointer);
	const oldSize = Math.imul(chunks, CHUNK_SIZE) >>> 0;
	if (((header + oldSize) >>> 0) > heap.chunkEnd) {
		main.faults.verify(sites.heapReallocateSizeFits);
	}

	if (oldSize === newSize) {
		return pointer;
	}

	// The moved block stays with the holder of the old one.
	const newPointer = main.allocate(newSize, heap.holderAt(pointer));
	if (newPointer !== 0) {
		const target = main.findHeap(newPointer);
		if (target) {
			HeapMemory.copyData(
				heap.memory,
				Math.floor((header - heap.chunkBase) / CHUNK_SIZE),
				target.memory,
				(((newPointer - 4) >>> 0) - target.chunkBase) / CHUNK_SIZE,
				Math.min(oldSize, newSize),
			);
		}
	}

	heap.deallocate(pointer);
	return newPointer;
};
