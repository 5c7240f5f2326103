// One row of a frame as Ink's Output#get draws it, without its per-cell objects (issue #14).
// get() lays each write's characters into a row of unstyled spaces, one object per cell with the
// styles in force (tokenizing every line into graphemes and escape codes first), then walks the
// row writing each character after the codes that go from its left neighbour's style to its own,
// the first cell's style opening and the last one's closed, and trims the row's end. For a live
// frame's twenty-odd changed rows that is most of the UI thread's time and nearly all its garbage.
//
// Here the row is walked the same way, with strings: a style is named by the codes get() opens it
// with, and the codes between two styles, a style after an escape code and whether a character
// takes one cell of its own are each asked of get() itself once (`probe`, Ink's get() on a small
// row) and remembered (ask-ink-answers.ts). So every byte is still Ink's: this only decides which
// of Ink's answers go where. Lines outside what this understands (an escape code other than SGR colours and
// attributes, a character that is wide, joins its neighbours or is outside the Basic Multilingual
// Plane) return undefined, and the row goes to get() as before.

import {createInkAnswers, type ProbeRow} from './ask-ink-answers.js';
import {isCsiAt, isEscape, isSgrEnd, parametersEnd} from './read-escape-codes.js';
import {FrameCache} from './frame-cache.js';

export type {ProbeRow} from './ask-ink-answers.js';
export {STYLE_CACHE_CHARACTERS} from './ask-ink-answers.js';

export type RowDrawer = {
	/** The row get() draws for these writes ([column, line, column, line, …]), or undefined to leave it to get(). */
	draw(width: number, writes: ReadonlyArray<number | string>): string | undefined;
	/** One frame is drawn: what neither it nor the frame before used is forgotten. */
	nextFrame(): void;
};

/**
One write's line drawn alone as get() draws it: its string (untrimmed), its columns, and whether
its first and last cells are styled. A piece the drawer drew also names the styles of its first
and last cells (their opening codes), so it can be joined to a neighbour it touches (`touch`).
*/
export type RowPiece = {text: string; width: number; styledStart: boolean; styledEnd: boolean; firstStyle?: string; lastStyle?: string};

/** A line as cells: each character and the style it is drawn in (its opening codes). */
type Cells = {values: string[]; styles: string[]};

export const createRowDrawer = (probe: ProbeRow) => {
	const answers = createInkAnswers(probe);
	const {isOneCell, styleAfter, codesBetween} = answers;
	const lines = new FrameCache<Cells | null>();
	let failure: string | undefined;

	// Each character as one string, made once (`line[index]` makes a new one each time for any
	// character past Latin-1: the box drawing and bars of every changed line, every frame). At
	// most one per BMP character that takes a cell, however much text goes by.
	const characters = new Map<number, string>();
	const characterOf = (code: number): string => {
		let character = characters.get(code);
		if (character === undefined) {
			character = String.fromCharCode(code);
			characters.set(code, character);
		}

		return character;
	};

	/** Whether a character is drawn as itself in a cell of its own: no escape code, no surrogate, one column. */
	const isPlain = (code: number): boolean => !isEscape(code) && (code < 0xD8_00 || code > 0xDF_FF) && isOneCell(code);

	/** A line's cells, or null when something in it is not for this drawer. */
	const cellsOf = (line: string): Cells | null => {
		let cells = lines.get(line);
		if (cells !== undefined) {
			return cells;
		}

		const values: string[] = [];
		const styles: string[] = [];
		let style = '';
		for (let index = 0; index < line.length; ) {
			const code = line.charCodeAt(index);
			if (isCsiAt(line, index)) {
				const end = parametersEnd(line, index);
				const next = isSgrEnd(line, end) ? styleAfter(style, line.slice(index, end + 1)) : null;
				if (next === null) {
					return lines.set(line, null);
				}

				style = next;
				index = end + 1;
			} else if (!isPlain(code)) {
				return lines.set(line, null);
			} else {
				values.push(characterOf(code));
				styles.push(style);
				index++;
			}
		}

		cells = {values, styles};
		return lines.set(line, cells);
	};

	// One row's cells, `end` of them, in arrays reused from row to row (emptying or growing them
	// for each row was a frame's garbage); a hole is a cell no write reached past the width.
	const rowValues: Array<string | undefined> = [];
	const rowStyles: string[] = [];
	// A row's pieces, joined once: adding them to a string one by one made a string object per
	// cell. The array keeps its storage from row to row: emptied with `length = 0`, V8 gave it an
	// empty store and every row grew it again from nothing (a few KB of garbage a changed row, the
	// most of anything on the UI thread). `count` pieces are this row's; `filled` are the ones a
	// row before may have left text in, blanked before the join (an empty string joins as nothing).
	const parts: string[] = [];
	let count = 0;
	let filled = 0;
	const startParts = (): void => {
		filled = Math.max(filled, count);
		count = 0;
	};

	const joinParts = (): string => {
		for (let index = count; index < filled; index++) {
			parts[index] = '';
		}

		filled = count;
		return parts.join('');
	};

	const draw = (width: number, writes: ReadonlyArray<number | string>): string | undefined => {
		if (failure !== undefined) {
			return undefined;
		}

		let end = width;
		for (let column = 0; column < width; column++) {
			rowValues[column] = ' ';
			rowStyles[column] = '';
		}

		for (let index = 0; index < writes.length; index += 2) {
			const x = writes[index] as number;
			const cells = cellsOf(writes[index + 1] as string);
			if (cells === null || !Number.isInteger(x)) {
				return undefined;
			}

			// As get() does: cells past the width lengthen the row, left of it they are dropped.
			for (let at = 0; at < cells.values.length; at++) {
				const column = x + at;
				if (column < 0) {
					continue;
				}

				for (; end < column; end++) {
					rowValues[end] = undefined;
				}

				rowValues[column] = cells.values[at];
				rowStyles[column] = cells.styles[at]!;
				end = Math.max(end, column + 1);
			}
		}

		startParts();
		let style: string | undefined;
		for (let column = 0; column < end; column++) {
			const value = rowValues[column];
			if (value === undefined) {
				continue;
			}

			const next = rowStyles[column]!;
			// The first cell opens its style; after that a change of style writes what changed
			// (the same style twice writes nothing: diffAnsiCodes of a style with itself).
			if (style === undefined) {
				parts[count++] = next;
			} else if (style !== next) {
				parts[count++] = codesBetween(style, next);
			}

			parts[count++] = value;
			style = next;
		}

		if (style !== undefined && style !== '') {
			parts[count++] = codesBetween(style, '');
		}

		return joinParts().trimEnd();
	};

	/**
	The line alone as get() draws it, or undefined to leave it to get(): draw() of the line with a
	dot after it (the row's end is trimmed, the dot keeps the piece whole), less the dot, walked in
	one pass without the line's cells (two arrays a character, for each line that changed, every
	frame): the first cell opens its style, a change of style writes the codes between, and the
	unstyled dot closes the last cell's style.
	*/
	const piece = (line: string): RowPiece | undefined => {
		if (failure !== undefined) {
			return undefined;
		}

		startParts();
		let style = '';
		let first: string | undefined;
		let last: string | undefined;
		let width = 0;
		for (let index = 0; index < line.length; ) {
			if (isCsiAt(line, index)) {
				const end = parametersEnd(line, index);
				const next = isSgrEnd(line, end) ? styleAfter(style, line.slice(index, end + 1)) : null;
				if (next === null) {
					return undefined;
				}

				style = next;
				index = end + 1;
			} else {
				// A run of characters between two escape codes is all in one style: the codes go before
				// its first cell, and its cells are the run itself, one column a character.
				let end = index;
				while (end < line.length && isPlain(line.charCodeAt(end))) {
					end++;
				}

				if (end === index) {
					return undefined;
				}

				if (last === undefined) {
					parts[count++] = style;
					first = style;
				} else if (last !== style) {
					parts[count++] = codesBetween(last, style);
				}

				parts[count++] = line.slice(index, end);
				last = style;
				width += end - index;
				index = end;
			}
		}

		if (last !== undefined && last !== '') {
			parts[count++] = codesBetween(last, '');
		}

		return {text: joinParts(), width, styledStart: (first ?? '') !== '', styledEnd: (last ?? '') !== '', firstStyle: first ?? '', lastStyle: last ?? ''};
	};

	/**
	`text`, a row so far that ends in the piece `left`, with the piece `right` in the very next
	column, as get() draws the two cells of the seam: nothing between them when they are in the same
	style, the codes between the two styles otherwise, where `left` alone closes its style and
	`right` alone opens its own. Undefined for a piece not drawn here (its styles are not named).
	*/
	const touch = (text: string, left: RowPiece, right: RowPiece): string | undefined => {
		const from = left.lastStyle;
		const to = right.firstStyle;
		if (failure !== undefined || from === undefined || to === undefined) {
			return undefined;
		}

		const close = from === '' ? '' : codesBetween(from, '');
		if (!text.endsWith(close) || !right.text.startsWith(to)) {
			return undefined;
		}

		return text.slice(0, text.length - close.length) + (from === to ? '' : codesBetween(from, to)) + right.text.slice(to.length);
	};

	return {
		draw,
		piece,
		touch,
		probe,
		nextFrame() {
			lines.turn();
		},
		/** For tests: the lines kept, and the characters the style caches hold. */
		get cached() {
			return {lines: lines.size, styleCharacters: answers.styleCharacters};
		},
		/** Turns the drawer off (every row to get()): its check against get() failed. */
		disable(reason: string) {
			failure = reason;
		},
		get disabled() {
			return failure;
		},
	} satisfies RowDrawer & Record<string, unknown>;
};
