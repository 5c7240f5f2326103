// The Kernel heap panel: SystemMonitor's four lines exactly as MemoryStatsWidget prints them
// (reference §8.2; labels left, values right-aligned), a utilization bar, the call rates, and
// allocated / available over time. `available` is memstat's: free chunks plus the backup region.

import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {describeCallRates} from './compute-call-rates.js';
import {formatCompactSize, formatMebibytes} from './format-bytes.js';
import {formatPercent} from './format-number.js';
import {lastSampleIndex, samplesPerCell} from './locate-history.js';
import {renderBar, usageTone} from './render-bar.js';
import {renderSparkline} from './render-sparkline.js';
import {firstFitting, fitLine, padEnd, padStart, segment, type StyledLine} from './styled-line.js';
import type {ViewFacts} from './view-facts.js';

/** SystemMonitor's label column (`Calls kmalloc:` and a space). */
export const LABEL_WIDTH = 15;
/** Wide enough for `4194303K/4194303K` and a 10-digit size_t counter. */
export const VALUE_WIDTH = 13;
const RATE_WIDTH = 9;

const labelled = (label: string, value: string): StyledLine => [
	segment(padEnd(label, LABEL_WIDTH), 'bold'),
	segment(padStart(value, VALUE_WIDTH)),
];

/** `Kernel heap:  3496K/5988K  ███▍░░  58.4%`: the bar takes what the line has left. */
export const kernelHeapLine = (document: SnapshotDocument, width: number): StyledLine => {
	const allocated = document.memstat.kmalloc_allocated ?? 0;
	const total = allocated + (document.memstat.kmalloc_available ?? 0);
	const fraction = total > 0 ? allocated / total : 0;
	const percent = padStart(formatPercent(fraction), 6);
	// Capped, so a wide panel (the panic screen) does not draw a bar across the whole terminal.
	const barWidth = Math.min(40, width - LABEL_WIDTH - VALUE_WIDTH - 2 - 1 - percent.length);
	const line = labelled('Kernel heap:', document.systemMonitor.kernelHeap);
	if (barWidth >= 4) {
		const bar = renderBar(fraction, barWidth);
		line.push(segment('  '), segment(bar.filled, usageTone(fraction)), segment(bar.empty, 'dim'), segment(' '), segment(percent, usageTone(fraction)));
	} else {
		line.push(segment(' '), segment(percent.trim(), usageTone(fraction)));
	}

	return fitLine(line, width);
};

const rateText = (text: string): StyledLine => [segment('  '), segment(padEnd(text, RATE_WIDTH), 'accent')];

/** `allocated  3.41 MiB ▁▂▃▄▅▆▇█`: the series over the kept history, current value in MiB. */
const seriesLine = (document: SnapshotDocument, name: string, values: number[], current: number, width: number): StyledLine => {
	const head = `${padEnd(name, 10)}${padStart(formatMebibytes(current), 10)} `;
	const sparkWidth = width - head.length;
	return fitLine(
		[
			segment(head, 'dim'),
			segment(
				renderSparkline(values, Math.max(0, sparkWidth), {
					lastIndex: lastSampleIndex(document),
					samplesPerCell: samplesPerCell(sparkWidth),
				}),
				'accent',
			),
		],
		width,
	);
};

const backupBytes = (document: SnapshotDocument): number =>
	Math.max(0, (document.memstat.kmalloc_available ?? 0) - document.heap.freeBytes);

const detailLine = (document: SnapshotDocument, width: number): StyledLine => {
	const run = formatCompactSize(document.heap.largestFreeRunBytes);
	const free = formatMebibytes(document.heap.freeBytes);
	const backup = formatMebibytes(backupBytes(document));
	return firstFitting(
		width,
		[segment('free ', 'dim'), segment(free), segment(' + backup ', 'dim'), segment(backup), segment('  largest run ', 'dim'), segment(run)],
		[segment('free ', 'dim'), segment(free), segment(' + bk ', 'dim'), segment(backup), segment('  run ', 'dim'), segment(run)],
	);
};

/** The full panel's seven lines at `width` columns inside the frame. */
export const describeKernelHeap = (document: SnapshotDocument, facts: ViewFacts, width: number): StyledLine[] => {
	const rates = describeCallRates(document.history, facts);
	const {memstat, systemMonitor, history} = document;
	return [
		kernelHeapLine(document, width),
		fitLine([...labelled('Calls kmalloc:', String(systemMonitor.callsKmalloc)), ...rateText(rates.kmalloc)], width),
		fitLine([...labelled('Calls kfree:', String(systemMonitor.callsKfree)), ...rateText(rates.kfree)], width),
		fitLine(
			[
				...labelled('Difference:', systemMonitor.difference),
				segment('  eternal ', 'dim'),
				segment(formatMebibytes(memstat.kmalloc_eternal_allocated ?? 0)),
			],
			width,
		),
		seriesLine(document, 'allocated', history.kmallocAllocated, memstat.kmalloc_allocated ?? 0, width),
		seriesLine(document, 'available', history.kmallocAvailable, memstat.kmalloc_available ?? 0, width),
		detailLine(document, width),
	];
};

/**
The compact panel (80 columns): SystemMonitor's lines on the left, the series beside the call
counts when there is room for them.
*/
export const describeKernelHeapCompact = (document: SnapshotDocument, facts: ViewFacts, width: number): StyledLine[] => {
	const rates = describeCallRates(document.history, facts);
	const {memstat, systemMonitor, history} = document;
	const leftWidth = LABEL_WIDTH + VALUE_WIDTH + 2 + RATE_WIDTH;
	const rightWidth = width - leftWidth - 3;
	const beside = (left: StyledLine, right: StyledLine): StyledLine =>
		fitLine(rightWidth >= 24 ? [...fitLine(left, leftWidth), segment(' │ ', 'dim'), ...right] : left, width);
	return [
		kernelHeapLine(document, width),
		beside(
			[...labelled('Calls kmalloc:', String(systemMonitor.callsKmalloc)), ...rateText(rates.kmalloc)],
			seriesLine(document, 'allocated', history.kmallocAllocated, memstat.kmalloc_allocated ?? 0, rightWidth),
		),
		beside(
			[...labelled('Calls kfree:', String(systemMonitor.callsKfree)), ...rateText(rates.kfree)],
			seriesLine(document, 'available', history.kmallocAvailable, memstat.kmalloc_available ?? 0, rightWidth),
		),
		beside(
			labelled('Difference:', systemMonitor.difference),
			fitLine(
				[
					segment('largest run ', 'dim'),
					segment(formatCompactSize(document.heap.largestFreeRunBytes)),
					segment('  eternal ', 'dim'),
					segment(formatMebibytes(memstat.kmalloc_eternal_allocated ?? 0)),
				],
				rightWidth,
			),
		),
	];
};
