import {describe, expect, it} from 'vitest';
import {formatSummary} from '../../source/sweep/format-summary.js';
import {summarizeRows} from '../../source/sweep/summarize-rows.js';
import {known, panicked, row} from './row-fixture.js';

const notes = [
	'PANICS: runs that ended in a kernel panic, and their 95 % Wilson score interval.',
	'EXPANDED: runs whose heap grew; FIRST EXPANSION and PANIC TICK: median / p95 tick (nearest rank) of those runs.',
	"PEAK HEAP: median of each run's largest kmalloc heap (every subheap, not the backup).",
];

describe('formatSummary', () => {
	it('a line per workload × revision, numbers right-aligned', () => {
		const rows = [
			...Array.from({length: 39}, (_, index) => panicked(index + 1, 5000 + index, 100 + index, 68)),
			row({seed: 40, firstExpansionTick: 1234, peakHeapBytes: 60 * 2 ** 20}),
			...Array.from({length: 40}, (_, index) => row({seed: index + 1, revision: '2020-12-31'})),
		];
		expect(formatSummary(summarizeRows(rows, known))).toBe([
			'80 runs; seeds 1..40; ticks 8,000; RAM 512M',
			'',
			'WORKLOAD         REVISION    RUNS       PANICS  95 % INTERVAL  EXPANDED  FIRST EXPANSION     PANIC TICK  PEAK HEAP',
			'big-allocations  2020-12-31    40    0 (0.0 %)      0.0–8.8 %         0                —              —    3.0 MiB',
			// 39 runs expanded at 100…138 and one at 1,234; 39 panicked at 5,000…5,038.
			'big-allocations  2021-02-23    40  39 (97.5 %)    87.1–99.6 %        40        119 / 137  5,019 / 5,037   68.0 MiB',
			'',
			...notes,
		].join('\n'));
	});

	it('RAM and TICKS columns when a sweep has several; FAILED and WORKLOAD ERRORS when there are any', () => {
		const rows = [
			row({ramBytes: 2 ** 30, error: 'the worker exited with code 1'}),
			row({ticks: 100, workloadError: 'boom', workloadErrorTick: 3}),
			row({seed: 3}),
		];
		expect(formatSummary(summarizeRows(rows, known)).split('\n').slice(0, 6)).toEqual([
			'3 runs; seeds 1,3; ticks 100, 8,000; RAM 512M, 1G',
			'',
			'WORKLOAD         REVISION     RAM  TICKS  RUNS  FAILED     PANICS  95 % INTERVAL  EXPANDED  FIRST EXPANSION  PANIC TICK  PEAK HEAP  WORKLOAD ERRORS',
			'big-allocations  2021-02-23  512M    100     1       0  0 (0.0 %)     0.0–79.3 %         0                —           —    3.0 MiB                1',
			'big-allocations  2021-02-23  512M  8,000     1       0  0 (0.0 %)     0.0–79.3 %         0                —           —    3.0 MiB                0',
			'big-allocations  2021-02-23    1G  8,000     1       1          —              —         0                —           —          —                0',
		]);
	});

	it('no rows at all', () => {
		expect(formatSummary(summarizeRows([], known))).toBe('no runs');
	});
});
