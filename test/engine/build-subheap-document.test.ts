// The subheap document against the kernel it was read from: the bitmap word for word, the blocks
// against the debug ledger of every live kmalloc, the free runs against a bit-by-bit count.
import {describe, expect, it} from 'vitest';
import {buildSnapshot} from '../../source/engine/build-snapshot.js';
import {blockStartingAt, buildSubheapDocument, linkedSubheapIds, type SubheapDocument} from '../../source/engine/build-subheap-document.js';
import {measureFreeRuns} from '../../source/engine/measure-free-runs.js';
import {PlacementTrackingKernel, RECENT_PLACEMENTS} from '../../source/engine/track-placements.js';
import {loadBuiltinWorkload} from '../../source/engine/workload-loader.js';
import type {Kernel} from '../../source/kernel/kernel.js';
import {simulate} from './helpers.js';

const bit = (words: Uint32Array, index: number): boolean => (words[index >>> 5]! & (1 << (index & 31))) !== 0;

/** Free runs the slow way: bit by bit. */
const naiveRuns = (words: Uint32Array, size: number): number[] => {
	const runs: number[] = [];
	let run = 0;
	for (let index = 0; index <= size; index++) {
		if (index < size && !bit(words, index)) {
			run++;
		} else if (run > 0) {
			runs.push(run);
			run = 0;
		}
	}

	return runs;
};

const chunkOf = (document: SubheapDocument, address: number): number => (address - 4 - document.chunkBase) / 32;

/** Every live kmalloc in subheap `document`, from the kernel's debug ledger: [first chunk, chunks]. */
const ledgerBlocks = (kernel: Kernel, document: SubheapDocument): Array<[number, number]> =>
	[...kernel.liveBlocks]
		.map(([address, chunks]): [number, number] => [chunkOf(document, address), chunks])
		.filter(([chunk]) => chunk >= 0 && chunk < document.totalChunks)
		.sort((a, b) => a[0] - b[0]);

describe('buildSubheapDocument', () => {
	it.each([
		['fragmentation', 1500, 1],
		['vmobject-churn', 200, 1],
		['logging-burst', 800, 1],
		['big-allocations', 300, 9],
	])('%s, %i ticks with debug asserts: each of the %i linked subheaps, bitmap and blocks exact', async (name, ticks, linked) => {
		const simulation = simulate(await loadBuiltinWorkload(name), {debugAsserts: true});
		simulation.step(ticks);
		const {kernel} = simulation;
		const subheaps = [...kernel.heap.subheaps()];
		expect(subheaps).toHaveLength(linked);
		expect(linkedSubheapIds(kernel)).toEqual(subheaps.map((subheap) => kernel.global.book.label(subheap).id));
		for (const [index, id] of linkedSubheapIds(kernel).entries()) {
			const {heap, base} = subheaps[index]!;
			const document = buildSubheapDocument(kernel, id)!;
			expect(document.id).toBe(id);
			expect(document.base).toBe(base);
			expect(document.chunkBase).toBe(heap.chunkBase);
			expect(document.totalChunks).toBe(heap.totalChunks);
			expect(document.allocatedChunks).toBe(heap.allocatedChunks);
			expect([...document.bitmap]).toEqual([...heap.bitmap.words]);
			expect(document.bitmap).not.toBe(heap.bitmap.words);
			const blocks = [...document.blocks.firstChunk].map((chunk, block): [number, number] => [chunk, document.blocks.chunkCount[block]!]);
			expect(blocks).toEqual(ledgerBlocks(kernel, document));
			expect(document.strayChunks).toBe(0);
			expect(blocks.reduce((sum, [, chunks]) => sum + chunks, 0)).toBe(heap.allocatedChunks);
			const runs = naiveRuns(heap.bitmap.words, heap.totalChunks);
			expect(document.freeChunks).toBe(heap.freeChunks);
			expect(document.freeRuns.reduce((sum, bucket) => sum + bucket.bytes, 0)).toBe(heap.freeChunks * 32);
			expect(document.freeRuns.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(runs.length);
			for (const bucket of document.freeRuns) {
				const inBucket = runs.filter((run) => run >= bucket.minChunks && run <= bucket.maxChunks);
				expect(bucket.count).toBe(inBucket.length);
				expect(bucket.bytes).toBe(inBucket.reduce((sum, run) => sum + run, 0) * 32);
			}

			const largest = Math.max(0, ...runs);
			expect(document.largestFreeRunChunks).toBe(largest);
			expect(document.largestFreeRunChunks).toBe(Math.min(heap.bitmap.longestFreeRun, heap.freeChunks));
			expect(document.fragmentationIndex).toBe(heap.freeChunks === 0 ? null : 1 - largest / heap.freeChunks);
			// The snapshot's row says the same.
			expect(buildSnapshot(simulation).subheaps[index]).toMatchObject({id, freeRuns: document.freeRuns, fragmentationIndex: document.fragmentationIndex});
		}
	});

	it('changes nothing in the kernel, and the copy is its own', async () => {
		const simulation = simulate(await loadBuiltinWorkload('fragmentation'));
		simulation.step(500);
		const heap = simulation.kernel.heap.main.heap;
		const words = [...heap.bitmap.words];
		const before = {calls: simulation.kernel.kmallocCalls, allocated: heap.allocatedChunks, longest: heap.bitmap.longestFreeRun};
		const document = buildSubheapDocument(simulation.kernel, 0)!;
		document.bitmap.fill(0xffff_ffff);
		expect([...heap.bitmap.words]).toEqual(words);
		expect({calls: simulation.kernel.kmallocCalls, allocated: heap.allocatedChunks, longest: heap.bitmap.longestFreeRun}).toEqual(before);
	});

	it('is undefined for an id no linked subheap has', async () => {
		const simulation = simulate(await loadBuiltinWorkload('steady'));
		expect(linkedSubheapIds(simulation.kernel)).toEqual([0]);
		expect(buildSubheapDocument(simulation.kernel, 1)).toBeUndefined();
		expect(buildSubheapDocument(simulation.kernel, -1)).toBeUndefined();
	});

	it('marks the latest live block placed in the subheap, back to the one before when it is freed', () => {
		const kernel = new PlacementTrackingKernel();
		const first = kernel.kmalloc(1000);
		const second = kernel.kmalloc(200);
		let document = buildSubheapDocument(kernel, 0)!;
		expect(document.lastPlacedChunk).toBe(chunkOf(document, second));
		expect(document.blocks.chunkCount[blockStartingAt(document.blocks, document.lastPlacedChunk)]).toBe(7); // (200 + 4 + 31) / 32
		kernel.kfree(second);
		document = buildSubheapDocument(kernel, 0)!;
		expect(document.lastPlacedChunk).toBe(chunkOf(document, first));
		const moved = kernel.krealloc(first, 5000);
		document = buildSubheapDocument(kernel, 0)!;
		expect(moved).not.toBe(first);
		expect(document.lastPlacedChunk).toBe(chunkOf(document, moved));
	});

	it('forgets a placement once 1,024 newer ones were made and none of them is still live there', () => {
		const kernel = new PlacementTrackingKernel();
		const kept = kernel.kmalloc(64);
		for (let index = 0; index < RECENT_PLACEMENTS; index++) {
			kernel.kfree(kernel.kmalloc(64));
		}

		expect(buildSubheapDocument(kernel, 0)!.lastPlacedChunk).toBe(-1);
		kernel.kfree(kept);
	});

	it('takes holder ids from holderOf when given, -1 where it does not know; from the kernel book otherwise', () => {
		const kernel = new PlacementTrackingKernel();
		const a = kernel.kmalloc(100);
		const b = kernel.kmalloc(100);
		const holders = new Map([[a, 7]]);
		const document = buildSubheapDocument(kernel, 0, {holderOf: (address) => holders.get(address)})!;
		const ids = new Map([...document.blocks.firstChunk].map((chunk, block) => [document.chunkBase + chunk * 32 + 4, document.blocks.holderId![block]]));
		expect(ids.get(a)).toBe(7);
		expect(ids.get(b)).toBe(-1);
		// Both were kmalloc'd in kernel context for no purpose: one holder, the kernel's id for it.
		const booked = buildSubheapDocument(kernel, 0)!;
		const bookedIds = new Map([...booked.blocks.firstChunk].map((chunk, block) => [booked.chunkBase + chunk * 32 + 4, booked.blocks.holderId![block]]));
		const plain = kernel.holders.idFor(undefined, undefined, undefined);
		expect(plain).toBeGreaterThan(2);
		expect([bookedIds.get(a), bookedIds.get(b)]).toEqual([plain, plain]);
	});

	it('names its holders as the kernel knew them at its tick, though the kernel gives a retired id to a new holder later', () => {
		const kernel = new PlacementTrackingKernel();
		kernel.now = 1;
		const block = kernel.asProcess('cat(40:40)', () => kernel.kmalloc(100, 'buffer', 'first'));
		const document = buildSubheapDocument(kernel, 0)!;
		const catId = document.blocks.holderId![blockStartingAt(document.blocks, chunkOf(document, block))]!;
		expect(document.blocks.holders!.find((holder) => holder.id === catId)).toEqual({id: catId, process: 'cat(40:40)', purpose: 'buffer', workload: 'first'});
		// cat frees its block and is idle past the sweep of tick 2,000: its id goes to ls.
		kernel.kfree(block);
		kernel.now = 2000;
		const next = kernel.asProcess('ls(41:41)', () => kernel.kmalloc(100, 'dirent', 'first'));
		const later = buildSubheapDocument(kernel, 0)!;
		expect(later.blocks.holderId![blockStartingAt(later.blocks, chunkOf(later, next))]).toBe(catId);
		expect(later.blocks.holders!.find((holder) => holder.id === catId)).toEqual({id: catId, process: 'ls(41:41)', purpose: 'dirent', workload: 'first'});
		// The first document still says cat: its names are its own.
		expect(document.blocks.holders!.find((holder) => holder.id === catId)!.process).toBe('cat(40:40)');
		// With holder ids from elsewhere, the kernel's names do not apply.
		expect(buildSubheapDocument(kernel, 0, {holderOf: () => catId})!.blocks.holders).toBeUndefined();
	});

	it('counts set bits without a block header as stray (an orphan, or a bitmap read from old memory)', () => {
		const kernel = new PlacementTrackingKernel();
		const heap = kernel.heap.main.heap;
		const before = buildSubheapDocument(kernel, 0)!;
		// What §5.5 leaves behind, made by hand: bits set in the bitmap, no allocation counted.
		heap.bitmap.setRange(63_000, 5, true);
		const document = buildSubheapDocument(kernel, 0)!;
		expect(document.strayChunks).toBe(5);
		expect(document.freeChunks).toBe(before.freeChunks - 5);
		expect(document.allocatedChunks).toBe(before.allocatedChunks);
		expect(document.blocks.firstChunk).toEqual(before.blocks.firstChunk);
	});
});

describe('measureFreeRuns', () => {
	const words = (size: number, allocated: Array<[number, number]>): Uint32Array => {
		const result = new Uint32Array(Math.ceil(size / 32));
		for (const [start, end] of allocated) {
			for (let index = start; index < end; index++) {
				result[index >>> 5]! |= 1 << (index & 31);
			}
		}

		return result;
	};

	it.each([
		{size: 100, allocated: [] as Array<[number, number]>, buckets: [0, 0, 0, 0, 0, 0, 1], largest: 100, start: 0, index: 0},
		{size: 100, allocated: [[0, 100]] as Array<[number, number]>, buckets: [], largest: 0, start: -1, index: null},
		// Free: [0,1) [2,4) [5,9) [10,26) [27,100): runs of 1, 2, 4, 16, 73.
		{size: 100, allocated: [[1, 2], [4, 5], [9, 10], [26, 27]] as Array<[number, number]>, buckets: [1, 1, 1, 0, 1, 0, 1], largest: 73, start: 27, index: 1 - 73 / 96},
		// Bits past the end are not chunks, set or not: 40 chunks, the last word's high bits set.
		{size: 40, allocated: [[40, 64]] as Array<[number, number]>, buckets: [0, 0, 0, 0, 0, 1], largest: 40, start: 0, index: 0},
		// Two equal largest runs: the lower one.
		{size: 64, allocated: [[10, 54]] as Array<[number, number]>, buckets: [0, 0, 0, 2], largest: 10, start: 0, index: 0.5},
	])('$size chunks, allocated $allocated', ({size, allocated, buckets, largest, start, index}) => {
		const runs = measureFreeRuns(words(size, allocated), size);
		expect(runs.buckets.map((bucket) => bucket.count)).toEqual(buckets);
		expect(runs.buckets.map((bucket) => [bucket.minChunks, bucket.maxChunks])).toEqual(buckets.map((_, k) => [2 ** k, 2 ** (k + 1) - 1]));
		expect(runs.largestRunChunks).toBe(largest);
		expect(runs.largestRunStart).toBe(start);
		expect(runs.fragmentationIndex).toBe(index);
		expect(runs.buckets.reduce((sum, bucket) => sum + bucket.bytes, 0)).toBe(runs.freeChunks * 32);
	});
});
