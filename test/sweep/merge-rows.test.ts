import {describe, expect, it} from 'vitest';
import {formatJsonl} from '../../source/sweep/format-rows.js';
import {mergeRows} from '../../source/sweep/merge-rows.js';
import {known, panicked, row} from './row-fixture.js';

describe('mergeRows', () => {
	it('every file, in the canonical order; blank lines are nothing', () => {
		const a = formatJsonl([row({seed: 3}), row({seed: 1, revision: '2020-12-31'})]);
		const b = `\n${formatJsonl([panicked(2, 300, 10, 8), row({seed: 9, workload: 'steady'})])}\n`;
		const result = mergeRows([{file: 'a.jsonl', text: a}, {file: 'b.jsonl', text: b}, {file: 'empty.jsonl', text: ''}], known);
		expect(result.ok && result.rows.map((merged) => `${merged.workload} ${merged.revision} ${merged.seed}`)).toEqual([
			'steady 2021-02-23 9',
			'big-allocations 2020-12-31 1',
			'big-allocations 2021-02-23 2',
			'big-allocations 2021-02-23 3',
		]);
		expect(result.ok && result.rows[2]).toEqual(panicked(2, 300, 10, 8));
	});

	it('workloads and revisions it does not know go after the known ones, by name', () => {
		const text = formatJsonl([row({workload: 'zeta'}), row({workload: 'alpha'}), row({revision: '2022-01-01'}), row({workload: 'steady'})]);
		const result = mergeRows([{file: 'x', text}], known);
		expect(result.ok && result.rows.map((merged) => `${merged.workload} ${merged.revision}`)).toEqual([
			'steady 2021-02-23',
			'big-allocations 2022-01-01',
			'alpha 2021-02-23',
			'zeta 2021-02-23',
		]);
	});

	const line = (changes: Record<string, unknown>) => JSON.stringify({...row(), ...changes});
	it.each([
		['{"workload": ', 'rows.jsonl:2: not a line of kmtop sweep --format jsonl (not JSON)'],
		['[1, 2]', 'rows.jsonl:2: not a kmtop sweep row: not a JSON object'],
		[JSON.stringify({...row(), colour: 'red'}), 'rows.jsonl:2: not a kmtop sweep row: unexpected field "colour"'],
		[JSON.stringify((({wallMs: _, ...rest}) => rest)(row())), 'rows.jsonl:2: not a kmtop sweep row: no "wallMs" field'],
		[line({seed: 1.5}), 'rows.jsonl:2: not a kmtop sweep row: "seed" must be an integer, got 1.5'],
		[line({panicTick: '5'}), 'rows.jsonl:2: not a kmtop sweep row: "panicTick" must be an integer ≥ 0 or null, got "5"'],
		// A size or a count below 0 is not a run's: merged, it printed a PEAK HEAP of -0.0 MiB.
		[line({peakHeapBytes: -5}), 'rows.jsonl:2: not a kmtop sweep row: "peakHeapBytes" must be an integer ≥ 0 or null, got -5'],
		[line({ticks: -1}), 'rows.jsonl:2: not a kmtop sweep row: "ticks" must be an integer ≥ 0, got -1'],
		// A seed may be negative (--seeds -3..3).
		[line({seed: -3, wallMs: 99}), null],
		[line({workload: null}), 'rows.jsonl:2: not a kmtop sweep row: "workload" must be a kebab-case workload name, got null'],
		// It went raw into the table and the csv: an escape sequence cleared the screen.
		[line({workload: '<script>\u001B[2J'}), 'rows.jsonl:2: not a kmtop sweep row: "workload" must be a kebab-case workload name, got "<script>\\u001b[2J"'],
		[line({wallMs: -1}), 'rows.jsonl:2: not a kmtop sweep row: "wallMs" must be a number of milliseconds, got -1'],
		[line({seed: 2, wallMs: 99}), 'rows.jsonl:2: the run big-allocations 2021-02-23 seed 2 (536870912 bytes of RAM, 8000 ticks) is also at other.jsonl:1; merge each shard once'],
	])('%s', (bad, error) => {
		const files = [
			{file: 'other.jsonl', text: formatJsonl([row({seed: 2})])},
			{file: 'rows.jsonl', text: `${formatJsonl([row({seed: 1})])}${bad}\n`},
		];
		const result = mergeRows(files, known);
		expect(error === null ? result.ok : result).toEqual(error === null ? true : {ok: false, error});
	});

	it('says so when one file is named twice, not run by run', () => {
		const text = formatJsonl([row({seed: 1}), row({seed: 2})]);
		expect(mergeRows([{file: 'a.jsonl', text}, {file: 'a.jsonl', text}], known)).toEqual({ok: false, error: 'a.jsonl is named twice; merge each shard once'});
	});
});
