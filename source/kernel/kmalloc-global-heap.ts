// `KmallocGlobalHeap` and its `ExpandGlobalHeap` callbacks (Kernel/Heap/kmalloc.cpp, reference
// §3.7–§3.9): the backup region, add_memory (consume the backup as a subheap, maybe add an
// "even more" region), remove_memory (become the backup, or be queued to a deferred call that
// frees it), and the backup's replacement. The queued calls themselves are in
// kmalloc-deferred-calls.ts. Log lines are the kernel's, word for word.

import {BACKUP_MEMORY_SIZE, MiB, formatVirtualAddress, pageRoundUp} from './constants.js';
import type {KernelEventKind} from './events.js';
import type {ExpandableHeap, SubHeap} from './expandable-heap.js';
import {BackupReplacement, QueuedRemoval, REMOVE_LAMBDA_SIZE} from './kmalloc-deferred-calls.js';
import {purposes} from './holder-book.js';
import {KernelVector, type VectorHeap} from './kernel-vector.js';
import type {MemoryManager} from './memory-manager.js';
import type {SourceSite} from './panic.js';
import type {Processor} from './processor.js';
import type {Region} from './region.js';
import type {Revision} from './revisions.js';
import {sites} from './source-sites.js';
import {SubheapBook} from './subheap-book.js';

export type GlobalHeapServices = VectorHeap & {
	revision: Revision;
	mm: MemoryManager;
	processor: Processor;
	log(message: string): void;
	event(kind: KernelEventKind, message: string): void;
	verify(site: SourceSite): never;
	fault(description: string): never;
	enterCritical(): void;
	leaveCritical(): void;
};

export type BackupCounts = {consumed: number; replaced: number; recycled: number; failedReplacements: number};

export class KmallocGlobalHeap {
	heap!: ExpandableHeap;
	/** `m_backup_memory`. */
	backup: Region | undefined;
	/** Whether the backup came back from a removed subheap (its next subheap is "recycled"). */
	backupRecycled = false;
	/** A replacement is queued or running. */
	replacementPending = false;
	replacementRunning = false;
	readonly counts: BackupCounts = {consumed: 0, replaced: 0, recycled: 0, failedReplacements: 0};
	/** `m_subheap_memory`: the regions in use as subheaps. */
	readonly subheapMemory: Region[] = [];
	readonly book = new SubheapBook();
	private readonly subheapMemoryVector = new KernelVector(4, purposes.subheapList);
	private adding = false;
	readonly services: GlobalHeapServices;

	constructor(services: GlobalHeapServices) {
		this.services = services;
	}

	attach(heap: ExpandableHeap, poolSize: number): void {
		this.heap = heap;
		this.book.added(heap.main, 'pool', poolSize);
		heap.readdListener = this;
	}

	/** remove_memory refused a subheap and the heap linked it again (§2.4): the book follows it. */
	subheapReadded(removed: SubHeap, readded: SubHeap): void {
		this.book.readded(removed, readded);
	}

	get backupBytes(): number {
		return this.backup ? this.backup.size : 0;
	}

	/** `ExpandGlobalHeap::add_memory(request)`, always under s_lock with m_expanding set (§3.7). */
	addMemory(request: number): boolean {
		const {services} = this;
		const {revision, mm} = services;
		if (!mm.initialized) {
			services.log('kmalloc(): Cannot expand heap before MM is initialized!');
			services.event('expansion-failed', 'Cannot expand heap before MM is initialized!');
			return false;
		}

		if (revision.addingGuard) {
			if (this.adding) {
				services.verify(sites.addMemoryNotAdding);
			}

			this.adding = true;
		}

		const region = this.backup;
		const recycled = this.backupRecycled;
		this.backup = undefined;
		if (!region) {
			services.log('kmalloc(): Cannot expand heap: no backup memory');
			services.event('expansion-failed', `Cannot expand heap: no backup memory (request ${request} bytes)`);
			this.adding = false;
			return false;
		}

		const line = `Adding memory to heap at ${formatVirtualAddress(region.base)}, bytes: ${region.size}`;
		services.log(`kmalloc(): ${line}`);
		this.counts.consumed++;
		services.event('backup-consumed', line);
		const subheap = this.addRegion(region, recycled ? 'recycled' : 'backup');
		// From here on a scope guard replaces the backup whichever way add_memory returns.
		let added = true;
		if (!subheap.heap.memory.mapped) {
			// Only before ee51b28edd8: a nested kfree removed and freed it mid-expansion (§5.2).
			services.fault(`read of the SubHeap at ${formatVirtualAddress(region.base)}, which was unmapped`);
		}

		if (subheap.heap.freeBytes < request) {
			added = this.addEvenMoreMemory(request);
		}

		this.replaceBackup();
		this.adding = false;
		return added;
	}

	/** `ExpandGlobalHeap::remove_memory(ptr)` in the flavour of the revision (§3.8, §5.1–§5.4). */
	removeMemory(memoryBase: number): boolean {
		const {services} = this;
		const {revision} = services;
		const index = this.subheapMemory.findIndex((region) => region.base === memoryBase);
		if (index < 0) {
			services.log(`kmalloc(): Cannot remove memory from heap: ${formatVirtualAddress(memoryBase)}`);
			return false;
		}

		const [region] = this.subheapMemory.splice(index, 1) as [Region];
		this.subheapMemoryVector.shrink();
		const where = `${formatVirtualAddress(region.base)}, bytes: ${region.size}`;
		if (!revision.deferredContraction) {
			services.log(`kmalloc(): Removing memory from heap at ${where}`);
			services.event('subheap-removed', `Removing memory from heap at ${where}`);
			if (revision.removedMemoryBecomesBackup && !this.backup) {
				this.recycle(region, `Using removed memory as backup: ${where}`);
				return true;
			}

			this.book.retired(region.base, 'freed');
			services.mm.freeRegion(region);
			return true;
		}

		if (!this.backup) {
			this.recycle(region, `Using removed memory as backup: ${where}`);
			return true;
		}

		services.log(`kmalloc(): Queue removing memory from heap at ${where}`);
		services.event('subheap-removed', `Queue removing memory from heap at ${where}`);
		this.book.retired(region.base, 'queued');
		const lambda = services.kmalloc(REMOVE_LAMBDA_SIZE, purposes.removeLambda);
		services.processor.queue(new QueuedRemoval(this, region, where, lambda));
		return true;
	}

	/** `allocate_backup_memory()`: nothing if a backup exists; no kmalloc log either way (§3.9). */
	allocateBackupMemory(): void {
		if (this.backup) {
			this.replacementPending = false;
			return;
		}

		this.replacementRunning = true;
		const region = this.services.mm.allocateKernelRegion(BACKUP_MEMORY_SIZE, 'kmalloc subheap', 'allocate-now');
		this.replacementRunning = false;
		this.replacementPending = false;
		// `m_backup_memory = ...`: a region a removal put there meanwhile is replaced and freed (§10.1).
		const previous = this.backup;
		this.backup = region;
		this.backupRecycled = false;
		if (region) {
			if (this.counts.consumed > 0) {
				this.counts.replaced++;
				this.services.event('backup-replaced', `backup at ${formatVirtualAddress(region.base)}, bytes: ${region.size}`);
			}
		} else {
			this.counts.failedReplacements++;
			this.services.event('backup-replacement-failed', 'kmalloc subheap: MM could not allocate 1048576 bytes');
		}

		if (previous) {
			this.services.mm.freeRegion(previous);
		}
	}

	/** What add_memory's extra region is sized to (§3.7 step 7, §5.3b). */
	extraRegionSize(request: number): number {
		const calculated = this.heap.calculateMemoryForBytes(request);
		return this.services.revision.extraRegionSizing === 'page-round-up-plus-1mib'
			? (pageRoundUp(calculated) + MiB) >>> 0
			: Math.max(calculated, MiB);
	}

	private addEvenMoreMemory(request: number): boolean {
		const {services} = this;
		const region = services.mm.allocateKernelRegion(this.extraRegionSize(request), 'kmalloc subheap', 'allocate-now');
		if (!region) {
			services.log(`kmalloc(): Could not expand heap to satisfy allocation of ${request} bytes`);
			services.event('expansion-failed', `Could not expand heap to satisfy allocation of ${request} bytes`);
			return false;
		}

		services.log(`kmalloc(): Adding even more memory to heap at ${formatVirtualAddress(region.base)}, bytes: ${region.size}`);
		this.addRegion(region, 'region');
		return true;
	}

	private addRegion(region: Region, origin: 'backup' | 'recycled' | 'region'): SubHeap {
		const subheap = this.heap.addSubheap(region.memory(), region.base, region.size);
		const label = this.book.added(subheap, origin, region.size);
		this.services.event(
			'subheap-added',
			`#${label.id} from ${origin} at ${formatVirtualAddress(region.base)}, bytes: ${region.size}`,
		);
		this.subheapMemory.push(region);
		this.subheapMemoryVector.grow(this.services);
		return subheap;
	}

	/** The scope guard's job: deferred since 22250780ffa, synchronous before (§3.7 step 6, §5.4). */
	private replaceBackup(): void {
		if (!this.services.revision.deferredBackupReplacement) {
			this.allocateBackupMemory();
			return;
		}

		this.replacementPending = true;
		this.services.processor.queue(new BackupReplacement(this));
	}

	private recycle(region: Region, line: string): void {
		this.services.log(`kmalloc(): ${line}`);
		this.book.retired(region.base, 'became-backup');
		this.takeAsBackup(region, line);
	}

	/** `m_backup_memory = move(region)`: a removed subheap's region becomes the backup. */
	takeAsBackup(region: Region, line: string): void {
		this.backup = region;
		this.backupRecycled = true;
		this.counts.recycled++;
		this.services.event('backup-recycled', line);
	}
}
