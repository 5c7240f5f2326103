import {describe, expect, it} from 'vitest';
import {nearestRank, summarizeRows, wilsonInterval} from '../../source/sweep/summarize-rows.js';
import {known, panicked, row} from './row-fixture.js';

describe('wilsonInterval', () => {
	// Newcombe (1998), "Two-sided confidence intervals for the single proportion", table I:
	// 81/263 gives 0.2553 to 0.3662, 15/148 gives 0.0624 to 0.1605, 0/20 gives 0 to 0.1611,
	// 1/29 gives 0.0061 to 0.1718.
	it.each([
		[81, 263, 0.2553, 0.3662],
		[15, 148, 0.0624, 0.1605],
		[0, 20, 0, 0.1611],
		[1, 29, 0.0061, 0.1718],
		[0, 40, 0, 0.0876],
		[40, 40, 0.9124, 1],
		[21, 40, 0.375, 0.6706],
	])('%i of %i: %f to %f', (successes, trials, low, high) => {
		const [lower, upper] = wilsonInterval(successes, trials);
		expect(lower).toBeCloseTo(low, 4);
		expect(upper).toBeCloseTo(high, 4);
	});

	it('exactly 0 and 1 at the ends, the whole range for no trials', () => {
		expect(wilsonInterval(0, 7)[0]).toBe(0);
		expect(wilsonInterval(7, 7)[1]).toBe(1);
		expect(wilsonInterval(0, 0)).toEqual([0, 1]);
	});
});

describe('nearestRank', () => {
	it.each([
		[[5], 0.5, 5],
		[[1, 2], 0.5, 1],
		[[1, 2, 3], 0.5, 2],
		[[1, 2, 3, 4], 0.5, 2],
		[Array.from({length: 20}, (_, index) => index + 1), 0.95, 19],
		[Array.from({length: 21}, (_, index) => index + 1), 0.95, 20],
		[Array.from({length: 40}, (_, index) => index + 1), 0.95, 38],
		[[3, 9], 1, 9],
	])('%j at %f is %i', (values, q, expected) => {
		expect(nearestRank(values, q)).toBe(expected);
	});
});

describe('summarizeRows', () => {
	it('one group per workload × revision, in the canonical order, whatever order the rows come in', () => {
		const rows = [
			panicked(2, 500, 20, 10),
			row({seed: 1, revision: '2020-12-31', firstExpansionTick: 50, peakHeapBytes: 6 * 2 ** 20}),
			row({seed: 3}),
			panicked(1, 300, 10, 8),
			row({seed: 1, workload: 'steady'}),
			row({seed: 4, error: 'the worker exited with code 1', ticksRun: null, peakHeapBytes: null}),
			row({seed: 5, workloadError: 'boom', workloadErrorTick: 7, peakHeapBytes: 4 * 2 ** 20}),
		];
		const summary = summarizeRows(rows, known);
		expect(summary).toMatchObject({runs: 7, seeds: [[1, 5]], ticks: [8000], ramBytes: [536_870_912]});
		expect(summary.groups.map((group) => `${group.workload} ${group.revision}`)).toEqual([
			'steady 2021-02-23',
			'big-allocations 2020-12-31',
			'big-allocations 2021-02-23',
		]);
		expect(summary.groups[2]).toEqual({
			workload: 'big-allocations',
			revision: '2021-02-23',
			ramBytes: 536_870_912,
			ticks: 8000,
			runs: 5,
			failed: 1,
			workloadErrors: 1,
			panics: 2,
			panicInterval: wilsonInterval(2, 4),
			expanded: 2,
			firstExpansion: {median: 10, p95: 20},
			panicTick: {median: 300, p95: 500},
			// 3, 4, 8 and 10 MiB: the nearest-rank median is the second.
			peakHeapMedian: 4 * 2 ** 20,
		});
		expect(summary.groups[1]).toMatchObject({runs: 1, panics: 0, expanded: 1, firstExpansion: {median: 50, p95: 50}, panicTick: null});
	});

	it('RAM sizes and tick counts are groups of their own', () => {
		const rows = [row({ramBytes: 2 ** 30}), row(), row({ticks: 100}), row({seed: 2})];
		const summary = summarizeRows(rows, known);
		expect(summary.groups.map((group) => [group.ramBytes, group.ticks, group.runs])).toEqual([
			[536_870_912, 100, 1],
			[536_870_912, 8000, 2],
			[2 ** 30, 8000, 1],
		]);
		expect(summary).toMatchObject({ticks: [100, 8000], ramBytes: [536_870_912, 2 ** 30], seeds: [[1, 2]]});
	});

	it('a group whose every run failed has no figures', () => {
		const [group] = summarizeRows([row({error: 'x'})], known).groups;
		expect(group).toMatchObject({runs: 1, failed: 1, panics: 0, panicInterval: null, firstExpansion: null, peakHeapMedian: null});
	});
});
