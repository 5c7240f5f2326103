// The holders table was the largest thing in a live view: about 40,000 characters of JSON at the
// defaults (vmobject-churn, 240 rows), stringified, posted and parsed four times a second, when
// only about 43 rows change from one view to the next. The rest differ only in their share, which
// is their live bytes over the heap's allocated bytes and so moves for every row whenever the heap
// does, and in their place, since the table is sorted by live bytes.
//
// So the table crosses as the rows that changed (whole, share and all), and the ids in the table's
// order; the UI takes every other row from the table it has and makes its share again with the
// engine's own function (holderShare) from the same two numbers, the row's live bytes and the
// document's heap.allocatedBytes. Nothing is assumed: the engine leaves a row out only when every
// key of it, in the same order, is the same JSON value as the row the UI has, and its share is what
// the UI will make; otherwise the row crosses, or the table goes whole.

import {holderShare} from './build-holders.js';
import type {HolderRow} from './snapshot-types.js';

/** The rows that changed, whole, and the ids of the table's rows in its order. */
export type HolderRowsDelta = {rows: HolderRow[]; order: number[]};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value JSON gives back as it was: equal values read the same and the same text means equal values. */
const isPlainValue = (value: unknown): boolean =>
	value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

/** Rows by id, or undefined when they are not rows of one table (not records, an id not a number, an id twice). */
const indexRows = (rows: unknown): Map<number, Record<string, unknown>> | undefined => {
	if (!Array.isArray(rows)) {
		return undefined;
	}

	const byId = new Map<number, Record<string, unknown>>();
	for (const row of rows as unknown[]) {
		if (!isRecord(row) || typeof row.id !== 'number' || byId.has(row.id)) {
			return undefined;
		}

		byId.set(row.id, row);
	}

	return byId;
};

/**
Whether the UI can make `next` from `previous`: the same keys in the same order, each the same
plain value, except the share, which must be what holderShare makes of the row's live bytes.
*/
const isRemade = (previous: Record<string, unknown>, next: Record<string, unknown>, allocatedBytes: number): boolean => {
	const keys = Object.keys(next);
	const previousKeys = Object.keys(previous);
	if (keys.length !== previousKeys.length) {
		return false;
	}

	for (let index = 0; index < keys.length; index++) {
		const key = keys[index]!;
		if (key !== previousKeys[index]) {
			return false;
		}

		const value = next[key];
		if (key === 'share') {
			if (typeof next.liveBytes !== 'number' || !Object.is(value, holderShare(next.liveBytes, allocatedBytes))) {
				return false;
			}
		} else if (value !== previous[key] || !isPlainValue(value)) {
			return false;
		}
	}

	return 'share' in next;
};

/**
The engine's side: what the UI needs to make `next` from `previous`, the table it has (null:
nothing moved; undefined: send the table whole).
*/
export const holderRowsDelta = (previous: unknown, next: unknown, allocatedBytes: unknown): HolderRowsDelta | null | undefined => {
	if (previous === next) {
		return null;
	}

	const previousRows = indexRows(previous);
	if (!previousRows || !Array.isArray(next) || typeof allocatedBytes !== 'number') {
		return undefined;
	}

	const rows: HolderRow[] = [];
	const order: number[] = [];
	const seen = new Set<number>();
	let moved = (next as unknown[]).length !== (previous as unknown[]).length;
	for (const [index, row] of (next as unknown[]).entries()) {
		if (!isRecord(row) || typeof row.id !== 'number' || seen.has(row.id)) {
			return undefined;
		}

		seen.add(row.id);
		order.push(row.id);
		const had = previousRows.get(row.id);
		if (had === undefined || !isRemade(had, row, allocatedBytes)) {
			rows.push(row as HolderRow);
			moved = true;
			continue;
		}

		// Left out, but its place or its share moved: the UI must make the table again.
		moved ||= had !== (previous as unknown[])[index] || !Object.is(had.share, row.share);
	}

	return moved ? {rows, order} : null;
};

/**
The UI's side: `previous` made into the engine's table. A row that did not cross and whose share
stands is the very object it was (the holders' panel compares rows, not their text).
*/
export const applyHolderRowsDelta = (previous: readonly HolderRow[], delta: HolderRowsDelta, allocatedBytes: number): HolderRow[] => {
	const had = new Map<number, HolderRow>();
	for (const row of previous) {
		had.set(row.id, row);
	}

	const crossed = new Map<number, HolderRow>();
	for (const row of delta.rows) {
		crossed.set(row.id, row);
	}

	return delta.order.map((id) => {
		const row = crossed.get(id);
		if (row !== undefined) {
			return row;
		}

		const kept = had.get(id);
		if (kept === undefined) {
			throw new Error(`the holders table crossed without row ${id}`);
		}

		const share = holderShare(kept.liveBytes, allocatedBytes);
		return Object.is(share, kept.share) ? kept : {...kept, share};
	});
};
