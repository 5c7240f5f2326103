// The Physical memory & slabs panel: SystemMonitor's physical lines exactly (reference §8.2:
// pages × 4 as K; `Userspace physical:` and no `Committed memory:` before 2021-01-04, which the
// document shows by lacking the committed keys), the user pages behind them, the kernel regions,
// and the four slab allocators with small bars.

import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {formatMebibytes} from './format-bytes.js';
import {formatPercent} from './format-number.js';
import {renderBar, usageTone} from './render-bar.js';
import {fitLine, joinSegments, padEnd, padStart, segment, type StyledLine} from './styled-line.js';

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

const pagesLine = (document: SnapshotDocument): StyledLine => {
	const {memstat} = document;
	const item = (value: number | undefined, label: string): StyledLine =>
		value === undefined ? [] : [segment(String(value)), segment(` ${label}`, 'dim')];
	return [
		segment('user pages: ', 'dim'),
		...joinSegments(
			[
				item(memstat.user_physical_allocated, 'alloc'),
				item(memstat.user_physical_committed, 'committed'),
				item(memstat.user_physical_available, 'avail'),
			],
			', ',
		),
	];
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

/** The panel's lines; when `height` is short the user pages go first, then the regions. */
export const describePhysicalMemory = (document: SnapshotDocument, width: number, height?: number): StyledLine[] => {
	const monitor = systemMonitorPhysicalLines(document).map((line) => fitLine(line, width));
	const slabs = document.slabs.map((slab) => slabLine(slab, width));
	const regions = fitLine(
		[segment('kernel regions  ', 'dim'), segment(String(document.regions.count)), segment('  ', 'dim'), segment(formatMebibytes(document.regions.bytes))],
		width,
	);
	const pages = fitLine(pagesLine(document), width);
	const room = height ?? Number.POSITIVE_INFINITY;
	const extras = room >= monitor.length + slabs.length + 2 ? [pages, regions] : room >= monitor.length + slabs.length + 1 ? [regions] : [];
	return [...monitor, ...extras, ...slabs].slice(0, height);
};
