// The Kernel heap panel: SystemMonitor's four lines exactly as MemoryStatsWidget prints them
// (reference §8.2; labels left, values right-aligned), a utilization bar, the call rates, and
// allocated / available over time. `available` is memstat's: free chunks plus the backup region.

import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {describeCallRates} from './compute-call-rates.js';
import {formatSize} from './format-bytes.js';
import {formatPercent} from './format-number.js';
import {graphSamplesPerCell, graphSeries, graphSpan, type GraphSeries} from './graph-window.js';
import type {AxisSpan} from './describe-time-axis.js';
import {renderBar, usageTone} from './render-bar.js';
import {renderSparkline} from './render-sparkline.js';
import {firstFitting, fitLine, padEnd, padStart, segment, type StyledLine} from './styled-line.js';
import type {ViewFacts} from './view-facts.js';

/** SystemMonitor's label column (`Calls kmalloc:` and a space). */
export const LABEL_WIDTH = 15;
/** Wide enough for `4194303K/4194303K` and a 10-digit size_t counter. */
export const VALUE_WIDTH = 13;
const RATE_WIDTH = 9;
/** The compact panel's left column: SystemMonitor's lines and the rates, before ` │ ` and the graphs. */
export const COMPACT_LEFT_WIDTH = LABEL_WIDTH + VALUE_WIDTH + 2 + RATE_WIDTH;

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
	// A heap past 9999K makes `allocated/total` wider than its column: the bar gives way, not the
	// percentage.
	const valueWidth = Math.max(VALUE_WIDTH, document.systemMonitor.kernelHeap.length);
	const barWidth = Math.min(40, width - LABEL_WIDTH - valueWidth - 2 - 1 - percent.length);
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

type Series = {name: string; short: string; values: number[]; current: number};

const heapSeries = (document: SnapshotDocument, graph: GraphSeries): Series[] => [
	{name: 'allocated', short: 'alloc', values: graph.allocated, current: document.memstat.kmalloc_allocated ?? 0},
	{name: 'available', short: 'avail', values: graph.available, current: document.memstat.kmalloc_available ?? 0},
];

/** Columns the widest end of a series' scale can take (`1023B` is wider than `1K`). */
const scaleEndWidth = (values: readonly number[], current: number): number => {
	// One counted loop, not Math.max(...[...values, current]) nor for…of: the history is hundreds
	// of values, for each of the two series, every frame, mostly in V8's baseline tier (where
	// for…of makes an iterator result for each value).
	let high = Math.max(0, current);
	let low = current;
	for (let index = 0; index < values.length; index++) {
		const value = values[index]!;
		high = Math.max(high, value);
		low = Math.min(low, value);
	}

	low = Math.min(low, high);
	return Math.max(formatSize(high).length, low < 1024 ? formatSize(Math.min(high, 1023)).length : 0);
};

/** Below this many cells a sparkline says nothing; its scale goes first, then the sparkline. */
const MIN_SPARK = 6;

/**
`allocated   3526K ▅▆▇█▇▆▅▃▂▁▁▂ 1020K–3601K`: each series over the kept history, its current size,
and the scale it is drawn on (bottom–top). The lines share one layout, so their sparklines line
up cell for cell; the short names (`alloc`) when the long ones leave too little room.
*/
/** Where the sparklines sit in a series line `width` wide: after `head` columns, `sparkWidth` cells. */
const layoutSeries = (document: SnapshotDocument, facts: ViewFacts, width: number) => {
	const graph = graphSeries(document, facts);
	const series = heapSeries(document, graph);
	const valueWidth = Math.max(...series.map(({current}) => formatSize(current).length));
	const endWidth = Math.max(...series.map(({values, current}) => scaleEndWidth(values, current)));
	const scaleWidth = 2 * endWidth + 2;
	const longHead = 10 + valueWidth + 1;
	const shortHead = 6 + valueWidth + 1;
	const head = width - longHead - scaleWidth >= MIN_SPARK * 2 ? longHead : shortHead;
	const withScale = width - head - scaleWidth >= MIN_SPARK;
	const sparkWidth = Math.max(0, width - head - (withScale ? scaleWidth : 0));
	return {graph, series, valueWidth, endWidth, head, long: head === longHead, withScale, sparkWidth};
};

// The panel's lines and the time axis in its edge ask for the same layout each frame: the last
// one is kept (one entry; a document is never changed once made, and of the facts only the graph
// window is read).
let lastLayout: {document: SnapshotDocument; graphWindow: number | undefined; width: number; layout: ReturnType<typeof layoutSeries>} | undefined;

export const seriesLayout = (document: SnapshotDocument, facts: ViewFacts, width: number): ReturnType<typeof layoutSeries> => {
	if (lastLayout?.document !== document || lastLayout.graphWindow !== facts.graphWindow || lastLayout.width !== width) {
		lastLayout = {document, graphWindow: facts.graphWindow, width, layout: layoutSeries(document, facts, width)};
	}

	return lastLayout.layout;
};

export const seriesLines = (document: SnapshotDocument, width: number, facts: ViewFacts = {}): StyledLine[] => {
	const {graph, series, valueWidth, endWidth, long, withScale, sparkWidth} = seriesLayout(document, facts, width);
	return series.map(({name, short, values, current}) => {
		// A spread under 1K is below what the scale's labels can tell apart: drawn against zero.
		const spark = renderSparkline(values, sparkWidth, {
			lastIndex: graph.lastIndex,
			samplesPerCell: graphSamplesPerCell(graph, facts, sparkWidth),
			minimumSpread: 1024,
			include: [current],
		});
		const label = long ? padEnd(name, 10) : padEnd(short, 6);
		return fitLine(
			[
				segment(label, 'dim'),
				segment(padStart(formatSize(current), valueWidth)),
				segment(' '),
				segment(spark.text, 'accent'),
				...(withScale ? [segment(` ${padStart(formatSize(spark.low), endWidth)}–${padEnd(formatSize(spark.high), endWidth)}`, 'dim')] : []),
			],
			width,
		);
	});
};

const backupBytes = (document: SnapshotDocument): number =>
	Math.max(0, (document.memstat.kmalloc_available ?? 0) - document.heap.freeBytes);

const detailLine = (document: SnapshotDocument, width: number): StyledLine => {
	const run = formatSize(document.heap.largestFreeRunBytes);
	const free = formatSize(document.heap.freeBytes);
	const backup = formatSize(backupBytes(document));
	return firstFitting(
		width,
		[segment('free ', 'dim'), segment(free), segment(' + backup ', 'dim'), segment(backup), segment('  largest run ', 'dim'), segment(run)],
		[segment('free ', 'dim'), segment(free), segment(' + bk ', 'dim'), segment(backup), segment('  run ', 'dim'), segment(run)],
	);
};

/** The full panel's seven lines at `width` columns inside the frame. */
export const describeKernelHeap = (document: SnapshotDocument, facts: ViewFacts, width: number): StyledLine[] => {
	const rates = describeCallRates(document.history, facts);
	const {memstat, systemMonitor} = document;
	return [
		kernelHeapLine(document, width),
		fitLine([...labelled('Calls kmalloc:', String(systemMonitor.callsKmalloc)), ...rateText(rates.kmalloc)], width),
		fitLine([...labelled('Calls kfree:', String(systemMonitor.callsKfree)), ...rateText(rates.kfree)], width),
		fitLine(
			[
				...labelled('Difference:', systemMonitor.difference),
				segment('  eternal ', 'dim'),
				segment(formatSize(memstat.kmalloc_eternal_allocated ?? 0)),
			],
			width,
		),
		...seriesLines(document, width, facts),
		detailLine(document, width),
	];
};

/**
The compact panel (80 columns): SystemMonitor's lines on the left, the series beside the call
counts when there is room for them.
*/
export const describeKernelHeapCompact = (document: SnapshotDocument, facts: ViewFacts, width: number): StyledLine[] => {
	const rates = describeCallRates(document.history, facts);
	const {memstat, systemMonitor} = document;
	const leftWidth = COMPACT_LEFT_WIDTH;
	const rightWidth = width - leftWidth - 3;
	// The sparklines need room; the largest run and the eternal heap fit in less.
	const [allocated, available] = rightWidth >= 24 ? seriesLines(document, rightWidth, facts) : [];
	// With the graphs, a column beside SystemMonitor's lines; without them (a narrow terminal), a
	// separator on the Difference line alone would look like a stray border: the run follows it.
	const graphs = allocated !== undefined;
	const beside = (left: StyledLine, right: StyledLine | undefined): StyledLine =>
		fitLine(right && rightWidth >= 8 ? [...fitLine(left, leftWidth), segment(' │ ', 'dim'), ...right] : left, width);
	const difference = labelled('Difference:', systemMonitor.difference);
	const run = formatSize(document.heap.largestFreeRunBytes);
	const eternal = formatSize(memstat.kmalloc_eternal_allocated ?? 0);
	const runText = (room: number) =>
		firstFitting(
			Math.max(0, room),
			[segment('largest run ', 'dim'), segment(run), segment('  eternal ', 'dim'), segment(eternal)],
			[segment('run ', 'dim'), segment(run), segment('  eternal ', 'dim'), segment(eternal)],
			[segment('largest run ', 'dim'), segment(run)],
			[segment('run ', 'dim'), segment(run)],
		);
	const differenceWidth = LABEL_WIDTH + VALUE_WIDTH + 2;
	return [
		kernelHeapLine(document, width),
		beside([...labelled('Calls kmalloc:', String(systemMonitor.callsKmalloc)), ...rateText(rates.kmalloc)], allocated),
		beside([...labelled('Calls kfree:', String(systemMonitor.callsKfree)), ...rateText(rates.kfree)], available),
		graphs ? beside(difference, runText(rightWidth)) : fitLine([...difference, segment('  '), ...runText(width - differenceWidth)], width),
	];
};

/**
Where the graphs are in the panel (`panelWidth` wide, frame included) and what ticks they span,
for the time axis in its bottom edge; undefined when the panel has no graphs.
*/
export const kernelHeapGraphSpan = (document: SnapshotDocument, facts: ViewFacts, panelWidth: number, compact: boolean): AxisSpan | undefined => {
	const inner = panelWidth - 4;
	const offset = compact ? COMPACT_LEFT_WIDTH + 3 : 0;
	const width = compact ? inner - offset : inner;
	if (compact && width < 24) {
		return undefined;
	}

	const layout = seriesLayout(document, facts, width);
	if (layout.sparkWidth < 1) {
		return undefined;
	}

	const span = graphSpan(document, facts, layout.sparkWidth);
	return {start: 2 + offset + layout.head, width: layout.sparkWidth, firstTick: span.first, perCell: span.perCell};
};
