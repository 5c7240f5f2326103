// The chunk map is the bitmap: decoded back from its braille, it gives the kernel's bits exactly.
import {beforeAll, describe, expect, it} from 'vitest';
import {buildSubheapDocument, linkedSubheapIds, type SubheapDocument} from '../../source/engine/build-subheap-document.js';
import type {Simulation} from '../../source/engine/simulation.js';
import {willItFit} from '../../source/engine/will-it-fit.js';
import {loadBuiltinWorkload} from '../../source/engine/workload-loader.js';
import {CHUNK_DOTS, chunksAtColumn, decodeChunkCell, renderChunkMap, shapeChunkMap, type ChunkMapOptions} from '../../source/view/render-chunk-map.js';
import {lineText, lineWidth, type StyledLine, type Tone} from '../../source/view/styled-line.js';
import {simulate} from '../engine/helpers.js';
import {handSubheap} from './subheap-document-fixture.js';

/** The bits a drawn map shows, chunk by chunk (past the end: nothing). */
const decodeMap = (lines: StyledLine[], document: SubheapDocument, options: ChunkMapOptions): boolean[] => {
	const shape = shapeChunkMap(document.totalChunks, options);
	const bits: boolean[] = [];
	for (const line of lines) {
		const cells = [...lineText(line)].slice(shape.gutterWidth, shape.gutterWidth + shape.cellsPerRow);
		for (const glyph of cells) {
			if (glyph === ' ') {
				continue;
			}

			const byte = decodeChunkCell(glyph);
			expect(byte).toBeGreaterThanOrEqual(0);
			for (let chunk = 0; chunk < 8; chunk++) {
				bits.push((byte & (1 << chunk)) !== 0);
			}
		}
	}

	return bits;
};

/** The kernel's bits, as the map must show them: the whole last cell, chunks past the end clear. */
const kernelBits = (words: Uint32Array, size: number): boolean[] =>
	Array.from({length: Math.ceil(size / 8) * 8}, (_, index) => index < size && (words[index >>> 5]! & (1 << (index & 31))) !== 0);

/** The tone of each column of a line. */
const tones = (line: StyledLine): Tone[] => line.flatMap((part) => [...part.text].map(() => part.tone));

describe('braille cells', () => {
	it('chunk k of a cell is dot 1, 2, 3, 7 (left column, top down), then 4, 5, 6, 8 (right column)', () => {
		expect(CHUNK_DOTS).toEqual([0x01, 0x02, 0x04, 0x40, 0x08, 0x10, 0x20, 0x80]);
		const glyphs = Array.from({length: 8}, (_, chunk) => {
			const document = handSubheap({size: 8, blocks: [[chunk, 1]]});
			return lineText(renderChunkMap(document, {width: 1, gutter: false, tags: false})[0]!);
		});
		expect(glyphs).toEqual(['⠁', '⠂', '⠄', '⡀', '⠈', '⠐', '⠠', '⢀']);
		expect(lineText(renderChunkMap(handSubheap({size: 8, blocks: [[0, 4]]}), {width: 1, gutter: false, tags: false})[0]!)).toBe('⡇');
		expect(lineText(renderChunkMap(handSubheap({size: 8, blocks: [[0, 8]]}), {width: 1, gutter: false, tags: false})[0]!)).toBe('⣿');
		expect(lineText(renderChunkMap(handSubheap({size: 8}), {width: 1, gutter: false, tags: false})[0]!)).toBe('⠀');
		for (let byte = 0; byte < 256; byte++) {
			const dots = CHUNK_DOTS.reduce((sum, dot, chunk) => sum | ((byte & (1 << chunk)) === 0 ? 0 : dot), 0);
			expect(decodeChunkCell(String.fromCodePoint(0x2800 + dots))).toBe(byte);
		}

		expect(decodeChunkCell('x')).toBe(-1);
	});

	it.each([
		{chunks: 31_774, width: 80, gutter: false, tags: false, cells: 80, rows: 50, chunksPerRow: 640},
		{chunks: 63_550, width: 80, gutter: false, tags: false, cells: 80, rows: 100, chunksPerRow: 640},
		{chunks: 63_550, width: 120, gutter: true, tags: true, cells: 96, rows: 83, chunksPerRow: 768},
		{chunks: 31_774, width: 100, gutter: true, tags: true, cells: 80, rows: 50, chunksPerRow: 640},
		// Too narrow for the gutter and tags: cells only, not rounded below 16 columns.
		{chunks: 64, width: 12, gutter: true, tags: true, cells: 12, rows: 1, chunksPerRow: 96},
	])('$chunks chunks in $width columns (gutter $gutter, tags $tags): $cells cells a row, $rows rows', ({chunks, width, gutter, tags, cells, rows, chunksPerRow}) => {
		const shape = shapeChunkMap(chunks, {width, gutter, tags});
		expect([shape.cellsPerRow, shape.totalRows, shape.chunksPerRow]).toEqual([cells, rows, chunksPerRow]);
	});

	it('finds the chunks under a column, nothing in the gutter, the tags or past the end', () => {
		// 998 chunks: 125 cells, the last one of 6 chunks, at row 7, cell column 12.
		const shape = shapeChunkMap(998, {width: 40});
		expect(shape).toMatchObject({gutterWidth: 9, cellsPerRow: 16, tagWidth: 11, totalRows: 8});
		expect(chunksAtColumn(shape, 998, 0, 9)).toEqual({first: 0, count: 8});
		expect(chunksAtColumn(shape, 998, 2, 12)).toEqual({first: (2 * 16 + 3) * 8, count: 8});
		expect(chunksAtColumn(shape, 998, 7, 21)).toEqual({first: 992, count: 6});
		expect(chunksAtColumn(shape, 998, 7, 22)).toBeUndefined();
		expect(chunksAtColumn(shape, 998, 0, 8)).toBeUndefined();
		expect(chunksAtColumn(shape, 998, 0, 25)).toBeUndefined();
		expect(chunksAtColumn(shape, 998, 8, 9)).toBeUndefined();
	});
});

describe('the map against the kernel bitmap', () => {
	const runs: Array<[string, number]> = [
		['vmobject-churn', 3000],
		['fragmentation', 2000],
		['big-allocations', 300],
	];
	const simulations: Simulation[] = [];
	beforeAll(async () => {
		for (const [name, ticks] of runs) {
			const simulation = simulate(await loadBuiltinWorkload(name));
			simulation.step(ticks);
			simulations.push(simulation);
		}
	});

	it.each([0, 1, 2])('workload %i: every linked subheap, 80 columns of cells, decodes to its bitmap', (which) => {
		const {kernel} = simulations[which]!;
		const ids = linkedSubheapIds(kernel);
		expect(ids.length).toBe([4, 1, 9][which]);
		for (const [index, subheap] of [...kernel.heap.subheaps()].entries()) {
			const document = buildSubheapDocument(kernel, ids[index]!)!;
			const options = {width: 80, gutter: false, tags: false};
			const lines = renderChunkMap(document, options);
			expect(lines).toHaveLength(subheap.heap.totalChunks === 63_550 ? 100 : Math.ceil(subheap.heap.totalChunks / 640));
			expect(lines.every((line) => lineWidth(line) === 80)).toBe(true);
			expect(decodeMap(lines, document, options)).toEqual(kernelBits(subheap.heap.bitmap.words, subheap.heap.totalChunks));
		}
	});

	it('the pool scrolls: pages of 13 rows from any offset are the full map cut up, addresses in the gutter', () => {
		const {kernel} = simulations[0]!;
		const document = buildSubheapDocument(kernel, 0)!;
		expect(document.totalChunks).toBe(63_550);
		const options = {width: 120};
		const full = renderChunkMap(document, options);
		expect(full).toHaveLength(83);
		const pages: StyledLine[] = [];
		for (let offset = 0; offset < 83; offset += 13) {
			const page = renderChunkMap(document, {...options, rowOffset: offset, rowCount: 13});
			expect(page).toHaveLength(Math.min(13, 83 - offset));
			pages.push(...page);
		}

		expect(pages.map(lineText)).toEqual(full.map(lineText));
		expect(decodeMap(full, document, options)).toEqual(kernelBits(kernel.heap.main.heap.bitmap.words, 63_550));
		expect(full.map((line) => lineText(line).slice(0, 9))).toEqual(Array.from({length: 83}, (_, row) => `${(0xc050_0000 + row * 768 * 32).toString(16)} `));
		expect(renderChunkMap(document, {...options, rowOffset: 82, rowCount: 5})).toHaveLength(1);
		expect(renderChunkMap(document, {...options, rowOffset: 83})).toEqual([]);
		// 63,550 chunks = 7,943 whole cells and one of 6 chunks: the last row has 7,944 − 82 × 96 = 72 cells.
		expect([...lineText(full[82]!).slice(9)].filter((glyph) => decodeChunkCell(glyph) >= 0)).toHaveLength(72);
	});

	it('the will-it-fit chunks and the last block placed are marked, on the map and in the tags', () => {
		const {kernel} = simulations[1]!;
		const document = buildSubheapDocument(kernel, 0)!;
		const fit = willItFit(document, 10_000);
		expect(fit.fits).toBe(true);
		if (!fit.fits) {
			return;
		}

		const options = {width: 120, fit};
		const shape = shapeChunkMap(document.totalChunks, options);
		const lines = renderChunkMap(document, options);
		const fitRow = Math.floor(fit.firstChunk / shape.chunksPerRow);
		const lastRow = Math.floor(document.lastPlacedChunk / shape.chunksPerRow);
		expect(document.lastPlacedChunk).toBeGreaterThanOrEqual(0);
		expect(fitRow).not.toBe(lastRow);
		expect(lineText(lines[fitRow]!).trimEnd().endsWith(' ◂ fit')).toBe(true);
		expect(lineText(lines[lastRow]!).trimEnd().endsWith(' ◂ last')).toBe(true);
		expect(lines.filter((line) => lineText(line).includes('◂'))).toHaveLength(2);
		const column = shape.gutterWidth + ((fit.firstChunk / 8) | 0) % shape.cellsPerRow;
		expect(tones(lines[fitRow]!)[column]).toBe('selected');
		const lastColumn = shape.gutterWidth + ((document.lastPlacedChunk / 8) | 0) % shape.cellsPerRow;
		expect(tones(lines[lastRow]!)[lastColumn]).toBe('flash');
		// The marks do not change a single dot.
		expect(decodeMap(lines, document, options)).toEqual(kernelBits(kernel.heap.main.heap.bitmap.words, document.totalChunks));
	});
});

describe('cell colours', () => {
	const options = {width: 8, gutter: false, tags: false};

	it('a cell takes its majority holder; a tie goes to the first; unknown holders are plain, stray bits bad, free dim', () => {
		const document = handSubheap({
			size: 64,
			holders: true,
			blocks: [
				[0, 5, 3], [5, 3, 4], // cell 0: holder 3 has 5 of 8
				[8, 4, 1], [12, 4, 2], // cell 1: 4 and 4, holder 1 first
				[16, 2, 6], [18, 4], [22, 2, 6], // cell 2: holder 6 has 4, unknown 4: holder 6 comes first
				[24, 2, 5], // cell 3: 2 of holder 5, 3 stray
				// cell 4 free
				[40, 1, 9], // cell 5: holder 9, palette of 8: colour 1
				[48, 3], // cell 6: unknown holder
				[62, 2, 2], [56, 1, 7], // cell 7: 2 of holder 2 beat 1 of holder 7
			],
			stray: [[27, 30]],
		});
		const line = renderChunkMap(document, options)[0]!;
		expect(tones(line)).toEqual(['holder-3', 'holder-1', 'holder-6', 'bad', 'dim', 'holder-1', 'plain', 'holder-2']);
		expect(decodeMap([line], document, options)).toEqual(kernelBits(document.bitmap, 64));
	});

	it('without holder ids and stray bits every allocated cell is plain', () => {
		const document = handSubheap({size: 24, blocks: [[0, 3], [12, 1]]});
		expect(tones(renderChunkMap(document, {width: 3, gutter: false, tags: false})[0]!)).toEqual(['plain', 'plain', 'dim']);
	});

	it('marks win over holders: fit cells selected, the last block flash; tags say fit+last on a shared row', () => {
		const document = handSubheap({size: 256, holders: true, blocks: [[0, 20, 1], [100, 10, 2]], lastPlacedChunk: 100});
		const fit = willItFit(document, 60); // 2 chunks: first fit at chunk 20
		expect(fit.fits && fit.firstChunk).toBe(20);
		const lines = renderChunkMap(document, {width: 40, fit});
		expect(lines).toHaveLength(2);
		// Cell 2 holds chunks 16–19 of the first block (left column) and the fit's 20–21 (free: no dots);
		// the last block, chunks 100–109, is the right column of cell 12 and chunks 0–5 of cell 13.
		expect(lineText(lines[0]!)).toBe(`c0801020 ⣿⣿⡇${'⠀'.repeat(9)}⢸⡟⠀⠀ ◂ fit+last`.padEnd(40));
		const cellTones = tones(lines[0]!).slice(9, 25);
		expect(cellTones.slice(0, 4)).toEqual(['holder-1', 'holder-1', 'selected', 'dim']);
		expect(cellTones.slice(12, 14)).toEqual(['flash', 'flash']);
		expect(lineText(lines[1]!)).toBe(`c0802020 ${'⠀'.repeat(16)}`.padEnd(40));
	});
});
