// The simulated kernel's machinery: boot (reference §10.4) and the inner calls every layer makes
// (kmalloc_impl, kfree, klog, slab_alloc, halting). kmalloc_init, then the slabs (1,310,720 bytes
// of eternal memory), then the memory manager, whose start allocates the first 1 MiB backup at
// 0xc0801000. `Kernel` (kernel.ts) puts the public entry points on top.

import {ETERNAL_RANGE_BASE, ETERNAL_RANGE_SIZE, KMALLOC_POOL_BASE, MiB} from './constants.js';
import {DmesgBuffer} from './dmesg.js';
import type {KernelEvent, KernelEventKind, PanicKind} from './events.js';
import {ExpandableHeap} from './expandable-heap.js';
import {HeapMemory} from './heap-memory.js';
import {KmallocGlobalHeap} from './kmalloc-global-heap.js';
import {KernelServices} from './kernel-services.js';
import {HolderBook, purposes} from './holder-book.js';
import {formatKlogLine} from './klog.js';
import {buildMemstat, type Memstat} from './memstat.js';
import {MemoryManager} from './memory-manager.js';
import {KernelHalt, type SourceSite} from './panic.js';
import {PhysicalPages} from './physical-pages.js';
import {Processor} from './processor.js';
import {defaultRevisionId, getRevision, type Revision} from './revisions.js';
import {Slab, slabAlloc, slabAllocRun, slabClasses, slabDealloc, slabDeallocRun} from './slab-allocator.js';
import {siteAt, sites} from './source-sites.js';
import {formatOomPanic, formatVerifyFailure} from './panic-text.js';

export type KernelOptions = {
	revision?: string;
	ramBytes?: number;
	/** The debug-only ASSERT: whole-heap invariant checks after every call (slow). */
	debugAsserts?: boolean;
	/** Where the kernel's events go (an object with `add`, so a kernel can be copied whole). */
	events?: KernelEventSink;
	/** Stop boot before MemoryManager::initialize (tests of §10.4 / scenario 8). */
	stopBeforeMemoryManager?: boolean;
};

export type KernelEventSink = {add(event: KernelEvent): void};

export class KernelMachine {
	readonly revision: Revision;
	readonly ramBytes: number;
	readonly physical: PhysicalPages;
	readonly dmesg = new DmesgBuffer();
	readonly processor: Processor;
	readonly mm: MemoryManager;
	readonly global: KmallocGlobalHeap;
	readonly heap: ExpandableHeap;
	readonly slabs: Slab[] = [];
	/** Who holds each kmalloc'd block (holder-book.ts). */
	readonly holders = new HolderBook();
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
		this.holders.now = tick;
	}

	/** The current thread, `Name(pid:tid)`, or undefined for kernel context. */
	currentProcess: string | undefined;
	/** Debug-only: every live kmalloc block, address → chunks. */
	readonly liveBlocks = new Map<number, number>();
	private nextEternal = ETERNAL_RANGE_BASE;
	private readonly eternalEnd: number;
	private readonly events: KernelEventSink | undefined;
	private readonly services: KernelServices;

	constructor(options: KernelOptions = {}) {
		this.revision = getRevision(options.revision ?? defaultRevisionId);
		this.ramBytes = options.ramBytes ?? 512 * MiB;
		this.debugAsserts = options.debugAsserts ?? false;
		this.events = options.events;
		// Stored twice so that V8 knows the field changes before any code is optimized: the first
		// panic, at the end of a sweep worker's first run, discarded kmalloc's and the workload's
		// optimized code at once (test/kernel/changing-fields.test.ts).
		this.panic = {tick: 0, kind: 'oom', lines: []};
		this.panic = undefined;
		this.physical = new PhysicalPages(this.ramBytes);
		// The layers call back through one object of methods (kernel-services.ts), never closures.
		const services = new KernelServices(this);
		this.services = services;
		this.processor = new Processor(services);
		this.mm = new MemoryManager(services, this.physical, this.revision.allocationStrategyApi);
		this.global = new KmallocGlobalHeap(services);
		// kmalloc_init: the pool (zeroed), the global heap over it, the eternal bump pointer.
		const pool = new HeapMemory(KMALLOC_POOL_BASE, this.revision.poolSize);
		this.heap = new ExpandableHeap(pool, services);
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

	kmallocEternal(size: number): number {
		if (this.panic) {
			throw new KernelHalt(this.panic);
		}

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

	/** dmesgln(): no CPU in its prefix (AK/Format.cpp vdmesgln); 128 bytes inline, never kmallocs. */
	dmesgln(message: string): string {
		return this.print(message, false);
	}

	private print(message: string, cpuPrefix: boolean): string {
		const line = formatKlogLine(message, this.currentProcess, cpuPrefix);
		this.dmesg.append(line.text, line.rawLength);
		return line.text;
	}

	/** klog() as the current thread (§10.2). */
	klog(message: string): void {
		const line = formatKlogLine(message, this.currentProcess, this.revision.klogCpuPrefix);
		const buffer = line.bufferBytes > 0 ? this.kmallocImpl(line.bufferBytes, purposes.logBuffer) : 0;
		this.dmesg.append(line.text, line.rawLength);
		if (buffer !== 0) {
			this.kfreeImpl(buffer);
		}
	}

	/** `kmalloc_impl`, the block booked to the current thread, `purpose` and `workload` (holder-book.ts); the inner call every layer makes (through KernelServices), no entry checks. */
	kmallocImpl(size: number, purpose?: string, workload?: string): number {
		this.processor.enterCritical(); // s_lock
		this.kmallocCalls++;
		const holder = this.holders.idFor(this.currentProcess, purpose, workload);
		this.holders.called(holder);
		const address = this.heap.allocate(size, holder);
		if (address === 0) {
			this.halt('oom', formatOomPanic(this.revision, size));
		}

		if (this.debugAsserts) {
			this.liveBlocks.set(address, this.chunksAt(address));
		}

		this.processor.leaveCritical(); // may run deferred calls before the caller gets `address`
		return address;
	}

	/** The inner kfree every layer makes. */
	kfreeImpl(address: number): void {
		if (address === 0) {
			return;
		}

		this.processor.enterCritical();
		this.kfreeCalls++;
		if (this.debugAsserts) {
			this.liveBlocks.delete(address);
		}

		this.holders.freed(this.heap.deallocate(address));
		this.processor.leaveCritical();
	}

	/**
	 * `count` kmalloc_impl(size) calls in a row for `purpose` (no workload), as many as the heap
	 * places in one run (ExpandableHeap.allocateRun), their pointers in `pointers[at…]`: the same
	 * counts and holders as one call each. 0: none, the next is a kmallocImpl of its own.
	 */
	kmallocRun(size: number, purpose: string | undefined, count: number, pointers: Uint32Array, at: number): number {
		this.processor.enterCritical();
		const holder = this.holders.idFor(this.currentProcess, purpose, undefined);
		const placed = this.heap.allocateRun(size, count, holder, pointers, at);
		this.kmallocCalls += placed;
		if (placed > 0) {
			this.holders.called(holder, placed);
		}

		if (this.debugAsserts) {
			for (let index = at; index < at + placed; index++) {
				this.liveBlocks.set(pointers[index]!, this.chunksAt(pointers[index]!));
			}
		}

		this.processor.leaveCritical();
		return placed;
	}

	/** `count` kfree calls in a row of blocks side by side from `pointer` (ExpandableHeap.deallocateRun); returns how many it freed. */
	kfreeRun(pointer: number, count: number, chunks: number): number {
		this.processor.enterCritical();
		const freed = this.heap.deallocateRun(pointer, count, chunks);
		this.kfreeCalls += freed;
		if (freed > 0) {
			this.holders.freed(this.heap.runHolder, freed);
		}

		if (this.debugAsserts) {
			for (let block = 0; block < freed; block++) {
				this.liveBlocks.delete(pointer + block * chunks * 32);
			}
		}

		this.processor.leaveCritical();
		return freed;
	}

	/** `slab_alloc(size)` for `objects[at]`, and for more in a row where they come out the same (slabAllocRun); returns how many. */
	slabAllocRun(size: number, purpose: string, objects: Uint32Array, at: number, count: number): number {
		return slabAllocRun(this.slabs, size, this.services, purpose, objects, at, count);
	}

	/** `slab_dealloc` of `objects[at]`, and of more in a row where they come out the same (slabDeallocRun); returns how many. */
	slabDeallocRun(size: number, objects: Uint32Array, at: number, count: number): number {
		return slabDeallocRun(this.slabs, size, this.services, objects, at, count);
	}

	/** `slab_alloc(n)` (§7); `purpose` books the kmalloc of an exhausted class. */
	slabAlloc(size: number, purpose?: string): number {
		return slabAlloc(this.slabs, size, this.services, purpose);
	}

	/** `slab_dealloc`. */
	slabDealloc(address: number): void {
		slabDealloc(this.slabs, address, this.services);
	}


	protected chunksAt(address: number): number {
		return this.heap.findHeap(address)?.readHeader(address) ?? 0;
	}

	event(kind: KernelEventKind, message: string): void {
		this.events?.add({tick: this.now, kind, message});
	}

	verifyFailed(site: SourceSite): never {
		return this.halt('verify', formatVerifyFailure(siteAt(site, this.revision.id)));
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

			// klog() until 2021-02, then dmesgln(): neither kmallocs while the kernel halts.
			return this.print(message, this.revision.klogCpuPrefix && !this.revision.dmesgln);
		});
		this.panic = {tick: this.now, kind, lines: printed};
		this.event('panic', lines.join(' / '));
		throw new KernelHalt(this.panic);
	}
}
