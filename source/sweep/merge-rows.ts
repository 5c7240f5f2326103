// `kmtop sweep merge`: the jsonl of several shards (or sweeps) back into one set of rows, in
// the canonical order, so the summary is exactly the one the unsharded sweep prints. Every line
// is checked; a run that appears twice (a shard merged twice, overlapping sweeps) is refused
// rather than counted twice.

import {compareRuns, type KnownNames} from './canonical-order.js';
import {checkRow, runKey, type SweepRow} from './sweep-row.js';

export type RowsFile = {file: string; text: string};

export type MergeResult = {ok: true; rows: SweepRow[]} | {ok: false; error: string};

const describeRun = (row: SweepRow) => `${row.workload} ${row.revision} seed ${row.seed} (${row.ramBytes} bytes of RAM, ${row.ticks} ticks)`;

/** The rows of every file, sorted, or the first problem as `FILE:LINE: what`. */
export const mergeRows = (files: readonly RowsFile[], known: KnownNames): MergeResult => {
	const rows: SweepRow[] = [];
	const seen = new Map<string, string>();
	const named = new Set<string>();
	for (const {file, text} of files) {
		// Said as such: run by run it would read `a.jsonl:1: the run … is also at a.jsonl:1`.
		if (named.has(file)) {
			return {ok: false, error: `${file} is named twice; merge each shard once`};
		}

		named.add(file);
		const lines = text.split('\n');
		for (const [index, line] of lines.entries()) {
			if (line.trim() === '') {
				continue;
			}

			const where = `${file}:${index + 1}`;
			let value: unknown;
			try {
				value = JSON.parse(line);
			} catch {
				return {ok: false, error: `${where}: not a line of kmtop sweep --format jsonl (not JSON)`};
			}

			const row = checkRow(value);
			if (typeof row === 'string') {
				return {ok: false, error: `${where}: not a kmtop sweep row: ${row}`};
			}

			const key = runKey(row);
			const earlier = seen.get(key);
			if (earlier !== undefined) {
				return {ok: false, error: `${where}: the run ${describeRun(row)} is also at ${earlier}; merge each shard once`};
			}

			seen.set(key, where);
			rows.push(row);
		}
	}

	return {ok: true, rows: rows.sort(compareRuns(known))};
};
