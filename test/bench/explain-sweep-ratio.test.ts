// The sweep line's ratio taken apart (explain-sweep-ratio.ts): serial parts, each worker's start
// and first run, the slow-down of two workers at once, and the ratio Amdahl's law predicts from them.
import {describe, expect, it} from 'vitest';
import {explainedRows, explainPair, explainPairs, splitSweep, type SweepExplanation, type SweepSample} from '../../bench/explain-sweep-ratio.js';

// Figures that are sums and quotients of binary fractions compare exactly; the rest to 12 digits.
const expectFigures = (actual: Record<string, unknown>, expected: Record<string, unknown>) => {
	expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
	for (const [key, value] of Object.entries(expected)) {
		if (typeof value === 'number') {
			expect(actual[key], key).toBeCloseTo(value, 12);
		} else {
			expectFigures(actual[key] as Record<string, unknown>, value as Record<string, unknown>);
		}
	}
};

describe('splitSweep', () => {
	it.each([
		{
			name: 'one worker: its first run over the median of the others',
			sample: {seconds: 3, beforeSeconds: 0.25, afterSeconds: 0.125, workerRunsMs: [[260, 40, 30, 50, 40]], workerFirstRowMs: [360]},
			expected: {serialSeconds: 0.375, steadyRunMs: 40, startSeconds: 0.1, warmUpSeconds: 0.22},
		},
		{
			// Both pay their start and first run at once: the mean, not the sum, is what it adds to the wall.
			name: 'two workers: the mean of their starts and first runs, the median of all later runs',
			sample: {seconds: 2, beforeSeconds: 0.25, afterSeconds: 0, workerRunsMs: [[300, 50, 40], [200, 60, 50, 45]], workerFirstRowMs: [400, 280]},
			expected: {serialSeconds: 0.25, steadyRunMs: 50, startSeconds: 0.09, warmUpSeconds: 0.2},
		},
		{
			// A worker with a single run still paid for it as a first run.
			name: 'a worker that made one run',
			sample: {seconds: 1, beforeSeconds: 0, afterSeconds: 0.5, workerRunsMs: [[100], [300, 40, 60]], workerFirstRowMs: [150, 370]},
			expected: {serialSeconds: 0.5, steadyRunMs: 50, startSeconds: 0.06, warmUpSeconds: 0.15},
		},
		{
			name: 'a worker that made no run at all is left out',
			sample: {seconds: 1, beforeSeconds: 0, afterSeconds: 0, workerRunsMs: [[90, 30, 10, 20], []], workerFirstRowMs: [130, null]},
			expected: {serialSeconds: 0, steadyRunMs: 20, startSeconds: 0.04, warmUpSeconds: 0.07},
		},
		{
			// Its one message said the run failed: no wallMs, so no first run to take apart.
			name: 'a worker with a row time but no run is left out',
			sample: {seconds: 1, beforeSeconds: 0, afterSeconds: 0, workerRunsMs: [[90, 30, 10, 20], []], workerFirstRowMs: [130, 500]},
			expected: {serialSeconds: 0, steadyRunMs: 20, startSeconds: 0.04, warmUpSeconds: 0.07},
		},
	])('$name', ({sample, expected}) => {
		expectFigures(splitSweep(sample), expected);
	});

	it('refuses a sweep with no run after a first one', () => {
		expect(() => splitSweep({seconds: 1, beforeSeconds: 0, afterSeconds: 0, workerRunsMs: [[100], [200]], workerFirstRowMs: [150, 250]})).toThrow('more than one run');
	});
});

const one: SweepSample = {seconds: 3, beforeSeconds: 0.25, afterSeconds: 0.125, workerRunsMs: [[265, 40, 40, 40]], workerFirstRowMs: [345]};
const two: SweepSample = {seconds: 2, beforeSeconds: 0.25, afterSeconds: 0.125, workerRunsMs: [[300, 50, 50], [250, 50]], workerFirstRowMs: [390, 320]};
// serial 0.375 s each; start 0.08 s each; warm-up 0.225 s each; 3 − 0.375 − 0.08 − 0.225 = 2.32 s
// of warm runs, 50 / 40 slower in parallel: 0.375 + 0.08 + 0.225 + 2.32 × 1.25 / 2 = 2.13 s.
const pairExpected: SweepExplanation = {
	jobs1: {serialSeconds: 0.375, steadyRunMs: 40, startSeconds: 0.08, warmUpSeconds: 0.225},
	jobs2: {serialSeconds: 0.375, steadyRunMs: 50, startSeconds: 0.08, warmUpSeconds: 0.225},
	slowDown: 1.25,
	parallelSeconds: 2.32,
	predictedJobs2Seconds: 2.13,
	predictedRatio: 3 / 2.13,
	measuredRatio: 1.5,
};

describe('explainPair', () => {
	it.each([
		{name: 'serial, warm-up and slowed runs', one, two, expected: pairExpected},
		{
			// No slow-down, no warm-up, no serial part: two workers halve it.
			name: 'the ideal sweep',
			one: {seconds: 4, beforeSeconds: 0, afterSeconds: 0, workerRunsMs: [[40, 40, 40]], workerFirstRowMs: [40]},
			two: {seconds: 2.5, beforeSeconds: 0, afterSeconds: 0, workerRunsMs: [[40, 40], [40, 40]], workerFirstRowMs: [40, 40]},
			expected: {
				jobs1: {serialSeconds: 0, steadyRunMs: 40, startSeconds: 0, warmUpSeconds: 0},
				jobs2: {serialSeconds: 0, steadyRunMs: 40, startSeconds: 0, warmUpSeconds: 0},
				slowDown: 1,
				parallelSeconds: 4,
				predictedJobs2Seconds: 2,
				predictedRatio: 2,
				measuredRatio: 1.6,
			},
		},
	])('$name', ({one, two, expected}) => {
		expectFigures(explainPair(one, two), expected);
	});
});

describe('explainPairs', () => {
	it('takes each figure as the median of the pairs\' own', () => {
		const slower = (sample: SweepSample, seconds: number): SweepSample => ({...sample, seconds});
		// Measured ratios 1.2, 1.5 and 2; predicted 4 / 2.755, 3 / 2.13 and 2 / 1.505 (the parallel
		// part is --jobs 1's wall less the rest, so it moves with it): the middle pair's, not the first's.
		const explained = explainPairs([
			{one: slower(one, 4), two: slower(two, 10 / 3)},
			{one, two},
			{one: slower(one, 2), two: slower(two, 1)},
		]);
		expectFigures(explained, {
			...pairExpected,
			parallelSeconds: 2.32,
			predictedJobs2Seconds: 2.13,
			predictedRatio: 3 / 2.13,
			measuredRatio: 1.5,
		});
	});

	it('refuses no pairs at all', () => {
		expect(() => explainPairs([])).toThrow('at least one pair');
	});
});

describe('explainedRows', () => {
	it('prints the figures the bench shows', () => {
		expect(explainedRows(pairExpected)).toEqual([
			[
				'  serial + a worker\'s start + its first run over a steady run',
				'0.38 + 0.08 + 0.23 s',
				'--jobs 2: 0.38 + 0.08 + 0.23 s (medians over the pairs; every worker pays its start and first run, at once)',
			],
			['  steady run (median), --jobs 1 / --jobs 2', '40.0 / 50.0 ms', '×1.25 slower with two workers at once (the runs after each worker\'s first)'],
			[
				'  Amdahl: serial + start + warm-up + runs × slow-down / 2',
				'×1.41',
				'predicted, against ×1.50 measured; --jobs 2 2.13 s from --jobs 1\'s 2.32 s of warm runs (medians of the pairs)',
			],
		]);
	});
});
