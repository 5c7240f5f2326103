// Where the heap placed its latest blocks, for the chunk map's "last placed" mark. The kernel never
// kept such a record (it had no use for one), so the engine runs a Kernel that notes the address
// every kmalloc and krealloc returned, in a ring of the most recent ones: O(1) on the hot path,
// and the kernel's own code is untouched. Every kmalloc the kernel makes for itself (log buffers,
// VMObjects, the remove_memory lambda, Vector growth) goes through kmallocImpl, so it is seen too.

import {Kernel, type KernelOptions} from '../kernel/kernel.js';

/** Placements kept: enough that every subheap's latest live block is almost always among them. */
export const RECENT_PLACEMENTS = 1024;

export class RecentPlacements {
	private readonly addresses = new Uint32Array(RECENT_PLACEMENTS);
	private recorded = 0;

	record(address: number): void {
		this.addresses[this.recorded % RECENT_PLACEMENTS] = address;
		this.recorded++;
	}

	/** The newest address that `accept` takes, or undefined; newest first, back as far as kept. */
	findNewest(accept: (address: number) => boolean): number | undefined {
		const oldest = Math.max(0, this.recorded - RECENT_PLACEMENTS);
		for (let index = this.recorded - 1; index >= oldest; index--) {
			const address = this.addresses[index % RECENT_PLACEMENTS]!;
			if (accept(address)) {
				return address;
			}
		}

		return undefined;
	}
}

export class PlacementTrackingKernel extends Kernel {
	// `declare`: boot allocates before field initializers would run; the constructor makes the ring.
	declare private recent: RecentPlacements | undefined;

	constructor(options: KernelOptions = {}) {
		// The ring before the memory manager's first kmalloc, not at it: a kernel whose shape
		// changed within its boot met, in every run after a worker's first, optimized kmalloc code
		// that knew only its final shape (V8 collects no feedback from a function's first calls),
		// which discarded that code.
		super({...options, stopBeforeMemoryManager: true});
		this.recent ??= new RecentPlacements();
		if (!options.stopBeforeMemoryManager) {
			this.initializeMemoryManager();
		}
	}

	get placements(): RecentPlacements {
		this.recent ??= new RecentPlacements();
		return this.recent;
	}

	override kmallocImpl(size: number, purpose?: string, workload?: string): number {
		const address = super.kmallocImpl(size, purpose, workload);
		this.placements.record(address);
		return address;
	}

	override kmallocRun(size: number, purpose: string | undefined, count: number, pointers: Uint32Array, at: number): number {
		const placed = super.kmallocRun(size, purpose, count, pointers, at);
		for (let index = at; index < at + placed; index++) {
			this.placements.record(pointers[index]!);
		}

		return placed;
	}

	override krealloc(address: number, size: number, purpose?: string, workload?: string): number {
		const moved = super.krealloc(address, size, purpose, workload);
		// Same size: the kernel hands back the same block, nothing was placed.
		if (moved !== 0 && moved !== address) {
			this.placements.record(moved);
		}

		return moved;
	}
}

/** The kernel's recent placements, when it keeps them. */
export const recentPlacementsOf = (kernel: Kernel): RecentPlacements | undefined =>
	kernel instanceof PlacementTrackingKernel ? kernel.placements : undefined;
