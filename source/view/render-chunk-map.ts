// The chunk map: every chunk of a subheap, drawn from its bitmap, 8 chunks a braille cell
// (U+2800–U+28FF). Cell c holds chunks 8c to 8c+7, which is byte c of the bitmap, and a raised
// dot is an allocated chunk, so the map is the bitmap itself, not a sample: a 31,774-chunk
// subheap is 3,972 cells, 50 rows of 80; the pool's 63,550 chunks scroll (row offset and count).
//
// Dot order: chunk k of a cell is dot CHUNK_DOTS[k]: the left column top to bottom (dots 1, 2,
// 3, 7) holds chunks 0–3, the right column (dots 4, 5, 6, 8) chunks 4–7, so addresses grow left
// to right at half-cell steps and a run of chunks reads as a bar.
//
// Colour (a tone per cell; the dots carry the meaning, so a map without colour loses nothing but
// the holders): the chunks "will it fit" would take are `selected`; the last block placed is
// `flash`; otherwise an allocated cell takes the tone of the holder with the most allocated
// chunks in it (a tie goes to the one whose chunks come first; blocks whose holder is not known
// are `plain`, set bits no block accounts for are `bad`); an all-free cell is `dim`. Rows can
// carry the address of their first chunk on the left and a tag on the right where the last
// placed block or the fit starts (` ◂ last`, ` ◂ fit`).

import type {SubheapDocument} from '../engine/build-subheap-document.js';
import type {FitAnswer} from '../engine/will-it-fit.js';
import {fitLine, holderTone, segment, type StyledLine, type Tone} from './styled-line.js';

/** The braille dot (as a bit of the code point above U+2800) for chunk k (0–7) of a cell. */
export const CHUNK_DOTS: readonly number[] = [0x01, 0x02, 0x04, 0x40, 0x08, 0x10, 0x20, 0x80];

export const CHUNKS_PER_CELL = 8;
const BRAILLE_BASE = 0x2800;
const GUTTER_WIDTH = 9; // `c0500000 `
const TAG_WIDTH = 11; // ` ◂ fit+last`

// Byte of the bitmap (bit k: chunk k of the cell) → its glyph, and back.
const glyphs: string[] = [];
const bytesOfDots = new Uint8Array(256);
for (let byte = 0; byte < 256; byte++) {
	let dots = 0;
	for (let chunk = 0; chunk < CHUNKS_PER_CELL; chunk++) {
		if ((byte & (1 << chunk)) !== 0) {
			dots |= CHUNK_DOTS[chunk]!;
		}
	}

	glyphs.push(String.fromCodePoint(BRAILLE_BASE + dots));
	bytesOfDots[dots] = byte;
}

/** The allocated chunks of a cell, as a byte (bit k: chunk k), from its braille glyph; -1 for anything else. */
export const decodeChunkCell = (glyph: string): number => {
	const code = glyph.codePointAt(0) ?? 0;
	return code >= BRAILLE_BASE && code <= BRAILLE_BASE + 0xff ? bytesOfDots[code - BRAILLE_BASE]! : -1;
};

export type ChunkMapShape = {
	/** Columns of each line, as asked. */
	width: number;
	gutterWidth: number;
	tagWidth: number;
	cellsPerRow: number;
	chunksPerRow: number;
	totalCells: number;
	totalRows: number;
};

export type ChunkMapFrame = {
	/** Columns of each line. */
	width: number;
	/** The address of each row's first chunk on the left (default: true). */
	gutter?: boolean;
	/** The ` ◂ last` / ` ◂ fit` tags on the right (default: true). */
	tags?: boolean;
};

/**
How the map fills `width` columns. Cells per row are a multiple of 8 when there is room, so rows
start at round addresses (8 cells are 2 KiB of chunks).
*/
export const shapeChunkMap = (totalChunks: number, {width, gutter = true, tags = true}: ChunkMapFrame): ChunkMapShape => {
	let gutterWidth = gutter ? GUTTER_WIDTH : 0;
	let tagWidth = tags ? TAG_WIDTH : 0;
	if (width - gutterWidth - tagWidth < 8) {
		gutterWidth = 0;
		tagWidth = 0;
	}

	const room = Math.max(1, width - gutterWidth - tagWidth);
	const cellsPerRow = room >= 16 ? room - (room % 8) : room;
	const totalCells = Math.ceil(totalChunks / CHUNKS_PER_CELL);
	return {
		width,
		gutterWidth,
		tagWidth,
		cellsPerRow,
		chunksPerRow: cellsPerRow * CHUNKS_PER_CELL,
		totalCells,
		totalRows: Math.ceil(totalCells / cellsPerRow),
	};
};

/** The chunks under a column of a map row, or undefined where there are none (gutter, tags, past the end). */
export const chunksAtColumn = (shape: ChunkMapShape, totalChunks: number, row: number, column: number): {first: number; count: number} | undefined => {
	const cellColumn = column - shape.gutterWidth;
	if (row < 0 || row >= shape.totalRows || cellColumn < 0 || cellColumn >= shape.cellsPerRow) {
		return undefined;
	}

	const first = (row * shape.cellsPerRow + cellColumn) * CHUNKS_PER_CELL;
	return first < totalChunks ? {first, count: Math.min(CHUNKS_PER_CELL, totalChunks - first)} : undefined;
};

export type ChunkMapOptions = ChunkMapFrame & {
	/** The first map row drawn (default 0). */
	rowOffset?: number;
	/** Rows drawn from there (default: to the end). */
	rowCount?: number;
	/** A "will it fit" answer for this subheap: the chunks it would take are marked. */
	fit?: FitAnswer;
};

const STRAY = -2;
const UNKNOWN = -1;

const toneOfHolder = (key: number): Tone => (key === STRAY ? 'bad' : key === UNKNOWN ? 'plain' : holderTone(key));

/** The bitmap byte of cell `cell`, chunks past the end cleared. */
const cellByte = (document: SubheapDocument, cell: number): number => {
	const byte = (document.bitmap[cell >>> 2]! >>> ((cell & 3) * 8)) & 0xff;
	const past = (cell + 1) * CHUNKS_PER_CELL - document.totalChunks;
	return past > 0 ? byte & (0xff >>> past) : byte;
};

const popcount8 = (byte: number): number => {
	let count = 0;
	for (let bits = byte; bits !== 0; bits &= bits - 1) {
		count++;
	}

	return count;
};

/** The first block that ends after `chunk` (blocks are sorted and do not overlap). */
const firstBlockEndingAfter = (document: SubheapDocument, chunk: number): number => {
	const {firstChunk, chunkCount} = document.blocks;
	let low = 0;
	let high = firstChunk.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (firstChunk[middle]! + chunkCount[middle]! <= chunk) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}

	return low;
};

const overlaps = (start: number, end: number, from: number, to: number): boolean => start < to && from < end;

type Marks = {fitStart: number; fitEnd: number; lastStart: number; lastEnd: number};

const marksOf = (document: SubheapDocument, fit: FitAnswer | undefined): Marks => {
	const last = document.lastPlacedChunk;
	const lastBlock = last < 0 ? -1 : firstBlockEndingAfter(document, last);
	const lastCount = lastBlock >= 0 && document.blocks.firstChunk[lastBlock] === last ? document.blocks.chunkCount[lastBlock]! : 0;
	return {
		fitStart: fit?.fits ? fit.firstChunk : -1,
		fitEnd: fit?.fits ? fit.firstChunk + fit.chunks : -1,
		lastStart: lastCount > 0 ? last : -1,
		lastEnd: lastCount > 0 ? last + lastCount : -1,
	};
};

/** Rows `rowOffset` to `rowOffset + rowCount` of the map, each exactly `width` columns. */
export const renderChunkMap = (document: SubheapDocument, options: ChunkMapOptions): StyledLine[] => {
	const shape = shapeChunkMap(document.totalChunks, options);
	const firstRow = Math.min(shape.totalRows, Math.max(0, Math.floor(options.rowOffset ?? 0)));
	const rows = Math.min(shape.totalRows - firstRow, Math.max(0, Math.floor(options.rowCount ?? shape.totalRows)));
	const marks = marksOf(document, options.fit);
	const {firstChunk, chunkCount, holderId} = document.blocks;
	const keys = new Int32Array(CHUNKS_PER_CELL);
	const counts = new Int32Array(CHUNKS_PER_CELL);
	let block = firstBlockEndingAfter(document, firstRow * shape.chunksPerRow);
	// No holders and no stray bits (today's usual case): every allocated cell is `plain`, no block walk needed.
	const uniform = !holderId && document.strayChunks === 0;
	const lines: StyledLine[] = [];
	for (let row = firstRow; row < firstRow + rows; row++) {
		const line: StyledLine = [];
		const rowChunk = row * shape.chunksPerRow;
		if (shape.gutterWidth > 0) {
			line.push(segment(`${(document.chunkBase + rowChunk * document.chunkSize).toString(16).padStart(8, '0')} `, 'dim'));
		}

		let text = '';
		let tone: Tone = 'dim';
		for (let column = 0; column < shape.cellsPerRow; column++) {
			const cell = row * shape.cellsPerRow + column;
			if (cell >= shape.totalCells) {
				text += ' '.repeat(shape.cellsPerRow - column);
				break;
			}

			const start = cell * CHUNKS_PER_CELL;
			const end = Math.min(start + CHUNKS_PER_CELL, document.totalChunks);
			const byte = cellByte(document, cell);
			let cellTone: Tone;
			if (overlaps(start, end, marks.fitStart, marks.fitEnd)) {
				cellTone = 'selected';
			} else if (overlaps(start, end, marks.lastStart, marks.lastEnd)) {
				cellTone = 'flash';
			} else if (byte === 0) {
				cellTone = 'dim';
			} else if (uniform) {
				cellTone = 'plain';
			} else {
				while (block < firstChunk.length && firstChunk[block]! + chunkCount[block]! <= start) {
					block++;
				}

				let groups = 0;
				let covered = 0;
				for (let next = block; next < firstChunk.length && firstChunk[next]! < end; next++) {
					const overlap = Math.min(end, firstChunk[next]! + chunkCount[next]!) - Math.max(start, firstChunk[next]!);
					const key = holderId ? holderId[next]! : UNKNOWN;
					covered += overlap;
					let group = 0;
					while (group < groups && keys[group] !== key) {
						group++;
					}

					if (group === groups) {
						keys[groups] = key;
						counts[groups++] = 0;
					}

					counts[group]! += overlap;
				}

				const stray = popcount8(byte) - covered;
				let best = STRAY;
				let bestCount = stray > 0 ? stray : 0;
				for (let group = groups - 1; group >= 0; group--) {
					// From the last group back, `>=`: on a tie the earliest group wins, and any block beats stray bits.
					if (counts[group]! >= bestCount) {
						best = keys[group]!;
						bestCount = counts[group]!;
					}
				}

				cellTone = toneOfHolder(best);
			}

			if (cellTone !== tone && text !== '') {
				line.push(segment(text, tone));
				text = '';
			}

			tone = cellTone;
			text += glyphs[byte]!;
		}

		if (text !== '') {
			line.push(segment(text, tone));
		}

		if (shape.tagWidth > 0) {
			const rowEnd = rowChunk + shape.chunksPerRow;
			const fitHere = marks.fitStart >= rowChunk && marks.fitStart < rowEnd;
			const lastHere = marks.lastStart >= rowChunk && marks.lastStart < rowEnd;
			const tag = fitHere && lastHere ? '◂ fit+last' : fitHere ? '◂ fit' : lastHere ? '◂ last' : '';
			if (tag !== '') {
				line.push(segment(' '), segment(tag, fitHere ? 'selected' : 'flash'));
			}
		}

		lines.push(fitLine(line, shape.width));
	}

	return lines;
};
