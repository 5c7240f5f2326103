import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {ChunkBitmap} from '../../source/kernel/bitmap.js';
import {literalFindBestFit, literalFindFirstFit} from '../reference/literal-bitmap-search.js';

const withFreeRuns = (size: number, runs: Array<[number, number]>): ChunkBitmap => {
	const bitmap = new ChunkBitmap(size);
	bitmap.setRange(0, size, true);
	for (const [start, end] of runs) {
		bitmap.setRange(start, end - start, false);
	}

	return bitmap;
};

describe('bitmap search (reference §1.4)', () => {
	it.each([
		{runs: [[0, 300], [400, 900]] as Array<[number, number]>, expected: 672},
		{runs: [[0, 300], [400, 600]] as Array<[number, number]>, expected: 400},
	])('best fit of 128 in free runs $runs lands at $expected (scenario 2)', ({runs, expected}) => {
		const bitmap = withFreeRuns(1024, runs);
		expect(literalFindBestFit(bitmap.words, 1024, 128)).toBe(expected);
		expect(bitmap.findBestFit(128)).toBe(expected);
	});

	it('first fit returns the lowest run, skipping short holes', () => {
		const bitmap = withFreeRuns(1024, [[3, 5], [40, 50], [64, 200]]);
		expect(bitmap.findFirstFit(2)).toBe(3);
		expect(bitmap.findFirstFit(3)).toBe(40);
		expect(bitmap.findFirstFit(11)).toBe(64);
		expect(bitmap.findFirstFit(137)).toBe(-1);
		expect(bitmap.longestFreeRun).toBe(136);
	});

	it('counts leftover bits past the last full word (63,550-chunk pool: 30 leftover bits)', () => {
		const bitmap = withFreeRuns(63_550, [[63_500, 63_550]]);
		expect(bitmap.findFirstFit(50)).toBe(63_500);
		expect(literalFindFirstFit(bitmap.words, 63_550, 50)).toBe(63_500);
		expect(bitmap.findFirstFit(51)).toBe(-1);
		expect(bitmap.longestFreeRun).toBe(50);
	});

	it('builds its search tree on the first search and drops it after a sweep with none', () => {
		const bitmap = withFreeRuns(4096, [[100, 700], [1000, 1200]]);
		expect(bitmap.hasTree).toBe(false);
		expect(bitmap.findFirstFit(300)).toBe(100);
		expect(bitmap.hasTree).toBe(true);
		expect(bitmap.dropTreeIfIdle()).toBe(false); // searched since the last sweep
		expect(bitmap.hasTree).toBe(true);
		bitmap.setRange(100, 550, true); // kept in step while it is built: [650, 700) and [1000, 1200) stay
		expect(bitmap.dropTreeIfIdle()).toBe(true);
		expect(bitmap.hasTree).toBe(false);
		bitmap.setRange(1100, 100, true); // words only: [650, 700) and [1000, 1100)
		expect(bitmap.longestFreeRun).toBe(100);
		expect(bitmap.findFirstFit(60)).toBe(1000);
		expect(bitmap.findBestFit(40)).toBe(literalFindBestFit(bitmap.words, 4096, 40));
	});

	const randomBitmap = fc
		.record({
			size: fc.integer({min: 1, max: 2200}),
			// After a piece, the search tree may be built (a search) or dropped (idle): the map is
			// set with and without a tree, and a tree built early is kept in step by setRange.
			pieces: fc.array(fc.tuple(fc.boolean(), fc.integer({min: 1, max: 400}), fc.constantFrom('none', 'search', 'drop')), {maxLength: 40}),
		})
		.map(({size, pieces}) => {
			const bitmap = new ChunkBitmap(size);
			let at = 0;
			for (const [set, length, tree] of pieces) {
				const clipped = Math.min(length, size - at);
				if (clipped <= 0) {
					break;
				}

				bitmap.setRange(at, clipped, set);
				at += clipped;
				if (tree === 'search') {
					bitmap.findFirstFit(size + 1);
				} else if (tree === 'drop') {
					bitmap.dropTreeIfIdle();
					bitmap.dropTreeIfIdle();
				}
			}

			return bitmap;
		});

	it('first fit matches the literal port on random maps', () => {
		fc.assert(
			fc.property(randomBitmap, fc.integer({min: 1, max: 300}), (bitmap, n) => {
				expect(bitmap.findFirstFit(n)).toBe(literalFindFirstFit(bitmap.words, bitmap.size, n));
			}),
			{numRuns: 3000},
		);
	});

	it('best fit matches the literal port on random maps, quirk included', () => {
		fc.assert(
			fc.property(randomBitmap, fc.integer({min: 32, max: 400}), (bitmap, n) => {
				expect(bitmap.findBestFit(n)).toBe(literalFindBestFit(bitmap.words, bitmap.size, n));
			}),
			{numRuns: 3000},
		);
	});

	it('keeps its longest run and set-bit count in step with the words', () => {
		fc.assert(
			fc.property(randomBitmap, (bitmap) => {
				let longest = 0;
				let run = 0;
				let set = 0;
				for (let i = 0; i < bitmap.size; i++) {
					if (bitmap.get(i)) {
						set++;
						run = 0;
					} else {
						longest = Math.max(longest, ++run);
					}
				}

				expect(bitmap.longestFreeRun).toBe(longest);
				expect(bitmap.countSet()).toBe(set);
			}),
			{numRuns: 1000},
		);
	});
});
