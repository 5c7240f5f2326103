// Why `--jobs 2` does not halve the sweep, as figures from the pairs the sweep line has
// already run (measure-sweep.ts): Amdahl's law with what a second worker cannot split.
//
// A sweep's wall time is (1) its serial parts, before the first worker starts (Node, the bundle,
// the command line) and after the last row (the workers ending, the rows written, the exit);
// (2) each worker's start (a new isolate loading kmtop and the workload) and warm-up: its first
// run takes far longer than a later one (V8 compiling the kernel's hot code, the first page faults
// of its arrays), and every worker pays both, at the same time as the others; (3) the rest, which the workers share, each run slower when two run at once
// (they share the caches, the memory bus and V8's helper threads). So, from `--jobs 1`'s own
// parts and `--jobs 2`'s serial part, start, warm-up and slow-down:
//
//   predicted --jobs 2 = serial₂ + start₂ + warm-up₂ + (wall₁ − serial₁ − start₁ − warm-up₁) × slow-down / 2
//
// with start the mean over a sweep's workers of the time from its start to its first row, less
// that row's run; warm-up the mean of its first run over the sweep's steady run (the median of the
// runs that were not a worker's first); and slow-down the ratio of the two arms' steady runs. Both
// arms make the same runs, so their medians compare like for like.

import {median} from './summarize-pairs.js';

/**
 * One sweep as the bench saw it: wall seconds, its serial parts, and for each worker its runs'
 * wallMs in the order it ran them and the ms from its start to its first row (null: none came).
 */
export type SweepSample = {
	seconds: number;
	beforeSeconds: number;
	afterSeconds: number;
	workerRunsMs: readonly number[][];
	workerFirstRowMs: ReadonlyArray<number | null>;
};

export type ArmParts = {
	/** Before the first worker and after the last row. */
	serialSeconds: number;
	/** The median of the runs that were not a worker's first, in ms. */
	steadyRunMs: number;
	/** From a worker's start to its first run, the mean over the sweep's workers, in seconds. */
	startSeconds: number;
	/** A worker's first run over the steady run, the mean over the sweep's workers, in seconds. */
	warmUpSeconds: number;
};

export type SweepExplanation = {
	jobs1: ArmParts;
	jobs2: ArmParts;
	/** `--jobs 2`'s steady run over `--jobs 1`'s. */
	slowDown: number;
	/** What `--jobs 1` spends on the runs once warm: its wall time less its serial part, start and warm-up. */
	parallelSeconds: number;
	/** serial₂ + start₂ + warm-up₂ + parallel × slow-down / 2. */
	predictedJobs2Seconds: number;
	/** `--jobs 1`'s wall time over the predicted `--jobs 2`'s. */
	predictedRatio: number;
	/** `--jobs 1`'s wall time over `--jobs 2`'s, as measured. */
	measuredRatio: number;
};

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** A sweep's serial part, steady run, workers' start and warm-up. */
export const splitSweep = ({beforeSeconds, afterSeconds, workerRunsMs, workerFirstRowMs}: SweepSample): ArmParts => {
	const later = workerRunsMs.flatMap((runs) => runs.slice(1));
	if (later.length === 0) {
		throw new Error('splitSweep needs a worker with more than one run');
	}

	// The workers that made a run: its first, and how long after the worker's start its row came.
	const workers = workerRunsMs.flatMap((runs, index) => {
		const rowAfter = workerFirstRowMs[index];
		return runs.length > 0 && rowAfter !== null && rowAfter !== undefined ? [{first: runs[0]!, rowAfter}] : [];
	});
	const steadyRunMs = median(later);
	return {
		serialSeconds: beforeSeconds + afterSeconds,
		steadyRunMs,
		startSeconds: mean(workers.map(({first, rowAfter}) => rowAfter - first)) / 1000,
		warmUpSeconds: mean(workers.map(({first}) => first - steadyRunMs)) / 1000,
	};
};

/** One pair: a `--jobs 1` sweep and a `--jobs 2` sweep of the same runs. */
export const explainPair = (one: SweepSample, two: SweepSample): SweepExplanation => {
	const jobs1 = splitSweep(one);
	const jobs2 = splitSweep(two);
	const slowDown = jobs2.steadyRunMs / jobs1.steadyRunMs;
	const parallelSeconds = one.seconds - jobs1.serialSeconds - jobs1.startSeconds - jobs1.warmUpSeconds;
	const predictedJobs2Seconds = jobs2.serialSeconds + jobs2.startSeconds + jobs2.warmUpSeconds + (parallelSeconds * slowDown) / 2;
	return {
		jobs1,
		jobs2,
		slowDown,
		parallelSeconds,
		predictedJobs2Seconds,
		predictedRatio: one.seconds / predictedJobs2Seconds,
		measuredRatio: one.seconds / two.seconds,
	};
};

const medianParts = (parts: ArmParts[]): ArmParts => ({
	serialSeconds: median(parts.map(({serialSeconds}) => serialSeconds)),
	steadyRunMs: median(parts.map(({steadyRunMs}) => steadyRunMs)),
	startSeconds: median(parts.map(({startSeconds}) => startSeconds)),
	warmUpSeconds: median(parts.map(({warmUpSeconds}) => warmUpSeconds)),
});

/** Every figure the median of the pairs' own (as the sweep line's ratio is). */
export const explainPairs = (pairs: ReadonlyArray<{one: SweepSample; two: SweepSample}>): SweepExplanation => {
	if (pairs.length === 0) {
		throw new Error('explainPairs needs at least one pair');
	}

	const each = pairs.map(({one, two}) => explainPair(one, two));
	const of = (figure: (explanation: SweepExplanation) => number) => median(each.map(figure));
	return {
		jobs1: medianParts(each.map(({jobs1}) => jobs1)),
		jobs2: medianParts(each.map(({jobs2}) => jobs2)),
		slowDown: of(({slowDown}) => slowDown),
		parallelSeconds: of(({parallelSeconds}) => parallelSeconds),
		predictedJobs2Seconds: of(({predictedJobs2Seconds}) => predictedJobs2Seconds),
		predictedRatio: of(({predictedRatio}) => predictedRatio),
		measuredRatio: of(({measuredRatio}) => measuredRatio),
	};
};

/** The bench's rows of [what, figure, note] for an explanation. */
export const explainedRows = ({jobs1, jobs2, slowDown, parallelSeconds, predictedJobs2Seconds, predictedRatio, measuredRatio}: SweepExplanation): Array<[string, string, string]> => {
	const parts = ({serialSeconds, startSeconds, warmUpSeconds}: ArmParts) => `${serialSeconds.toFixed(2)} + ${startSeconds.toFixed(2)} + ${warmUpSeconds.toFixed(2)} s`;
	return [
		[
			'  serial + a worker\'s start + its first run over a steady run',
			parts(jobs1),
			`--jobs 2: ${parts(jobs2)} (medians over the pairs; every worker pays its start and first run, at once)`,
		],
		[
			'  steady run (median), --jobs 1 / --jobs 2',
			`${jobs1.steadyRunMs.toFixed(1)} / ${jobs2.steadyRunMs.toFixed(1)} ms`,
			`×${slowDown.toFixed(2)} slower with two workers at once (the runs after each worker's first)`,
		],
		[
			'  Amdahl: serial + start + warm-up + runs × slow-down / 2',
			`×${predictedRatio.toFixed(2)}`,
			`predicted, against ×${measuredRatio.toFixed(2)} measured; --jobs 2 ${predictedJobs2Seconds.toFixed(2)} s from --jobs 1's ${parallelSeconds.toFixed(2)} s of warm runs (medians of the pairs)`,
		],
	];
};
