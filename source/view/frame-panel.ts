// A panel as lines: a single-line frame with the title in its top edge (`┌ Kernel heap ───┐`),
// the content one space in from the edges, and exactly `height` lines when a height is given
// (short content is padded, long content cut), so a panel never changes size with its content.

import {fitLine, lineWidth, segment, type StyledLine, type Tone} from './styled-line.js';

/** Columns the frame and its padding take from a panel's width. */
export const FRAME_COLUMNS = 4;
export const FRAME_ROWS = 2;

export const framePanel = (
	title: StyledLine,
	content: StyledLine[],
	width: number,
	height?: number,
	borderTone: Tone = 'dim',
): StyledLine[] => {
	const inner = Math.max(0, width - FRAME_COLUMNS);
	const fittedTitle = fitLine(title, Math.min(lineWidth(title), Math.max(0, width - 5)));
	const top: StyledLine = [
		segment('┌ ', borderTone),
		...fittedTitle,
		segment(` ${'─'.repeat(Math.max(0, width - 4 - lineWidth(fittedTitle)))}┐`, borderTone),
	];
	const rows = height === undefined ? content : [...content.slice(0, Math.max(0, height - FRAME_ROWS))];
	while (height !== undefined && rows.length < height - FRAME_ROWS) {
		rows.push([]);
	}

	return [
		fitLine(top, width),
		...rows.map((line) => [segment('│ ', borderTone), ...fitLine(line, inner), segment(' │', borderTone)]),
		[segment(`└${'─'.repeat(Math.max(0, width - 2))}┘`, borderTone)],
	];
};

/** `─ lifecycle ─────────`: a divider inside a panel. */
export const ruleLine = (label: string, width: number, tone: Tone = 'dim'): StyledLine =>
	fitLine([segment('─ ', tone), segment(label, 'bold'), segment(` ${'─'.repeat(Math.max(0, width - 3 - [...label].length))}`, tone)], width);
