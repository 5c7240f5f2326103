// Physical page accounting as MemoryManager keeps it (reference §6.3, §10.3): user pages are
// uncommitted, committed (promised to a VMObject, not yet handed out) or used; supervisor pages
// are a separate small pool. The kernel never looks at page contents here; AllocateNow pages
// are zero-filled, which the heap models by starting every region's memory as zeroes.

import {
	PAGE_SIZE,
	RESERVED_LOW_MEMORY,
	SUPERVISOR_MEMORY,
	SUPERVISOR_PAGES_USED_AT_BOOT,
} from './constants.js';

export class PhysicalPages {
	readonly userTotal: number;
	userUsed = 0;
	userCommitted = 0;
	userUncommitted: number;
	readonly superTotal: number;
	superUsed: number;

	constructor(ramBytes: number) {
		this.userTotal = Math.max(0, Math.floor((ramBytes - RESERVED_LOW_MEMORY - SUPERVISOR_MEMORY) / PAGE_SIZE));
		this.userUncommitted = this.userTotal;
		this.superTotal = SUPERVISOR_MEMORY / PAGE_SIZE;
		this.superUsed = SUPERVISOR_PAGES_USED_AT_BOOT;
	}

	/** `commit_user_physical_pages(n)`: false when not enough uncommitted pages remain. */
	commit(count: number): boolean {
		if (count > this.userUncommitted) {
			return false;
		}

		this.userUncommitted -= count;
		this.userCommitted += count;
		return true;
	}

	/** `uncommit_user_physical_pages(n)`: committed pages a VMObject never used. */
	uncommit(count: number): void {
		this.userCommitted -= count;
		this.userUncommitted += count;
	}

	/** `allocate_committed_user_physical_page`, `count` times: pages promised earlier. */
	allocateCommitted(count = 1): void {
		this.userCommitted -= count;
		this.userUsed += count;
	}

	/** `allocate_user_physical_page`: a page nobody committed (page tables); false when none is left. */
	allocateUncommitted(): boolean {
		if (this.userUncommitted === 0) {
			return false;
		}

		this.userUncommitted--;
		this.userUsed++;
		return true;
	}

	/** `deallocate_user_physical_page`: used → uncommitted (§6.4). */
	free(count = 1): void {
		this.userUsed -= count;
		this.userUncommitted += count;
	}
}
