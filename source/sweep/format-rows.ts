// A sweep's rows as jsonl (one JSON object a line, what `kmtop sweep merge` reads) or csv (a
// header line, then RFC 4180 fields: quoted when they hold a comma, quote or line break; null
// is an empty field). Fields in rowFields order either way.

import {rowFields, type SweepRow} from './sweep-row.js';

const ordered = (row: SweepRow): Record<string, unknown> => Object.fromEntries(rowFields.map(([name]) => [name, row[name]]));

export const formatJsonl = (rows: readonly SweepRow[]): string => rows.map((row) => `${JSON.stringify(ordered(row))}\n`).join('');

const csvField = (value: unknown): string => {
	const text = value === null ? '' : String(value);
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export const formatCsv = (rows: readonly SweepRow[]): string =>
	[rowFields.map(([name]) => name), ...rows.map((row) => rowFields.map(([name]) => row[name]))]
		.map((fields) => `${fields.map((field) => csvField(field)).join(',')}\n`)
		.join('');
