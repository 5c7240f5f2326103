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
const RULE = '─';

/**
The labels over `width` columns of rule (`─`), or undefined when not even one fits. A label goes
where it fits with a rule cell to spare on each side of every label already placed; the line is
built once from the labels placed, as a string (this is drawn on every refresh: a cell array
spliced and searched for each label made most of a kernel heap panel's garbage).
*/
export const describeTimeAxis = (span: AxisSpan): string | undefined => {
	const placed: Array<{at: number; text: string}> = [];
	const put = (at: number, text: string): boolean => {
		if (at < 0 || at + text.length > span.width) {
			return false;
		}

		for (let index = 0; index < placed.length; index++) {
			const other = placed[index]!;
			if (other.at < at + text.length + 1 && at - 1 < other.at + other.text.length) {
				return false;
			}
		}

		placed.push({at, text});
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
	placed.sort((a, b) => a.at - b.at);
	let axis = '';
	let column = 0;
	for (let index = 0; index < placed.length; index++) {
		const {at, text} = placed[index]!;
		axis += RULE.repeat(at - column) + text;
		column = at + text.length;
	}

	return axis + RULE.repeat(span.width - column);
};

/** A frame's bottom edge (`└───┘`, `width` wide) with the axis laid into it. */
export const axisBorder = (width: number, span: AxisSpan, tone: Tone = 'dim'): StyledLine => {
	// Every character of the edge is one UTF-16 code unit: columns are string indices.
	const rule = `└${RULE.repeat(Math.max(0, width - 2))}┘`;
	const axis = describeTimeAxis(span);
	if (axis === undefined || span.start < 1 || span.start + span.width > width - 1) {
		return [segment(rule, tone)];
	}

	return [segment(rule.slice(0, span.start), tone), segment(axis, 'dim'), segment(rule.slice(span.start + span.width), tone)];
};
