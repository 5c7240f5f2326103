// The Kernel log panel: the last dmesg lines that fit, newest at the bottom, each wrapped whole
// under itself (a line is never cut; one that does not fit is left out). A marker column says what each line is, so highlighting survives NO_COLOR:
// `!!` a panic line, `›` a kmalloc line.

import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {classifyLogLine, splitLogPrefix, type LogLineKind} from './classify-log-line.js';
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
