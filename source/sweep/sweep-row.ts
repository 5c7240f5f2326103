// One run of a sweep: what it was (workload, revision, seed, RAM, ticks) and what came of it.
// jsonl and csv write these fields in this order; `kmtop sweep merge` reads them back and checks
// every one, so a row is the same whichever command or shard wrote it.

import type {KnownHang} from '../engine/session-journal.js';
import {kebabCase} from '../engine/workload-loader.js';

/** Where a worker finds a workload: a built-in by name, or a module by absolute path. */
export type WorkloadSource = {kind: 'builtin'; name: string} | {kind: 'path'; path: string};

/** One run to do: the options of the `kmtop snapshot` it equals. */
export type SweepCombination = {
	/** The workload's own name (for a module, what its default export calls itself). */
	workload: string;
	source: WorkloadSource;
	revision: string;
	seed: number;
	ramBytes: number;
	ticks: number;
	debugAsserts: boolean;
	/** A workload hook running longer is stopped as hung (`--tick-timeout`). */
	tickTimeoutMs: number;
	/** Where an earlier attempt of this run hung: a replay records the hang there, as a snapshot's does. */
	knownHangs?: KnownHang[];
};

export type SweepRow = {
	workload: string;
	revision: string;
	seed: number;
	ramBytes: number;
	/** Asked for (`--ticks`). */
	ticks: number;
	/** Run: fewer than `ticks` when the kernel panicked. Figures are null when the run failed. */
	ticksRun: number | null;
	heapTotalBytes: number | null;
	heapAllocatedBytes: number | null;
	/** The largest the kmalloc heap (every subheap, not the backup) was at any point of the run. */
	peakHeapBytes: number | null;
	subheapsAdded: number | null;
	subheapsRemoved: number | null;
	backupConsumed: number | null;
	backupReplaced: number | null;
	backupFailed: number | null;
	/** The tick of the first subheap added after boot; null when the heap never grew. */
	firstExpansionTick: number | null;
	panicKind: string | null;
	panicTick: number | null;
	panicLine: string | null;
	workloadErrorTick: number | null;
	workloadError: string | null;
	/** Why the run itself failed (a worker that threw or died, a module that would not load). */
	error: string | null;
	wallMs: number;
};

// `count`: a tick, a size or a number of events, never below 0 (a seed may be: `--seeds -3..3`).
// `name`: a workload's name, kebab-case as every workload's is (workload-loader.ts): a row edited to
// hold anything else (an escape sequence) would go raw into the table and the csv.
type FieldKind = 'name' | 'string' | 'integer' | 'count' | 'count?' | 'string?' | 'number';

/** Every field, in the order written, with what a merge accepts for it. */
export const rowFields: ReadonlyArray<readonly [keyof SweepRow, FieldKind]> = [
	['workload', 'name'],
	['revision', 'string'],
	['seed', 'integer'],
	['ramBytes', 'count'],
	['ticks', 'count'],
	['ticksRun', 'count?'],
	['heapTotalBytes', 'count?'],
	['heapAllocatedBytes', 'count?'],
	['peakHeapBytes', 'count?'],
	['subheapsAdded', 'count?'],
	['subheapsRemoved', 'count?'],
	['backupConsumed', 'count?'],
	['backupReplaced', 'count?'],
	['backupFailed', 'count?'],
	['firstExpansionTick', 'count?'],
	['panicKind', 'string?'],
	['panicTick', 'count?'],
	['panicLine', 'string?'],
	['workloadErrorTick', 'count?'],
	['workloadError', 'string?'],
	['error', 'string?'],
	['wallMs', 'number'],
];

const fits = (kind: FieldKind, value: unknown): boolean => {
	if (value === null && kind.endsWith('?')) {
		return true;
	}

	switch (kind.replace('?', '')) {
		case 'name': {
			return typeof value === 'string' && kebabCase.test(value);
		}

		case 'string': {
			return typeof value === 'string';
		}

		case 'integer': {
			return Number.isSafeInteger(value);
		}

		case 'count': {
			// A row edited by hand or cut and pasted: a negative size would print as `-0.0 MiB`.
			return Number.isSafeInteger(value) && (value as number) >= 0;
		}

		default: {
			return typeof value === 'number' && Number.isFinite(value) && value >= 0;
		}
	}
};

const describeKind = (kind: FieldKind) =>
	({name: 'a kebab-case workload name', string: 'a string', integer: 'an integer', count: 'an integer ≥ 0', number: 'a number of milliseconds'})[kind.replace('?', '') as 'string'] + (kind.endsWith('?') ? ' or null' : '');

/** A row, with its keys in the written order, or what is wrong with the value. */
export const checkRow = (value: unknown): SweepRow | string => {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return 'not a JSON object';
	}

	const record = value as Record<string, unknown>;
	const known = new Set<string>(rowFields.map(([name]) => name));
	const unexpected = Object.keys(record).find((key) => !known.has(key));
	if (unexpected !== undefined) {
		return `unexpected field "${unexpected}"`;
	}

	const row: Record<string, unknown> = {};
	for (const [name, kind] of rowFields) {
		if (!(name in record)) {
			return `no "${name}" field`;
		}

		if (!fits(kind, record[name])) {
			return `"${name}" must be ${describeKind(kind)}, got ${JSON.stringify(record[name])}`;
		}

		row[name] = record[name];
	}

	return row as SweepRow;
};

/** What identifies a run: two rows with the same key are the same run done twice. */
export const runKey = (row: Pick<SweepRow, 'workload' | 'revision' | 'seed' | 'ramBytes' | 'ticks'>): string =>
	JSON.stringify([row.workload, row.revision, row.ramBytes, row.ticks, row.seed]);

/** The row of a run that could not be done: its options, and why. */
export const failedRow = (combination: SweepCombination, error: string, wallMs = 0): SweepRow => ({
	workload: combination.workload,
	revision: combination.revision,
	seed: combination.seed,
	ramBytes: combination.ramBytes,
	ticks: combination.ticks,
	ticksRun: null,
	heapTotalBytes: null,
	heapAllocatedBytes: null,
	peakHeapBytes: null,
	subheapsAdded: null,
	subheapsRemoved: null,
	backupConsumed: null,
	backupReplaced: null,
	backupFailed: null,
	firstExpansionTick: null,
	panicKind: null,
	panicTick: null,
	panicLine: null,
	workloadErrorTick: null,
	workloadError: null,
	error,
	wallMs,
});
