// The help overlay: every key of the live view (live-keys.ts), what still works on the panic screen,
// and what each kernel revision changed, the running one marked. Everything wraps; nothing is
// cut: what does not fit in the height is left out whole and a last line says where it is.

import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {revisions} from '../kernel/revisions.js';
import {exploreKeys, exploreKeysShort, haltedKeys, haltedLookKeys, liveKeys, liveKeysShort, workloadKey, type KeyRow} from './live-keys.js';
import {fitLine, padEnd, segment, type StyledLine} from './styled-line.js';
import {wrapLine, wrapText} from './wrap-text.js';

/** `  keys       what they do`, the text wrapped under itself, in `width` columns. */
const keyCell = ([keys, action]: KeyRow, labelWidth: number, width: number): StyledLine[] =>
	wrapText(action, Math.max(8, width - labelWidth - 2)).map((piece, index) =>
		fitLine([segment(`  ${padEnd(index === 0 ? keys : '', labelWidth)}`, 'bold'), segment(piece)], width),
	);

const keyRows = (rows: KeyRow[], width: number): StyledLine[] => {
	const labelWidth = Math.max(...rows.map(([keys]) => keys.length)) + 2;
	return rows.flatMap((row) => keyCell(row, labelWidth, width));
};

/** `1 steady  2 vmobject-churn …` wrapped: the keys 1…9 and 0 select them (w / W reach all). */
const workloadLines = (workloads: readonly string[], width: number): StyledLine[] =>
	wrapText(workloads.map((name, index) => `${workloadKey(index) ?? '·'} ${name}`.replaceAll(' ', '\u00A0')).join('  '), width - 2).map((line) =>
		fitLine([segment(`  ${line.replaceAll('\u00A0', ' ')}`)], width),
	);

/** The keys for moving around in one wrapped line: the help of a terminal short of height (the footer says what each does). */
const exploreLine = (width: number): StyledLine[] =>
	wrapLine([segment('Moving around  ', 'bold'), segment(exploreKeysShort.map(([keys]) => keys).join(' · '), 'dim')], width, '  ').map((line) => fitLine(line, width));

/**
Every key with what it does; the keys for moving around in full (`explore: 'full'`) or, where
the height is short, by name in a line.
*/
export const describeHelpKeys = (width: number, workloads: readonly string[] = [], explore: 'full' | 'line' = 'full'): StyledLine[] => [
	fitLine([segment('Keys', 'bold')], width),
	...keyRows(liveKeys, width),
	fitLine([], width),
	...(explore === 'full' ? [fitLine([segment('Moving around', 'bold')], width), ...keyRows(exploreKeys, width)] : exploreLine(width)),
	fitLine([], width),
	fitLine([segment('After a kernel panic', 'bold')], width),
	...keyRows([...haltedKeys, ...haltedLookKeys], width),
	...(workloads.length > 0 ? [fitLine([], width), fitLine([segment('Workloads', 'bold')], width), ...workloadLines(workloads, width)] : []),
	fitLine([], width),
	fitLine([segment('Any key closes this help.', 'dim')], width),
];

/** `rows` in two columns, filled down the left one first. */
const twoColumns = (rows: KeyRow[], width: number): StyledLine[] => {
	const half = Math.floor(width / 2);
	const labelWidth = Math.max(...rows.map(([keys]) => keys.length)) + 2;
	const count = Math.ceil(rows.length / 2);
	return Array.from({length: count}, (_, row) => {
		const left = keyCell(rows[row]!, labelWidth, half);
		const right = rows[row + count] ? keyCell(rows[row + count]!, labelWidth, width - half) : [];
		return Array.from({length: Math.max(left.length, right.length)}, (_, line) => fitLine([...(left[line] ?? fitLine([], half)), ...(right[line] ?? [])], width));
	}).flat();
};

/** The keys in two columns and the panic keys in a sentence: the help of a small terminal. */
export const describeHelpKeysCompact = (width: number): StyledLine[] => [
	fitLine([segment('Keys', 'bold')], width),
	...twoColumns(liveKeysShort, width),
	// The keys alone, in one line at 60 columns (the footer says what the focused panel's do).
	...wrapLine([segment('Moving  ', 'bold'), segment('Tab ↑↓ Enter Esc m k a < > / n N e E mouse', 'dim')], width, '  ').map((line) => fitLine(line, width)),
	...wrapLine([segment('After a panic  ', 'bold'), segment('r, v / V, s, q, ← → [ ] g, m and a work; the workload keys switch and reboot', 'dim')], width, '  ').map((line) =>
		fitLine(line, width),
	),
];

/** A revision's block: its title, then its changes (detailed) or its one-line summary, wrapped. */
const revisionBlock = (document: SnapshotDocument, index: number, detailed: boolean, width: number): StyledLine[] => {
	const revision = revisions[index]!;
	const running = revision.id === document.run.revision;
	const mark = running ? segment('▸ ', 'good') : segment('  ');
	const id = segment(revision.id, running ? 'good' : 'accent');
	if (!detailed) {
		return wrapLine([mark, id, segment(`  ${revision.summary}`, 'dim')], width, ' '.repeat(14)).map((line) => fitLine(line, width));
	}

	return [
		...wrapLine([mark, id, segment(`  ${revision.commit}`, 'dim')], width, ' '.repeat(14)).map((line) => fitLine(line, width)),
		...revision.changes.flatMap((change) =>
			wrapText(change, width - 6).map((piece, line) => fitLine([segment(line === 0 ? '    · ' : '      ', 'dim'), segment(piece)], width)),
		),
	];
};

/** The running revision first, then its neighbours outwards (where v and V go). */
const byCloseness = (document: SnapshotDocument): number[] => {
	const running = Math.max(0, revisions.findIndex((revision) => revision.id === document.run.revision));
	return revisions.map((_, index) => index).sort((a, b) => Math.abs(a - running) - Math.abs(b - running) || b - a);
};

/**
Each revision with what it changed, the running one marked `▸`. When that does not fit in
`height` lines, the running revision and its neighbours keep their changes and the others show
their summary; when even the summaries do not fit, the revisions nearest the running one show
and a last line says how many more `kmtop revisions` lists.
*/
export const describeRevisionChanges = (document: SnapshotDocument, width: number, height?: number): StyledLine[] => {
	const heading = wrapLine([segment('Kernel revisions', 'bold'), segment('  v / V reboot into the next / previous', 'dim')], width, '  ').map((line) => fitLine(line, width));
	if (height !== undefined && height < heading.length + 2) {
		return height > 0 ? [fitLine([segment('Kernel revisions: ', 'bold'), segment('kmtop revisions lists them', 'dim')], width)] : [];
	}

	const room = height === undefined ? Number.POSITIVE_INFINITY : height - heading.length;
	const blocks = (detailed: ReadonlySet<number>, shown: ReadonlySet<number>) =>
		revisions.flatMap((_, index) => (shown.has(index) ? revisionBlock(document, index, detailed.has(index), width) : []));
	const order = byCloseness(document);
	const all = new Set(order);
	const detailed = new Set<number>();
	if (blocks(detailed, all).length <= room) {
		for (const index of order) {
			detailed.add(index);
			if (blocks(detailed, all).length > room) {
				detailed.delete(index);
				break;
			}
		}

		return [...heading, ...blocks(detailed, all)];
	}

	const shown = new Set<number>();
	const more = (count: number) => fitLine([segment(`  + ${count} more: kmtop revisions lists them`, 'dim')], width);
	for (const index of order) {
		shown.add(index);
		if (blocks(detailed, shown).length + 1 > room) {
			shown.delete(index);
			break;
		}
	}

	return [...heading, ...blocks(detailed, shown), more(revisions.length - shown.size)].slice(0, height);
};
