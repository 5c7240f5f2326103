// The one order every sweep lists its runs in, whatever order the command line named them in:
// workloads as `kmtop workloads` lists them (then modules by name), revisions oldest first as
// `kmtop revisions` lists them (then any unknown id by name), RAM and ticks ascending, seeds
// ascending. Shards are cut from this order, rows are written in it, and a merge sorts into it,
// so a merged sweep prints exactly what the unsharded one does.

import type {SweepRow} from './sweep-row.js';

export type KnownNames = {
	/** Built-in workloads in list order. */
	workloadNames: readonly string[];
	/** Revisions oldest first. */
	revisionIds: readonly string[];
};

// Known names by their place in the list, any other name after them, alphabetically.
const compareByList = (list: readonly string[]) => (a: string, b: string): number => {
	const rankA = list.indexOf(a);
	const rankB = list.indexOf(b);
	if (rankA !== -1 || rankB !== -1) {
		return (rankA === -1 ? list.length : rankA) - (rankB === -1 ? list.length : rankB);
	}

	return a < b ? -1 : a > b ? 1 : 0;
};

export const compareWorkloads = (known: KnownNames) => compareByList(known.workloadNames);
export const compareRevisions = (known: KnownNames) => compareByList(known.revisionIds);

/** Sorted into the canonical order, each name once. */
export const orderNames = (names: readonly string[], compare: (a: string, b: string) => number): string[] =>
	[...new Set(names)].sort(compare);

type RunFields = Pick<SweepRow, 'workload' | 'revision' | 'ramBytes' | 'ticks' | 'seed'>;

/** The canonical order of runs (and of the summary's groups, which leave the seed out). */
export const compareRuns = (known: KnownNames) => {
	const workloads = compareWorkloads(known);
	const revisions = compareRevisions(known);
	return (a: RunFields, b: RunFields): number =>
		workloads(a.workload, b.workload) ||
		revisions(a.revision, b.revision) ||
		a.ramBytes - b.ramBytes ||
		a.ticks - b.ticks ||
		a.seed - b.seed;
};
