// The Subheaps panel's table: one row per linked subheap (the main pool first, then by address,
// as the document lists them), with its origin, where its memory starts, its size, how full it
// is, its largest free run and when it was added. Columns give way, least useful first, when
// the panel is narrow; rows give way, oldest first, when it is short.

import type {SnapshotDocument, SubheapRow} from '../engine/snapshot-types.js';
import {formatCompactSize, formatKernelAddress, formatKilobytes, formatMebibytes} from './format-bytes.js';
import {formatCount, formatPercent} from './format-number.js';
import {renderBar, usageTone} from './render-bar.js';
import {fitLine, padEnd, padStart, segment, type StyledLine} from './styled-line.js';
import {isRecent, type ViewFacts} from './view-facts.js';

const CHUNK_SIZE = 32;
const MIN_BAR = 6;
const MAX_BAR = 40;

type ColumnSet = {origin: boolean; run: boolean; added: 'long' | 'short' | false};

// From the most to the least said: the first set that leaves a useful bar is drawn.
const columnSets: ColumnSet[] = [
	{origin: true, run: true, added: 'long'},
	{origin: true, run: false, added: 'long'},
	{origin: true, run: false, added: 'short'},
	{origin: true, run: false, added: false},
	{origin: false, run: false, added: 'short'},
	{origin: false, run: false, added: false},
];

type Columns = ColumnSet & {id: number; bar: number};

const idWidth = (document: SnapshotDocument): number =>
	Math.max(2, ...document.subheaps.map((row) => String(row.id).length));

const fixedWidth = (set: ColumnSet, id: number): number =>
	1 + id + 2 + (set.origin ? 10 : 0) + 11 + 2 + 6 + 2 + 1 + 6 + (set.run ? 9 : 0) + (set.added === 'long' ? 15 : set.added === 'short' ? 10 : 0) + 6;

export const chooseColumns = (document: SnapshotDocument, width: number): Columns => {
	const id = idWidth(document);
	const set = columnSets.find((candidate) => width - fixedWidth(candidate, id) >= MIN_BAR) ?? columnSets.at(-1)!;
	return {...set, id, bar: Math.min(MAX_BAR, Math.max(1, width - fixedWidth(set, id)))};
};

const addedText = (row: SubheapRow, columns: Columns): string => {
	if (row.origin === 'pool') {
		return 'boot';
	}

	return columns.added === 'long' ? `tick ${formatCount(row.addedAtTick)}` : `t${formatCount(row.addedAtTick)}`;
};

export const subheapHeader = (document: SnapshotDocument, width: number): StyledLine => {
	const columns = chooseColumns(document, width);
	let text = ` ${padStart('#', columns.id)}  ${columns.origin ? 'origin    ' : ''}${padEnd('address', 11)}  ${padStart('size', 6)}  ${padEnd('used', columns.bar + 7)}`;
	if (columns.run) {
		text += `  ${padStart('largest', 7)}`;
	}

	if (columns.added) {
		text += `  ${'added'}`;
	}

	return fitLine([segment(text, 'dim')], width);
};

export const subheapRow = (row: SubheapRow, document: SnapshotDocument, facts: ViewFacts, width: number): StyledLine => {
	const columns = chooseColumns(document, width);
	const fraction = row.totalChunks > 0 ? row.allocatedChunks / row.totalChunks : 0;
	const bar = renderBar(fraction, columns.bar);
	const tone = usageTone(fraction);
	const isNew = row.origin !== 'pool' && isRecent(facts, document.run.tick, row.addedAtTick);
	const line: StyledLine = [
		segment(` ${padStart(String(row.id), columns.id)}  `, 'bold'),
		...(columns.origin ? [segment(padEnd(row.origin, 10), row.origin === 'pool' ? 'dim' : 'accent')] : []),
		segment(formatKernelAddress(row.base)),
		segment(`  ${padStart(formatKilobytes(row.memoryBytes), 6)}  `),
		segment(bar.filled, tone),
		segment(bar.empty, 'dim'),
		segment(` ${padStart(formatPercent(fraction), 6)}`, tone),
	];
	if (columns.run) {
		line.push(segment(`  ${padStart(formatCompactSize(row.largestFreeRunChunks * CHUNK_SIZE), 7)}`));
	}

	if (columns.added) {
		line.push(segment(`  ${padEnd(addedText(row, columns), columns.added === 'long' ? 13 : 8)}`, 'dim'));
	}

	line.push(segment(isNew ? ' ← new' : '      ', 'flash'));
	return fitLine(isNew ? line : line.slice(0, -1), width);
};

/**
The rows that fit in `slots` lines (all when undefined). When some must go, the pool stays and
the newest subheaps stay (that is where things happen), still in the document's order, and the
last line says how many were left out and what they hold.
*/
export const describeSubheapRows = (document: SnapshotDocument, facts: ViewFacts, width: number, slots?: number): StyledLine[] => {
	const rows = document.subheaps;
	if (slots === undefined || rows.length <= slots) {
		return rows.map((row) => subheapRow(row, document, facts, width));
	}

	if (slots <= 0) {
		return [];
	}

	const keep = Math.max(0, slots - 1);
	const [pool, ...others] = rows;
	const newest = [...others].sort((a, b) => b.addedAtTick - a.addedAtTick || b.id - a.id).slice(0, Math.max(0, keep - 1));
	const kept = new Set([pool, ...newest].slice(0, keep));
	const hidden = rows.filter((row) => !kept.has(row));
	const empty = hidden.filter((row) => row.allocatedChunks === 0).length;
	const bytes = hidden.reduce((sum, row) => sum + row.memoryBytes, 0);
	const summary = fitLine(
		[segment(` … ${hidden.length} more (${formatMebibytes(bytes)}, ${empty} empty): the oldest are left out`, 'dim')],
		width,
	);
	return [...rows.filter((row) => kept.has(row)).map((row) => subheapRow(row, document, facts, width)), summary];
};

/** The panel title's count: `4 linked` (and the retired ones kept). */
export const subheapTitle = (document: SnapshotDocument): string => {
	const retired = document.retiredSubheaps.length;
	return `Subheaps  ${document.subheaps.length} linked${retired > 0 ? `, ${retired} retired` : ''}`;
};
