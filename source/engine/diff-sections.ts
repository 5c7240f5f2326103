// The three sections of a live document that are big and change on every view, sent as what
// changed in them (document-delta.ts sends the others as their JSON text). They were most of a
// view's bytes (vmobject-churn: holders 40 KiB, history 16 KiB, events 8 KiB of about 70), and
// making their JSON only to find that they changed was most of the engine's publishing:
// - history: each series is the last one with its oldest samples dropped and new ones appended;
// - events: the log keeps a subsequence of the events it had, and appends the new ones;
// - holders: a row per holder, in an order that moves, most rows as they were; a row whose figures
//   did not change still has a new share whenever the heap's allocated bytes moved, so the share
//   is worked out on the UI from the row's bytes, as build-holders.ts works it out.
// Each diff compares values as the document's JSON would give them back, and whatever does not
// fit its shape crosses whole, as JSON text: the document the UI rebuilds is the one it would
// have parsed, value for value. Unchanged rows and events keep their identity on the UI.

import {holderShare} from './build-holders.js';
import type {HistorySeries, HolderRow, SnapshotEvent} from './snapshot-types.js';

/** A series as the last one's newest `keep` values and `add` after them. */
type SeriesPatch<Value = number> = {keep: number; add: Value[]};

export type HistoryPatch = {kind: 'history'; everyTicks: number; series: Record<string, SeriesPatch>; coarse?: {everyTicks: number; series: Record<string, SeriesPatch>}};
/** The kept events as runs of the last list (start, end, start, end…), then `add` (JSON text). */
export type EventsPatch = {kind: 'events'; keep: number[]; add: string};
/** Holder ids in order; rows new or changed, each as its values in holderKeys' order (JSON text); the allocated bytes the others' shares are of. */
export type HoldersPatch = {kind: 'holders'; order: number[]; rows: string; allocatedBytes: number};
/** The kernel log's lines, a series too (its newest lines, oldest first). */
export type LinesPatch = {kind: 'lines'} & SeriesPatch<string>;
export type SectionPatch = HistoryPatch | EventsPatch | HoldersPatch | LinesPatch;

/** Most appended values a series diff looks for (a view every 250 ms appends a few). */
const MOST_APPENDED = 256;

const isFiniteNumbers = (values: unknown): values is number[] => {
	if (!Array.isArray(values)) {
		return false;
	}

	for (const value of values as unknown[]) {
		if (typeof value !== 'number' || !Number.isFinite(value)) {
			return false;
		}
	}

	return true;
};

const isStrings = (values: unknown): values is string[] => Array.isArray(values) && (values as unknown[]).every((value) => typeof value === 'string');

/**
`next` as `previous`'s newest values and some appended, or undefined when it is not that. Every
value of `next` is a finite number or a string (checked first), so a kept value equal to it is one too.
*/
const diffSeries = <Value extends number | string>(previous: unknown[], next: Value[]): SeriesPatch<Value> | undefined => {
	for (let added = 0; added <= Math.min(next.length, MOST_APPENDED); added++) {
		const keep = next.length - added;
		if (keep > previous.length) {
			continue;
		}

		const offset = previous.length - keep;
		let same = true;
		for (let index = 0; index < keep && same; index++) {
			same = previous[offset + index] === next[index];
		}

		if (same) {
			return {keep, add: next.slice(keep)};
		}
	}

	return undefined;
};

const seriesKeys = ['kmallocAllocated', 'kmallocAvailable', 'subheapCount', 'kmallocCalls', 'kfreeCalls'] as const;
const coarseKeys = ['kmallocAllocated', 'kmallocAvailable'] as const;

const sameKeys = (a: object, b: readonly string[]): boolean => {
	const keys = Object.keys(a);
	return keys.length === b.length && keys.every((key, index) => key === b[index]);
};

const diffAll = (previous: Record<string, unknown>, next: Record<string, unknown>, keys: readonly string[]): Record<string, SeriesPatch> | undefined => {
	const series: Record<string, SeriesPatch> = {};
	for (const key of keys) {
		const before = previous[key];
		const after = next[key];
		const patch = Array.isArray(before) && isFiniteNumbers(after) ? diffSeries(before as unknown[], after) : undefined;
		if (!patch) {
			return undefined;
		}

		series[key] = patch;
	}

	return series;
};

export const diffHistory = (previous: HistorySeries, next: HistorySeries): HistoryPatch | undefined => {
	const withCoarse = next.coarse !== undefined;
	if (!sameKeys(next, ['everyTicks', ...seriesKeys, ...(withCoarse ? ['coarse'] : [])]) || !sameKeys(previous, Object.keys(next)) || typeof next.everyTicks !== 'number') {
		return undefined;
	}

	const series = diffAll(previous, next, seriesKeys);
	if (!series) {
		return undefined;
	}

	if (!withCoarse) {
		return {kind: 'history', everyTicks: next.everyTicks, series};
	}

	const coarse = next.coarse!;
	const coarseSeries = sameKeys(coarse, ['everyTicks', ...coarseKeys]) && sameKeys(previous.coarse!, Object.keys(coarse)) && typeof coarse.everyTicks === 'number' ? diffAll(previous.coarse!, coarse, coarseKeys) : undefined;
	return coarseSeries ? {kind: 'history', everyTicks: next.everyTicks, series, coarse: {everyTicks: coarse.everyTicks, series: coarseSeries}} : undefined;
};

const patchSeries = <Value>(previous: Value[], patch: SeriesPatch<Value>): Value[] => [...previous.slice(previous.length - patch.keep), ...patch.add];

/** The kernel log's lines: its oldest dropped, new ones appended. */
export const diffLines = (previous: unknown, next: unknown): LinesPatch | undefined => {
	const patch = Array.isArray(previous) && isStrings(next) ? diffSeries(previous as unknown[], next) : undefined;
	return patch && {kind: 'lines', ...patch};
};

export const patchLines = (previous: string[], patch: LinesPatch): string[] => patchSeries(previous, patch);

const patchAll = (previous: Record<string, unknown>, series: Record<string, SeriesPatch>): Record<string, number[]> =>
	Object.fromEntries(Object.entries(series).map(([key, patch]) => [key, patchSeries(previous[key] as number[], patch)]));

export const patchHistory = (previous: HistorySeries, patch: HistoryPatch): HistorySeries => {
	const history = {everyTicks: patch.everyTicks, ...patchAll(previous, patch.series)} as HistorySeries;
	if (patch.coarse) {
		history.coarse = {everyTicks: patch.coarse.everyTicks, ...patchAll(previous.coarse!, patch.coarse.series)} as HistorySeries['coarse'];
	}

	return history;
};

/** A value JSON gives back as it is: a string, a finite number, a boolean or null. */
const samePlain = (a: unknown, b: unknown): boolean =>
	a === b && (typeof a === 'string' || typeof a === 'boolean' || a === null || (typeof a === 'number' && Number.isFinite(a)));

/** Whether two events give the same JSON: flat objects of plain values, compared key by key. */
const sameEvent = (a: object, b: object): boolean => {
	const keysA = Object.keys(a);
	const keysB = Object.keys(b);
	return (
		keysA.length === keysB.length
		&& keysA.every((key, index) => key === keysB[index] && samePlain((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
	);
};

/**
The new list as runs of the last one and what was appended: walking both in order, an event of
the last list is kept when the next one still to place is the same, and the first event found
in none of the rest begins what was appended.
*/
export const diffEvents = (previous: readonly SnapshotEvent[], next: readonly SnapshotEvent[]): EventsPatch => {
	const keep: number[] = [];
	let from = 0;
	let index = 0;
	for (; index < next.length; index++) {
		let at = from;
		while (at < previous.length && !sameEvent(previous[at]!, next[index]!)) {
			at++;
		}

		if (at === previous.length) {
			break;
		}

		if (keep.length > 0 && keep.at(-1) === at) {
			keep[keep.length - 1] = at + 1;
		} else {
			keep.push(at, at + 1);
		}

		from = at + 1;
	}

	return {kind: 'events', keep, add: JSON.stringify(next.slice(index))};
};

export const patchEvents = (previous: readonly SnapshotEvent[], patch: EventsPatch): SnapshotEvent[] => {
	const events: SnapshotEvent[] = [];
	for (let run = 0; run < patch.keep.length; run += 2) {
		for (let index = patch.keep[run]!; index < patch.keep[run + 1]!; index++) {
			events.push(previous[index]!);
		}
	}

	events.push(...(JSON.parse(patch.add) as SnapshotEvent[]));
	return events;
};

/** A row's keys, in build-holders.ts' order. */
const holderKeys = ['id', 'process', 'purpose', 'workload', 'liveBlocks', 'liveBytes', 'share', 'kmallocCount', 'kfreeCount'] as const;

const finite = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);
const text = (value: unknown): boolean => value === null || typeof value === 'string';

/**
A row the UI can keep: its figures as before, and its share the one its bytes give now. The rows
are build-holders.ts' (that object literal's keys, no other), so their values are what is checked.
*/
const keptRow = (before: HolderRow | undefined, row: HolderRow, allocatedBytes: number): boolean =>
	before !== undefined
	&& before.process === row.process
	&& before.purpose === row.purpose
	&& before.workload === row.workload
	&& before.liveBlocks === row.liveBlocks
	&& before.liveBytes === row.liveBytes
	&& before.kmallocCount === row.kmallocCount
	&& before.kfreeCount === row.kfreeCount
	&& row.share === holderShare(row.liveBytes, allocatedBytes)
	&& text(row.process)
	&& text(row.purpose)
	&& text(row.workload)
	&& finite(row.liveBlocks)
	&& finite(row.liveBytes)
	&& finite(row.kmallocCount)
	&& finite(row.kfreeCount);

/** `previous`: the rows last sent, by id. */
export const diffHolders = (previous: ReadonlyMap<number, HolderRow>, next: readonly HolderRow[], allocatedBytes: number): HoldersPatch | undefined => {
	const changed: HolderRow[] = [];
	const order: number[] = [];
	const seen = new Set<number>();
	for (const row of next) {
		if (!finite(row.id) || seen.has(row.id)) {
			return undefined;
		}

		seen.add(row.id);
		order.push(row.id);
		if (!keptRow(previous.get(row.id), row, allocatedBytes)) {
			changed.push(row);
		}
	}

	return {kind: 'holders', order, rows: JSON.stringify(changed.map((row) => holderKeys.map((key) => row[key]))), allocatedBytes};
};

export const patchHolders = (previous: readonly HolderRow[], patch: HoldersPatch): HolderRow[] => {
	const before = new Map(previous.map((row) => [row.id, row]));
	const changed = new Map(
		(JSON.parse(patch.rows) as unknown[][]).map((values) => {
			const row = Object.fromEntries(holderKeys.map((key, index) => [key, values[index]])) as HolderRow;
			return [row.id, row];
		}),
	);
	return patch.order.map((id) => {
		const row = changed.get(id);
		if (row) {
			return row;
		}

		const kept = before.get(id)!;
		const share = holderShare(kept.liveBytes, patch.allocatedBytes);
		return share === kept.share ? kept : {...kept, share};
	});
};
