// `kmtop sweep` on 1 and on 2 worker threads: the same runs, the issue's own sweep
// (big-allocations on 2020-12-31 and 2021-02-23, 8,000 ticks, seeds 1..40), in this process,
// through the sweep's own worker pool. The ratio is what issue 17 asks of a 2-core machine (at
// least 1.7); the rows must be the same either way.
//
// Where a second worker's time goes, measured by thread (Linux, /proc): each worker pays once for
// its start and its JIT warm-up, and V8 compiles and collects for it on its helper threads. With
// one worker those helpers run on the idle second core, free; with two they take turns with the
// runs. So the ratio grows with the sweep's length, and a short sweep understates it.
//
// Those costs are fixed: about 1 CPU s a worker (0.4 s on its thread, 0.7 s compiling on the
// helpers), and the collector's helpers, busy with the kernel's typed arrays ("external memory
// pressure"). Since big-allocations stopped scanning all its held blocks every tick, a run takes a
// third of the CPU it did, so they weigh three times as much: both times fall, the ratio with them.

import {readdirSync, readFileSync} from 'node:fs';
import {availableParallelism} from 'node:os';
import {listCombinations} from '../source/sweep/expand-combinations.js';
import {startSweep} from '../source/sweep/start-sweep.js';
import type {SweepRow} from '../source/sweep/sweep-row.js';

/** CPU seconds of one sweep, by the threads that spent them. */
export type SweepCpu = {
	/** The whole process. */
	total: number;
	/** The worker threads (started and ended within the sweep), or null where /proc cannot say. */
	workers: number | null;
	/** V8's helper threads (compiling and collecting for every isolate) and libuv's. */
	helpers: number | null;
	/** The main thread: the pool, the rows. */
	main: number | null;
};

export type SweepMeasure = {
	runs: number;
	cores: number;
	jobs1Seconds: number;
	jobs2Seconds: number;
	/** jobs1Seconds / jobs2Seconds. */
	speedup: number;
	/**
	 * What 2 free cores would give, for a busy machine where the wall times say little (null
	 * without per-thread figures): one worker takes its own CPU time (its helpers use the idle
	 * core), two take half of all the CPU time, or the busier worker's share of the runs as the
	 * pool deals them out, whichever is longer.
	 */
	expectedSpeedup: number | null;
	jobs1Cpu: SweepCpu;
	jobs2Cpu: SweepCpu;
	rowsIdentical: boolean;
};

// CPU seconds of each thread of this process, by thread id (utime + stime, in USER_HZ = 100).
const threadSeconds = (): Map<string, number> | undefined => {
	try {
		const threads = new Map<string, number>();
		for (const id of readdirSync('/proc/self/task')) {
			const stat = readFileSync(`/proc/self/task/${id}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			threads.set(id, (Number(fields[11]) + Number(fields[12])) / 100);
		}

		return threads;
	} catch {
		return undefined;
	}
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

const timed = async (combinations: ReturnType<typeof listCombinations>, jobs: number): Promise<{seconds: number; cpu: SweepCpu; rows: SweepRow[]}> => {
	const before = threadSeconds();
	const started = performance.now();
	const cpu = process.cpuUsage();
	const {results} = await startSweep(combinations, {jobs, tickTimeoutMs: 5000}).done;
	const {user, system} = process.cpuUsage(cpu);
	const seconds = (performance.now() - started) / 1000;
	const after = threadSeconds();
	const total = (user + system) / 1e6;
	let split: Omit<SweepCpu, 'total'> = {workers: null, helpers: null, main: null};
	if (before && after) {
		// Threads alive after the sweep are the main thread and the helpers; the workers have exited.
		let lasting = 0;
		let main = 0;
		for (const [id, seconds] of after) {
			const spent = seconds - (before.get(id) ?? 0);
			lasting += spent;
			main = id === String(process.pid) ? spent : main;
		}

		split = {workers: Math.max(0, total - lasting), helpers: lasting - main, main};
	}

	return {seconds, cpu: {total, ...split}, rows: results as SweepRow[]};
};

const estimate = (one: SweepCpu, two: SweepCpu, times: number[]): number | null => {
	if (one.workers === null || two.workers === null) {
		return null;
	}

	const busierShare = makespan(times, 2) / makespan(times, 1);
	return one.workers / Math.max(two.total / 2, two.workers * busierShare);
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
	return {
		runs: combinations.length,
		cores: availableParallelism(),
		jobs1Seconds: one.seconds,
		jobs2Seconds: two.seconds,
		speedup: one.seconds / two.seconds,
		expectedSpeedup: estimate(one.cpu, two.cpu, one.rows.map((row) => row.wallMs)),
		jobs1Cpu: one.cpu,
		jobs2Cpu: two.cpu,
		rowsIdentical: figures(one.rows) === figures(two.rows) && one.rows.every((row) => row.error === null),
	};
};
