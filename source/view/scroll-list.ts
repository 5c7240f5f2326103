// A list you can move through (the Kernel log, the lifecycle, the holders): items of one or more
// screen lines each, a window of `lines` lines onto them starting at item `top`, and maybe a
// cursor on one item. The window moves only as far as it must to keep the cursor in view, so the
// screen does not jump while the cursor moves inside it.

import {fitLine, segment, type StyledLine} from './styled-line.js';

/** How a list is looked at: where its window starts, its cursor, its search. */
export type ListView = {
	/** The first item shown; undefined: the newest (the log's last lines, the lifecycle's first events). */
	top?: number;
	cursor?: number;
	query?: string;
};

/** Items from `top` that fit whole in `lines` lines (at least one, shown in part if it is taller). */
export const itemsThatFit = (heights: readonly number[], lines: number, top: number): number => {
	let used = 0;
	let count = 0;
	for (let item = top; item < heights.length; item++) {
		if (used + heights[item]! > lines && count > 0) {
			break;
		}

		used += heights[item]!;
		count++;
		if (used >= lines) {
			break;
		}
	}

	return count;
};

/**
A list's items, each as its screen lines, made when first asked for: a window shows a few items of
a long list, and only those (and, to place the window, their neighbours) need their lines made.
*/
export type ListItems = {readonly count: number; lines(item: number): StyledLine[]};

/** `count` items whose lines `describe` makes, each once. */
export const listItems = (count: number, describe: (item: number) => StyledLine[]): ListItems => {
	const made = new Map<number, StyledLine[]>();
	return {
		count,
		lines(item) {
			let lines = made.get(item);
			if (lines === undefined) {
				lines = describe(item);
				made.set(item, lines);
			}

			return lines;
		},
	};
};

/** The top that shows the last items, the last one at the bottom, measuring only the items it shows. */
export const bottomTopOf = (count: number, height: (item: number) => number, lines: number): number => {
	let used = 0;
	let top = count;
	while (top > 0 && used + height(top - 1) <= lines) {
		top--;
		used += height(top);
	}

	return Math.min(top, Math.max(0, count - 1));
};

/** The top that shows the last items, the last one at the bottom (a log that follows its newest line). */
export const bottomTop = (heights: readonly number[], lines: number): number => bottomTopOf(heights.length, (item) => heights[item]!, lines);

/** The top nearest to `top` that shows `item` whole (or from its start, if it is taller than the window). */
export const revealItem = (heights: readonly number[], lines: number, top: number, item: number): number => {
	const last = heights.length - 1;
	if (last < 0) {
		return 0;
	}

	const target = Math.min(Math.max(0, item), last);
	let first = Math.min(Math.max(0, top), bottomTop(heights, lines));
	if (target < first) {
		return target;
	}

	while (first < target && first + itemsThatFit(heights, lines, first) <= target) {
		first++;
	}

	return first;
};

/** The item `lines` lines further down (`pages` > 0) or up, for PgDn / PgUp. */
export const pageFrom = (heights: readonly number[], lines: number, item: number, pages: number): number => {
	const step = Math.max(1, lines);
	let at = Math.min(Math.max(0, item), heights.length - 1);
	let moved = 0;
	const direction = Math.sign(pages);
	while (moved < step * Math.abs(pages)) {
		const next = at + direction;
		if (next < 0 || next >= heights.length) {
			break;
		}

		moved += heights[direction > 0 ? next : at]!;
		at = next;
	}

	return at;
};

export type ListLayout = {
	/** Exactly `lines` lines (blank ones after the last item). */
	lines: StyledLine[];
	/** The item on each line (undefined on a blank line), for clicks. */
	rowItems: Array<number | undefined>;
};

/** The window onto `itemLines` from item `top`, in `lines` lines of `width` columns (every item when infinite). */
export const layoutList = (itemLines: readonly StyledLine[][], width: number, lines: number, top: number): ListLayout =>
	layoutItems({count: itemLines.length, lines: (item) => itemLines[item]!}, width, lines, top);

/** layoutList of items made when asked for: only the items in the window are. */
export const layoutItems = (items: ListItems, width: number, lines: number, top: number): ListLayout => {
	const out: StyledLine[] = [];
	const rowItems: Array<number | undefined> = [];
	for (let item = Math.max(0, top); item < items.count && out.length < lines; item++) {
		const screenLines = items.lines(item);
		if (out.length > 0 && out.length + screenLines.length > lines) {
			break;
		}

		for (const line of screenLines.slice(0, lines - out.length)) {
			out.push(line);
			rowItems.push(item);
		}
	}

	while (Number.isFinite(lines) && out.length < lines) {
		out.push(fitLine([], width));
		rowItems.push(undefined);
	}

	return {lines: out, rowItems};
};

/** `▸` on the cursor's first line, `•` on a search match's: the marks read without colour. */
export const markColumn = (cursor: boolean, match: boolean, first: boolean): StyledLine => {
	if (!first) {
		return [segment(' ')];
	}

	return cursor ? [segment('▸', 'selected')] : match ? [segment('•', 'warn')] : [segment(' ')];
};

/** The cursor's line: all of it in reverse. */
export const selectLine = (line: StyledLine): StyledLine => line.map((part) => segment(part.text, 'selected'));

/** `line` with the one-column cell at `column` replaced by `mark` (segments split where needed). */
export const markAt = (line: StyledLine, column: number, mark: StyledLine): StyledLine => {
	const out: StyledLine = [];
	let at = 0;
	for (const part of line) {
		const chars = [...part.text];
		if (column >= at && column < at + chars.length) {
			const before = chars.slice(0, column - at).join('');
			const after = chars.slice(column - at + 1).join('');
			out.push(...(before ? [segment(before, part.tone)] : []), ...mark, ...(after ? [segment(after, part.tone)] : []));
		} else {
			out.push(part);
		}

		at += chars.length;
	}

	return out;
};
