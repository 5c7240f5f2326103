// The bench's live CPU lines take the median of several runs (measureLiveStarts): the window of the
// middle run, whole, so its thread split is one run's and adds up to its total.

import {describe, expect, test} from 'vitest';
import process from 'node:process';
import {medianWindow, type CpuWindow} from '../../bench/measure-live-start.js';
import {statMinorFaults} from '../../bench/spawn-kmtop.js';

/** A 30 s window with `cpuSeconds` split 1/2 UI, 1/3 engine, 1/6 helpers, tagged by `from`. */
const window = (from: number, cpuSeconds: number): CpuWindow => ({
	from,
	to: from + 30,
	cpuPercentOfOneCore: (cpuSeconds / 30) * 100,
	cpuSeconds,
	threads: {ui: cpuSeconds / 2, engine: cpuSeconds / 3, helpers: cpuSeconds / 6},
	faults: {ui: 2500, engine: 4500, helpers: 1500},
});

describe('medianWindow', () => {
	test.each([
		['one run', [1.04], 1.04],
		['three runs, the middle one', [1.04, 0.81, 0.95], 0.95],
		['three runs, two equal', [0.9, 1.2, 0.9], 0.9],
		['four runs, the lower middle one', [1.2, 0.7, 1.0, 0.9], 0.9],
		['five runs, one far out', [0.88, 0.92, 3.5, 0.9, 0.91], 0.91],
	])('%s: %j -> %d CPU s', (_, seconds, expected) => {
		const windows = seconds.map((cpu, run) => window(run, cpu));
		const median = medianWindow(windows);
		expect(median.cpuSeconds).toBe(expected);
		// The run itself, not a mix of medians.
		expect(windows).toContain(median);
	});

	test('no run is an error, not a window of NaN', () => {
		expect(() => medianWindow([])).toThrow('medianWindow needs at least one window');
	});
});

// The fault counts beside the live view's CPU (statMinorFaults) are read from /proc: Linux only.
describe.skipIf(process.platform !== 'linux')('statMinorFaults', () => {
	test('counts the pages this process touches for the first time', () => {
		const before = statMinorFaults('/proc/self/stat');
		// 16 MiB, fresh from the OS (above malloc's mmap threshold) and written page by page.
		const fresh = Buffer.allocUnsafeSlow(16 * 1024 * 1024);
		for (let offset = 0; offset < fresh.length; offset += 4096) {
			fresh[offset] = 1;
		}

		expect(statMinorFaults('/proc/self/stat') - before).toBeGreaterThanOrEqual(4096);
	});
});
