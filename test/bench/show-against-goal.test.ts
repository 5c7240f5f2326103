// The bench table's figures never read as contradicting their verdicts (show-against-goal.ts).
import {describe, expect, it} from 'vitest';
import {type Goal, meetsGoal, showAgainstGoal} from '../../bench/show-against-goal.js';

describe('showAgainstGoal', () => {
	it.each<[number, number, Goal, string]>([
		// Far from the goal: the decimals asked for.
		[0.5912, 2, {atLeast: 0.5}, '0.59'],
		[3.87, 1, {atMost: 3}, '3.9'],
		[354.2, 0, {below: 400}, '354'],
		// The 2026-12-02 table's "×0.50 MISSED (≥ 0.5)": one more decimal says why.
		[0.4996, 2, {atLeast: 0.5}, '0.4996'],
		[0.4951, 2, {atLeast: 0.5}, '0.495'],
		[3.04, 1, {atMost: 3}, '3.04'],
		[2.399_99, 2, {atLeast: 2.4}, '2.39999'],
		[399.6, 0, {below: 400}, '399.6'],
		// Met values that round onto the goal still read as met.
		[0.500_04, 2, {atLeast: 0.5}, '0.50'],
		[2.96, 1, {atMost: 3}, '3.0'],
		// Within rounding of the goal even at three more decimals: cut toward the verdict.
		[0.499_999_9, 2, {atLeast: 0.5}, '0.49999'],
		[3.000_000_1, 1, {atMost: 3}, '3.0001'],
		[399.999_999, 0, {below: 400}, '399.999'],
	])('%d with %i decimals against %j reads %s', (value, digits, goal, shown) => {
		expect(showAgainstGoal(value, digits, goal)).toBe(shown);
		expect(meetsGoal(Number(shown), goal)).toBe(meetsGoal(value, goal));
	});
});

describe('meetsGoal', () => {
	it.each<[number, Goal, boolean]>([
		[0.5, {atLeast: 0.5}, true],
		[0.499, {atLeast: 0.5}, false],
		[3, {atMost: 3}, true],
		[3.001, {atMost: 3}, false],
		[400, {below: 400}, false],
		[399, {below: 400}, true],
	])('%d against %j: %s', (value, goal, met) => {
		expect(meetsGoal(value, goal)).toBe(met);
	});
});
