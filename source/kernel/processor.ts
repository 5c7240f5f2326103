// The CPU's critical sections and deferred calls (Kernel/Arch/i386/CPU.{h,cpp}, reference §10.1).
// Taking any spinlock enters a critical section; when the outermost one is left, pending deferred
// calls run oldest first, while the count is still 1, so the lock releases inside them do not
// run the queue again; calls queued meanwhile wait for the next outermost release. Each CPU has 5
// static entries; beyond that an entry is kmalloc'd (20 bytes) and kfree'd after it ran.

import {purposes} from './holder-book.js';

export const DEFERRED_CALL_POOL_SIZE = 5;
/** sizeof(DeferredCallEntry) on i386. */
export const DEFERRED_CALL_ENTRY_SIZE = 20;

/**
The work a deferred call does: an object with methods, its captured state in fields (the lambda's
captures), so a queued call is copied with the rest of the kernel for time travel.
*/
export type DeferredWork = {
	/** What the call is, for the event stream: `kmalloc_allocate_backup_memory`, ... */
	readonly name: string;
	run(): void;
	/** Destroys the callback's captured state after it ran (the lambda's destructor). */
	destroy?(): void;
};

export type DeferredCall = {
	name: string;
	work: DeferredWork;
	/** The kmalloc'd entry, when the static pool was empty. */
	entryAddress: number;
};

export type ProcessorHeap = {
	kmalloc(size: number, purpose?: string): number;
	kfree(address: number): void;
	/** Told as each call runs (the event stream's `deferred-call`). */
	deferredCallRan(call: DeferredCall): void;
};

export class Processor {
	/** `m_in_critical`. */
	inCritical = 0;
	private pending: DeferredCall[] = [];
	private freeEntries = DEFERRED_CALL_POOL_SIZE;
	private readonly heap: ProcessorHeap;

	constructor(heap: ProcessorHeap) {
		this.heap = heap;
		// A fresh array, so that V8 knows the field changes before any code is optimized: its first
		// change, when the first deferred calls ran, discarded the optimized kmalloc (holder-book.ts).
		this.pending = [];
	}

	get pendingCalls(): readonly DeferredCall[] {
		return this.pending;
	}

	enterCritical(): void {
		this.inCritical++;
	}

	leaveCritical(): void {
		if (this.inCritical === 1 && this.pending.length > 0) {
			this.executePending();
		}

		this.inCritical--;
	}

	/** `deferred_call_queue`: outside any critical section the call runs at once (§10.1). */
	queue(work: DeferredWork): void {
		const entryAddress = this.takeEntry();
		const call: DeferredCall = {name: work.name, work, entryAddress};
		if (this.inCritical === 0) {
			this.enterCritical();
			this.invoke(call);
			this.inCritical--;
			return;
		}

		this.pending.push(call);
	}

	private executePending(): void {
		const calls = this.pending;
		this.pending = [];
		for (const call of calls) {
			this.invoke(call);
		}
	}

	private invoke(call: DeferredCall): void {
		this.heap.deferredCallRan(call);
		call.work.run();
		call.work.destroy?.();
		if (call.entryAddress === 0) {
			this.freeEntries++;
		} else {
			this.heap.kfree(call.entryAddress);
		}
	}

	private takeEntry(): number {
		if (this.freeEntries > 0) {
			this.freeEntries--;
			return 0;
		}

		return this.heap.kmalloc(DEFERRED_CALL_ENTRY_SIZE, purposes.deferredCallEntry);
	}
}
