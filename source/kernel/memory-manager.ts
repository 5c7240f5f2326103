// MemoryManager::allocate_kernel_region and Region teardown (reference §6.1, §6.4), with every
// kmalloc and slab allocation they make, in the order the kernel makes them. A failure returns
// nothing and leaks what the kernel leaked: a virtual range taken before the commit failed.

import {KERNEL_RANGE_BASE, KERNEL_RANGE_SIZE, PAGE_SIZE, formatVirtualAddress} from './constants.js';
import type {VectorHeap} from './kernel-vector.js';
import {purposes} from './holder-book.js';
import {giveBackUint32} from './kernel-arrays.js';
import {PageTableMap} from './page-tables.js';
import type {SourceSite} from './panic.js';
import type {PhysicalPages} from './physical-pages.js';
import {RangeAllocator} from './range-allocator.js';
import {Region, STRING_IMPL_SIZE, VMOBJECT_SIZE, type AllocationStrategy} from './region.js';
import {sites} from './source-sites.js';

export type MemoryManagerServices = VectorHeap & {
	slabAlloc(size: number, purpose?: string): number;
	slabDealloc(address: number): void;
	/** slab_alloc for objects[at] and as many more in a row as come out the same at once; returns how many (≥ 1). */
	slabAllocRun(size: number, purpose: string, objects: Uint32Array, at: number, count: number): number;
	/** slab_dealloc of objects[at] and as many more in a row as come out the same at once; returns how many (≥ 1). */
	slabDeallocRun(size: number, objects: Uint32Array, at: number, count: number): number;
	enterCritical(): void;
	leaveCritical(): void;
	log(message: string): void;
	dmesgln(message: string): void;
	readonly revision: {readonly dmesgln: boolean};
	verify(site: SourceSite): never;
	deadlock(description: string): never;
	regionAllocated(region: Region): void;
	regionFreed(region: Region): void;
};

export class MemoryManager {
	/** `MemoryManager::is_initialized()`: `s_the` is set (§3.7 step 1). */
	initialized = false;
	readonly regions = new Set<Region>();
	readonly pageTables = new PageTableMap();
	private rangeAllocator: RangeAllocator | undefined;
	private readonly services: MemoryManagerServices;
	private readonly physical: PhysicalPages;

	private readonly allocationStrategyApi: boolean;

	constructor(services: MemoryManagerServices, physical: PhysicalPages, allocationStrategyApi: boolean) {
		this.services = services;
		this.physical = physical;
		this.allocationStrategyApi = allocationStrategyApi;
	}

	/** `MemoryManager::initialize(0)` up to `s_the`: the kernel range allocator comes to life. */
	initialize(): void {
		this.rangeAllocator = new RangeAllocator(this.services, KERNEL_RANGE_BASE, KERNEL_RANGE_SIZE);
		this.initialized = true;
	}

	get freeRanges(): ReadonlyArray<{base: number; size: number}> {
		return this.rangeAllocator?.ranges ?? [];
	}

	allocateKernelRegion(size: number, name: string, strategy: AllocationStrategy): Region | undefined {
		if (size % PAGE_SIZE !== 0) {
			this.services.verify(
				this.allocationStrategyApi ? sites.allocateKernelRegionPageAligned : sites.allocateKernelRegionPageAlignedAug2020,
			);
		}

		const rangeAllocator = this.rangeAllocator;
		if (!rangeAllocator) {
			return undefined;
		}

		const {services} = this;
		services.enterCritical(); // s_mm_lock
		const range = rangeAllocator.allocateAnywhere(size);
		if (!range) {
			services.leaveCritical();
			return undefined;
		}

		const region = new Region(range.base, size, name, strategy);
		// AnonymousVMObject::create_with_size: commit first; on failure the range is not returned.
		if (!this.physical.commit(region.pageCount)) {
			services.leaveCritical();
			return undefined;
		}

		region.vmobject = services.kmalloc(VMOBJECT_SIZE, purposes.vmobject);
		region.pageVector.resize(services, region.pageCount);
		if (strategy === 'allocate-now') {
			// A page, then its PhysicalPage from the 16-byte slab; once the slab is empty, each a
			// kmalloc(16) that the heap may place with the ones after it in one run (slabAllocRun):
			// the run's other pages are counted after it, which no call in between could see.
			const objects = region.physicalPageObjects;
			for (let page = 0; page < region.pageCount; ) {
				this.physical.allocateCommitted();
				const made = services.slabAllocRun(16, purposes.physicalPage, objects, page, region.pageCount - page);
				this.physical.allocateCommitted(made - 1);
				page += made;
			}
		}

		// Region::create_kernel_only: the Region from its slab, then its name, then it registers
		// its purgeable page ranges with the VMObject (the vector's first append).
		region.regionObject = services.slabAlloc(128, purposes.regionObject);
		region.nameString = services.kmalloc(STRING_IMPL_SIZE + name.length + 1, purposes.regionName);
		region.purgeableRanges.grow(services);
		this.map(region);
		this.regions.add(region);
		services.regionAllocated(region);
		services.leaveCritical();
		return region;
	}

	/** ~Region (§6.4): unmap and return the range, unregister, drop the VMObject, free the name. */
	freeRegion(region: Region): void {
		const {services} = this;
		services.enterCritical();
		this.regions.delete(region);
		region.unmap();
		this.rangeAllocator!.deallocate({base: region.base, size: region.size});
		region.purgeableRanges.shrink();
		if (region.strategy === 'allocate-now') {
			// Page by page, PhysicalPages side by side in the heap in one run (slabDeallocRun).
			const objects = region.physicalPageObjects;
			for (let page = 0; page < region.pageCount; ) {
				this.physical.free();
				const freed = services.slabDeallocRun(16, objects, page, region.pageCount - page);
				this.physical.free(freed - 1);
				page += freed;
			}
		} else {
			this.physical.uncommit(region.pageCount);
		}

		giveBackUint32(region.physicalPageObjects); // a Region is freed once (its owner's OwnPtr), its pages read no more
		region.pageVector.release(services);
		region.purgeableRanges.release(services);
		services.kfree(region.vmobject);
		services.kfree(region.nameString);
		services.slabDealloc(region.regionObject);
		services.regionFreed(region);
		services.leaveCritical();
	}

	/** Region::map: page tables for new 2 MiB areas; a failure is only logged (§6.1 step 5.2). */
	private map(region: Region): void {
		for (const area of this.pageTables.missingAreas(region.base, region.size)) {
			if (!this.physical.allocateUncommitted()) {
				this.services.log(`MM: Unable to allocate page table to map ${formatVirtualAddress(region.base)}`);
				continue;
			}

			this.services.slabAlloc(16, purposes.pageTable);
			this.pageTables.insert(this.services, area);
		}
	}
}
