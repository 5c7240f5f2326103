// A kernel Region and the objects behind it (reference §6.3): the AnonymousVMObject (208 bytes,
// kmalloc), its physical page vector (4 bytes a page, exact resize), its purgeable-ranges vector
// (capacity 5, 20 bytes), the Region itself (84 bytes, 128-byte slab), its name String
// (16 + length + 1 bytes), one PhysicalPage (12 bytes, 16-byte slab) per page with AllocateNow.

import {HeapMemory} from './heap-memory.js';
import {purposes} from './holder-book.js';
import {uint32Reused} from './kernel-arrays.js';
import {KernelVector} from './kernel-vector.js';

export type AllocationStrategy = 'allocate-now' | 'reserve';

export const VMOBJECT_SIZE = 208;
export const REGION_OBJECT_SIZE = 84;
export const PHYSICAL_PAGE_OBJECT_SIZE = 12;
/** sizeof(StringImpl) on i386; a String of n characters takes 16 + n + 1 bytes. */
export const STRING_IMPL_SIZE = 16;

export class Region {
	readonly base: number;
	readonly size: number;
	readonly name: string;
	readonly strategy: AllocationStrategy;
	readonly pageCount: number;
	mapped = true;
	/** Kernel objects, by address in the simulated kernel. */
	vmobject = 0;
	regionObject = 0;
	nameString = 0;
	readonly pageVector = new KernelVector(4, purposes.pageVector);
	readonly purgeableRanges = new KernelVector(4, purposes.purgeableRanges);
	/** Filled by the memory manager, page by page, before it is read; given back when the region is freed. */
	readonly physicalPageObjects: Uint32Array;
	/** Made when the kmalloc heap first uses the region (memory()); null or undefined before. */
	private heapMemory: HeapMemory | null | undefined;

	constructor(base: number, size: number, name: string, strategy: AllocationStrategy) {
		this.base = base;
		this.size = size;
		this.name = name;
		this.strategy = strategy;
		this.pageCount = size / 4096;
		this.physicalPageObjects = uint32Reused(strategy === 'allocate-now' ? this.pageCount : 0);
		// Stored again with another value, so that V8 knows these fields change before any code is
		// optimized: their first change (a subheap's memory first used, a region unmapped)
		// discarded the optimized kmalloc and kfree paths that inlined them (holder-book.ts).
		this.heapMemory = null;
		this.mapped = false;
		this.mapped = true;
	}

	/** The region's memory as the kmalloc heap sees it; zero-filled when first used (AllocateNow). */
	memory(): HeapMemory {
		this.heapMemory ??= new HeapMemory(this.base, this.size);
		return this.heapMemory;
	}

	unmap(): void {
		this.mapped = false;
		this.heapMemory?.unmap();
	}

	contains(address: number): boolean {
		return address >= this.base && address < this.base + this.size;
	}
}
