// The Trace replay panel (`--trace`): how far the replay of a Linux kmem trace has got, what it
// passed over and why, what the trace leaves allocated, and who allocates most. The document's
// `trace` key has it all; this only arranges it. Events are counts (`1,000`); sizes are exact
// bytes, as the kernel log prints them; call sites are as the trace prints them.

import type {SnapshotDocument} from '../engine/snapshot-types.js';
import type {TraceSummary} from '../engine/trace/trace-workload.js';
import {formatSize} from './format-bytes.js';
import {formatCount, formatPercent} from './format-number.js';
import {workloadKey} from './live-keys.js';
import {ruleLine} from './frame-panel.js';
import {renderProgressBar} from './render-bar.js';
import {firstFitting, fitLine, joinSegments, lineWidth, padEnd, padStart, segment, truncateText, type StyledLine, type Tone} from './styled-line.js';
import type {ViewFacts} from './view-facts.js';

const LABEL_WIDTH = 10;
const MAX_BAR_WIDTH = 30;
/** `finished`, or a percentage padded to the same width, so the bar does not change length. */
const STATUS_WIDTH = 8;
/** The one-line form has no room to spare: `100.0%` at most, and `finished` is wider only once. */
const COMPACT_STATUS_WIDTH = 6;
/** With a height to keep, malformed lines take at most this many of the call sites' rows. */
const MALFORMED_LINES_SHOWN = 2;
/** Call sites are cut here, so on a wide panel their figures stay near their names. */
const MAX_SITE_WIDTH = 48;
/** From this width the figures and the call sites stand side by side (a text snapshot's section). */
const SIDE_BY_SIDE_WIDTH = 110;
const COLUMN_GAP = 3;

/** The workload's name in the session's list (trace-workload.ts). */
const TRACE_WORKLOAD = 'trace';

const label = (text: string): StyledLine => [segment(padEnd(text, LABEL_WIDTH), 'bold')];

/** A count that is zero reads dim, so the ones that happened stand out. */
const count = (name: string, value: number, tone: Tone = 'plain'): StyledLine => [
	segment(`${name} `, 'dim'),
	segment(formatCount(value), value > 0 ? tone : 'dim'),
];

const fileName = (file: string): string => file.split(/[/\\]/).at(-1) ?? file;

/**
`Trace replay  ftrace  linux-ftrace-kmem-excerpt.txt  0.05 ms/tick`, the details dropped from the
right while the title is wider than `width` (the frame cuts what is still too wide).
*/
export const traceTitle = (document: SnapshotDocument, width: number): StyledLine => {
	const {trace} = document;
	const title = segment('Trace replay', 'bold');
	if (!trace) {
		return [title];
	}

	const details = [
		trace.format ?? 'unknown format',
		fileName(trace.file),
		`${Number(trace.msPerTick.toPrecision(3))} ms/tick`,
		// Its time went back a millisecond or more (captures joined): replayed on from the tick reached.
		...(trace.timeRestarts ? [`time started over ${formatCount(trace.timeRestarts)}×`] : []),
	];
	const variants = details.map((_, index): StyledLine => [title, segment(`  ${details.slice(0, details.length - index).join('  ')}`, 'dim')]);
	return variants.find((variant) => lineWidth(variant) <= width) ?? variants.at(-1)!;
};

/** The bar runs to the events read: `█` replayed, `▒` skipped. A finished trace fills it. */
const progressBar = (trace: TraceSummary, width: number): StyledLine => {
	// The total counts every line naming kmalloc:, malformed ones too: an upper bound until the end.
	const total = trace.finished ? Math.max(1, trace.eventsSeen) : Math.max(1, trace.eventsTotal);
	const bar = renderProgressBar(trace.eventsReplayed / total, trace.eventsSeen / total, width);
	return [segment(bar.done, 'accent'), segment(bar.passed, 'warn'), segment(bar.rest, 'dim')];
};

/** `finished`, or how much of the trace was read, right-aligned in `width` columns. */
const progressStatus = (trace: TraceSummary, width = STATUS_WIDTH): StyledLine =>
	trace.finished
		? [segment(padEnd('finished', width), 'good')]
		: [segment(padStart(formatPercent(trace.eventsSeen / Math.max(1, trace.eventsTotal)), width))];

/** `1,000/1,000`: events read of those in the trace, padded to the width it has at the end so what follows never moves. */
const readOfTotal = (trace: TraceSummary): StyledLine => {
	const total = formatCount(trace.eventsTotal);
	const read = formatCount(trace.eventsSeen);
	return [segment(read), segment(padEnd(`/${total}`, total.length + 1 + Math.max(0, total.length - read.length)), 'dim')];
};

/** `events    1,000/1,000 ██████████▒ finished`: the bar takes what the line has left. */
export const traceProgressLine = (trace: TraceSummary, width: number): StyledLine => {
	const head = [...label('events'), ...readOfTotal(trace), segment(' ')];
	const barWidth = Math.min(MAX_BAR_WIDTH, width - lineWidth(head) - 1 - STATUS_WIDTH);
	return fitLine([...head, ...(barWidth >= 4 ? [...progressBar(trace, barWidth), segment(' ')] : []), ...progressStatus(trace)], width);
};

const replayedLine = (trace: TraceSummary, width: number): StyledLine => {
	// A kmalloc of a pointer still live (its kfree was not traced) frees the old block first.
	const calls = [[segment(formatCount(trace.eventsReplayed))], count('kmalloc', trace.kmallocReplayed), count('kfree', trace.kfreeReplayed)];
	return firstFitting(
		width,
		[...label('replayed'), ...joinSegments([...calls, count('live ptr reused', trace.reusedLivePointer, 'warn')])],
		[...label('replayed'), ...joinSegments([...calls, count('reused', trace.reusedLivePointer, 'warn')])],
		[...label('replayed'), ...joinSegments(calls)],
	);
};

/** Events read but not replayed (first line) and lines that were not events (second). */
const skippedLines = (trace: TraceSummary, width: number): StyledLine[] => {
	const {skipped} = trace;
	const kfrees = (unknown: string) => [count(unknown, skipped.kfreeUnknownPointer), count('kfree(NULL)', skipped.kfreeNull)];
	const others = (failed: string, ignored: string) => [
		count(failed, skipped.failedInTrace),
		count('malformed', skipped.malformed, 'warn'),
		count(ignored, skipped.ignored),
	];
	return [
		firstFitting(width, [...label('skipped'), ...joinSegments(kfrees('kfree of unknown ptr'))], [...label('skipped'), ...joinSegments(kfrees('unknown ptr'))]),
		firstFitting(
			width,
			[...label(''), ...joinSegments(others('kmalloc NULL', 'other kmem'))],
			[...label(''), ...joinSegments(others('kmalloc NULL', 'ignored'))],
			[...label(''), ...joinSegments(others('failed', 'ignored'))],
		),
	];
};

const liveLine = (trace: TraceSummary, width: number): StyledLine =>
	fitLine([...label('live'), segment(`${formatCount(trace.liveBlocks)} blocks`), segment('  '), segment(formatSize(trace.liveBytes))], width);

const largestLine = (trace: TraceSummary, width: number): StyledLine =>
	fitLine(
		trace.largestRequest
			? [...label('largest'), segment(formatSize(trace.largestRequest.bytes)), segment('  '), segment(trace.largestRequest.callSite, 'accent')]
			: [...label('largest'), segment('no kmalloc replayed yet', 'dim')],
		width,
	);

/**
`─ top call sites by size requested ── in all  calls` and a row a site: what it asked for over all
its calls (the sum, not one request), largest first, and how many calls.
*/
export const callSiteLines = (trace: TraceSummary, width: number, rows = Math.max(1, trace.topCallSites.length)): StyledLine[] => {
	const sites = trace.topCallSites.slice(0, Math.max(0, rows));
	const bytesWidth = Math.max(6, ...sites.map((site) => formatSize(site.bytes).length));
	const countWidth = Math.max(5, ...sites.map((site) => formatCount(site.count).length));
	const siteWidth = Math.min(MAX_SITE_WIDTH, Math.max(0, width - bytesWidth - countWidth - 4));
	const title = siteWidth >= 36 ? 'top call sites by size requested' : 'top call sites';
	const header = fitLine(
		[
			segment('─ ', 'dim'),
			segment(title, 'bold'),
			segment(` ${'─'.repeat(Math.max(0, siteWidth - title.length - 3))}`, 'dim'),
			segment(`  ${padStart('in all', bytesWidth)}  ${padStart('calls', countWidth)}`, 'dim'),
		],
		siteWidth + bytesWidth + countWidth + 4,
	);
	if (trace.topCallSites.length === 0) {
		return [header, fitLine([segment('  no kmalloc replayed yet', 'dim')], width)].slice(0, rows + 1);
	}

	return [
		header,
		...sites.map((site) =>
			fitLine(
				[
					segment(padEnd(truncateText(site.callSite, siteWidth), siteWidth), 'accent'),
					segment(`  ${padStart(formatSize(site.bytes), bytesWidth)}  ${padStart(formatCount(site.count), countWidth)}`),
				],
				width,
			),
		),
	];
};

/** `─ first malformed lines ─` and `line  41  the text`: what the reader could not parse. */
const malformedLines = (trace: TraceSummary, width: number, rows: number): StyledLine[] => {
	const shown = trace.malformedLines.slice(0, Math.max(0, rows));
	const numberWidth = Math.max(0, ...shown.map(({line}) => String(line).length));
	// The trace's own indentation (ftrace right-aligns the task name) would only push the text away.
	return shown.length === 0
		? []
		: [
				ruleLine('first malformed lines', width),
				...shown.map(({line, text}) =>
					fitLine([segment(`line ${padStart(String(line), numberWidth)}`, 'warn'), segment('  '), segment(text.trimStart(), 'dim')], width),
				),
			];
};

/** How to get back to the replay: its number key, or w / W when it is beyond the tenth. */
const wayBack = (facts: ViewFacts): StyledLine => {
	const key = workloadKey((facts.workloads ?? []).indexOf(TRACE_WORKLOAD));
	return key
		? [segment(key, 'bold'), segment(' goes back to it', 'dim')]
		: [segment('w / W', 'bold'), segment(' cycle back to it', 'dim')];
};

/** The session replays a trace but another workload runs: the panel keeps its place and says so. */
const notRunningLines = (document: SnapshotDocument, facts: ViewFacts, width: number): StyledLine[] => [
	fitLine([segment('the replay waits while ', 'dim'), segment(document.run.workload, 'bold'), segment(' runs', 'dim')], width),
	fitLine(wayBack(facts), width),
];

/** Two columns of lines side by side. */
const besideLines = (left: StyledLine[], right: StyledLine[], leftWidth: number, width: number): StyledLine[] =>
	Array.from({length: Math.max(left.length, right.length)}, (_, index) =>
		fitLine([...fitLine(left[index] ?? [], leftWidth), segment(' '.repeat(COLUMN_GAP)), ...(right[index] ?? [])], width),
	);

const figureLines = (trace: TraceSummary, width: number): StyledLine[] => [
	traceProgressLine(trace, width),
	replayedLine(trace, width),
	...skippedLines(trace, width),
	liveLine(trace, width),
	largestLine(trace, width),
];

/** Wide: the figures beside the call sites, the malformed lines below at full width. */
const describeTraceWide = (trace: TraceSummary, width: number, height?: number): StyledLine[] => {
	const leftWidth = Math.floor((width - COLUMN_GAP) / 2);
	const body = besideLines(figureLines(trace, leftWidth), callSiteLines(trace, width - leftWidth - COLUMN_GAP), leftWidth, width);
	const malformedRows = height === undefined ? trace.malformedLines.length : height - body.length - 1;
	return [...body, ...malformedLines(trace, width, malformedRows)].slice(0, height);
};

/**
The panel's lines. With a `height`, the figures come first, then the call sites with what rows
are left; malformed lines, when there are some, take up to two of those rows (with their
heading) and leave the call sites at least two. Without one (a text snapshot), everything.
*/
export const describeTrace = (document: SnapshotDocument, facts: ViewFacts, width: number, height?: number): StyledLine[] => {
	const {trace} = document;
	if (!trace) {
		return notRunningLines(document, facts, width);
	}

	if (width >= SIDE_BY_SIDE_WIDTH) {
		return describeTraceWide(trace, width, height);
	}

	const figures = figureLines(trace, width);
	const siteRows = Math.max(1, trace.topCallSites.length);
	if (height === undefined) {
		return [...figures, ...callSiteLines(trace, width), ...malformedLines(trace, width, trace.malformedLines.length)];
	}

	const room = height - figures.length;
	// Room for the malformed heading and the call sites' heading and two rows, before any malformed line.
	const malformedRows = Math.min(trace.malformedLines.length, MALFORMED_LINES_SHOWN, Math.max(0, room - 2 - Math.min(2, siteRows)));
	const callRows = Math.min(siteRows, room - 1 - (malformedRows > 0 ? malformedRows + 1 : 0));
	return [...figures, ...(callRows > 0 ? callSiteLines(trace, width, callRows) : []), ...malformedLines(trace, width, malformedRows)].slice(0, height);
};

/** The nonzero reasons events and lines were skipped, and any reused pointers, for the one-line form. */
const skippedCounts = (trace: TraceSummary): StyledLine[] => {
	const {skipped} = trace;
	const counts = (
		[
			['unknown', skipped.kfreeUnknownPointer, 'plain'],
			['kfree(NULL)', skipped.kfreeNull, 'plain'],
			['kmalloc NULL', skipped.failedInTrace, 'plain'],
			['malformed', skipped.malformed, 'warn'],
			['ignored', skipped.ignored, 'plain'],
		] as Array<[string, number, Tone]>
	).filter(([, value]) => value > 0);
	const total = counts.reduce((sum, [, value]) => sum + value, 0);
	const reused = trace.reusedLivePointer > 0 ? count('reused', trace.reusedLivePointer, 'warn') : [];
	// Every reason, or, when they do not fit, how many in all (the panel has the reasons).
	return [
		joinSegments([[segment('skipped ', 'dim'), ...(counts.length === 0 ? [segment('0', 'dim')] : joinSegments(counts.map(([name, value, tone]) => count(name, value, tone)), ' '))], reused]),
		joinSegments([[segment('skipped ', 'dim'), segment(formatCount(total), total > 0 ? 'plain' : 'dim')], reused]),
	];
};

/**
One line for the compact layout: `Trace 1,000/1,000 ██████▒ finished  skipped unknown 53`. The
skipped counts come before the bar, which only takes the room they leave; when even they do not
fit, their sum.
*/
export const describeTraceCompact = (document: SnapshotDocument, facts: ViewFacts, width: number): StyledLine => {
	const {trace} = document;
	if (!trace) {
		return firstFitting(
			width,
			[segment('Trace ', 'bold'), segment(`waits while ${document.run.workload} runs; `, 'dim'), ...wayBack(facts)],
			[segment('Trace ', 'bold'), segment('waits; ', 'dim'), ...wayBack(facts)],
		);
	}

	const head = [segment('Trace ', 'bold'), ...readOfTotal(trace), segment(' ')];
	const line = (skipped: StyledLine): StyledLine => {
		const tail = [...progressStatus(trace, COMPACT_STATUS_WIDTH), segment('  '), ...skipped];
		const barWidth = Math.min(16, width - lineWidth(head) - lineWidth(tail) - 1);
		return [...head, ...(barWidth >= 4 ? [...progressBar(trace, barWidth), segment(' ')] : []), ...tail];
	};

	return firstFitting(width, ...skippedCounts(trace).map((skipped) => line(skipped)));
};
