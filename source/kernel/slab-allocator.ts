// The four slab allocators (Kernel/Heap/SlabAllocator.cpp, reference §7): 16, 32, 64 and 128
// bytes, carved from the eternal range at boot. The initial free list runs in descending address
// order, so the last slab goes out first; freed slabs are pushed back (LIFO). An empty class
// falls back to kmalloc(class size), counted by kmalloc but not by the slab.

import {KiB} from './constants.js';

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
