// The two calls kmalloc.cpp queues on the processor's deferred-call queue (processor.ts, reference
// §3.8–§3.9): remove_memory's lambda, which holds a removed subheap's region until it runs (then
// frees it, or makes it the backup if the backup is gone meanwhile), and the scope guard's
// `allocate_backup_memory()` after add_memory (22250780ffa and after).

import {formatVirtualAddress} from './constants.js';
import type {KmallocGlobalHeap} from './kmalloc-global-heap.js';
import type {DeferredWork} from './processor.js';
import type {Region} from './region.js';

/** The lambda remove_memory queues captures `this` and the region: 8 bytes on i386. */
export const REMOVE_LAMBDA_SIZE = 8;

/** The lambda remove_memory queues: it captures the heap, the region (an OwnPtr) and the line's text. */
export class QueuedRemoval implements DeferredWork {
	readonly name = 'kmalloc remove_memory';
	readonly global: KmallocGlobalHeap;
	readonly region: Region;
	readonly where: string;
	/** Where the lambda itself was kmalloc'd. */
	readonly lambda: number;
	/** The lambda still owns the region (it did not become the backup). */
	held = true;

	constructor(global: KmallocGlobalHeap, region: Region, where: string, lambda: number) {
		this.global = global;
		this.region = region;
		this.where = where;
		this.lambda = lambda;
	}

	/** The lambda runs: under s_lock, the region becomes the backup if there is none. */
	run(): void {
		const {global, region, where} = this;
		const {services} = global;
		services.enterCritical(); // ScopedSpinLock lock(s_lock)
		if (global.backup) {
			services.log(`kmalloc(): Queued memory region at ${where} will be freed now`);
			global.book.resolved(region.base, 'freed');
		} else {
			services.log(`kmalloc(): Queued memory region at ${where} will be used as new backup`);
			global.book.resolved(region.base, 'became-backup');
			global.takeAsBackup(region, `Queued memory region at ${where} will be used as new backup`);
			this.held = false;
		}

		services.leaveCritical();
	}

	/**
	Destroying the lambda destroys the region it still holds (OwnPtr::clear), which then writes null
	into the lambda: if the lambda was allocated inside that very region (the orphan of §5.5, before
	74fa8949943), that write hits unmapped memory.
	*/
	destroy(): void {
		const {services} = this.global;
		const {region, lambda} = this;
		if (this.held) {
			services.mm.freeRegion(region);
			if (region.contains(lambda)) {
				services.fault(`write to the deferred call's OwnPtr at ${formatVirtualAddress(lambda)}, inside the region it just unmapped`);
			}
		}

		services.kfree(lambda);
	}
}

/** The scope guard's deferred `allocate_backup_memory()` (22250780ffa and after). */
export class BackupReplacement implements DeferredWork {
	readonly name = 'kmalloc_allocate_backup_memory';
	readonly global: KmallocGlobalHeap;

	constructor(global: KmallocGlobalHeap) {
		this.global = global;
	}

	run(): void {
		this.global.allocateBackupMemory();
	}
}
