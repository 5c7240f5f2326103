// `kmtop sweep` on 1 and on 2 worker threads: the same runs, the issue's own sweep
// (big-allocations on 2020-12-31 and 2021-02-23, 8,000 ticks) over fewer seeds, in this process,
// through the sweep's own worker pool. The ratio is what issue 17 asks of a 2-core machine (at
// least 1.7); the rows must be the same either way. Each worker warms its own JIT, a fixed cost
// that short runs would inflate, so the runs are the length.

import {availableParallelism} from 'node:os';
import {listCombinations} from '../source/sweep/expand-combinations.js';
import {startSweep} from '../source/sweep/start-sweep.js';
import type {SweepRow} from '../source/sweep/sweep-row.js';

export type SweepMeasure = {
	runs: number;
	cores: number;
	jobs1Seconds: number;
	jobs2Seconds: number;
	/** jobs1Seconds / jobs2Seconds. */
	speedup: number;
	/**
	 * An estimate of what 2 free cores would give, for a busy machine where the wall times say
	 * little: the single worker's run times dealt out as the pool deals them, times the CPU time
	 * ratio (what the second worker costs: its start, its own JIT warm-up).
	 */
	expectedSpeedup: number;
	/** CPU time of the process, all threads, for --jobs 1 and --jobs 2: the same work either way. */
	jobs1CpuSeconds: number;
	jobs2CpuSeconds: number;
	rowsIdentical: boolean;
};

// The pool hands the next run to whichever worker is free first: replay that with known times.
const makespan = (times: number[], workers: number): number => {
	const free = Array.from({length: workers}, () => 0);
	for (const time of times) {
		const first = free.indexOf(Math.min(...free));
		free[first]! += time;
	}

	return Math.max(...free);
};

const timed = async (combinations: ReturnType<typeof listCombinations>, jobs: number): Promise<{seconds: number; cpuSeconds: number; rows: SweepRow[]}> => {
	const started = performance.now();
	const cpu = process.cpuUsage();
	const {results} = await startSweep(combinations, {jobs, tickTimeoutMs: 5000}).done;
	const {user, system} = process.cpuUsage(cpu);
	return {seconds: (performance.now() - started) / 1000, cpuSeconds: (user + system) / 1e6, rows: results as SweepRow[]};
};

export const measureSweep = async (seeds: number, ticks = 8000): Promise<SweepMeasure> => {
	const combinations = listCombinations({
		workloads: [{name: 'big-allocations', source: {kind: 'builtin', name: 'big-allocations'}}],
		revisions: ['2020-12-31', '2021-02-23'],
		ramBytes: [512 * 1024 * 1024],
		seeds: [[1, seeds]],
		ticks,
		debugAsserts: false,
		tickTimeoutMs: 5000,
	});
	const one = await timed(combinations, 1);
	const two = await timed(combinations, 2);
	const figures = (rows: SweepRow[]) => JSON.stringify(rows.map((row) => ({...row, wallMs: 0})));
	const times = one.rows.map((row) => row.wallMs);
	return {
		runs: combinations.length,
		cores: availableParallelism(),
		jobs1Seconds: one.seconds,
		jobs2Seconds: two.seconds,
		speedup: one.seconds / two.seconds,
		expectedSpeedup: (makespan(times, 1) / makespan(times, 2)) * (one.cpuSeconds / two.cpuSeconds),
		jobs1CpuSeconds: one.cpuSeconds,
		jobs2CpuSeconds: two.cpuSeconds,
		rowsIdentical: figures(one.rows) === figures(two.rows) && one.rows.every((row) => row.error === null),
	};
};
