// `kmtop compare --format text`: the two revisions side by side, a mark (≠) where they differ,
// each panic in full, then the first tick where they part with both sides' events at it.

import type {CompareDocument, CompareSideSummary} from '../engine/compare-runs.js';
import type {SnapshotEvent} from '../engine/snapshot-types.js';
import {COMPARE_DIFFERS as DIFFERS, COMPARE_LABEL as LABEL, COMPARE_MIN_SIDE} from './compare-columns.js';
import {escapeText} from './escape-text.js';
import {formatCount} from './format-number.js';

const pad = (text: string, width: number): string => (text.length >= width ? `${text.slice(0, width - 2)}… ` : text.padEnd(width));

const sideTitle = (side: CompareSideSummary): string => (side.commit ? `${side.revision} (${side.commit})` : side.revision);

const ran = (side: CompareSideSummary): string => `${formatCount(side.tick)} ticks${side.panic ? ' (panicked)' : ''}`;

const panicCell = (side: CompareSideSummary): string => (side.panic ? `tick ${formatCount(side.panic.tick)}, ${side.panic.kind}` : 'none');

const describeEvent = (event: SnapshotEvent): string => `${event.kind.padEnd(26)}${escapeText(event.message)}`;

/** The report as lines of plain text, each at most `columns` wide where the table is concerned. */
export const describeCompare = (report: CompareDocument, columns = 120): string[] => {
	const [a, b] = report.sides;
	const side = Math.max(COMPARE_MIN_SIDE, Math.floor((columns - LABEL - 2) / 2));
	const row = (label: string, left: string, right: string): string =>
		`${pad(label, LABEL)}${pad(left, side)}${pad(right, side)}${left === right ? '' : DIFFERS}`.trimEnd();
	const {run} = report;
	const lines = [
		`kmtop compare: ${run.workload}, seed ${run.seed}, ${formatCount(run.ramBytes / 1024 / 1024)} MiB of RAM, ${formatCount(run.ticks)} ticks`,
		'',
		`${pad('', LABEL)}${pad(sideTitle(a), side)}${sideTitle(b)}`,
		row('ran', ran(a), ran(b)),
	];
	const keys = [...new Set([...Object.keys(a.memstat), ...Object.keys(b.memstat)])];
	for (const key of keys) {
		const value = (summary: CompareSideSummary) => {
			const figure = (summary.memstat as Record<string, number | undefined>)[key];
			return figure === undefined ? '—' : formatCount(figure);
		};

		lines.push(row(key, value(a), value(b)));
	}

	const heap = (summary: CompareSideSummary) => `${formatCount(summary.heap.totalBytes / 1024)}K in ${summary.heap.subheapCount} ${summary.heap.subheapCount === 1 ? 'subheap' : 'subheaps'}`;
	lines.push(
		row('heap total', heap(a), heap(b)),
		row('subheaps added / removed', `${a.subheaps.added} / ${a.subheaps.removed}`, `${b.subheaps.added} / ${b.subheaps.removed}`),
		row('backup consumed / replaced', `${a.backup.consumed} / ${a.backup.replaced}`, `${b.backup.consumed} / ${b.backup.replaced}`),
		row('panic', panicCell(a), panicCell(b)),
	);
	if (report.memstatKeys[0].length > 0 || report.memstatKeys[1].length > 0) {
		const only = (keysOnly: string[], summary: CompareSideSummary) => (keysOnly.length > 0 ? `${summary.revision} alone prints ${keysOnly.join(', ')}` : '');
		lines.push('', `(— : ${[only(report.memstatKeys[0], a), only(report.memstatKeys[1], b)].filter(Boolean).join('; ')}: a difference of format, not of behaviour)`);
	}

	lines.push('', ...describePanics(report));
	lines.push('', ...describeParting(report));
	return lines;
};

const describePanics = (report: CompareDocument): string[] => {
	const {panics, sides} = report;
	if (!panics) {
		return [`Neither kernel panicked in ${formatCount(report.run.ticks)} ticks.`];
	}

	const lines: string[] = [];
	for (const summary of sides) {
		if (summary.panic) {
			lines.push(`${summary.revision} panicked at tick ${formatCount(summary.panic.tick)} (${summary.panic.kind}):`, ...summary.panic.lines.map((line) => `    ${escapeText(line)}`));
		} else {
			lines.push(`${summary.revision} did not panic in ${formatCount(summary.tick)} ticks.`);
		}
	}

	if (sides[0].panic && sides[1].panic) {
		const when = panics.sameTick ? `both at tick ${formatCount(sides[0].panic.tick)}` : `at ticks ${formatCount(sides[0].panic.tick)} and ${formatCount(sides[1].panic.tick)}`;
		lines.push('', `Both panicked, ${when}${panics.sameKind ? `, both ${sides[0].panic.kind}` : ''}; ${panics.differingLines.length === 0 ? 'with the same lines.' : 'the lines that differ:'}`);
		for (const difference of panics.differingLines) {
			lines.push(
				`  line ${difference.line + 1}:`,
				`    ${pad(sides[0].revision, 12)}${difference.lines[0] === null ? '(no such line)' : escapeText(difference.lines[0])}`,
				`    ${pad(sides[1].revision, 12)}${difference.lines[1] === null ? '(no such line)' : escapeText(difference.lines[1])}`,
			);
		}
	}

	return lines;
};

const describeParting = (report: CompareDocument): string[] => {
	const difference = report.firstDifference;
	if (!difference) {
		return [`The two never parted: memstat and the event stream were the same at every one of ${formatCount(report.run.ticks)} ticks.`];
	}

	const [left, right] = difference.events;
	const sameEvents = left.length === right.length && left.every((event, index) => event.kind === right[index]!.kind && event.message === right[index]!.message);
	const what = difference.memstat.length === 0 ? 'the event stream' : sameEvents ? 'memstat' : 'memstat and the event stream';
	const lines = [`They first part at tick ${formatCount(difference.tick)} (${what}).`];
	for (const change of difference.memstat) {
		const [left, right] = change.values.map((value) => (value === null ? '—' : formatCount(value)));
		lines.push(`  ${pad(change.key, LABEL - 2)}${pad(left!, 16)}${right}`);
	}

	for (const [index, summary] of report.sides.entries()) {
		const events = difference.events[index]!;
		const other = difference.events[1 - index]!;
		lines.push(`  ${summary.revision}, events at tick ${formatCount(difference.tick)}:`);
		if (events.length === 0) {
			lines.push('    (none)');
		}

		for (const [position, event] of events.entries()) {
			const same = other[position]?.kind === event.kind && other[position]?.message === event.message;
			lines.push(`  ${same ? ' ' : DIFFERS} ${describeEvent(event)}`);
		}
	}

	return lines;
};
