// The Subheaps panel: one row per linked subheap (the main pool first, then by address, as the
// document lists them), with its origin, where its memory starts, its size, how full it is, its
// largest free run and when it was added; a total the sizes add up to; then the lifecycle below a
// divider. Columns give way, least useful first, when the panel is narrow; rows give way, oldest
// first, when it is short.

import type {SnapshotDocument, SubheapRow} from '../engine/snapshot-types.js';
import {describeLifecycle, fateWords} from './describe-lifecycle.js';
import {apportionKilobytes, formatKernelAddress, formatKilobytes, formatSize} from './format-bytes.js';
import {ruleLine} from './frame-panel.js';
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

export const chooseColumns = (document: SnapshotDocument, width: number): Columns => {
	const id = idWidth(document);
	const size = sizeWidth(document);
	const set = columnSets.find((candidate) => width - fixedWidth(candidate, id, size) >= MIN_BAR) ?? columnSets.at(-1)!;
	return {...set, id, size, bar: Math.min(MAX_BAR, Math.max(1, width - fixedWidth(set, id, size)))};
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

export const subheapRow = (row: SubheapRow, document: SnapshotDocument, facts: ViewFacts, width: number, sizes = subheapSizes(document)): StyledLine => {
	const columns = chooseColumns(document, width);
	const isNew = row.origin !== 'pool' && isRecent(facts, document.run.tick, row.addedAtTick);
	const line: StyledLine = [
		segment(` ${padStart(String(row.id), columns.id)}  `, 'bold'),
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

/**
The rows that fit in `slots` lines (all when undefined). When some must go, the pool stays and
the newest subheaps stay (that is where things happen), still in the document's order, and the
last line says how many were left out and what they hold.
*/
export const describeSubheapRows = (document: SnapshotDocument, facts: ViewFacts, width: number, slots?: number): StyledLine[] => {
	const rows = document.subheaps;
	const sizes = subheapSizes(document);
	if (slots === undefined || rows.length <= slots) {
		return rows.map((row) => subheapRow(row, document, facts, width, sizes));
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
	const size = hidden.reduce((sum, row) => sum + (sizes.get(row) ?? 0), 0);
	const summary = firstFitting(
		width,
		[segment(` + ${hidden.length} more  ${size}K, ${empty} empty: the oldest are left out`, 'dim')],
		[segment(` + ${hidden.length} more  ${size}K, ${empty} empty`, 'dim')],
		[segment(` + ${hidden.length} more`, 'dim')],
	);
	return [...rows.filter((row) => kept.has(row)).map((row) => subheapRow(row, document, facts, width, sizes)), summary];
};

/** The panel title's count: `4 linked` (and the retired ones kept). */
export const subheapTitle = (document: SnapshotDocument): string => {
	const retired = document.retiredSubheaps.length;
	return `Subheaps  ${document.subheaps.length} linked${retired > 0 ? `, ${retired} retired` : ''}`;
};

/** Lifecycle events a tall panel keeps below the table, however many subheaps there are. */
const LIFECYCLE_MIN = 2;
/** The lifecycle beside the table: `  │  ` between them. */
const BESIDE_GAP = 3;

/** The divider and the newest events that fit in `count` more lines (all when undefined). */
const lifecycleLines = (document: SnapshotDocument, width: number, count?: number): StyledLine[] => {
	const lines = describeLifecycle(document, width, count);
	return [ruleLine('lifecycle', width), ...(lines.length > 0 ? lines : [fitLine([segment('  no events yet', 'dim')], width)])];
};

/** The table: header, rows (as many as `height` allows, all without one), total. */
const tableLines = (document: SnapshotDocument, facts: ViewFacts, width: number, height?: number): StyledLine[] => {
	const total = height === undefined || height >= 5 ? 1 : 0;
	const rows = describeSubheapRows(document, facts, width, height === undefined ? undefined : Math.max(0, height - 1 - total));
	return [subheapHeader(document, width), ...rows, ...(total > 0 ? [subheapTotalRow(document, width)] : [])];
};

/**
`#15  V0xc2d44000  2056K  t12,515 → t16,631  freed`: the subheaps removed lately (newest first),
their memory as the kernel log gave it and what became of it, for the rows under a short table.
*/
const retiredLines = (document: SnapshotDocument, width: number, rows: number): StyledLine[] => {
	const retired = document.retiredSubheaps.slice(-Math.max(0, rows - 1)).reverse();
	if (rows < 2 || retired.length === 0) {
		return [];
	}

	const id = Math.max(...retired.map((record) => String(record.id).length)) + 1;
	return [
		ruleLine('retired', width),
		...retired.map((record) =>
			fitLine(
				[
					segment(` ${padStart(`#${record.id}`, id)}  `, 'bold'),
					segment(formatKernelAddress(record.base)),
					segment(`  ${padStart(formatSize(record.memoryBytes), 6)}  `),
					segment(`t${formatCount(record.addedAtTick)} → t${formatCount(record.removedAtTick)}`, 'dim'),
					segment(`  ${fateWords[record.fate] ?? record.fate}`),
				],
				width,
			),
		),
	];
};

/** The table's width with every column and the longest bar: what it needs beside the lifecycle. */
const fullTableWidth = (document: SnapshotDocument): number => fixedWidth(columnSets[0]!, idWidth(document), sizeWidth(document)) + MAX_BAR;

/**
The panel's lines: the table (header, rows, total) and the lifecycle, newest first, below a
divider or beside the table. With a `height` the lifecycle takes every line the rows leave (below
a tall table at least two, the rows giving way for them), so the panel is never half empty while
there are events to show; beside it, the subheaps removed lately fill the rows under a short
table. Without a height, every row and the newest events that fit in `lifecycleLines` lines. A
short panel is the table's alone.
*/
export const describeSubheapsPanel = (
	document: SnapshotDocument,
	facts: ViewFacts,
	width: number,
	options: {height?: number; lifecycle: 'below' | 'beside'; lifecycleLines?: number},
): StyledLine[] => {
	const {height} = options;
	if (options.lifecycle === 'beside') {
		const tableWidth = Math.min(fullTableWidth(document), width - BESIDE_GAP - 40);
		const eventsWidth = width - tableWidth - BESIDE_GAP;
		const rows = tableLines(document, facts, tableWidth, height);
		// Under a short table, after a blank line, the subheaps removed lately.
		const retired = height === undefined ? [] : retiredLines(document, tableWidth, height - rows.length - 1);
		const table = retired.length > 0 ? [...rows, [], ...retired] : rows;
		const events = lifecycleLines(document, eventsWidth, height === undefined ? options.lifecycleLines : Math.max(1, height - 1));
		return Array.from({length: height ?? Math.max(table.length, events.length)}, (_, index) =>
			fitLine([...fitLine(table[index] ?? [], tableWidth), segment(' │ ', 'dim'), ...(events[index] ?? [])], width),
		);
	}

	if (height === undefined) {
		return [...tableLines(document, facts, width), ...lifecycleLines(document, width, options.lifecycleLines)];
	}

	const reserve = height >= 9 ? 1 + LIFECYCLE_MIN : 0;
	const table = tableLines(document, facts, width, height - reserve);
	const left = height - table.length;
	return [...table, ...(left >= 2 ? lifecycleLines(document, width, left - 1) : [])].slice(0, height);
};
