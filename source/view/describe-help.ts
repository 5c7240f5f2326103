// The help overlay: every key of the live view (cli.md), what still works on the panic screen,
// and what each kernel revision changed, the running one marked.

import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {revisions} from '../kernel/revisions.js';
import {haltedKeys, liveKeys, liveKeysShort, type KeyRow} from './live-keys.js';
import {fitLine, padEnd, segment, type StyledLine} from './styled-line.js';
import {wrapText} from './wrap-text.js';

const keyRows = (rows: KeyRow[], width: number): StyledLine[] => {
	const labelWidth = Math.max(...rows.map(([keys]) => keys.length)) + 2;
	return rows.flatMap(([keys, action]) =>
		wrapText(action, Math.max(10, width - labelWidth - 2)).map((piece, index) =>
			fitLine([segment(`  ${padEnd(index === 0 ? keys : '', labelWidth)}`, 'bold'), segment(piece)], width),
		),
	);
};

/** `1 steady  2 vmobject-churn …` wrapped: the numbers the keys 1…9 select (w / W reach all). */
const workloadLines = (workloads: readonly string[], width: number): StyledLine[] =>
	wrapText(workloads.map((name, index) => `${index < 9 ? index + 1 : '·'} ${name}`.replaceAll(' ', '\u00A0')).join('  '), width - 2).map((line) =>
		fitLine([segment(`  ${line.replaceAll('\u00A0', ' ')}`)], width),
	);

export const describeHelpKeys = (width: number, workloads: readonly string[] = []): StyledLine[] => [
	fitLine([segment('Keys', 'bold')], width),
	...keyRows(liveKeys, width),
	fitLine([], width),
	fitLine([segment('After a kernel panic', 'bold')], width),
	...keyRows(haltedKeys, width),
	...(workloads.length > 0 ? [fitLine([], width), fitLine([segment('Workloads', 'bold')], width), ...workloadLines(workloads, width)] : []),
	fitLine([], width),
	fitLine([segment('Any key closes this help.', 'dim')], width),
];

/** The keys in two columns and the panic keys on one line: the help of a small terminal. */
export const describeHelpKeysCompact = (width: number): StyledLine[] => {
	const half = Math.floor(width / 2);
	const labelWidth = Math.max(...liveKeysShort.map(([keys]) => keys.length)) + 2;
	const cell = ([keys, action]: KeyRow): StyledLine => fitLine([segment(`  ${padEnd(keys, labelWidth)}`, 'bold'), segment(action)], half);
	const rows = Math.ceil(liveKeysShort.length / 2);
	return [
		fitLine([segment('Keys', 'bold')], width),
		...Array.from({length: rows}, (_, row) =>
			fitLine([...cell(liveKeysShort[row]!), ...(liveKeysShort[row + rows] ? cell(liveKeysShort[row + rows]!) : [])], width),
		),
		fitLine([segment('After a panic  ', 'bold'), segment('r, v / V, s and q work; 1..9 and w / W switch and reboot', 'dim')], width),
	];
};

/**
Each revision with what it changed, the running one marked `▸`. When that does not fit in
`height` lines: each change on one line (cut), then one line per revision (its summary).
*/
export const describeRevisionChanges = (document: SnapshotDocument, width: number, height?: number): StyledLine[] => {
	const heading = fitLine([segment('Kernel revisions', 'bold'), segment('  (v / V to reboot into the next / previous)', 'dim')], width);
	const running = (id: string) => id === document.run.revision;
	const title = (id: string, rest: string) =>
		fitLine([running(id) ? segment('▸ ', 'good') : segment('  '), segment(id, running(id) ? 'good' : 'accent'), segment(rest, 'dim')], width);
	const detailed = (wrap: boolean) =>
		revisions.flatMap((revision) => [
			title(revision.id, `  ${revision.commit}`),
			...revision.changes.flatMap((change) =>
				(wrap ? wrapText(change, width - 6) : [change]).map((piece, index) => fitLine([segment(index === 0 ? '    · ' : '      ', 'dim'), segment(piece)], width)),
			),
		]);
	for (const wrap of [true, false]) {
		const lines = detailed(wrap);
		if (height === undefined || lines.length + 1 <= height) {
			return [heading, ...lines];
		}
	}

	const summaries = revisions.map((revision) => title(revision.id, `  ${revision.summary}`));
	return [heading, ...summaries].slice(0, height);
};
