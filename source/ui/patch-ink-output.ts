// Ink 6.8 draws each frame from scratch: a new Output per frame builds a grid of one object per
// cell, tokenizes every line, then turns every row back into a string, diffing the styles of each
// pair of neighbouring cells (three Sets and a few arrays per cell: most of a frame's time and
// nearly all of its garbage). Most rows of a dashboard do not change from one frame to the next,
// so, once per process, kmtop wraps Output#get: a row whose writes (column and text, after
// transforms) are the same as in the frame before is that frame's string again; a row that
// changed is drawn by Ink's own get() on a one-row Output, so every character is still Ink's.
// A changed row is often changed writes beside unchanged ones (one panel of a row of panels, the
// chunk map scrolled beside words that stay): each write's line is drawn alone and kept, and the
// row is those pieces side by side, where that is provably what get() draws for the whole row
// (see composeRow). Otherwise, and for a piece, draw-ink-row.ts draws from Ink's answers without
// get()'s per-cell work where it can; what it does not understand goes to get() itself.
//
// The caches hold two frames' rows and pieces, the last and the one being drawn: bounded by the
// screen, not by how long kmtop runs (issue #12's leak was a cache of 20,000 lines that only
// counted entries).
// Frames the wrapper does not understand (a horizontal clip, an unknown operation, a transform
// that adds a line) go to Ink's get() unchanged. Output is internal to Ink, so it is reached by
// file and every field is checked first; `patchInkOutput()` says whether it applied and why not,
// and a test fails the day it does not.

import {checkRowDrawer} from './check-row-drawer.js';
import {createRowDrawer, type RowPiece} from './draw-ink-row.js';
import {loadInkOutput} from './load-ink-output.js';
import {FrameCache} from './frame-cache.js';
import {checkOutput, rowWrites, type OutputClass, type OutputInstance} from './read-ink-output.js';

type Piece = RowPiece;

export type PatchResult =
	| {
		applied: true;
		rows: FrameCache<string>;
		pieces: FrameCache<Piece>;
		unjoinable: FrameCache<true>;
		/** Ink's own get, for comparison. */
		inkGet: OutputClass['prototype']['get'];
		/** Changed rows without get()'s per-cell work; `disabled` says why not, when it failed its check. */
		rowDrawer: ReturnType<typeof createRowDrawer>;
	}
	| {applied: false; reason: string};

const patchOutput = async (): Promise<PatchResult> => {
	try {
		const module = await loadInkOutput();
		const problem = checkOutput(module.default);
		if (problem) {
			return {applied: false, reason: problem};
		}

		const Output = module.default as OutputClass;
		const inkGet = Output.prototype.get;
		const rows = new FrameCache<string>();
		const rowDrawer = createRowDrawer((width, writes) => {
			const row = new Output({width, height: 1});
			for (const [x, line] of writes) {
				row.write(x, 0, line, {transformers: []});
			}

			return inkGet.call(row).output;
		});
		const drawerProblem = checkRowDrawer(rowDrawer);
		if (drawerProblem !== undefined) {
			rowDrawer.disable(drawerProblem);
		}

		const pieces = new FrameCache<Piece>();
		const drawPiece = (line: string): Piece => {
			let piece = pieces.get(line) ?? rowDrawer.piece(line);
			if (!piece) {
				const {caches} = new Output({width: 0, height: 1});
				const chars = caches.getStyledChars(line);
				// Columns as get() advances through them.
				const width = chars.reduce((sum, char) => sum + Math.max(1, caches.getStringWidth(char.value)), 0);
				// Alone on a row of its width, with the same caches (tokenized once), and a dot after
				// it: get() trims the row's end, and the dot keeps every character of the piece.
				const alone = Object.assign(new Output({width: width + 1, height: 1}), {caches});
				alone.write(0, 0, line, {transformers: []});
				alone.write(width, 0, '.', {transformers: []});
				const text = inkGet.call(alone).output.slice(0, -1);
				piece = {text, width, styledStart: (chars[0]?.styles.length ?? 0) > 0, styledEnd: (chars.at(-1)?.styles.length ?? 0) > 0};
			}

			pieces.set(line, piece);
			return piece;
		};

		/**
		The row as its writes' pieces side by side, undefined unless that is exactly what get() draws
		for the whole row. get() lays the writes' characters into a row of unstyled spaces and turns
		it into a string, writing between two neighbouring cells the codes that go from the first's
		style to the second's (opening the first cell's, closing the last's). A piece is that for its
		own cells, so the row is its pieces with spaces between, as long as no write overlaps another
		or leaves the row. Where two writes touch with both sides of the seam styled, a style that
		ran across it would be closed and opened again, where get() writes nothing (or only the
		change): the row drawer joins the two at the seam as get() does (the dim borders of two
		panels side by side, most of a live frame's changed rows).
		*/
		const composeRow = (width: number, writes: Array<number | string>): string | undefined => {
			const placed: Array<{x: number; piece: Piece}> = [];
			for (let index = 0; index < writes.length; index += 2) {
				const piece = drawPiece(writes[index + 1] as string);
				if (piece.width > 0) {
					placed.push({x: writes[index] as number, piece});
				}
			}

			placed.sort((a, b) => a.x - b.x);
			let text = '';
			let column = 0;
			let before: Piece | undefined;
			for (const {x, piece} of placed) {
				if (!Number.isInteger(x) || x < column || x + piece.width > width) {
					return undefined;
				}

				if (x === column && before?.styledEnd && piece.styledStart) {
					const joined = rowDrawer.touch(text, before, piece);
					if (joined === undefined) {
						return undefined;
					}

					text = joined;
				} else {
					text += ' '.repeat(x - column) + piece.text;
				}

				column = x + piece.width;
				before = piece;
			}

			return text.trimEnd();
		};

		// Row shapes (the width and the writes' columns) whose pieces did not go together: the row
		// goes straight to get() while its shape stays, so a row of panels whose borders touch in
		// the same style is not cut into pieces every frame. A row of one write is its piece after
		// its column's spaces: a piece is drawn in one pass over its line (draw-ink-row.ts), where
		// drawing the row whole lays out its cells first.
		const unjoinable = new FrameCache<true>();
		// Each line with its length first, so no two rows share a key (JSON.stringify cost more than drawing).
		const rowKey = (width: number, writes: Array<number | string>): string => {
			let key = String(width);
			for (let index = 0; index < writes.length; index += 2) {
				const line = writes[index + 1] as string;
				key += `|${writes[index] as number}:${line.length}:${line}`;
			}

			return key;
		};

		const shapeOf = (width: number, writes: Array<number | string>): string => `${width}:${writes.filter((_, index) => index % 2 === 0).join(',')}`;

		const drawRow = (width: number, writes: Array<number | string>, key: string): string => {
			let text = rows.get(key);
			if (text === undefined && writes.length >= 2) {
				// The shape is named only when some shape did not go together (rarely, now that touching
				// borders are joined), not for every changed row.
				const shape = unjoinable.size > 0 ? shapeOf(width, writes) : undefined;
				text = shape !== undefined && unjoinable.get(shape) !== undefined ? undefined : composeRow(width, writes);
				if (text === undefined) {
					unjoinable.set(shape ?? shapeOf(width, writes), true);
				}
			}

			text ??= rowDrawer.draw(width, writes);

			if (text === undefined) {
				const row = new Output({width, height: 1});
				for (let index = 0; index < writes.length; index += 2) {
					row.write(writes[index] as number, 0, writes[index + 1] as string, {transformers: []});
				}

				text = inkGet.call(row).output;
			}

			rows.set(key, text);
			return text;
		};

		// The frame before, row by row: a row whose writes are the very ones it had there (the same
		// columns, and lines that are mostly the same string objects, painted once by PanelLines)
		// is the text it had, found without its key: building and hashing a key of the whole row's
		// escape codes, for the rows that did not change, was most of this wrapper's garbage.
		let last: {width: number; writes: Array<Array<number | string>>; keys: string[]; texts: string[]} | undefined;
		const sameWrites = (a: ReadonlyArray<number | string> | undefined, b: ReadonlyArray<number | string>): boolean => {
			if (a?.length !== b.length) {
				return false;
			}

			for (let index = 0; index < b.length; index++) {
				if (a[index] !== b[index]) {
					return false;
				}
			}

			return true;
		};

		Output.prototype.get = function (this: OutputInstance) {
			const writes = rowWrites(this);
			if (!writes) {
				return inkGet.call(this);
			}

			rows.turn();
			pieces.turn();
			unjoinable.turn();
			rowDrawer.nextFrame();
			const before = last?.width === this.width ? last : undefined;
			const keys: string[] = [];
			const texts: string[] = [];
			for (let index = 0; index < writes.length; index++) {
				const row = writes[index]!;
				let key: string;
				let text: string;
				if (before && sameWrites(before.writes[index], row)) {
					key = before.keys[index]!;
					text = before.texts[index]!;
					rows.set(key, text);
				} else {
					key = rowKey(this.width, row);
					text = drawRow(this.width, row, key);
				}

				keys.push(key);
				texts.push(text);
			}

			last = {width: this.width, writes, keys, texts};
			return {output: texts.join('\n'), height: writes.length};
		};
		return {applied: true, rows, pieces, unjoinable, inkGet, rowDrawer};
	} catch (error) {
		return {applied: false, reason: error instanceof Error ? error.message : String(error)};
	}
};

let patched: Promise<PatchResult> | undefined;

/** Patches Ink's Output once per process, however many dashboards are started; says how it went. */
export const patchInkOutput = async (): Promise<PatchResult> => {
	patched ??= patchOutput();
	return patched;
};
