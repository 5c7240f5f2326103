// The Physical memory & slabs panel: SystemMonitor's physical lines exactly (reference §8.2:
// pages × 4 as K; `Userspace physical:` and no `Committed memory:` before 2021-01-04, which the
// document shows by lacking the committed keys), the user pages behind them, the kernel regions,
// and the four slab allocators with small bars, then `/proc/memstat` itself where the panel has
// rows to spare; or all that in one line where the layout has no room for the panel.

import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {formatSize} from './format-bytes.js';
import {formatPercent} from './format-number.js';
import {ruleLine} from './frame-panel.js';
import {renderBar, usageTone} from './render-bar.js';
import {firstFitting, fitLine, joinSegments, padEnd, padStart, segment, type StyledLine} from './styled-line.js';

const LABEL_WIDTH = 21;
const VALUE_WIDTH = 17;

const labelled = (label: string, value: string): StyledLine => [
	segment(padEnd(label, LABEL_WIDTH), 'bold'),
	segment(padStart(value, VALUE_WIDTH)),
];

/** SystemMonitor's physical lines for the document's memstat (two or three of them). */
export const systemMonitorPhysicalLines = (document: SnapshotDocument): StyledLine[] => {
	const m = (key: string): number => document.memstat[key] ?? 0;
	const userTotal = m('user_physical_allocated') + m('user_physical_available');
	const superTotal = m('super_physical_allocated') + m('super_physical_available');
	const supervisor = labelled('Supervisor physical:', `${m('super_physical_allocated') * 4}K/${superTotal * 4}K`);
	if (document.memstat.user_physical_committed === undefined) {
		return [labelled('Userspace physical:', `${m('user_physical_allocated') * 4}K/${userTotal * 4}K`), supervisor];
	}

	return [
		labelled('Physical memory:', `${(m('user_physical_allocated') + m('super_physical_allocated')) * 4}K/${(userTotal + superTotal) * 4}K`),
		labelled('Committed memory:', `${m('user_physical_committed') * 4}K`),
		supervisor,
	];
};

/** `user pages: 53453 alloc, 0 committed, 74547 avail`, or without the committed ones when narrow. */
const pagesLine = (document: SnapshotDocument, width: number): StyledLine => {
	const {memstat} = document;
	const item = (value: number | undefined, label: string): StyledLine =>
		value === undefined ? [] : [segment(String(value)), segment(` ${label}`, 'dim')];
	const line = (committed: boolean): StyledLine => [
		segment('user pages: ', 'dim'),
		...joinSegments(
			[
				item(memstat.user_physical_allocated, 'alloc'),
				committed ? item(memstat.user_physical_committed, 'committed') : [],
				item(memstat.user_physical_available, 'avail'),
			],
			', ',
		),
	];
	return firstFitting(width, line(true), line(false));
};

export const slabLine = (slab: {size: number; allocated: number; free: number}, width: number): StyledLine => {
	const total = slab.allocated + slab.free;
	const fraction = total > 0 ? slab.allocated / total : 0;
	const head = `slab ${padStart(String(slab.size), 3)}  ${padStart(String(slab.allocated), 6)}/${padEnd(String(total), 6)} `;
	const barWidth = Math.min(24, width - head.length - 8);
	const bar = renderBar(fraction, Math.max(0, barWidth));
	return fitLine(
		[
			segment(head),
			...(barWidth >= 4 ? [segment(bar.filled, usageTone(fraction)), segment(bar.empty, 'dim')] : []),
			segment(` ${padStart(formatPercent(fraction), 6)}`, usageTone(fraction)),
		],
		width,
	);
};

/**
`/proc/memstat` as the kernel writes it, key by key, in two columns when there is room: the
figures every line above comes from, for a panel with rows to spare.
*/
const memstatLines = (document: SnapshotDocument, width: number, rows: number): StyledLine[] => {
	// Worked out for the rows shown only: the live panel at 120×40 has none to spare, and every
	// line of the table was laid out four times a second for nothing.
	if (rows < 2) {
		return [];
	}

	const entries = Object.entries(document.memstat);
	const keyWidth = Math.max(...entries.map(([key]) => key.length)) + 2;
	const cell = ([key, value]: [string, number], cellWidth: number): StyledLine =>
		fitLine([segment(padEnd(key, keyWidth), 'dim'), segment(padStart(String(value), Math.max(0, cellWidth - keyWidth)))], cellWidth);
	const cellWidth = keyWidth + 10;
	const columns = width >= 2 * cellWidth + 3 ? 2 : 1;
	const perColumn = Math.ceil(entries.length / columns);
	const lines = Array.from({length: Math.min(perColumn, rows - 1)}, (_, row) =>
		fitLine(
			columns === 2 && entries[row + perColumn]
				? [...cell(entries[row]!, cellWidth), segment('   '), ...cell(entries[row + perColumn]!, cellWidth)]
				: cell(entries[row]!, cellWidth),
			width,
		),
	);
	return [ruleLine('/proc/memstat', width), ...lines];
};

/**
The panel's lines. When `height` is short the user pages go first, then the regions; when it is
tall, `/proc/memstat` itself follows the slabs with the rows left.
*/
export const describePhysicalMemory = (document: SnapshotDocument, width: number, height?: number): StyledLine[] => {
	const monitor = systemMonitorPhysicalLines(document).map((line) => fitLine(line, width));
	const slabs = document.slabs.map((slab) => slabLine(slab, width));
	const regions = fitLine(
		[segment('kernel regions  ', 'dim'), segment(String(document.regions.count)), segment('  ', 'dim'), segment(formatSize(document.regions.bytes))],
		width,
	);
	const pages = pagesLine(document, width);
	const room = height ?? Number.POSITIVE_INFINITY;
	const extras = room >= monitor.length + slabs.length + 2 ? [pages, regions] : room >= monitor.length + slabs.length + 1 ? [regions] : [];
	const lines = [...monitor, ...extras, ...slabs];
	return height === undefined ? lines : [...lines, ...memstatLines(document, width, height - lines.length)].slice(0, height);
};

/** Physical pages in use and the slabs' fill, each as a block from ▁ (empty) to █ (full). */
const fillGlyph = (fraction: number): string => '▁▂▃▄▅▆▇█'[Math.min(7, Math.max(0, Math.round(fraction * 7)))]!;

/**
The panel in one line, for a layout with no room for it: SystemMonitor's physical figure and
each slab's fill (`Physical memory: 213832K/516096K  slab 16 100%  32 0%  64 0%  128 4%`), or
its glyphs when even that is too wide.
*/
export const describePhysicalMemoryLine = (document: SnapshotDocument, width: number): StyledLine => {
	const m = (key: string): number => document.memstat[key] ?? 0;
	// SystemMonitor's first physical line, as the revision prints it (see systemMonitorPhysicalLines).
	const combined = document.memstat.user_physical_committed !== undefined;
	const [label, short] = combined ? ['Physical memory: ', 'Physical '] : ['Userspace physical: ', 'Userspace '];
	const used = (m('user_physical_allocated') + (combined ? m('super_physical_allocated') : 0)) * 4;
	const total = (m('user_physical_allocated') + m('user_physical_available') + (combined ? m('super_physical_allocated') + m('super_physical_available') : 0)) * 4;
	const fraction = (slab: {allocated: number; free: number}) => (slab.allocated + slab.free > 0 ? slab.allocated / (slab.allocated + slab.free) : 0);
	// Whole percents, rounded down, so a slab with a free object never reads 100%; padded, so the
	// line keeps its form (and its length) as the figures change.
	const percent = (slab: {allocated: number; free: number}) => padStart(`${Math.floor(fraction(slab) * 100)}%`, 4);
	const slabs = (form: (slab: SnapshotDocument['slabs'][number]) => string, gap: string): StyledLine =>
		joinSegments(
			document.slabs.map((slab, index) => [segment(`${index === 0 ? 'slab ' : ''}${slab.size} `, 'dim'), segment(form(slab), usageTone(fraction(slab)))]),
			gap,
		);
	const figure = `${used}K/${total}K`;
	return firstFitting(
		width,
		[segment(label, 'bold'), segment(figure), segment('  '), ...slabs(percent, '  ')],
		[segment(short, 'bold'), segment(figure), segment('  '), ...slabs(percent, ' ')],
		[segment(short, 'bold'), segment(figure), segment('  '), ...slabs((slab) => fillGlyph(fraction(slab)), ' ')],
		[segment(short, 'bold'), segment(figure)],
	);
};
