// Property tests over random sequences of kernel calls. The kernel's debug ASSERT (on in every
// test) checks after each call that no two live blocks overlap, that every live block lies in
// exactly one linked subheap, that allocated chunks equal set bits, that memstat equals the
// sum over subheaps plus the backup, that subheaps are sorted with the pool first, and that
// physical pages balance. Any broken invariant halts the kernel with kind 'verify'.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {BEST_FIT_THRESHOLD} from '../../source/kernel/constants.js';
import {Heap, chunksNeeded} from '../../source/kernel/heap.js';
import {HeapMemory} from '../../source/kernel/heap-memory.js';
import {checkInvariants} from '../../source/kernel/invariants.js';
import {isKernelHalt} from '../../source/kernel/panic.js';
import type {Region} from '../../source/kernel/region.js';
import {literalFindBestFit, literalFindFirstFit} from '../reference/literal-bitmap-search.js';
import {boot, fillMainHeap} from './helpers.js';

type Operation =
	| {kind: 'kmalloc'; size: number}
	| {kind: 'kfree'; pick: number}
	| {kind: 'krealloc'; pick: number; size: number}
	| {kind: 'region'; pages: number; reserve: boolean}
	| {kind: 'freeRegion'; pick: number}
	| {kind: 'log'; length: number}
	| {kind: 'locked'; operations: Operation[]};

const size = fc.oneof(
	{weight: 6, arbitrary: fc.integer({min: 0, max: 200})},
	{weight: 3, arbitrary: fc.integer({min: 200, max: 8000})},
	{weight: 1, arbitrary: fc.integer({min: 8000, max: 1_200_000})},
);
const pick = fc.nat({max: 1_000_000});

const simple: fc.Arbitrary<Operation> = fc.oneof(
	{weight: 8, arbitrary: fc.record({kind: fc.constant('kmalloc' as const), size})},
	{weight: 6, arbitrary: fc.record({kind: fc.constant('kfree' as const), pick})},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('krealloc' as const), pick, size})},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('region' as const), pages: fc.integer({min: 1, max: 400}), reserve: fc.boolean()})},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('freeRegion' as const), pick})},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('log' as const), length: fc.integer({min: 10, max: 300})})},
);
const operation: fc.Arbitrary<Operation> = fc.oneof(
	{weight: 12, arbitrary: simple},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('locked' as const), operations: fc.array(simple, {maxLength: 6})})},
);

const run = (operations: Operation[], prefill: boolean) => {
	const {kernel} = boot();
	if (prefill) {
		fillMainHeap(kernel, 40); // every few calls now expand, and subheaps empty and go
	}

	const blocks: number[] = [];
	const regions: Region[] = [];
	const take = <T>(list: T[], index: number): T | undefined =>
		list.length === 0 ? undefined : list.splice(index % list.length, 1)[0];
	const apply = (op: Operation): void => {
		switch (op.kind) {
			case 'kmalloc': {
				blocks.push(kernel.kmalloc(op.size));
				break;
			}

			case 'kfree': {
				const block = take(blocks, op.pick);
				if (block !== undefined) {
					kernel.kfree(block);
				}

				break;
			}

			case 'krealloc': {
				const block = take(blocks, op.pick);
				if (block !== undefined) {
					const moved = kernel.krealloc(block, op.size);
					if (moved !== 0) {
						blocks.push(moved);
					}
				}

				break;
			}

			case 'region': {
				const region = kernel.allocateKernelRegion(op.pages * 4096, 'prop', op.reserve ? 'reserve' : 'allocate-now');
				if (region) {
					regions.push(region);
				}

				break;
			}

			case 'freeRegion': {
				const region = take(regions, op.pick);
				if (region) {
					kernel.freeRegion(region);
				}

				break;
			}

			case 'log': {
				kernel.log('x'.repeat(op.length), 'WindowServer(14:14)');
				break;
			}

			case 'locked': {
				kernel.withLock(() => {
					for (const inner of op.operations) {
						apply(inner);
					}
				});
				break;
			}
		}
	};

	try {
		for (const op of operations) {
			apply(op);
		}
	} catch (error) {
		// Running out of memory is a legitimate end (an expansion inside a locked section);
		// a broken invariant or a VERIFY is not.
		if (!isKernelHalt(error) || error.panic.kind !== 'oom') {
			throw error;
		}
	}

	if (!kernel.halted) {
		expect(checkInvariants(kernel)).toBeUndefined();
	}

	return kernel;
};

describe('kernel invariants hold over random call sequences', () => {
	it('from a fresh boot', () => {
		fc.assert(
			fc.property(fc.array(operation, {maxLength: 60}), (operations) => {
				run(operations, false);
			}),
			{numRuns: 150},
		);
	});

	it('with the pool nearly full, so expansions, removals and recycled backups happen', () => {
		let expansions = 0;
		let removals = 0;
		fc.assert(
			fc.property(fc.array(operation, {minLength: 40, maxLength: 120}), (operations) => {
				const kernel = run(operations, true);
				expansions += kernel.global.counts.consumed;
				removals += kernel.global.book.retiredSubheaps.length;
			}),
			{numRuns: 150},
		);
		// The property would be vacuous if the sequences never reached the interesting paths.
		expect(expansions).toBeGreaterThan(100);
		expect(removals).toBeGreaterThan(20);
	});
});

describe('fast placement equals the literal §1.4 search on long random sequences', () => {
	it('every allocation of 5,000-step random sequences lands where the literal port says', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.boolean(), fc.oneof(fc.integer({min: 0, max: 300}), fc.integer({min: 300, max: 40_000})), pick), {
					minLength: 2000,
					maxLength: 5000,
				}),
				(steps) => {
					const chunks = 20_003; // leftover bits past the last full word, as in real heaps
					const heap = new Heap(new HeapMemory(0xd000_0000, chunks * 33), 0xd000_0000, chunks * 33, {
						verify(site): never {
							throw new Error(site.expression);
						},
						fault(description): never {
							throw new Error(description);
						},
					});
					const live: number[] = [];
					for (const [allocate, bytes, index] of steps) {
						if (allocate || live.length === 0) {
							const needed = chunksNeeded(bytes);
							const words = heap.bitmap.words;
							const expected =
								needed > heap.freeChunks
									? -1
									: needed < BEST_FIT_THRESHOLD
										? literalFindFirstFit(words, chunks, needed)
										: literalFindBestFit(words, chunks, needed);
							const address = heap.allocate(bytes);
							expect(address === 0 ? -1 : (address - 4 - heap.chunkBase) / 32).toBe(expected);
							if (address !== 0) {
								live.push(address);
							}
						} else {
							heap.deallocate(live.splice(index % live.length, 1)[0]!);
						}
					}
				},
			),
			{numRuns: 20},
		);
	});
});
