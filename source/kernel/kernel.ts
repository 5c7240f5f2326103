// The simulated kernel: boot (reference §10.4) and the calls the engine and workloads make.
// kmalloc_init, then the slabs (1,310,720 bytes of eternal memory), then the memory manager,
// whose start allocates the first 1 MiB backup at 0xc0801000. Every public call first refuses
// to run on a halted kernel; with debug asserts on, the whole heap is checked after each call.

import {ETERNAL_RANGE_BASE, ETERNAL_RANGE_SIZE, KMALLOC_POOL_BASE, MiB, formatVirtualAddress} from './constants.js';
import {DmesgBuffer} from './dmesg.js';
import type {KernelEvent, KernelEventKind, PanicKind} from './events.js';
import {ExpandableHeap} from './expandable-heap.js';
import {HeapMemory} from './heap-memory.js';
import {checkInvariants} from './invariants.js';
import {KmallocGlobalHeap} from './kmalloc-global-heap.js';
import {formatKlogLine} from './klog.js';
import {buildMemstat, type Memstat} from './memstat.js';
import {MemoryManager} from './memory-manager.js';
import {KernelHalt, isKernelHalt, type SourceSite} from './panic.js';
import {PhysicalPages} from './physical-pages.js';
import {Processor} from './processor.js';
import type {AllocationStrategy, Region} from './region.js';
import {defaultRevisionId, getRevision, type Revision} from './revisions.js';
import {Slab, slabClasses} from './slab-allocator.js';
import {sites} from './source-sites.js';
import {formatOomPanic, formatVerifyFailure, faultLines, hangLines} from './panic-text.js';

export type KernelOptions = {
	revision?: string;
	ramBytes?: number;
	/** The debug-only ASSERT: whole-heap invariant checks after every call (slow). */
	debugAsserts?: boolean;
	onEvent?: (event: KernelEvent) => void;
	/** Stop boot before MemoryManager::initialize (tests of §10.4 / scenario 8). */
	stopBeforeMemoryManager?: boolean;
};

export class Kernel {
	readonly revision: Revision;
	readonly ramBytes: number;
	readonly physical: PhysicalPages;
	readonly dmesg = new DmesgBuffer();
	readonly processor: Processor;
	readonly mm: MemoryManager;
	readonly global: KmallocGlobalHeap;
	readonly heap: ExpandableHeap;
	readonly slabs: Slab[] = [];
	readonly debugAsserts: boolean;
	kmallocCalls = 0;
	kfreeCalls = 0;
	eternalBytes = 0;
	panic: KernelHalt['panic'] | undefined;
	/** The simulation tick, set by whoever drives the kernel; events and the subheap ledger carry it. */
	get now(): number {
		return this.global.book.now;
	}

	set now(tick: number) {
		this.global.book.now = tick;
	}

	/** The current thread, `Name(pid:tid)`, or undefined for kernel context. */
	currentProcess: string | undefined;
	/** Debug-only: every live kmalloc block, address → chunks. */
	readonly liveBlocks = new Map<number, number>();
	private nextEternal = ETERNAL_RANGE_BASE;
	private readonly eternalEnd: number;
	private readonly onEvent: ((event: KernelEvent) => void) | undefined;
	private readonly alignedOffsets = new Map<number, number>();

	constructor(options: KernelOptions = {}) {
		this.revision = getRevision(options.revision ?? defaultRevisionId);
		this.ramBytes = options.ramBytes ?? 512 * MiB;
		this.debugAsserts = options.debugAsserts ?? false;
		this.onEvent = options.onEvent;
		this.physical = new PhysicalPages(this.ramBytes);
		const heapServices = {kmalloc: (size: number) => this.kmallocImpl(size), kfree: (address: number) => this.kfreeImpl(address)};
		this.processor = new Processor(heapServices, (call) => {
			this.event('deferred-call', call.name);
		});
		const critical = {enterCritical: () => this.processor.enterCritical(), leaveCritical: () => this.processor.leaveCritical()};
		const failures = {
			verify: (site: SourceSite): never => this.verifyFailed(site),
			fault: (description: string): never => this.halt('fault', faultLines(description)),
			deadlock: (description: string): never => this.halt('hang', hangLines(description)),
		};
		this.mm = new MemoryManager(
			{
				...heapServices,
				...critical,
				...failures,
				slabAlloc: (size) => this.slabAlloc(size),
				slabDealloc: (address) => this.slabDealloc(address),
				log: (message) => this.klog(message),
				regionAllocated: (region) => this.event('region-allocated', describeRegion(region)),
				regionFreed: (region) => this.event('region-freed', describeRegion(region)),
			},
			this.physical,
			this.revision.allocationStrategyApi,
		);
		this.global = new KmallocGlobalHeap({
			...heapServices,
			...critical,
			...failures,
			revision: this.revision,
			mm: this.mm,
			processor: this.processor,
			log: (message) => this.klog(message),
			event: (kind, message) => this.event(kind, message),
		});
		// kmalloc_init: the pool (zeroed), the global heap over it, the eternal bump pointer.
		const pool = new HeapMemory(KMALLOC_POOL_BASE, this.revision.poolSize);
		this.heap = new ExpandableHeap(pool, {
			revision: this.revision,
			faults: failures,
			expand: {
				addMemory: (request) => this.revision.expandable && this.global.addMemory(request),
				removeMemory: (base) => this.global.removeMemory(base),
			},
			onHang: ({passes, request}) =>
				this.halt('hang', hangLines(`ExpandableHeap::allocate(${request}) is still looping after ${passes} search passes`)),
		});
		this.global.attach(this.heap, this.revision.poolSize);
		this.eternalEnd =
			ETERNAL_RANGE_BASE + (this.revision.eternalEndFromPoolSize ? this.revision.poolSize : ETERNAL_RANGE_SIZE);
		// slab_alloc_init: four slab allocators carved from the eternal range.
		for (const slab of slabClasses) {
			this.slabs.push(new Slab(slab.size, this.kmallocEternal(slab.bytes), slab.bytes));
		}

		if (!options.stopBeforeMemoryManager) {
			this.initializeMemoryManager();
		}
	}

	/** `MemoryManager::initialize(0)`, then `kmalloc_enable_expand()`: the first backup, synchronously. */
	initializeMemoryManager(): void {
		this.mm.initialize();
		if (this.revision.expandable) {
			this.global.allocateBackupMemory();
		}
	}

	get halted(): boolean {
		return this.panic !== undefined;
	}

	kmalloc(size: number): number {
		this.refuseIfHalted();
		const address = this.kmallocImpl(size);
		this.afterCall();
		return address;
	}

	kfree(address: number): void {
		this.refuseIfHalted();
		this.kfreeImpl(address);
		this.afterCall();
	}

	/** No call counter, no panic on failure; the old block is freed even then (§3.4, §1.5). */
	krealloc(address: number, size: number): number {
		this.refuseIfHalted();
		this.processor.enterCritical();
		const oldChunks = this.debugAsserts ? this.liveBlocks.get(address) : undefined;
		const result = this.heap.reallocate(address, size);
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

	kmallocEternal(size: number): number {
		this.refuseIfHalted();
		const rounded = this.revision.eternalRounding ? ((size + 3) & ~3) >>> 0 : size;
		this.processor.enterCritical();
		const address = this.nextEternal;
		this.nextEternal += rounded;
		if (!(this.nextEternal < this.eternalEnd)) {
			this.verifyFailed(sites.eternalEnd);
		}

		this.eternalBytes += rounded;
		this.processor.leaveCritical();
		return address;
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

	memstat(): Memstat {
		return buildMemstat({
			allocatedBytes: this.heap.allocatedBytes(),
			freeBytes: this.heap.freeBytes(),
			backupBytes: this.global.backupBytes,
			eternalBytes: this.eternalBytes,
			userUsed: this.physical.userUsed,
			userTotal: this.physical.userTotal,
			userCommitted: this.physical.userCommitted,
			userUncommitted: this.physical.userUncommitted,
			superUsed: this.physical.superUsed,
			superTotal: this.physical.superTotal,
			kmallocCalls: this.kmallocCalls,
			kfreeCalls: this.kfreeCalls,
			slabs: this.slabs,
			withCommitted: this.revision.memstatCommitted,
		});
	}

	/** klog() as the current thread (§10.2). */
	klog(message: string): void {
		const line = formatKlogLine(message, this.currentProcess, this.revision.klogCpuPrefix);
		const buffer = line.bufferBytes > 0 ? this.kmallocImpl(line.bufferBytes) : 0;
		this.dmesg.append(line.text, line.rawLength);
		if (buffer !== 0) {
			this.kfreeImpl(buffer);
		}
	}

	private kmallocImpl(size: number): number {
		this.processor.enterCritical(); // s_lock
		this.kmallocCalls++;
		const address = this.heap.allocate(size);
		if (address === 0) {
			this.halt('oom', formatOomPanic(this.revision, size));
		}

		if (this.debugAsserts) {
			this.liveBlocks.set(address, this.chunksAt(address));
		}

		this.processor.leaveCritical(); // may run deferred calls before the caller gets `address`
		return address;
	}

	private kfreeImpl(address: number): void {
		if (address === 0) {
			return;
		}

		this.processor.enterCritical();
		this.kfreeCalls++;
		if (this.debugAsserts) {
			this.liveBlocks.delete(address);
		}

		this.heap.deallocate(address);
		this.processor.leaveCritical();
	}

	/** `slab_alloc(n)`: the smallest class that fits; an empty class falls back to kmalloc (§7). */
	slabAlloc(size: number): number {
		const slab = this.slabs.find((candidate) => candidate.size >= size);
		if (!slab) {
			return this.verifyFailed(sites.slabAllocTooLarge);
		}

		const address = slab.take();
		return address === 0 ? this.kmallocImpl(slab.size) : address;
	}

	/** `slab_dealloc`: a pointer outside every slab goes to kfree. */
	slabDealloc(address: number): void {
		const slab = this.slabs.find((candidate) => candidate.contains(address));
		if (slab) {
			slab.give(address);
		} else {
			this.kfreeImpl(address);
		}
	}

	private chunksAt(address: number): number {
		return this.heap.findHeap(address)?.readHeader(address) ?? 0;
	}

	private event(kind: KernelEventKind, message: string): void {
		this.onEvent?.({tick: this.now, kind, message});
	}

	private verifyFailed(site: SourceSite): never {
		return this.halt('verify', formatVerifyFailure(site));
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

	/**
	 * Processor::halt(): the lines go to the console, the kernel stops for good. Until the
	 * VERIFY rename, a failed ASSERT was one klog message with an embedded newline, so its second
	 * line reached the console without a prefix (reference §9.2).
	 */
	halt(kind: PanicKind, lines: string[]): never {
		const continuation = kind === 'verify' && this.revision.assertionMacro === 'ASSERT';
		const printed = lines.map((message, index) => {
			if (continuation && index === 1) {
				this.dmesg.append(message, message.length + 1);
				return message;
			}

			const line = formatKlogLine(message, this.currentProcess, this.revision.klogCpuPrefix);
			this.dmesg.append(line.text, line.rawLength);
			return line.text;
		});
		this.panic = {tick: this.now, kind, lines: printed};
		this.event('panic', lines.join(' / '));
		throw new KernelHalt(this.panic);
	}
}

const describeRegion = (region: Region): string =>
	`${region.name} at ${formatVirtualAddress(region.base)}, bytes: ${region.size}`;
