// The kernel page directory's RangeAllocator (Kernel/VM/RangeAllocator.cpp, reference §6.2):
// a sorted Vector<Range> of free ranges over 0xc0800000 + 0x3f000000, first fit, with a guard
// page on each side of every allocation. Carving leaves the leading guard page behind as its own
// one-page entry, so the vector grows by one per allocation, through kmalloc (8 bytes a Range).
// Freeing merges with both neighbours. Its lock is a plain (non-recursive) spinlock: taking it
// twice on one CPU spins forever, the deadlock of #4675 (§5.4).

import {PAGE_SIZE} from './constants.js';
import {purposes} from './holder-book.js';
import {KernelVector, type VectorHeap} from './kernel-vector.js';

export type Range = {base: number; size: number};

export type RangeAllocatorServices = VectorHeap & {
	enterCritical(): void;
	leaveCritical(): void;
	log(message: string): void;
	dmesgln(message: string): void;
	readonly revision: {readonly dmesgln: boolean};
	/** A spinlock taken twice on one CPU: the kernel hangs here. Never returns. */
	deadlock(description: string): never;
};

export class RangeAllocator {
	readonly ranges: Range[] = [];
	private readonly vector = new KernelVector(8, purposes.rangeVector);
	private readonly services: RangeAllocatorServices;
	private locked = false;

	constructor(services: RangeAllocatorServices, base: number, size: number) {
		this.services = services;
		// initialize_with_range: the first append allocates the vector's buffer.
		this.vector.grow(services);
		this.ranges.push({base, size});
	}

	/** `allocate_anywhere(size)` with VM_GUARD_PAGES and 4 KiB alignment; undefined when nothing fits. */
	allocateAnywhere(size: number): Range | undefined {
		if (size === 0 || size + 2 * PAGE_SIZE > 0xffffffff) {
			return undefined;
		}

		const needed = size + 2 * PAGE_SIZE + PAGE_SIZE;
		// No try/finally here or anywhere in the kernel: a panic halts the kernel for good, and
		// unwinding must not release locks (which could run deferred calls) on the way out.
		this.lock('RangeAllocator::allocate_anywhere');
		for (let index = 0; index < this.ranges.length; index++) {
			const available = this.ranges[index]!;
			if (available.size < needed) {
				continue;
			}

			const allocated = {base: available.base + PAGE_SIZE, size};
			const after = {base: allocated.base + size, size: available.base + available.size - (allocated.base + size)};
			this.ranges[index] = {base: available.base, size: PAGE_SIZE};
			this.vector.grow(this.services);
			this.ranges.splice(index + 1, 0, after);
			this.unlock();
			return allocated;
		}

		this.unlock();
		// Printed after the lock is dropped (ScopedSpinLock ends with the loop's scope).
		if (this.services.revision.dmesgln) {
			this.services.dmesgln(`RangeAllocator: Failed to allocate anywhere: size=${size}, alignment=${PAGE_SIZE}`);
		} else {
			this.services.log(`VRA: Failed to allocate anywhere: ${size}, ${PAGE_SIZE}`);
		}
		return undefined;
	}

	/** `deallocate(range)`: merge with the range ending at its base, then with the next one. */
	deallocate(range: Range): void {
		this.lock('RangeAllocator::deallocate');
		let index = this.firstIndexFrom(range.base);
		const previous = this.ranges[index - 1];
		if (previous && previous.base + previous.size === range.base) {
			previous.size += range.size;
			index--;
		} else {
			this.vector.grow(this.services);
			this.ranges.splice(index, 0, {base: range.base, size: range.size});
		}

		const current = this.ranges[index]!;
		const next = this.ranges[index + 1];
		if (next && current.base + current.size === next.base) {
			current.size += next.size;
			this.ranges.splice(index + 1, 1);
			this.vector.shrink();
		}

		this.unlock();
	}

	/** Index of the first free range starting at or after `base`. */
	private firstIndexFrom(base: number): number {
		let low = 0;
		let high = this.ranges.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (this.ranges[middle]!.base < base) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}

		return low;
	}

	private lock(where: string): void {
		if (this.locked) {
			this.services.deadlock(`${where}: the RangeAllocator spinlock is already held on this CPU`);
		}

		this.services.enterCritical();
		this.locked = true;
	}

	private unlock(): void {
		this.locked = false;
		this.services.leaveCritical();
	}
}
