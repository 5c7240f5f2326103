// The Kernel log panel: the last dmesg lines that fit, newest at the bottom, each wrapped whole
// under itself (a line is never cut; one that does not fit is left out). A marker column says what each line is, so highlighting survives NO_COLOR:
// `!!` a panic line, `›` a kmalloc line.

import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {classifyLogLine, splitLogPrefix, type LogLineKind} from './classify-log-line.js';
import {bottomTopOf, layoutItems, layoutList, listItems, markColumn, selectLine, type ListItems, type ListLayout, type ListView} from './scroll-list.js';
import {highlightMatches, queryMatcher} from './search-text.js';
import {fitLine, segment, type StyledLine, type Tone} from './styled-line.js';
import {wrapText} from './wrap-text.js';

const markers: Record<LogLineKind, [string, Tone]> = {
	panic: ['!!', 'alarm'],
	kmalloc: ['› ', 'accent'],
	other: ['  ', 'dim'],
};

const styleText = (text: string, kind: LogLineKind, first: boolean): StyledLine => {
	if (kind === 'panic') {
		return [segment(text, 'alarm')];
	}

	if (!first) {
		return [segment(text, kind === 'other' ? 'dim' : 'plain')];
	}

	const [prefix, rest] = splitLogPrefix(text);
	const kmalloc = /^(kmalloc\(\): |kmalloc: )/.exec(rest);
	return [
		segment(prefix, 'dim'),
		...(kmalloc ? [segment(kmalloc[0], 'accent'), segment(rest.slice(kmalloc[0].length))] : [segment(rest, kind === 'other' ? 'dim' : 'plain')]),
	];
};

/** One dmesg line as screen lines of `width` columns (marker included). */
export const describeLogLine = (line: string, kind: LogLineKind, width: number): StyledLine[] => {
	const [marker, tone] = markers[kind];
	return wrapText(line, width - 5).map((piece, index) =>
		fitLine([segment(index === 0 ? marker : '  ', tone), segment(index === 0 ? ' ' : '   '), ...styleText(piece, kind, index === 0)], width),
	);
};

/**
The newest lines that fill `height` screen lines (all of them when `height` is undefined), oldest
at the top. A log line that does not fit whole is left out, not cut at its start; only a line
taller than the whole panel shows in part (its beginning).
*/
export const describeKernelLog = (document: SnapshotDocument, width: number, height?: number): StyledLine[] => {
	const panicLines = document.panic?.lines ?? [];
	const shown: StyledLine[][] = [];
	let used = 0;
	for (let index = document.dmesg.length - 1; index >= 0; index--) {
		const line = document.dmesg[index]!;
		const screenLines = describeLogLine(line, classifyLogLine(line, panicLines), width);
		if (height !== undefined && used + screenLines.length > height) {
			if (used === 0) {
				shown.unshift(screenLines.slice(0, height));
			}

			break;
		}

		shown.unshift(screenLines);
		used += screenLines.length;
	}

	return shown.length > 0 ? shown.flat() : [fitLine([segment('(the log is empty)', 'dim')], width)];
};

/** Each log line's screen lines, the cursor's and the matches' marked in the gap after the marker, made when asked for. */
const logItems = (lines: readonly string[], panicLines: readonly string[], width: number, view: ListView = {}): ListItems => {
	const matches = queryMatcher(view.query ?? '');
	return listItems(lines.length, (index) => {
		const line = lines[index]!;
		const screenLines = describeLogLine(line, classifyLogLine(line, panicLines), width);
		const cursor = view.cursor === index;
		const match = matches(line);
		if (!cursor && !match) {
			return screenLines;
		}

		return screenLines.map((screenLine, row) => {
			// The mark goes in the gap after the marker; a wrapped line keeps its own indent.
			const [marker, , ...rest] = screenLine;
			const marked = row === 0 ? [marker!, ...markColumn(cursor, match, true), ...rest] : screenLine;
			const toned = cursor ? selectLine(marked) : marked;
			return match ? highlightMatches(toned, view.query!) : toned;
		});
	});
};

/** Each log line's screen lines, the cursor's and the matches' marked in the gap after the marker. */
export const logItemLines = (lines: readonly string[], panicLines: readonly string[], width: number, view: ListView = {}): StyledLine[][] => {
	const items = logItems(lines, panicLines, width, view);
	return lines.map((_, index) => items.lines(index));
};

/**
The log as a list you move through: `lines` (the document's, or the ones held while the user
looks back) in a window of `height` lines, following the newest unless the view says where it is.
*/
export const describeKernelLogList = (
	lines: readonly string[],
	panicLines: readonly string[],
	width: number,
	height: number,
	view: ListView = {},
): ListLayout & {top: number} => {
	if (lines.length === 0) {
		return {...layoutList([[fitLine([segment('(the log is empty)', 'dim')], width)]], width, height, 0), top: 0};
	}

	// Only the lines the window shows are made (the log keeps a hundred; a panel shows a few).
	const items = logItems(lines, panicLines, width, view);
	const top = view.top ?? bottomTopOf(items.count, (item) => items.lines(item).length, height);
	return {...layoutItems(items, width, height, top), top};
};
