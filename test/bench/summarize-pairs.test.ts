// The sweep line's A/B (measure-sweep.ts): alternating pairs, their median ratio and spread.
import {describe, expect, it} from 'vitest';
import {median, planAlternatingPairs, summarizePairs} from '../../bench/summarize-pairs.js';

describe('planAlternatingPairs', () => {
	it.each([
		[1, ['a', 'b']],
		[2, ['a', 'b', 'b', 'a']],
		[3, ['a', 'b', 'b', 'a', 'a', 'b']],
		[4, ['a', 'b', 'b', 'a', 'a', 'b', 'b', 'a']],
	])('%i pairs run in the order %j', (pairs, order) => {
		expect(planAlternatingPairs(pairs)).toEqual(order);
	});
});

describe('median', () => {
	it.each([
		[[3], 3],
		[[4, 1, 3], 3],
		[[4, 1, 3, 2], 2.5],
		[[2, 2, 9, 1, 2], 2],
	])('of %j is %d', (values, middle) => {
		expect(median(values)).toBe(middle);
	});
});

describe('summarizePairs', () => {
	it.each([
		{
			// The second pair's --jobs 1 was slowed by the machine: its ratio is the outlier.
			name: 'one slow pair',
			pairs: [{a: 3.2, b: 2}, {a: 4, b: 2}, {a: 3, b: 2}],
			expected: {pairs: 3, ratio: 1.6, ratioMin: 1.5, ratioMax: 2, aMedian: 3.2, bMedian: 2},
		},
		{
			// Not the ratio of the medians (3 / 1): the median of each pair's own ratio.
			name: 'drift over the pairs',
			pairs: [{a: 2, b: 1}, {a: 3, b: 1}, {a: 4, b: 5}],
			expected: {pairs: 3, ratio: 2, ratioMin: 0.8, ratioMax: 3, aMedian: 3, bMedian: 1},
		},
		{
			name: 'an even number of pairs',
			pairs: [{a: 4, b: 2}, {a: 3, b: 2}, {a: 6, b: 2}, {a: 2, b: 2}],
			expected: {pairs: 4, ratio: 1.75, ratioMin: 1, ratioMax: 3, aMedian: 3.5, bMedian: 2},
		},
	])('$name', ({pairs, expected}) => {
		expect(summarizePairs(pairs)).toEqual(expected);
	});

	it('refuses no pairs at all', () => {
		expect(() => summarizePairs([])).toThrow('at least one pair');
	});
});
