// The graphs' time axis, drawn into a panel's bottom edge under the graph it belongs to:
// `└──── t45,000 ─────── t47,500 ─────── t50,000 ┘`. Labels name the tick each cell begins at:
// the first cell's under its left end, the last cell's ending under its right end, and one in
// the middle when there is room. Cells before tick 0 are not labelled.

import {formatCount} from './format-number.js';
import {segment, type StyledLine, type Tone} from './styled-line.js';

export type AxisSpan = {
	/** Where the graph's first cell is, in columns from the panel's left edge. */
	start: number;
	/** Cells the graph has. */
	width: number;
	/** The tick the first cell begins at, and how many ticks each cell covers. */
	firstTick: number;
	perCell: number;
};

const label = (tick: number): string => ` t${formatCount(tick)} `;

/** The labels over `width` columns of rule (`─`), or undefined when not even one fits. */
export const describeTimeAxis = (span: AxisSpan): string | undefined => {
	const cells = [...'─'.repeat(span.width)];
	const put = (at: number, text: string): boolean => {
		if (at < 0 || at + text.length > cells.length || cells.slice(Math.max(0, at - 1), at + text.length + 1).some((cell) => cell !== '─')) {
			return false;
		}

		cells.splice(at, text.length, ...text);
		return true;
	};

	const tickAt = (cell: number) => span.firstTick + cell * span.perCell;
	const last = label(tickAt(span.width - 1));
	if (!put(span.width - last.length, last)) {
		return undefined;
	}

	// The first cell at or after tick 0 (a young run's graph starts part way in).
	const firstCell = Math.max(0, Math.ceil(-span.firstTick / span.perCell));
	put(firstCell, label(tickAt(firstCell)));
	const middle = Math.floor((firstCell + span.width - 1) / 2);
	const middleLabel = label(tickAt(middle));
	put(middle - Math.floor(middleLabel.length / 2), middleLabel);
	return cells.join('');
};

/** A frame's bottom edge (`└───┘`, `width` wide) with the axis laid into it. */
export const axisBorder = (width: number, span: AxisSpan, tone: Tone = 'dim'): StyledLine => {
	const rule = [...`└${'─'.repeat(Math.max(0, width - 2))}┘`];
	const axis = describeTimeAxis(span);
	if (axis === undefined || span.start < 1 || span.start + span.width > width - 1) {
		return [segment(rule.join(''), tone)];
	}

	return [segment(rule.slice(0, span.start).join(''), tone), segment(axis, 'dim'), segment(rule.slice(span.start + span.width).join(''), tone)];
};
