// ExpandableHeap's first-fit hints (first-fit-hints.ts) start a search where the last block of the
// same chunk count ended. The kernel walks every subheap from the main heap and searches each from
// chunk 0; these tests replay random call sequences and check every kmalloc the kernel makes, its
// own included (PhysicalPage blocks once the 16-byte slab is out, VMObjects, page vectors, log
// buffers), against that walk done with the literal port of the §1.4 search.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {BEST_FIT_THRESHOLD} from '../../source/kernel/constants.js';
import {ExpandableHeap} from '../../source/kernel/expandable-heap.js';
import {HeapMemory} from '../../source/kernel/heap-memory.js';
import {getRevision} from '../../source/kernel/revisions.js';
import {chunksNeeded, type Heap} from '../../source/kernel/heap.js';
import {Kernel} from '../../source/kernel/kernel.js';
import {isKernelHalt} from '../../source/kernel/panic.js';
import type {Region} from '../../source/kernel/region.js';
import {literalFindBestFit, literalFindFirstFit} from '../reference/literal-bitmap-search.js';
import {fillMainHeap} from './helpers.js';

/** A subheap's bitmap as the walk reads it: the live words, or a copy a test moves on by itself. */
type WalkedHeap = {heap: Heap; words: Uint32Array; freeChunks: number};

const liveHeaps = (kernel: Kernel): WalkedHeap[] =>
	[...kernel.heap.subheaps()].map(({heap}) => ({heap, words: heap.bitmap.words, freeChunks: heap.freeChunks}));

/** Where the kernel's walk would place `size` bytes now: the address, or 0 when no subheap fits. */
const walkFromMain = (heaps: WalkedHeap[], size: number): {address: number; heap?: WalkedHeap; first: number} => {
	const chunks = chunksNeeded(size);
	for (const walked of heaps) {
		if (chunks > walked.freeChunks) {
			continue;
		}

		const {heap, words} = walked;
		const first =
			chunks < BEST_FIT_THRESHOLD ? literalFindFirstFit(words, heap.totalChunks, chunks) : literalFindBestFit(words, heap.totalChunks, chunks);
		if (first >= 0) {
			return {address: heap.chunkBase + first * 32 + 4, heap: walked, first};
		}
	}

	return {address: 0, first: -1};
};

/** A kernel that checks each of its kmallocs against the walk from the main heap. */
class CheckedKernel extends Kernel {
	declare checked: number;
	declare checkedInRuns: number;
	declare mismatches: string[];

	override kmallocImpl(size: number, purpose?: string, workload?: string): number {
		const expected = walkFromMain(liveHeaps(this), size).address;
		const address = super.kmallocImpl(size, purpose, workload);
		// No fit anywhere: the kernel expanded the heap first, a walk the hint never shortens.
		if (expected !== 0) {
			this.check(size, address, expected);
		}

		return address;
	}

	/** A run of kmallocs (PhysicalPages): each block where the walk puts it after the ones before it. */
	override kmallocRun(size: number, purpose: string | undefined, count: number, pointers: Uint32Array, at: number): number {
		const copies = liveHeaps(this).map((walked) => ({...walked, words: walked.words.slice()}));
		const placed = super.kmallocRun(size, purpose, count, pointers, at);
		for (let index = at; index < at + placed; index++) {
			const expected = walkFromMain(copies, size);
			this.check(size, pointers[index]!, expected.address);
			this.checkedInRuns = (this.checkedInRuns ?? 0) + 1;
			const chunks = chunksNeeded(size);
			for (let chunk = expected.first; chunk < expected.first + chunks; chunk++) {
				expected.heap!.words[chunk >>> 5]! |= 1 << (chunk & 31);
			}

			expected.heap!.freeChunks -= chunks;
		}

		return placed;
	}

	private check(size: number, address: number, expected: number): void {
		this.checked = (this.checked ?? 0) + 1;
		if (address !== expected) {
			(this.mismatches ??= []).push(`kmalloc(${size}) at ${address}, the walk says ${expected}`);
		}
	}
}

type Operation =
	| {kind: 'kmalloc'; size: number}
	| {kind: 'kfree'; pick: number}
	| {kind: 'krealloc'; pick: number; size: number}
	| {kind: 'region'; pages: number}
	| {kind: 'freeRegion'; pick: number};

const pick = fc.nat({max: 1_000_000});
const operation: fc.Arbitrary<Operation> = fc.oneof(
	{weight: 6, arbitrary: fc.record({kind: fc.constant('kmalloc' as const), size: fc.oneof(fc.integer({min: 0, max: 120}), fc.integer({min: 120, max: 6000}))})},
	{weight: 5, arbitrary: fc.record({kind: fc.constant('kfree' as const), pick})},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('krealloc' as const), pick, size: fc.integer({min: 0, max: 3000})})},
	{weight: 2, arbitrary: fc.record({kind: fc.constant('region' as const), pages: fc.integer({min: 1, max: 48})})},
	{weight: 2, arbitrary: fc.record({kind: fc.constant('freeRegion' as const), pick})},
);

const run = (operations: Operation[], prefill: boolean): CheckedKernel => {
	const kernel = new CheckedKernel({});
	// Empties the 16-byte slab (8,192 PhysicalPages): every page after it is a kmalloc(16).
	kernel.allocateKernelRegion(8192 * 4096, 'slab filler', 'allocate-now');
	if (prefill) {
		fillMainHeap(kernel, 40); // expansions, and subheaps that empty and go
	}

	const blocks: number[] = [];
	const regions: Region[] = [];
	const take = <T>(list: T[], index: number): T | undefined => (list.length === 0 ? undefined : list.splice(index % list.length, 1)[0]);
	try {
		for (const op of operations) {
			if (op.kind === 'kmalloc') {
				blocks.push(kernel.kmalloc(op.size));
			} else if (op.kind === 'kfree' || op.kind === 'krealloc') {
				const block = take(blocks, op.pick);
				if (block !== undefined && op.kind === 'kfree') {
					kernel.kfree(block);
				} else if (block !== undefined && op.kind === 'krealloc') {
					const moved = kernel.krealloc(block, op.size);
					if (moved !== 0) {
						blocks.push(moved);
					}
				}
			} else if (op.kind === 'region') {
				const region = kernel.allocateKernelRegion(op.pages * 4096, 'hinted', 'allocate-now');
				if (region) {
					regions.push(region);
				}
			} else {
				const region = take(regions, op.pick);
				if (region) {
					kernel.freeRegion(region);
				}
			}
		}
	} catch (error) {
		if (!isKernelHalt(error) || error.panic.kind !== 'oom') {
			throw error;
		}
	}

	return kernel;
};

describe('first-fit hints place every block where the walk from the main heap does', () => {
	for (const prefill of [false, true]) {
		it(prefill ? 'with the pool nearly full (expansions, removals)' : 'from a fresh boot', () => {
			let checked = 0;
			let runs = 0;
			fc.assert(
				fc.property(fc.array(operation, {minLength: 20, maxLength: 80}), (operations) => {
					const kernel = run(operations, prefill);
					expect(kernel.mismatches ?? []).toEqual([]);
					checked += kernel.checked ?? 0;
					runs += kernel.checkedInRuns ?? 0;
				}),
				{numRuns: 40, seed: prefill ? 14 : 7},
			);
			// Vacuous unless many blocks (PhysicalPages above all) went through the check, in runs too.
			expect(checked).toBeGreaterThan(10_000);
			expect(runs).toBeGreaterThan(5000);
		});
	}

	it('a run of PhysicalPage blocks after frees in the middle of the last one', () => {
		const kernel = run([], false);
		const first = kernel.allocateKernelRegion(64 * 4096, 'first', 'allocate-now')!;
		kernel.allocateKernelRegion(64 * 4096, 'second', 'allocate-now');
		kernel.freeRegion(first); // holes below the hint: the next pages must fill them first
		kernel.allocateKernelRegion(100 * 4096, 'third', 'allocate-now');
		expect(kernel.mismatches ?? []).toEqual([]);
		expect(kernel.checked).toBeGreaterThan(228);
	});
});

it('a subheap linked below the hinted one is searched first', () => {
	const heap = new ExpandableHeap(new HeapMemory(0xd000_0000, 33 * 64), {
		revision: getRevision('2021-02-23'),
		faults: {
			verify(site): never {
				throw new Error(site.expression);
			},
			fault(description): never {
				throw new Error(description);
			},
		},
		expand: {addMemory: () => false, removeMemory: () => false},
		onHang() {
			throw new Error('hang');
		},
	});
	const high = 0xd100_0000;
	const low = 0xd080_0000;
	heap.addSubheap(new HeapMemory(high, 33 * 256), high, 33 * 256);
	const sizeOf20 = 20 * 32 - 4;
	while (heap.allocate(sizeOf20) < high) {
		// fill the pool: the hint for 20 chunks moves up to the high subheap
	}

	heap.addSubheap(new HeapMemory(low, 33 * 256), low, 33 * 256);
	expect(heap.allocate(sizeOf20)).toBe(low + 32 + 4); // past the SubHeap header, chunk 0
});
