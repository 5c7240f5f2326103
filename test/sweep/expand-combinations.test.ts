import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
	combinationAt,
	countCombinations,
	countShard,
	formatSeeds,
	listCombinations,
	normalizeSeeds,
	type SeedRange,
	type SweepSpace,
} from '../../source/sweep/expand-combinations.js';

const space = (changes: Partial<SweepSpace> = {}): SweepSpace => ({
	workloads: [
		{name: 'steady', source: {kind: 'builtin', name: 'steady'}},
		{name: 'mine', source: {kind: 'path', path: '/x/mine.js'}},
	],
	revisions: ['2020-12-31', '2021-02-23'],
	ramBytes: [256, 512],
	seeds: [[1, 2], [7, 7]],
	ticks: 800,
	debugAsserts: false,
	tickTimeoutMs: 5000,
	...changes,
});

const brief = (combination: ReturnType<typeof combinationAt>) =>
	`${combination.workload} ${combination.revision} ${combination.ramBytes} ${combination.seed}`;

describe('normalizeSeeds and formatSeeds', () => {
	it.each<[SeedRange[], SeedRange[], string]>([
		[[[5, 9], [1, 3], [4, 4]], [[1, 9]], '1..9'],
		[[[1, 1], [5, 5], [9, 9]], [[1, 1], [5, 5], [9, 9]], '1,5,9'],
		[[[1, 10], [3, 4], [12, 13]], [[1, 10], [12, 13]], '1..10,12,13'],
		[[[-3, -1], [0, 0]], [[-3, 0]], '-3..0'],
		[[], [], ''],
	])('%j', (ranges, normalized, text) => {
		expect(normalizeSeeds(ranges)).toEqual(normalized);
		expect(formatSeeds(normalized)).toBe(text);
	});
});

describe('listCombinations', () => {
	it('seeds fastest, then RAM, revision, workload: the canonical order', () => {
		expect(listCombinations(space()).map((combination) => brief(combination))).toEqual([
			'steady 2020-12-31 256 1', 'steady 2020-12-31 256 2', 'steady 2020-12-31 256 7',
			'steady 2020-12-31 512 1', 'steady 2020-12-31 512 2', 'steady 2020-12-31 512 7',
			'steady 2021-02-23 256 1', 'steady 2021-02-23 256 2', 'steady 2021-02-23 256 7',
			'steady 2021-02-23 512 1', 'steady 2021-02-23 512 2', 'steady 2021-02-23 512 7',
			'mine 2020-12-31 256 1', 'mine 2020-12-31 256 2', 'mine 2020-12-31 256 7',
			'mine 2020-12-31 512 1', 'mine 2020-12-31 512 2', 'mine 2020-12-31 512 7',
			'mine 2021-02-23 256 1', 'mine 2021-02-23 256 2', 'mine 2021-02-23 256 7',
			'mine 2021-02-23 512 1', 'mine 2021-02-23 512 2', 'mine 2021-02-23 512 7',
		]);
		expect(listCombinations(space())[13]).toEqual({
			workload: 'mine',
			source: {kind: 'path', path: '/x/mine.js'},
			revision: '2020-12-31',
			seed: 2,
			ramBytes: 256,
			ticks: 800,
			debugAsserts: false,
			tickTimeoutMs: 5000,
		});
	});

	it('shard K of N takes every N-th run from the (K-1)-th', () => {
		const names = (index: number, count: number) => listCombinations(space(), {index, count}).map((combination) => brief(combination));
		// Runs 1, 11 and 21 of the list above.
		expect(names(2, 10)).toEqual(['steady 2020-12-31 256 2', 'steady 2021-02-23 512 7', 'mine 2021-02-23 512 1']);
		expect(names(1, 1)).toEqual(listCombinations(space()).map((combination) => brief(combination)));
		expect(names(25, 30)).toEqual([]);
		expect(names(3, 3).length).toBe(8);
	});

	it('a hundred million seeds: shard 7 of 1000 is worked out without listing the others', () => {
		const huge = space({workloads: [space().workloads[0]!], revisions: ['2021-02-23'], ramBytes: [512], seeds: [[1, 100_000_000]]});
		const shard = listCombinations(huge, {index: 7, count: 1000});
		expect(shard).toHaveLength(100_000);
		expect([shard[0]!.seed, shard[1]!.seed, shard.at(-1)!.seed]).toEqual([7, 1007, 99_999_007]);
	});

	it('shards are disjoint, together the whole sweep in order, and differ in size by at most one', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.integer({min: -50, max: 50}), fc.nat({max: 20})), {minLength: 1, maxLength: 4}),
				fc.integer({min: 1, max: 3}),
				fc.integer({min: 1, max: 40}),
				(seedSpans, ramCount, count) => {
					const sweep = space({
						seeds: normalizeSeeds(seedSpans.map(([first, span]) => [first, first + span])),
						ramBytes: [256, 512, 1024].slice(0, ramCount),
					});
					const whole = listCombinations(sweep).map((combination) => brief(combination));
					const shards = Array.from({length: count}, (_, index) => listCombinations(sweep, {index: index + 1, count}));
					const sizes = shards.map((shard) => shard.length);
					expect(sizes).toEqual(sizes.map((_, index) => countShard(whole.length, {index: index + 1, count})));
					expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
					expect(whole.length).toBe(countCombinations(sweep));
					// Interleaved back, the shards are the whole sweep, each run once.
					const merged = whole.map((_, index) => brief(shards[index % count]![Math.floor(index / count)]!));
					expect(merged).toEqual(whole);
				},
			),
		);
	});
});
