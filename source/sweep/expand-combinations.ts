// Every run of a sweep, in the canonical order (canonical-order.ts), and the K-th of N shards
// of them. Seeds are kept as ranges, so `--seeds 1..100000000 --shard 7/1000` never lists the
// hundred million runs the other shards do: run i is worked out from i alone.

import type {SweepCombination, WorkloadSource} from './sweep-row.js';

/** First and last seed, both included, first ≤ last. */
export type SeedRange = readonly [first: number, last: number];

/** `--shard K/N`: K from 1 to N. */
export type Shard = {index: number; count: number};

export type SweepSpace = {
	/** In canonical order, each once. */
	workloads: ReadonlyArray<{name: string; source: WorkloadSource}>;
	revisions: readonly string[];
	/** Ascending, each once. */
	ramBytes: readonly number[];
	/** Sorted and disjoint (normalizeSeeds). */
	seeds: readonly SeedRange[];
	ticks: number;
	debugAsserts: boolean;
	tickTimeoutMs: number;
};

/** Sorted, overlapping and touching ranges joined: `5..9,1..3,4` is `1..9`. */
export const normalizeSeeds = (ranges: readonly SeedRange[]): SeedRange[] => {
	const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
	const joined: Array<[number, number]> = [];
	for (const [first, last] of sorted) {
		const previous = joined.at(-1);
		if (previous && first <= previous[1] + 1) {
			previous[1] = Math.max(previous[1], last);
		} else {
			joined.push([first, last]);
		}
	}

	return joined;
};

export const countSeeds = (seeds: readonly SeedRange[]): number => seeds.reduce((sum, [first, last]) => sum + (last - first + 1), 0);

/** `1..40`, `1,5,9`, `1..10,20`: the seeds the way --seeds takes them. */
export const formatSeeds = (seeds: readonly SeedRange[]): string =>
	seeds.map(([first, last]) => (first === last ? String(first) : last === first + 1 ? `${first},${last}` : `${first}..${last}`)).join(',');

const seedAt = (seeds: readonly SeedRange[], index: number): number => {
	let rest = index;
	for (const [first, last] of seeds) {
		const size = last - first + 1;
		if (rest < size) {
			return first + rest;
		}

		rest -= size;
	}

	throw new RangeError(`seed ${index} of ${countSeeds(seeds)}`);
};

export const countCombinations = (space: SweepSpace): number =>
	space.workloads.length * space.revisions.length * space.ramBytes.length * countSeeds(space.seeds);

/** How many runs shard K of N gets: those whose index i has i mod N = K - 1. */
export const countShard = (total: number, shard: Shard | null): number =>
	shard === null ? total : Math.max(0, Math.ceil((total - (shard.index - 1)) / shard.count));

/** Run `index` of the whole sweep: seeds vary fastest, then RAM, then revision, then workload. */
export const combinationAt = (space: SweepSpace, index: number): SweepCombination => {
	const seedCount = countSeeds(space.seeds);
	const seed = seedAt(space.seeds, index % seedCount);
	let rest = Math.floor(index / seedCount);
	const ramBytes = space.ramBytes[rest % space.ramBytes.length]!;
	rest = Math.floor(rest / space.ramBytes.length);
	const revision = space.revisions[rest % space.revisions.length]!;
	const workload = space.workloads[Math.floor(rest / space.revisions.length)]!;
	const {ticks, debugAsserts, tickTimeoutMs} = space;
	return {workload: workload.name, source: workload.source, revision, seed, ramBytes, ticks, debugAsserts, tickTimeoutMs};
};

/**
The runs of the sweep, or of one shard of it, in the canonical order.

Shard K of N takes runs K-1, K-1+N, K-1+2N…: the shards are disjoint, together they are the whole sweep, their sizes differ by at most one, and each gets its share of every workload and revision (they cost very different times). The same options always give the same shards.
*/
export const listCombinations = (space: SweepSpace, shard: Shard | null = null): SweepCombination[] => {
	const total = countCombinations(space);
	const start = shard === null ? 0 : shard.index - 1;
	const step = shard === null ? 1 : shard.count;
	const combinations: SweepCombination[] = [];
	for (let index = start; index < total; index += step) {
		combinations.push(combinationAt(space, index));
	}

	return combinations;
};
