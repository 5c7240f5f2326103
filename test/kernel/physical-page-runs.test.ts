// An AllocateNow region's PhysicalPages, once the 16-byte slab is out, are kmalloc(16) blocks that
// the kernel places and frees one call at a time; kmtop places a run of them at once where the
// first-fit hint holds, and frees the ones side by side at once (heap.ts allocateRun and
// deallocateRun). These tests replay random call sequences on two kernels, one that takes the runs
// and one that makes every call alone, and compare everything either could show: the heap's
// bits, memory and holders, the counts, the log, the events, the physical pages, a panic.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {KernelEvent} from '../../source/kernel/events.js';
import {ExpandableHeap} from '../../source/kernel/expandable-heap.js';
import {HeapMemory} from '../../source/kernel/heap-memory.js';
import {Kernel, type KernelOptions} from '../../source/kernel/kernel.js';
import {isKernelHalt} from '../../source/kernel/panic.js';
import type {Region} from '../../source/kernel/region.js';
import {getRevision} from '../../source/kernel/revisions.js';
import {fillMainHeap} from './helpers.js';

/** The kernel as it was: every PhysicalPage a slab_alloc and a kfree of its own. */
class OneByOneKernel extends Kernel {
	override kmallocRun(): number {
		return 0;
	}

	override kfreeRun(): number {
		return 0;
	}
}

/** Counts what went through the runs, so a test can tell it was not vacuous. */
class RunKernel extends Kernel {
	declare placedInRuns: number;
	declare freedInRuns: number;

	override kmallocRun(size: number, purpose: string | undefined, count: number, pointers: Uint32Array, at: number): number {
		const placed = super.kmallocRun(size, purpose, count, pointers, at);
		this.placedInRuns = (this.placedInRuns ?? 0) + placed;
		return placed;
	}

	override kfreeRun(pointer: number, count: number, chunks: number): number {
		const freed = super.kfreeRun(pointer, count, chunks);
		this.freedInRuns = (this.freedInRuns ?? 0) + freed;
		return freed;
	}
}

type Operation =
	| {kind: 'kmalloc'; size: number}
	| {kind: 'kfree'; pick: number}
	| {kind: 'region'; pages: number}
	| {kind: 'freeRegion'; pick: number}
	| {kind: 'doubleFree'; pick: number};

const pick = fc.nat({max: 1_000_000});
const operation: fc.Arbitrary<Operation> = fc.oneof(
	{weight: 4, arbitrary: fc.record({kind: fc.constant('kmalloc' as const), size: fc.oneof(fc.integer({min: 0, max: 60}), fc.integer({min: 60, max: 9000}))})},
	{weight: 4, arbitrary: fc.record({kind: fc.constant('kfree' as const), pick})},
	{weight: 3, arbitrary: fc.record({kind: fc.constant('region' as const), pages: fc.integer({min: 1, max: 300})})},
	{weight: 3, arbitrary: fc.record({kind: fc.constant('freeRegion' as const), pick})},
);

const take = <T>(list: T[], index: number): T | undefined => (list.length === 0 ? undefined : list.splice(index % list.length, 1)[0]);

/** Runs `operations` on a fresh kernel of `kind`; returns it, its events and its regions' page objects. */
const replay = <K extends Kernel>(make: (options: KernelOptions) => K, operations: Operation[], prefill: boolean, revision: string) => {
	const events: KernelEvent[] = [];
	const kernel = make({revision, events: {add: (event) => events.push(event)}});
	const regions: Region[] = [];
	const blocks: number[] = [];
	const pages: number[][] = [];
	try {
		// Empties the 16-byte slab (8,192 PhysicalPages): every page after it is a kmalloc(16).
		regions.push(kernel.allocateKernelRegion(8192 * 4096, 'slab filler', 'allocate-now')!);
		if (prefill) {
			fillMainHeap(kernel, 40); // expansions, and subheaps that empty and go
		}

		for (const [index, op] of operations.entries()) {
			kernel.now = index;
			if (op.kind === 'kmalloc') {
				blocks.push(kernel.kmalloc(op.size));
			} else if (op.kind === 'kfree') {
				const block = take(blocks, op.pick);
				if (block !== undefined) {
					kernel.kfree(block);
				}
			} else if (op.kind === 'region') {
				const region = kernel.asProcess(`P(${index % 3})`, () => kernel.allocateKernelRegion(op.pages * 4096, 'pages', 'allocate-now'));
				if (region) {
					regions.push(region);
					pages.push([...region.physicalPageObjects]);
				}
			} else if (op.kind === 'freeRegion') {
				const region = take(regions, op.pick);
				if (region) {
					kernel.freeRegion(region);
				}
			} else {
				const region = regions[op.pick % regions.length];
				if (region && region.physicalPageObjects.length > 3) {
					kernel.kfree(region.physicalPageObjects[2]!); // the region's free then meets a scrubbed header
				}
			}
		}
	} catch (error) {
		if (!isKernelHalt(error)) {
			throw error;
		}
	}

	return {kernel, events, pages};
};

/** Everything of a kernel the runs could change, as plain data. */
const observe = (kernel: Kernel) => ({
	panic: kernel.panic,
	memstat: kernel.halted ? undefined : kernel.memstat(),
	calls: [kernel.kmallocCalls, kernel.kfreeCalls],
	physical: {...kernel.physical},
	slabs: kernel.slabs.map((slab) => slab.numAllocated),
	dmesg: kernel.dmesg.tail(),
	subheaps: [...kernel.heap.subheaps()].map(({base, heap}) => ({
		base,
		allocated: heap.allocatedChunks,
		bits: [...heap.bitmap.words],
		covered: heap.memory.coveredChunks,
		wordChunks: heap.memory.wordChunks,
		states: [...heap.memory.state],
		words: [...heap.memory.words],
	})),
	holders: {
		keys: kernel.holders.keys,
		releases: kernel.holders.releases,
		liveBlocks: [...kernel.holders.liveBlocks],
		liveChunks: [...kernel.holders.liveChunks],
		kmallocs: [...kernel.holders.kmallocs],
		kfrees: [...kernel.holders.kfrees],
		lastTick: [...kernel.holders.lastTick],
	},
});

const compare = (operations: Operation[], prefill: boolean, revision: string): {kernel: RunKernel; events: KernelEvent[]} => {
	const runs = replay((options) => new RunKernel(options), operations, prefill, revision);
	const alone = replay((options) => new OneByOneKernel(options), operations, prefill, revision);
	expect(runs.pages).toEqual(alone.pages);
	expect(runs.events).toEqual(alone.events);
	expect(observe(runs.kernel)).toEqual(observe(alone.kernel));
	return runs;
};

describe('PhysicalPages placed and freed in runs leave the kernel as one call each does', () => {
	for (const [revision, prefill] of [
		['2021-02-23', false],
		['2021-02-23', true],
		['2020-09-09', true],
		['2020-12-26', true],
	] as const) {
		it(`${revision}, ${prefill ? 'the pool nearly full (expansions)' : 'from a fresh boot'}`, () => {
			let placed = 0;
			let freed = 0;
			fc.assert(
				fc.property(fc.array(operation, {minLength: 10, maxLength: 50}), (operations) => {
					const {kernel} = compare(operations, prefill, revision);
					placed += kernel.placedInRuns ?? 0;
					freed += kernel.freedInRuns ?? 0;
				}),
				{numRuns: 20, seed: 11},
			);
			// Vacuous unless many pages went through the runs (about 18,000 pages were made in all).
			expect(placed).toBeGreaterThan(8000);
			expect(freed).toBeGreaterThan(6000);
		});
	}

	it('a small region\'s pages, all in one run, are kmalloc calls of their holder at this tick', () => {
		// Four pages: the page vector (16 bytes) leaves the hint at one chunk, so no page goes alone.
		const {kernel} = compare([{kind: 'region', pages: 4}], false, '2021-02-23');
		expect(kernel.placedInRuns).toBe(256 + 4); // the filler's last 256 (the boot backup's pages took 256 slabs), and these
		expect(kernel.holders.keys.some((key) => key.process === 'P(0)' && key.purpose === 'PhysicalPage (slab full)')).toBe(true);
	});

	it('a region whose PhysicalPage was freed before: the double kfree fails as it did, mid-region', () => {
		const operations: Operation[] = [
			{kind: 'region', pages: 40},
			{kind: 'doubleFree', pick: 1},
			{kind: 'freeRegion', pick: 1},
		];
		const {kernel} = compare(operations, false, '2021-02-23');
		expect(kernel.panic?.kind).toBe('verify');
		expect(kernel.freedInRuns).toBe(2); // the two pages before the scrubbed one, in one run
	});
});

describe('a run never empties its subheap: the last block is freed alone, and may remove it (§2.4)', () => {
	const pool = 0xd000_0000;
	const added = 0xd100_0000;
	const boot = () => {
		const removed: number[] = [];
		const heap = new ExpandableHeap(new HeapMemory(pool, 33 * 64), {
			revision: getRevision('2021-02-23'),
			faults: {
				verify(site): never {
					throw new Error(site.expression);
				},
				fault(description): never {
					throw new Error(description);
				},
			},
			expand: {addMemory: () => false, removeMemory: (base) => removed.push(base) > 0},
			onHang() {
				throw new Error('hang');
			},
		});
		const subheap = heap.addSubheap(new HeapMemory(added, 33 * 256), added, 33 * 256);
		const blocks = new Uint32Array(10);
		for (let index = 0; index < blocks.length; index++) {
			blocks[index] = subheap.heap.allocate(16, 5, 0);
		}

		return {heap, subheap, blocks, removed};
	};

	it('the heap frees all but the last in a run; the last, alone, empties and removes the subheap', () => {
		const {heap, subheap, blocks, removed} = boot();
		expect(blocks[9]! - blocks[0]!).toBe(9 * 32); // side by side
		expect(heap.deallocateRun(blocks[0]!, 9, 1)).toBe(9);
		expect(heap.runHolder).toBe(5);
		expect([subheap.heap.allocatedChunks, removed]).toEqual([1, []]);
		expect(heap.deallocate(blocks[9]!)).toBe(5);
		expect(removed).toEqual([added]);
	});

	it('a run of every block the subheap holds is refused, so that deallocate removes it at the last', () => {
		const {heap, subheap, blocks} = boot();
		expect(heap.deallocateRun(blocks[0]!, 10, 1)).toBe(0);
		expect(subheap.heap.allocatedChunks).toBe(10);
	});

	it('a run stops at a block of another holder, and at a header that is not one chunk', () => {
		const {heap, subheap, blocks} = boot();
		subheap.heap.deallocate(blocks[4]!);
		subheap.heap.allocate(16, 6, 4); // the same chunk, another holder
		expect(heap.deallocateRun(blocks[0]!, 9, 1)).toBe(4);
		expect(heap.deallocateRun(blocks[4]!, 5, 1)).toBe(1);
		expect(heap.runHolder).toBe(6);
		subheap.heap.deallocate(blocks[7]!); // scrubbed: 0xaaaaaaaa
		expect(heap.deallocateRun(blocks[5]!, 4, 1)).toBe(2);
		expect(heap.deallocateRun(blocks[7]!, 2, 1)).toBe(0);
	});
});
