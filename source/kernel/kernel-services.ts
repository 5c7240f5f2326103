// What the kernel's layers call back into (the memory manager, the global heap, the expandable
// heap, the processor's deferred calls, the slabs): the kernel's inner calls, kmalloc_impl and
// kfree without the entry checks, its locks, its failures and its log. One object with methods
// rather than a bag of arrow functions: a whole simulation is copied for time travel
// (engine/clone-graph.ts), and a closure's captured `this` cannot be re-pointed at the copy.

import type {KernelEventKind} from './events.js';
import type {HeapStallReport} from './expandable-heap.js';
import type {KernelMachine} from './kernel-machine.js';
import {faultLines, hangLines} from './panic-text.js';
import type {SourceSite} from './panic.js';
import type {DeferredCall} from './processor.js';
import type {Region} from './region.js';
import {formatVirtualAddress} from './constants.js';
import {sites} from './source-sites.js';

export class KernelServices {
	readonly kernel: KernelMachine;

	constructor(kernel: KernelMachine) {
		this.kernel = kernel;
	}

	get revision() {
		return this.kernel.revision;
	}

	get mm() {
		return this.kernel.mm;
	}

	get processor() {
		return this.kernel.processor;
	}

	/** The kernel's holder book, shared by every subheap (ExpandableHeapOptions.holders). */
	get holders() {
		return this.kernel.holders;
	}

	/** The heap's failures (HeapFaults) are these same methods. */
	get faults(): this {
		return this;
	}

	/** The ExpandHeap callbacks are these same methods. */
	get expand(): this {
		return this;
	}

	/** `purpose` books the block to what the kernel allocated it for (holder-book.ts). */
	kmalloc(size: number, purpose?: string): number {
		return this.kernel.kmallocImpl(size, purpose);
	}

	kfree(address: number): void {
		this.kernel.kfreeImpl(address);
	}

	slabAlloc(size: number, purpose?: string): number {
		return this.kernel.slabAlloc(size, purpose);
	}

	slabDealloc(address: number): void {
		this.kernel.slabDealloc(address);
	}

	kmallocRun(size: number, purpose: string | undefined, count: number, pointers: Uint32Array, at: number): number {
		return this.kernel.kmallocRun(size, purpose, count, pointers, at);
	}

	kfreeRun(pointer: number, count: number, chunks: number): number {
		return this.kernel.kfreeRun(pointer, count, chunks);
	}

	slabAllocRun(size: number, purpose: string, objects: Uint32Array, at: number, count: number): number {
		return this.kernel.slabAllocRun(size, purpose, objects, at, count);
	}

	slabDeallocRun(size: number, objects: Uint32Array, at: number, count: number): number {
		return this.kernel.slabDeallocRun(size, objects, at, count);
	}

	enterCritical(): void {
		this.kernel.processor.enterCritical();
	}

	leaveCritical(): void {
		this.kernel.processor.leaveCritical();
	}

	verify(site: SourceSite): never {
		return this.kernel.verifyFailed(site);
	}

	fault(description: string): never {
		return this.kernel.halt('fault', faultLines(description));
	}

	deadlock(description: string): never {
		return this.kernel.halt('hang', hangLines(description));
	}

	/** slab_alloc of more than 128 bytes is VERIFY_NOT_REACHED. */
	tooLarge(): never {
		return this.kernel.verifyFailed(sites.slabAllocTooLarge);
	}

	log(message: string): void {
		this.kernel.klog(message);
	}

	/** dmesgln(): from 2021-02 the lines klog() printed before, without its CPU number. */
	dmesgln(message: string): void {
		this.kernel.dmesgln(message);
	}

	event(kind: KernelEventKind, message: string): void {
		this.kernel.event(kind, message);
	}

	regionAllocated(region: Region): void {
		this.kernel.event('region-allocated', describeRegion(region));
	}

	regionFreed(region: Region): void {
		this.kernel.event('region-freed', describeRegion(region));
	}

	deferredCallRan(call: DeferredCall): void {
		this.kernel.event('deferred-call', call.name);
	}

	addMemory(request: number): boolean {
		return this.kernel.revision.expandable && this.kernel.global.addMemory(request);
	}

	removeMemory(base: number): boolean {
		return this.kernel.global.removeMemory(base);
	}

	/** The expansion watchdog: the kernel would loop forever here. */
	onHang({passes, request}: HeapStallReport): never {
		return this.kernel.halt('hang', hangLines(`ExpandableHeap::allocate(${request}) is still looping after ${passes} search passes`));
	}
}

const describeRegion = (region: Region): string =>
	`${region.name} at ${formatVirtualAddress(region.base)}, bytes: ${region.size}`;
