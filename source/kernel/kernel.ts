// The simulated kernel's entry points for the engine and workloads: kmalloc, kfree, krealloc,
// regions, logging, locks. Every call first refuses to run on a halted kernel; with debug asserts
// on, the whole heap is checked after each call (the debug-only ASSERT the seed proposed).

import {checkInvariants} from './invariants.js';
import {KernelMachine} from './kernel-machine.js';
import {KernelHalt, isKernelHalt} from './panic.js';
import type {AllocationStrategy, Region} from './region.js';

export type {KernelOptions} from './kernel-machine.js';

export class Kernel extends KernelMachine {
	private readonly alignedOffsets = new Map<number, number>();

	/**
	 * `purpose` and `workload` go to the block's holder (holder-book.ts): what it is for, where the
	 * caller knows, and the workload that asked for it through the facade.
	 */
	kmalloc(size: number, purpose?: string, workload?: string): number {
		this.refuseIfHalted();
		const address = this.kmallocImpl(size, purpose, workload);
		this.afterCall();
		return address;
	}

	kfree(address: number): void {
		this.refuseIfHalted();
		this.kfreeImpl(address);
		this.afterCall();
	}

	/**
	 * No call counter, no panic on failure; the old block is freed even then (§3.4, §1.5). A moved
	 * block keeps its holder; `purpose` and `workload` book a new one (address 0).
	 */
	krealloc(address: number, size: number, purpose?: string, workload?: string): number {
		this.refuseIfHalted();
		this.processor.enterCritical();
		const oldChunks = this.debugAsserts ? this.liveBlocks.get(address) : undefined;
		const holder = address === 0 ? this.holders.idFor(this.currentProcess, purpose, workload) : undefined;
		const result = this.heap.reallocate(address, size, holder);
		if (this.debugAsserts) {
			if (oldChunks !== undefined && result !== address) {
				this.liveBlocks.delete(address);
			}

			if (result !== 0 && result !== address) {
				this.liveBlocks.set(result, this.chunksAt(result));
			}
		}

		this.processor.leaveCritical();
		this.afterCall();
		return result;
	}

	/** kmalloc_aligned<A> (§3.6): size + A + 1 bytes, the offset kept in the byte before. */
	kmallocAligned(size: number, alignment: number): number {
		const address = this.kmalloc(size + alignment + 1);
		const aligned = Math.floor((address + alignment) / alignment) * alignment;
		this.alignedOffsets.set(aligned, aligned - address);
		return aligned;
	}

	kfreeAligned(aligned: number): void {
		const offset = this.alignedOffsets.get(aligned) ?? 0;
		this.alignedOffsets.delete(aligned);
		this.kfree(aligned - offset);
	}

	allocateKernelRegion(bytes: number, name: string, strategy: AllocationStrategy): Region | undefined {
		this.refuseIfHalted();
		const region = this.mm.allocateKernelRegion(bytes, name, strategy);
		this.afterCall();
		return region;
	}

	freeRegion(region: Region): void {
		this.refuseIfHalted();
		this.mm.freeRegion(region);
		this.afterCall();
	}

	/** A log line from `process` (or kernel context), with the allocation a long line makes. */
	log(message: string, process?: string): void {
		this.refuseIfHalted();
		this.asProcess(process, () => {
			this.klog(message);
		});
		this.afterCall();
	}

	/**
	 * Runs `fn` holding a spinlock: deferred calls wait until it returns. If `fn` throws (a
	 * workload's own error), the lock is released on the way out, as a ScopedSpinLock would be;
	 * a kernel halt releases nothing.
	 */
	withLock<T>(fn: () => T): T {
		this.refuseIfHalted();
		this.processor.enterCritical();
		let result: T;
		try {
			result = fn();
		} catch (error) {
			if (!isKernelHalt(error)) {
				this.processor.leaveCritical();
			}

			throw error;
		}

		this.processor.leaveCritical();
		this.afterCall();
		return result;
	}

	/** Runs `fn` as the current thread `process`. */
	asProcess<T>(process: string | undefined, fn: () => T): T {
		const previous = this.currentProcess;
		this.currentProcess = process ?? previous;
		try {
			return fn();
		} finally {
			this.currentProcess = previous;
		}
	}

	private refuseIfHalted(): void {
		if (this.panic) {
			throw new KernelHalt(this.panic);
		}
	}

	private afterCall(): void {
		if (this.debugAsserts && this.processor.inCritical === 0) {
			const failure = checkInvariants(this);
			if (failure) {
				this.halt('verify', [`ASSERTION FAILED: ${failure}`, 'kmtop debug ASSERT: whole-heap invariant check']);
			}
		}
	}

}
