// `kmtop workloads` and `kmtop revisions`: aligned plain-text tables.

import type {Revision} from '../kernel/revisions.js';
import {workloadKey} from '../view/live-keys.js';

type Row = string[];

export const alignColumns = (rows: Row[]): string =>
	rows
		.map((row) => {
			const widths = rows[0]!.map((_, column) => Math.max(...rows.map((other) => (other[column] ?? '').length)));
			return row
				.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
				.join('  ')
				.trimEnd();
		})
		.join('\n');

export const formatWorkloadTable = (
	workloads: Array<{name: string; description: string}>,
	defaultName: string,
): string =>
	alignColumns([
		['KEY', 'NAME', 'DESCRIPTION'],
		...workloads.map((workload, index) => [
			// The live view's key: 1…9, then 0 for the tenth (live-keys.ts).
			workloadKey(index) ?? '',
			workload.name === defaultName ? `${workload.name} (default)` : workload.name,
			workload.description,
		]),
	]);

export const formatRevisionTable = (revisions: readonly Revision[], defaultId: string): string =>
	`${alignColumns([
		['ID', 'COMMIT', 'DATE', 'WHAT CHANGED'],
		...revisions.map((revision) => [
			revision.id === defaultId ? `${revision.id} *` : revision.id,
			revision.commit,
			revision.date,
			revision.summary,
		]),
	])}\n\n* default. 860a3bbce34 (2021-02-28, "= default") only shrank the kernel image: it boots as 2021-02-23.`;
