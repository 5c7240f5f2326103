// The Subheaps panel's table: one row per linked subheap (the main pool first, then by address,
// as the document lists them), with its origin, where its memory starts, its size, how full it
// is, its largest free run and when it was added; and a total the sizes add up to. Columns give
// way, least useful first, when the panel is narrow; rows give way, oldest first, when it is short.

import type {SnapshotDocument, SubheapRow} from '../engine/snapshot-types.js';
import {apportionKilobytes, formatKernelAddress, formatKilobytes, formatSize} from './format-bytes.js';
import {formatCount, formatPercent} from './format-number.js';
import {renderBar, usageTone} from './render-bar.js';
import {firstFitting, fitLine, padEnd, padStart, segment, type StyledLine} from './styled-line.js';
import {isRecent, type ViewFacts} from './view-facts.js';

const CHUNK_SIZE = 32;
const MIN_BAR = 6;
const MAX_BAR = 40;
const SIZE_WIDTH = 6;

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

type Columns = ColumnSet & {id: number; size: number; bar: number};

/**
What each subheap holds, in K, as the kernel counts it: its chunks (the memory left after the
SubHeap header and the allocation bitmap), 32 bytes each. Those add up to the heap's total, as
SystemMonitor's `Kernel heap:` total is them plus the backup; the sizes are apportioned so the
column adds up to the K of the sum exactly (see apportionKilobytes).
*/
export const subheapSizes = (document: SnapshotDocument): Map<SubheapRow, number> => {
	const sizes = apportionKilobytes(document.subheaps.map((row) => row.totalChunks * CHUNK_SIZE));
	return new Map(document.subheaps.map((row, index) => [row, sizes[index]!]));
};

/** The backup region's bytes: memstat's available is the free chunks plus the backup. */
const backupBytes = (document: SnapshotDocument): number =>
	Math.max(0, (document.memstat.kmalloc_available ?? 0) - document.heap.freeBytes);

const idWidth = (document: SnapshotDocument): number =>
	Math.max(2, ...document.subheaps.map((row) => String(row.id).length));

const sizeWidth = (document: SnapshotDocument): number => Math.max(SIZE_WIDTH, formatKilobytes(document.heap.totalBytes).length);

const fixedWidth = (set: ColumnSet, id: number, size: number): number =>
	1 + id + 2 + (set.origin ? 10 : 0) + 11 + 2 + size + 2 + 1 + 6 + (set.run ? 9 : 0) + (set.added === 'long' ? 15 : set.added === 'short' ? 10 : 0) + 6;

const columnsOf = (document: SnapshotDocument, width: number): Columns => {
	const id = idWidth(document);
	const size = sizeWidth(document);
	const set = columnSets.find((candidate) => width - fixedWidth(candidate, id, size) >= MIN_BAR) ?? columnSets.at(-1)!;
	return {...set, id, size, bar: Math.min(MAX_BAR, Math.max(1, width - fixedWidth(set, id, size)))};
};

// The header and every row ask for the same document's columns: the last answer is kept (one
// entry; a document is never changed once made, so it and the width say it all).
let lastColumns: {document: SnapshotDocument; width: number; columns: Columns} | undefined;

export const chooseColumns = (document: SnapshotDocument, width: number): Columns => {
	if (lastColumns?.document !== document || lastColumns.width !== width) {
		lastColumns = {document, width, columns: columnsOf(document, width)};
	}

	return lastColumns.columns;
};

const addedText = (row: SubheapRow, columns: Columns): string => {
	if (row.origin === 'pool') {
		return 'boot';
	}

	return columns.added === 'long' ? `tick ${formatCount(row.addedAtTick)}` : `t${formatCount(row.addedAtTick)}`;
};

export const subheapHeader = (document: SnapshotDocument, width: number): StyledLine => {
	const columns = chooseColumns(document, width);
	let text = ` ${padStart('#', columns.id)}  ${columns.origin ? 'origin    ' : ''}${padEnd('address', 11)}  ${padStart('size', columns.size)}  ${padEnd('used', columns.bar + 7)}`;
	if (columns.run) {
		text += `  ${padStart('largest', 7)}`;
	}

	if (columns.added) {
		text += `  ${'added'}`;
	}

	return fitLine([segment(text, 'dim')], width);
};

const usedCells = (allocated: number, total: number, columns: Columns): StyledLine => {
	const fraction = total > 0 ? allocated / total : 0;
	const bar = renderBar(fraction, columns.bar);
	const tone = usageTone(fraction);
	return [segment(bar.filled, tone), segment(bar.empty, 'dim'), segment(` ${padStart(formatPercent(fraction), 6)}`, tone)];
};

export const subheapRow = (
	row: SubheapRow,
	document: SnapshotDocument,
	facts: ViewFacts,
	width: number,
	sizes = subheapSizes(document),
	selected = false,
): StyledLine => {
	const columns = chooseColumns(document, width);
	const isNew = row.origin !== 'pool' && isRecent(facts, document.run.tick, row.addedAtTick);
	const line: StyledLine = [
		// The selected row: `▸` where the others have a space (it reads without colour), in reverse.
		segment(`${selected ? '▸' : ' '}${padStart(String(row.id), columns.id)}  `, selected ? 'selected' : 'bold'),
		...(columns.origin ? [segment(padEnd(row.origin, 10), row.origin === 'pool' ? 'dim' : 'accent')] : []),
		segment(formatKernelAddress(row.base)),
		segment(`  ${padStart(`${sizes.get(row) ?? 0}K`, columns.size)}  `),
		...usedCells(row.allocatedChunks, row.totalChunks, columns),
	];
	if (columns.run) {
		line.push(segment(`  ${padStart(formatSize(row.largestFreeRunChunks * CHUNK_SIZE), 7)}`));
	}

	if (columns.added) {
		line.push(segment(`  ${padEnd(addedText(row, columns), columns.added === 'long' ? 13 : 8)}`, 'dim'));
	}

	line.push(segment(isNew ? ' ← new' : '      ', 'flash'));
	return fitLine(isNew ? line : line.slice(0, -1), width);
};

/**
`       total        7951K  ████▍░░░░  44.3%  + backup 1024K = 8975K`: the subheaps' sizes add up to
this, and with the backup to SystemMonitor's `Kernel heap:` total.
*/
export const subheapTotalRow = (document: SnapshotDocument, width: number): StyledLine => {
	const columns = chooseColumns(document, width);
	const backup = backupBytes(document);
	const head: StyledLine = [
		segment(` ${' '.repeat(columns.id)}  ${columns.origin ? ' '.repeat(10) : ''}`),
		segment(padEnd('total', 11), 'bold'),
		segment(`  ${padStart(formatKilobytes(document.heap.totalBytes), columns.size)}  `, 'bold'),
		...usedCells(document.heap.allocatedBytes, document.heap.totalBytes, columns),
	];
	const withBackup: StyledLine = [segment('  + backup ', 'dim'), segment(formatSize(backup)), segment(' = ', 'dim'), segment(formatKilobytes(document.heap.totalBytes + backup), 'bold')];
	return firstFitting(width, backup > 0 ? [...head, ...withBackup] : head, head);
};

/** Where the Subheaps panel's table is scrolled to, and its selected row, when the user moves in it. */
export type SubheapSelection = {
	/** The selected subheap's id; undefined: none selected. */
	id?: number;
	/** The first row shown when the rows do not all fit. */
	top: number;
};

/** `rows 4–12 of 59`: the last line of a table scrolled through. */
const windowSummary = (first: number, last: number, count: number, width: number): StyledLine =>
	firstFitting(width, [segment(` rows ${first}–${last} of ${count}  ↑↓ PgUp PgDn Home End`, 'dim')], [segment(` rows ${first}–${last} of ${count}`, 'dim')]);

/**
The rows that fit in `slots` lines (all when undefined). When some must go, the pool stays and
the newest subheaps stay (that is where things happen), still in the document's order, and the
last line says how many were left out and what they hold. With a selection, the rows from its
`top` instead (a window the user scrolls), the selected one marked.
*/
export const describeSubheapRows = (document: SnapshotDocument, facts: ViewFacts, width: number, slots?: number, selection?: SubheapSelection): StyledLine[] => {
	const rows = document.subheaps;
	const sizes = subheapSizes(document);
	const line = (row: SubheapRow) => subheapRow(row, document, facts, width, sizes, row.id === selection?.id);
	if (slots === undefined || rows.length <= slots) {
		return rows.map((row) => line(row));
	}

	if (slots <= 0) {
		return [];
	}

	if (selection) {
		const shown = Math.max(1, slots - 1);
		const top = Math.min(Math.max(0, selection.top), rows.length - shown);
		const window = rows.slice(top, top + shown).map((row) => line(row));
		return slots > 1 ? [...window, windowSummary(top + 1, top + shown, rows.length, width)] : window;
	}

	const keep = Math.max(0, slots - 1);
	const [pool, ...others] = rows;
	const newest = [...others].sort((a, b) => b.addedAtTick - a.addedAtTick || b.id - a.id).slice(0, Math.max(0, keep - 1));
	const kept = new Set([pool, ...newest].slice(0, keep));
	const hidden = rows.filter((row) => !kept.has(row));
	const empty = hidden.filter((row) => row.allocatedChunks === 0).length;
	const size = hidden.reduce((sum, row) => sum + (sizes.get(row) ?? 0), 0);
	const summary = firstFitting(
		width,
		[segment(` + ${hidden.length} more  ${size}K, ${empty} empty: the oldest are left out`, 'dim')],
		[segment(` + ${hidden.length} more  ${size}K, ${empty} empty`, 'dim')],
		[segment(` + ${hidden.length} more`, 'dim')],
	);
	return [...rows.filter((row) => kept.has(row)).map((row) => line(row)), summary];
};

/** The subheap of each row line describeSubheapRows draws (undefined for its summary line). */
export const lineIds = (document: SnapshotDocument, slots: number | undefined, selection?: SubheapSelection): Array<number | undefined> => {
	const rows = document.subheaps;
	if (slots === undefined || rows.length <= slots) {
		return rows.map((row) => row.id);
	}

	if (selection) {
		const shown = Math.max(1, slots - 1);
		const top = Math.min(Math.max(0, selection.top), rows.length - shown);
		return [...rows.slice(top, top + shown).map((row) => row.id), undefined];
	}

	const keep = Math.max(0, slots - 1);
	const [pool, ...others] = rows;
	const newest = [...others].sort((a, b) => b.addedAtTick - a.addedAtTick || b.id - a.id).slice(0, Math.max(0, keep - 1));
	const kept = new Set([pool, ...newest].slice(0, keep));
	return [...rows.filter((row) => kept.has(row)).map((row) => row.id), undefined];
};

/** The table's width with every column and the longest bar: what it needs beside the lifecycle. */
export const fullTableWidth = (document: SnapshotDocument): number => fixedWidth(columnSets[0]!, idWidth(document), sizeWidth(document)) + MAX_BAR;
