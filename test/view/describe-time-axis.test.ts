// The graphs' time axis: which labels fit where, exactly as drawn (the last cell's always, the
// first cell at or after tick 0's and the middle one's when they leave a rule cell beside every
// other label), and the frame edge it is laid into.

import {describe, expect, test} from 'vitest';
import {axisBorder, describeTimeAxis, type AxisSpan} from '../../source/view/describe-time-axis.js';

const span = (width: number, firstTick: number, perCell: number, start = 2): AxisSpan => ({start, width, firstTick, perCell});

describe('describeTimeAxis', () => {
	test.each([
		['three labels', span(40, 45_000, 125), ' t45,000 ────── t47,375 ─────── t49,875 '],
		['a young run: the first label at tick 0, the middle one too close to the last', span(40, -2000, 100), '──────────────────── t0 ──────── t1,900 '],
		['first and last, the middle one too close to both', span(20, 1000, 10), ' t1,000 ──── t1,190 '],
		['the last only', span(12, 1000, 10), '──── t1,110 '],
		['a graph younger than its width: the last cell before tick 0', span(30, -2950, 100), '──────────────────────── t-50 '],
		['not even the last label fits', span(5, 1000, 10), undefined],
	])('%s', (_, given, axis) => {
		expect(describeTimeAxis(given)).toBe(axis);
	});
});

describe('axisBorder', () => {
	test('the axis under the graph, the frame edge on both sides', () => {
		expect(axisBorder(16, span(12, 1000, 10))).toEqual([
			{text: '└─', tone: 'dim'},
			{text: '──── t1,110 ', tone: 'dim'},
			{text: '─┘', tone: 'dim'},
		]);
	});

	test.each([
		['past the right edge', span(12, 1000, 10, 5)],
		['over the left corner', span(12, 1000, 10, 0)],
		['with no label that fits', span(5, 1000, 10)],
	])('a plain edge when the axis is %s', (_, given) => {
		expect(axisBorder(16, given, 'accent')).toEqual([{text: '└──────────────┘', tone: 'accent'}]);
	});
});
