// `kmtop sweep` on 1 and on 2 worker threads: the same runs, the issue's own sweep
// (big-allocations on 2020-12-31 and 2021-02-23, 8,000 ticks, seeds 1..40). The ratio is what
// issue 17 asks of a 2-core machine (at least 1.7); the rows must be the same either way.
//
// Each is the command a user types, `node cli.js sweep … -o FILE --jobs N`, in a fresh process of
// its own, timed from its start to its exit. (It ran in the bench's own process before, through
// the pool with workers loaded from dist/source: hundreds of small modules where a user's workers
// load the bundle, and in a process whose heap other bench lines had grown.) A preload
// (child-sweep-cpu.ts) reports where the CPU time went, by thread.
//
// The ratio is the median of alternating pairs (j1 j2, j2 j1, j1 j2: summarize-pairs.ts), with
// the lowest and highest pair's and each arm's median time beside it. One run of each gave ×1.37
// and ×1.75 for the same code on the same day: the second bench's one --jobs 1 took 4.0 s where
// --jobs 1 pinned to either core took 3.3 s in the same bench.
//
// Where a second worker's time goes (Linux, /proc): each worker pays once for its start and its
// JIT warm-up, and V8 compiles and collects for it on its helper threads. With one worker those
// helpers run on the idle second core, free; with two they take turns with the runs. So the ratio
// grows with the sweep's length, and a short sweep understates it. Measured with perf on the
// 80-run sweep, --jobs 2: the helpers' time is mostly TurboFan compiling for the two isolates
// (about 1 CPU s each, warm-up and recompiles), then concurrent marking, scavenging and sweeping.
// (About half of it since the sweep narrows V8's inlining on Node 20: narrow-inlining.ts.) A
// worker's first runs also fault in the ~90 MB its array pool keeps: ~22,000 page faults, ~12 µs
// each on the bench's VM (system time), paid again by every worker.
// The collector's share fell once a worker's runs reuse the kernel's large arrays
// (reuse-kernel-arrays.ts) instead of making ~58 MiB of them afresh every run.
//
// What is left: (1) the runs are memory-bound (each subheap's bitmap, search tree and chunk
// states), and two workers share the caches and the memory bus: the same runs take about a third
// more CPU time with two workers than with one, and two separate `--jobs 1` processes slow each
// other the same way. Clearing the reused arrays was the biggest part of it (~4 GB a sweep) until
// the pool cleared only what a run could have written (~0.8 GB). (2) Each isolate warms up on
// its own: about 30 deoptimizations a worker, none repeating. (3) The cores themselves: on a
// virtual machine one core can be much slower than the other for memory-bound code (its host
// neighbours share its caches) while compute-bound code runs alike on both; the best --jobs 2
// can do is then well under twice the faster core. So the sweep is also run on one worker pinned
// to each core (taskset, where there is one), and the table says what both cores together allow.
// (4) The tail: the "core idle" figure, from the first worker's end to the last one's. And the
// bench splits the same runs between two `--jobs 1` processes started at once (seeds 1..20 and
// 21..40 for the issue's): (1) and (2) without anything a process shares between its workers.
// Each making all 80 runs instead (as this line did until 2026-12-01) gave ×1.54 where --jobs 2
// gave ×1.22, but each process then spread its start and warm-up over twice a worker's runs. Split
// like for like, two processes took more CPU time than --jobs 2, 8 tries of 8 (median 8.4 against
// 7.3 s, busy machine, 2026-12-01): nothing two workers share in one process costs them more than
// two processes cost each other.
// Neither a bigger young generation nor fewer GC helper threads changed the CPU split measurably.
// What makes a steady run slower with two workers, taken apart (2026-12-02, Node 20, busy box):
// by each worker thread's own CPU per run (/proc/thread-self/schedstat), the runs after the first
// five took 1.05-1.07 times as much with --jobs 2 as with --jobs 1 (3 sweeps each of seeds 1..60),
// and 1.06-1.09 times in two separate --jobs 1 processes at once: what the cores share, in or out of
// one process. The rest is waiting: the workers were ready to run with no core free for ~0.45 s of
// those runs with --jobs 2 against ~0.07 s with --jobs 1, and `perf sched` (one whole --jobs 2
// sweep, 1.1 s of waits) showed what the cores ran meanwhile: besides the other worker, the
// process's own V8 helpers for 1.1 CPU s (TurboFan above all: ~180 compiles a worker, 82 in its
// first run, then a few every run) and the machine's other load for 0.2 s. Hence the
// "workers ready to run, no core free" line, from the preload. Holding TurboFan back (a 4x
// interrupt budget, no early optimization of small functions) cut the helpers' CPU 0.77 -> 0.50 s
// with --jobs 2, but the workers' runs, longer in the lower tiers, took ~5 % more (pinned --jobs 1,
// 4 pairs): a trade, not kept.
// (5) What no second worker shortens, printed for both arms: before the first worker starts
// (2026-12-01, a quiet moment: Node ~0.10 s, the bundle ~0.07, the command line and the sweep's
// module ~0.03) and after the last row (its worker ending ~0.02-0.05 s, its heap and array pool
// unmapped; the rows written and fsync'd ~0.01; the process's own exit ~0.04).
// (6) The same pairs taken apart (explain-sweep-ratio.ts): the serial parts, each worker's start
// and first run over a steady one (the preload notes which worker ran which row, in order), the
// steady runs' slow-down with two workers at once, and the ratio Amdahl's law predicts from them.
// measureLongSweep runs the same sweep longer, for how the ratio grows with a sweep's length.

import {spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {availableParallelism, tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {SweepRow} from '../source/sweep/sweep-row.js';
import type {SweepCpu, SweepReport} from './child-sweep-cpu.js';
import {explainPairs, type SweepExplanation} from './explain-sweep-ratio.js';
import {median, planAlternatingPairs, summarizePairs, type PairSummary} from './summarize-pairs.js';

export type {SweepCpu} from './child-sweep-cpu.js';

export type SweepMeasure = {
	runs: number;
	cores: number;
	/** Alternating pairs of a `--jobs 1` and a `--jobs 2` run (summarize-pairs.ts). */
	pairs: number;
	/** The median `--jobs 1` and `--jobs 2` wall times over the pairs. */
	jobs1Seconds: number;
	jobs2Seconds: number;
	/**
	 * What does not parallelize, medians of each arm's runs: from the process's start until its
	 * first worker starts (Node, the bundle, the command line), and from the last row until the
	 * process has exited (the workers ended, the rows written, the process torn down).
	 */
	beforeSeconds: {jobs1: number; jobs2: number};
	afterSeconds: {jobs1: number; jobs2: number};
	/** The median over the pairs of `--jobs 1`'s time / `--jobs 2`'s. */
	speedup: number;
	/** The lowest and highest of the pairs' ratios. */
	speedupMin: number;
	speedupMax: number;
	/**
	 * What 2 free cores would give, for a busy machine where the wall times say little (null
	 * without per-thread figures): one worker takes its own CPU time (its helpers use the idle
	 * core), two take half of all the CPU time, or the busier worker's share of the runs as the
	 * pool deals them out, whichever is longer. From the median CPU figures.
	 */
	expectedSpeedup: number | null;
	/** Each figure the median of that arm's runs. */
	jobs1Cpu: SweepCpu;
	jobs2Cpu: SweepCpu;
	/** `--jobs 1` pinned to each core in turn (null without `taskset`). */
	pinnedSeconds: number[] | null;
	/**
	 * The most `--jobs 2` could give on these cores: the faster core's pinned time over the time
	 * both would take together, each at its own pinned speed (2 on equal cores; null without
	 * `taskset`).
	 */
	coresAllow: number | null;
	/**
	 * Two `--jobs 1` sweeps of half the seeds each, started at once as separate processes: the
	 * later one's end.
	 */
	separateSeconds: number;
	/**
	 * What two separate processes give for the same runs: jobs1Seconds / separateSeconds. Each has
	 * its own start, isolate to warm up and helpers, and the two share the caches and the memory
	 * bus, as two workers do, but nothing of one process.
	 */
	separateAllow: number;
	/** Every sweep above wrote the same rows (wall times aside), none of them failed. */
	rowsIdentical: boolean;
	/** The ratio taken apart, from the same pairs (explain-sweep-ratio.ts). */
	explained: SweepExplanation;
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

// Built, this module is dist/bench/measure-sweep.js; the preload sits beside it.
const cliPath = fileURLToPath(new URL('../../cli.js', import.meta.url));
const cpuPreload = new URL('child-sweep-cpu.js', import.meta.url).href;

// The clock the preload (child-sweep-cpu.ts) notes its times on: CLOCK_MONOTONIC, in ms.
const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6;

type Timed = {seconds: number; cpu: SweepCpu; rows: SweepRow[]; before: number; after: number; workerRunsMs: number[][]; workerFirstRowMs: Array<number | null>};

/** One sweep: its wall time, its CPU, its rows, and its wall seconds before the first worker started and after the last row came. */
const timed = async (seeds: string, ticks: number, jobs: number, core?: number): Promise<Timed> => {
	const folder = mkdtempSync(path.join(tmpdir(), 'kmtop-bench-sweep-'));
	try {
		const rowsFile = path.join(folder, 'rows.jsonl');
		const cpuFile = path.join(folder, 'cpu.json');
		const arguments_ = ['--import', cpuPreload, cliPath, 'sweep', '-w', 'big-allocations', '--revision', '2020-12-31,2021-02-23', '--seeds', seeds, '--ticks', String(ticks), '--format', 'jsonl', '-o', rowsFile, '--jobs', String(jobs)];
		const started = monotonicMs();
		const [command, ...rest] = core === undefined ? [process.execPath, ...arguments_] : ['taskset', '-c', String(core), process.execPath, ...arguments_];
		const child = spawn(command, rest, {env: {...process.env, KMTOP_BENCH_SWEEP_CPU: cpuFile}, stdio: ['ignore', 'ignore', 'inherit']});
		const code = await new Promise<number | null>((resolve, reject) => {
			child.on('error', reject);
			child.on('exit', resolve);
		});
		const ended = monotonicMs();
		if (code !== 0) {
			throw new Error(`kmtop sweep --jobs ${jobs}${core === undefined ? '' : ` on core ${core}`} exited with code ${code}`);
		}

		const rows = readFileSync(rowsFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as SweepRow);
		const {firstWorkerMs, lastRowMs, workerRunsMs, workerFirstRowMs, ...cpu} = JSON.parse(readFileSync(cpuFile, 'utf8')) as SweepReport;
		return {seconds: (ended - started) / 1000, cpu, rows, before: ((firstWorkerMs ?? ended) - started) / 1000, after: (ended - (lastRowMs ?? ended)) / 1000, workerRunsMs, workerFirstRowMs};
	} finally {
		rmSync(folder, {recursive: true, force: true});
	}
};

const estimate = (one: SweepCpu, two: SweepCpu, times: number[]): number | null => {
	if (one.workers === null || two.workers === null) {
		return null;
	}

	const busierShare = makespan(times, 2) / makespan(times, 1);
	return one.workers / Math.max(two.total / 2, two.workers * busierShare);
};

const hasTaskset = (): boolean => spawnSync('taskset', ['-c', '0', 'true']).status === 0;

// Each figure the median of the runs' (a worker's share and the helpers' need not add up to the
// median total, but each says what a typical run spent there).
const medianCpu = (cpus: SweepCpu[]): SweepCpu => {
	const of = (figure: (cpu: SweepCpu) => number | null): number | null => {
		const values = cpus.map(figure);
		return values.includes(null) ? null : median(values as number[]);
	};

	return {
		total: median(cpus.map(({total}) => total)),
		workers: of(({workers}) => workers),
		helpers: of(({helpers}) => helpers),
		main: of(({main}) => main),
		tail: median(cpus.map(({tail}) => tail)),
		workersWaiting: of(({workersWaiting}) => workersWaiting),
	};
};

// By combination, whatever order the rows were written in.
const figures = (rows: SweepRow[]) =>
	JSON.stringify(rows.map((row) => ({...row, wallMs: 0})).sort((a, b) => a.revision.localeCompare(b.revision) || a.seed - b.seed));

/** The first sweep made every run (two revisions a seed) without an error, and every sweep wrote the same rows as it. */
const sameRows = (seeds: number, [first, ...others]: SweepRow[][]): boolean => {
	const expected = figures(first!);
	return first!.length === 2 * seeds && first!.every((row) => row.error === null) && others.every((rows) => figures(rows) === expected);
};

/**
 * `pairs` alternating pairs of `--jobs 1` and `--jobs 2` (j1 j2, j2 j1, j1 j2…): one run of each
 * gave ×1.37 and ×1.75 for the same code the same day, as the machine's load moved between them.
 */
const runPairs = async (seeds: number, ticks: number, pairs: number): Promise<{ones: Timed[]; twos: Timed[]; summary: PairSummary}> => {
	const arms: Record<'a' | 'b', Timed[]> = {a: [], b: []};
	for (const arm of planAlternatingPairs(pairs)) {
		arms[arm].push(await timed(`1..${seeds}`, ticks, arm === 'a' ? 1 : 2));
	}

	const {a: ones, b: twos} = arms;
	return {ones, twos, summary: summarizePairs(ones.map((one, index) => ({a: one.seconds, b: twos[index]!.seconds})))};
};

const sample = ({seconds, before, after, workerRunsMs, workerFirstRowMs}: Timed) => ({seconds, beforeSeconds: before, afterSeconds: after, workerRunsMs, workerFirstRowMs});

export type LongSweepMeasure = PairSummary & {runs: number; rowsIdentical: boolean};

/**
 * The same sweep, longer (--seeds 1..N), as alternating pairs and nothing else: how the ratio
 * grows with a sweep's length, as the serial parts and the warm-ups spread over more runs.
 */
export const measureLongSweep = async (seeds: number, ticks = 8000, pairs = 2): Promise<LongSweepMeasure> => {
	const {ones, twos, summary} = await runPairs(seeds, ticks, pairs);
	return {...summary, runs: ones[0]!.rows.length, rowsIdentical: sameRows(seeds, [...ones, ...twos].map(({rows}) => rows))};
};

/** The sweep line: its pairs, what they say about the ratio, and the runs the pairs cannot show (pinned, two processes). */
export const measureSweep = async (seeds: number, ticks = 8000, pairs = 3): Promise<SweepMeasure> => {
	const all = `1..${seeds}`;
	const {ones, twos, summary} = await runPairs(seeds, ticks, pairs);
	const cores = availableParallelism();
	const pinned: Timed[] | null = hasTaskset() ? [] : null;
	for (let core = 0; pinned && core < Math.min(cores, 2); core++) {
		// One at a time: each has the machine to itself.
		pinned.push(await timed(all, ticks, 1, core));
	}

	const pinnedSeconds = pinned?.map(({seconds}) => seconds) ?? null;
	const startedTogether = performance.now();
	// The same runs as --jobs 2 makes, split as evenly: seeds 1..20 and 21..40 for the issue's.
	const half = Math.ceil(seeds / 2);
	const halves = await Promise.all([timed(`1..${half}`, ticks, 1), timed(`${half + 1}..${seeds}`, ticks, 1)]);
	const separateSeconds = (performance.now() - startedTogether) / 1000;
	const together = pinnedSeconds ? 1 / pinnedSeconds.reduce((rate, seconds) => rate + 1 / seconds, 0) : null;
	const first = ones[0]!;
	const jobs1Cpu = medianCpu(ones.map(({cpu}) => cpu));
	const jobs2Cpu = medianCpu(twos.map(({cpu}) => cpu));
	return {
		runs: first.rows.length,
		cores,
		pairs: summary.pairs,
		jobs1Seconds: summary.aMedian,
		jobs2Seconds: summary.bMedian,
		beforeSeconds: {jobs1: median(ones.map(({before}) => before)), jobs2: median(twos.map(({before}) => before))},
		afterSeconds: {jobs1: median(ones.map(({after}) => after)), jobs2: median(twos.map(({after}) => after))},
		speedup: summary.ratio,
		speedupMin: summary.ratioMin,
		speedupMax: summary.ratioMax,
		expectedSpeedup: estimate(jobs1Cpu, jobs2Cpu, first.rows.map((row) => row.wallMs)),
		jobs1Cpu,
		jobs2Cpu,
		pinnedSeconds,
		coresAllow: pinnedSeconds && together !== null ? Math.min(...pinnedSeconds) / together : null,
		separateSeconds,
		separateAllow: summary.aMedian / separateSeconds,
		rowsIdentical: sameRows(seeds, [...[...ones, ...twos, ...(pinned ?? [])].map(({rows}) => rows), halves.flatMap(({rows}) => rows)]),
		explained: explainPairs(ones.map((one, index) => ({one: sample(one), two: sample(twos[index]!)}))),
	};
};
