// The CPU's critical sections and deferred calls (Kernel/Arch/i386/CPU.{h,cpp}, reference §10.1).
// Taking any spinlock enters a critical section; when the outermost one is left, pending deferred
// calls run oldest first, while the count is still 1, so the lock releases inside them do not
// run the queue again; calls queued meanwhile wait for the next outermost release. Each CPU has 5
// static entries; beyond that an entry is kmalloc'd (20 bytes) and kfree'd after it ran.

import {purposes} from './holder-book.js';

export const DEFERRED_CALL_POOL_SIZE = 5;
/** sizeof(DeferredCallEntry) on i386. */
export const DEFERRED_CALL_ENTRY_SIZE = 20;

export type DeferredCall = {
	/** What the call is, for the event stream: `kmalloc_allocate_backup_memory`, ... */
	name: string;
	run(): void;
	/** Destroys the callback's captured state after it ran (the lambda's destructor). */
	destroy?(): void;
	/** The kmalloc'd entry, when the static pool was empty. */
	entryAddress: number;
};

export type ProcessorHeap = {
	kmalloc(size: number, purpose?: string): number;
	kfree(address: number): void;
};

export class Processor {
	/** `m_in_critical`. */
	inCritical = 0;
	private pending: DeferredCall[] = [];
	private freeEntries = DEFERRED_CALL_POOL_SIZE;
	private readonly heap: ProcessorHeap;
	private readonly onRun: (call: DeferredCall) => void;

	constructor(heap: ProcessorHeap, onRun: (call: DeferredCall) => void) {
		this.heap = heap;
		this.onRun = onRun;
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
	queue(name: string, run: () => void, destroy?: () => void): void {
		const entryAddress = this.takeEntry();
		const call: DeferredCall = {name, run, destroy, entryAddress};
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
		this.onRun(call);
		call.run();
		call.destroy?.();
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
