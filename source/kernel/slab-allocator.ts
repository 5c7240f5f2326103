// The four slab allocators (Kernel/Heap/SlabAllocator.cpp, reference §7): 16, 32, 64 and 128
// bytes, carved from the eternal range at boot. The initial free list runs in descending address
// order, so the last slab goes out first; freed slabs are pushed back (LIFO). An empty class
// falls back to kmalloc(class size), counted by kmalloc but not by the slab.

import {CHUNK_SIZE, KiB} from './constants.js';
import {chunksNeeded} from './heap.js';

export const slabClasses = [
	{size: 16, bytes: 128 * KiB},
	{size: 32, bytes: 128 * KiB},
	{size: 64, bytes: 512 * KiB},
	{size: 128, bytes: 512 * KiB},
] as const;

/** 1,310,720 bytes of eternal memory. */
export const SLAB_ETERNAL_BYTES = slabClasses.reduce((sum, slab) => sum + slab.bytes, 0);

export class Slab {
	readonly size: number;
	readonly base: number;
	readonly count: number;
	/** One past the slab's last byte. */
	readonly end: number;
	numAllocated = 0;
	private readonly freeList: Int32Array;
	private freeTop: number;

	constructor(size: number, base: number, bytes: number) {
		this.size = size;
		this.base = base;
		this.count = bytes / size;
		this.end = base + this.count * size;
		this.freeList = new Int32Array(this.count);
		// Pop order: highest address first.
		for (let index = 0; index < this.count; index++) {
			this.freeList[index] = index;
		}

		this.freeTop = this.count;
	}

	get numFree(): number {
		return this.count - this.numAllocated;
	}

	contains(address: number): boolean {
		return address >= this.base && address < this.end;
	}

	/** A slot's address, or 0 when the class is exhausted. */
	take(): number {
		if (this.freeTop === 0) {
			return 0;
		}

		this.numAllocated++;
		return this.base + this.freeList[--this.freeTop]! * this.size;
	}

	give(address: number): void {
		this.numAllocated--;
		this.freeList[this.freeTop++] = (address - this.base) / this.size;
	}
}

export type SlabFallback = {
	kmalloc(size: number, purpose?: string): number;
	kfree(address: number): void;
	/** slab_alloc of more than 128 bytes is VERIFY_NOT_REACHED. */
	tooLarge(): never;
};

/** `slab_alloc(n)`: the smallest class that fits; an empty class falls back to kmalloc (booked to `purpose`). */
export const slabAlloc = (slabs: readonly Slab[], size: number, fallback: SlabFallback, purpose?: string): number => {
	// Plain loops, not `find` with a closure: these run once a PhysicalPage (vmobject-churn: hundreds a tick).
	for (const slab of slabs) {
		if (slab.size >= size) {
			const address = slab.take();
			return address === 0 ? fallback.kmalloc(slab.size, purpose) : address;
		}
	}

	return fallback.tooLarge();
};

/** `slab_dealloc`: a pointer outside every slab's memory came from the fallback, so kfree it. */
export const slabDealloc = (slabs: readonly Slab[], address: number, fallback: SlabFallback): void => {
	for (const slab of slabs) {
		if (slab.contains(address)) {
			slab.give(address);
			return;
		}
	}

	fallback.kfree(address);
};

/** What a run of slab allocations falls back to: `count` kmallocs or kfrees in a row, as many as come out the same at once (0: none). */
export type SlabRunFallback = SlabFallback & {
	kmallocRun(size: number, purpose: string | undefined, count: number, pointers: Uint32Array, at: number): number;
	kfreeRun(pointer: number, count: number, chunks: number): number;
};

/**
 * `slab_alloc(size)` for `objects[at]` and, once the class is empty, for as many of the next
 * `count - 1` as the heap places in one run (ExpandableHeap.allocateRun): nothing between those
 * calls frees a slab, so each would find the class empty and kmalloc (the PhysicalPages of an
 * AllocateNow region, §6.1). Returns how many objects it made, at least one.
 */
export const slabAllocRun = (
	slabs: readonly Slab[],
	size: number,
	fallback: SlabRunFallback,
	purpose: string | undefined,
	objects: Uint32Array,
	at: number,
	count: number,
): number => {
	for (const slab of slabs) {
		if (slab.size >= size) {
			const address = slab.take();
			if (address !== 0) {
				objects[at] = address;
				return 1;
			}

			const placed = fallback.kmallocRun(slab.size, purpose, count, objects, at);
			if (placed > 0) {
				return placed;
			}

			objects[at] = fallback.kmalloc(slab.size, purpose);
			return 1;
		}
	}

	return fallback.tooLarge();
};

/**
 * `slab_dealloc` of `objects[at]` and of the next ones that sit side by side after it in the heap
 * (kmalloc'd blocks of a `size` class that was empty), freed as one run but for the last
 * (ExpandableHeap.deallocateRun; the last one's kfree may empty and remove its subheap). At most
 * `count` objects; returns how many it freed, at least one.
 */
export const slabDeallocRun = (
	slabs: readonly Slab[],
	size: number,
	fallback: SlabRunFallback,
	objects: Uint32Array,
	at: number,
	count: number,
): number => {
	const address = objects[at]!;
	for (const slab of slabs) {
		if (slab.contains(address)) {
			slab.give(address);
			return 1;
		}
	}

	let chunks = 0;
	for (const slab of slabs) {
		if (slab.size >= size) {
			chunks = chunksNeeded(slab.size);
			break;
		}
	}

	let adjacent = 1;
	while (adjacent < count && objects[at + adjacent] === address + adjacent * chunks * CHUNK_SIZE) {
		adjacent++;
	}

	const freed = adjacent > 1 ? fallback.kfreeRun(address, adjacent - 1, chunks) : 0;
	if (freed > 0) {
		return freed;
	}

	fallback.kfree(address);
	return 1;
};
