// The statistics of a sweep: per workload × revision (× RAM × ticks, when a sweep has several),
// how many runs panicked, with a 95 % interval, and how far into the run the heap first grew and
// the kernel panicked. A pure function of the rows, so a merge of shards summarizes to exactly
// what the unsharded sweep does.

import {compareRuns, type KnownNames} from './canonical-order.js';
import {normalizeSeeds, type SeedRange} from './expand-combinations.js';
import type {SweepRow} from './sweep-row.js';

/** The two-sided 95 % quantile of the normal distribution. */
const Z95 = 1.959963984540054;

/**
The Wilson score interval of a proportion: `successes` of `trials`, at `z` (95 % by default).

Unlike the textbook p ± z·√(p(1−p)/n), it stays inside [0, 1] and is not zero-width at 0 or n successes, which is where a sweep's answers often are ("0 panics in 40 runs" still allows up to 8.8 %).
*/
export const wilsonInterval = (successes: number, trials: number, z = Z95): [low: number, high: number] => {
	if (trials === 0) {
		return [0, 1];
	}

	const p = successes / trials;
	const z2 = z * z;
	const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
	const half = (z / (1 + z2 / trials)) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
	// At 0 and n the bounds are exactly 0 and 1; floating point would make them 1e-17 off.
	return [successes === 0 ? 0 : Math.max(0, centre - half), successes === trials ? 1 : Math.min(1, centre + half)];
};

/** The nearest-rank percentile (0 < q ≤ 1) of ascending values: always one of the values. */
export const nearestRank = (ascending: readonly number[], q: number): number => ascending[Math.max(0, Math.ceil(q * ascending.length) - 1)]!;

export type Spread = {median: number; p95: number};

const spread = (values: number[]): Spread | null => {
	if (values.length === 0) {
		return null;
	}

	const ascending = values.sort((a, b) => a - b);
	return {median: nearestRank(ascending, 0.5), p95: nearestRank(ascending, 0.95)};
};

export type SummaryGroup = {
	workload: string;
	revision: string;
	ramBytes: number;
	ticks: number;
	runs: number;
	/** Runs that could not be done (`error`): not counted in anything below. */
	failed: number;
	/** Runs whose workload threw (the kernel went on without it). */
	workloadErrors: number;
	panics: number;
	/** The 95 % Wilson interval of panics / done runs; null when no run was done. */
	panicInterval: [number, number] | null;
	/** Runs whose heap grew at least once. */
	expanded: number;
	firstExpansion: Spread | null;
	panicTick: Spread | null;
	peakHeapMedian: number | null;
};

export type SweepSummary = {
	runs: number;
	/** Every seed any row has. */
	seeds: SeedRange[];
	/** Each distinct value, ascending. */
	ticks: number[];
	ramBytes: number[];
	groups: SummaryGroup[];
};

const distinct = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);

const summarizeGroup = (rows: SweepRow[]): SummaryGroup => {
	const done = rows.filter((row) => row.error === null);
	const panicked = done.filter((row) => row.panicKind !== null);
	const expansions = done.flatMap((row) => (row.firstExpansionTick === null ? [] : [row.firstExpansionTick]));
	const peaks = spread(done.map((row) => row.peakHeapBytes ?? 0));
	const {workload, revision, ramBytes, ticks} = rows[0]!;
	return {
		workload,
		revision,
		ramBytes,
		ticks,
		runs: rows.length,
		failed: rows.length - done.length,
		workloadErrors: done.filter((row) => row.workloadError !== null).length,
		panics: panicked.length,
		panicInterval: done.length === 0 ? null : wilsonInterval(panicked.length, done.length),
		expanded: expansions.length,
		firstExpansion: spread(expansions),
		panicTick: spread(panicked.map((row) => row.panicTick ?? 0)),
		peakHeapMedian: peaks?.median ?? null,
	};
};

/** The summary of any rows, in any order: groups in the canonical order. */
export const summarizeRows = (rows: readonly SweepRow[], known: KnownNames): SweepSummary => {
	const sorted = [...rows].sort(compareRuns(known));
	const groups: SweepRow[][] = [];
	for (const row of sorted) {
		const last = groups.at(-1)?.[0];
		if (last && last.workload === row.workload && last.revision === row.revision && last.ramBytes === row.ramBytes && last.ticks === row.ticks) {
			groups.at(-1)!.push(row);
		} else {
			groups.push([row]);
		}
	}

	return {
		runs: rows.length,
		seeds: normalizeSeeds(rows.map((row) => [row.seed, row.seed])),
		ticks: distinct(rows.map((row) => row.ticks)),
		ramBytes: distinct(rows.map((row) => row.ramBytes)),
		groups: groups.map((group) => summarizeGroup(group)),
	};
};
