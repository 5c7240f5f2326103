// "Will it fit" must say exactly what kmalloc then does: asked first, then the kmalloc is made
// and the address compared; and it must agree with the literal port of the kernel's search.
import fc from 'fast-check';
import {beforeAll, describe, expect, it} from 'vitest';
import {buildSnapshot} from '../../source/engine/build-snapshot.js';
import {buildSubheapDocument, linkedSubheapIds, type SubheapDocument} from '../../source/engine/build-subheap-document.js';
import {measureFreeRuns} from '../../source/engine/measure-free-runs.js';
import type {Simulation} from '../../source/engine/simulation.js';
import {PlacementTrackingKernel} from '../../source/engine/track-placements.js';
import {firstSubheapThatFits, willItFit, type FitAnswer} from '../../source/engine/will-it-fit.js';
import {loadBuiltinWorkload} from '../../source/engine/workload-loader.js';
import {literalFindBestFit, literalFindFirstFit} from '../reference/literal-bitmap-search.js';
import {simulate} from './helpers.js';

/** A subheap document over a bitmap with these free runs (all else allocated), at 0xd0000000. */
const documentWithFreeRuns = (size: number, free: Array<[number, number]>): SubheapDocument => {
	const bitmap = new Uint32Array(Math.ceil(size / 32)).fill(0xffff_ffff);
	for (const [start, end] of free) {
		for (let index = start; index < end; index++) {
			bitmap[index >>> 5]! &= ~(1 << (index & 31));
		}
	}

	const runs = measureFreeRuns(bitmap, size);
	return {
		id: 5,
		origin: 'region',
		tick: 0,
		base: 0xd000_0000 - 32,
		chunkBase: 0xd000_0000,
		chunkSize: 32,
		totalChunks: size,
		allocatedChunks: size - runs.freeChunks,
		mapped: true,
		bitmap,
		blocks: {firstChunk: new Uint32Array(0), chunkCount: new Uint32Array(0)},
		strayChunks: 0,
		lastPlacedChunk: -1,
		freeChunks: runs.freeChunks,
		largestFreeRunChunks: runs.largestRunChunks,
		largestFreeRunStart: runs.largestRunStart,
		freeRuns: runs.buckets,
		fragmentationIndex: runs.fragmentationIndex,
	};
};

const placed = (answer: FitAnswer) => (answer.fits ? {strategy: answer.strategy, chunk: answer.firstChunk, address: answer.address} : {reason: answer.reason});

describe('willItFit on a bitmap of known runs', () => {
	it.each([
		// Reference §1.4: best fit of 128 in free runs [0,300) and [400,900) lands at 672, not 0.
		{free: [[0, 300], [400, 900]], bytes: 128 * 32 - 4, expected: {strategy: 'best-fit', chunk: 672, address: 0xd000_0000 + 672 * 32 + 4}},
		{free: [[0, 300], [400, 600]], bytes: 128 * 32 - 4, expected: {strategy: 'best-fit', chunk: 400, address: 0xd000_0000 + 400 * 32 + 4}},
		// 127 chunks is still first fit: the lowest run that is long enough.
		{free: [[0, 300], [400, 900]], bytes: 127 * 32 - 4, expected: {strategy: 'first-fit', chunk: 0, address: 0xd000_0004}},
		{free: [[10, 12], [20, 30]], bytes: 60, expected: {strategy: 'first-fit', chunk: 10, address: 0xd000_0000 + 10 * 32 + 4}},
		{free: [[10, 12], [20, 30]], bytes: 61, expected: {strategy: 'first-fit', chunk: 20, address: 0xd000_0000 + 20 * 32 + 4}},
	] as Array<{free: Array<[number, number]>; bytes: number; expected: object}>)('$bytes bytes in free runs $free', ({free, bytes, expected}) => {
		const document = documentWithFreeRuns(1024, free);
		const answer = willItFit(document, bytes);
		expect(placed(answer)).toEqual(expected);
		const literal = answer.strategy === 'first-fit' ? literalFindFirstFit : literalFindBestFit;
		expect(answer.fits && answer.firstChunk).toBe(literal(document.bitmap, 1024, answer.chunks));
	});

	it.each([
		{bytes: 1024 * 32, reason: 'larger-than-subheap', chunks: 1025},
		{bytes: 810 * 32, reason: 'not-enough-free', chunks: 811},
		{bytes: 600 * 32, reason: 'no-run-long-enough', chunks: 601},
		// size + 4 + 31 wraps to under 32 in 32-bit arithmetic: 0 chunks.
		{bytes: 0xffff_ffe1, reason: 'size-wraps', chunks: 0},
		{bytes: 0xffff_fffc, reason: 'size-wraps', chunks: 0},
	])('$bytes bytes: $reason', ({bytes, reason, chunks}) => {
		const answer = willItFit(documentWithFreeRuns(1024, [[0, 300], [400, 900]]), bytes);
		expect(answer).toMatchObject({fits: false, reason, bytes, chunks, totalChunks: 1024, freeChunks: 800, largestFreeRunChunks: 500});
	});

	it('refuses what is not a request size', () => {
		const document = documentWithFreeRuns(64, []);
		expect(() => willItFit(document, -1)).toThrow(RangeError);
		expect(() => willItFit(document, 1.5)).toThrow(RangeError);
		expect(() => willItFit(document, 2 ** 32)).toThrow('a request is 0 to 4294967295 bytes, got 4294967296');
	});
});

describe('willItFit against the kernel', () => {
	it('kmalloc(0xffffffff) wraps to 1 chunk and lands where it says; kmalloc(0xfffffffc) wraps to 0 and faults', () => {
		const kernel = new PlacementTrackingKernel();
		const answer = willItFit(buildSubheapDocument(kernel, 0)!, 0xffff_ffff);
		expect(answer.fits && answer.chunks).toBe(1);
		expect(kernel.kmalloc(0xffff_ffff)).toBe(answer.fits && answer.address);
		expect(willItFit(buildSubheapDocument(kernel, 0)!, 0xffff_fffc)).toMatchObject({fits: false, reason: 'size-wraps'});
		expect(() => kernel.kmalloc(0xffff_fffc)).toThrow();
		expect(kernel.panic?.lines.join('\n')).toContain('memset of 4294967292 bytes');
	});

	const states: Array<[string, number]> = [
		['vmobject-churn', 3000],
		['fragmentation', 2000],
		['big-allocations', 300],
		['logging-burst', 800],
	];
	const simulations: Simulation[] = [];
	beforeAll(async () => {
		for (const [name, ticks] of states) {
			const simulation = simulate(await loadBuiltinWorkload(name));
			simulation.step(ticks);
			simulations.push(simulation);
		}
	});

	it('asked first, then kmalloc: the subheap that fits first gets the block at the very address said', () => {
		let landed = 0;
		let expanded = 0;
		let bestFits = 0;
		fc.assert(
			fc.property(
				fc.integer({min: 0, max: states.length - 1}),
				fc.oneof(fc.integer({min: 0, max: 4060}), fc.integer({min: 4061, max: 400_000})),
				fc.boolean(),
				(state, bytes, keep) => {
					const simulation = simulations[state]!;
					const {kernel} = simulation;
					const documents = linkedSubheapIds(kernel).map((id) => buildSubheapDocument(kernel, id)!);
					const answers = documents.map((document) => willItFit(document, bytes));
					for (const [index, answer] of answers.entries()) {
						const literal = answer.strategy === 'first-fit' ? literalFindFirstFit : literalFindBestFit;
						const search = answer.fits ? answer.firstChunk : answer.reason === 'no-run-long-enough' ? -1 : undefined;
						if (search !== undefined) {
							expect(search).toBe(literal(documents[index]!.bitmap, documents[index]!.totalChunks, answer.chunks));
						}
					}

					const taker = answers.findIndex((answer) => answer.fits);
					expect(firstSubheapThatFits(buildSnapshot(simulation).subheaps, bytes)).toBe(taker < 0 ? undefined : documents[taker]!.id);
					const address = kernel.kmalloc(bytes);
					const answer = answers[taker];
					if (answer?.fits) {
						expect(address).toBe(answer.address);
						landed++;
						bestFits += answer.strategy === 'best-fit' ? 1 : 0;
					} else {
						// Nothing fits anywhere: the heap expands, and the block lands in none of them.
						expect(documents.some((document) => address >= document.chunkBase && address < document.chunkBase + document.totalChunks * 32)).toBe(false);
						expanded++;
					}

					if (!keep) {
						kernel.kfree(address);
					}
				},
			),
			{numRuns: 300, seed: 15},
		);
		expect(landed).toBeGreaterThan(100);
		expect(bestFits).toBeGreaterThan(50);
		expect(expanded).toBeGreaterThan(0);
	});
});
