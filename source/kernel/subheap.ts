// `ExpandableHeap::SubHeap` (Kernel/Heap/Heap.h, reference §2.1): a Heap, the link to the next
// subheap, and `memory_size`, sitting in the first bytes of the memory it manages (28 bytes on
// i386 until 74fa8949943 added `memory_size`, 32 after). The main subheap lives in the global
// heap object instead, over the pool. Below it, the walks ExpandableHeap makes along the list
// (Heap.h's loops over `m_heaps`): each reads the header of every subheap it passes, which is a
// page fault when that subheap's memory was unmapped while still linked (§5.5).

import {formatVirtualAddress} from './constants.js';
import type {Heap, HeapFaults} from './heap.js';
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

/** Reading a SubHeap header whose memory was unmapped is a page fault in ring 0. */
export const touchHeader = (subheap: SubHeap, faults: HeapFaults): void => {
	if (!subheap.heap.memory.mapped) {
		faults.fault(`read of the SubHeap at ${formatVirtualAddress(subheap.base)}, which was unmapped`);
	}
};

/** The kernel's walk: the first subheap in list order that contains the pointer, touching each. */
export const walkTo = (main: SubHeap, pointer: number, faults: HeapFaults): SubHeap | undefined => {
	for (let subheap: SubHeap | undefined = main; subheap; subheap = subheap.next) {
		touchHeader(subheap, faults);
		if (subheap.heap.contains(pointer)) {
			return subheap;
		}
	}

	return undefined;
};

/** add_subheap's link (§2.1): the main heap stays first, the rest in address order. */
export const linkInOrder = (main: SubHeap, subheap: SubHeap, faults: HeapFaults): void => {
	let previous = main;
	let next = main.next;
	while (next) {
		touchHeader(next, faults);
		if (subheap.heap.chunkBase < next.heap.chunkBase) {
			break;
		}

		previous = next;
		next = next.next;
	}

	subheap.next = next;
	previous.next = subheap;
};

/** Walks to `subheap` and links past it (`*subheap_link = subheap->next`); false when it is not linked. */
export const unlinkFrom = (main: SubHeap, subheap: SubHeap, faults: HeapFaults): boolean => {
	let previous = main;
	let current = main.next;
	while (current !== subheap) {
		if (!current) {
			return false;
		}

		touchHeader(current, faults);
		previous = current;
		current = current.next;
	}

	touchHeader(subheap, faults); // `*subheap_link = subheap->next` reads the SubHeap header.
	previous.next = subheap.next;
	return true;
};
