// The live `Subheap #N` view fitted to the screen: the chunk map scrolls in whatever rows are left
// once the free runs, the fragmentation index and the marks have theirs. From 100 columns the
// words stand beside the map (the free-run table with its bars); below that they go under it, the
// histogram on its side (bucket by bucket across, runs and bytes under each) so it all fits in
// an 80×24 terminal. Nothing here knows the kernel: it draws a subheap document.

import type {SubheapDocument} from '../engine/build-subheap-document.js';
import type {FitAnswer} from '../engine/will-it-fit.js';
import {chunkAddress, describeFreeRunTable, formatFragmentationIndex} from './describe-free-runs.js';
import {describeChunkMapLegend, describeFit, describeLastPlaced, describeSubheapSummary} from './describe-subheap-map.js';
import {formatSize} from './format-bytes.js';
import {formatCount} from './format-number.js';
import {CHUNKS_PER_CELL, renderChunkMap, shapeChunkMap, type ChunkMapShape} from './render-chunk-map.js';
import {firstFitting, fitLine, lineWidth, padEnd, segment, type StyledLine} from './styled-line.js';
import {wrapLine} from './wrap-text.js';

/** From here the free runs and the marks stand beside the map. */
export const SIDE_BY_SIDE_WIDTH = 100;
/** The least the side pane has: the free-run table with a short bar. */
const SIDE_MIN_WIDTH = 44;
const GAP = ' │ ';
/** Blocks the words name for a clicked cell before `+ N more`. */
const CELL_BLOCKS = 2;

export type SubheapViewOptions = {
	/** Inside the frame. */
	width: number;
	height: number;
	/** The first map row shown. */
	top: number;
	fit?: FitAnswer;
	/** The subheap kmalloc would try first for the request, when another one takes it. */
	takenFirstBy?: number;
	/** A cell the user clicked: what is in it is said in words. */
	cell?: number;
	/** A holder's name for the clicked cell's block (the holders table's), when holders are known. */
	holderName?: (id: number) => string | undefined;
	/** Not linked any more: the tick the engine last looked (the map is as it was). */
	goneAt?: number;
};

export type SubheapViewLayout = {
	/** Exactly `height` lines of `width` columns. */
	lines: StyledLine[];
	/** Where the map is in those lines, for clicks, and what it shows. */
	map: {line: number; column: number; shape: ChunkMapShape; top: number; rows: number};
};

/** The map's rows in `rows` lines from `top`, kept inside the map. */
export const clampMapTop = (shape: ChunkMapShape, rows: number, top: number): number => Math.max(0, Math.min(top, shape.totalRows - rows));

const wrapped = (line: StyledLine, width: number): StyledLine[] => wrapLine(line, width, '   ').map((piece) => fitLine(piece, width));

/** `cell 12 (row 1, column 13): chunks 96–103, 4 allocated · block V0xc0801c24, 40 chunks, held by …`. */
export const describeCell = (document: SubheapDocument, shape: ChunkMapShape, cell: number, width: number, holderName?: (id: number) => string | undefined): StyledLine[] => {
	const first = cell * CHUNKS_PER_CELL;
	const end = Math.min(first + CHUNKS_PER_CELL, document.totalChunks);
	if (first >= document.totalChunks) {
		return [];
	}

	let allocated = 0;
	for (let chunk = first; chunk < end; chunk++) {
		allocated += (document.bitmap[chunk >>> 5]! >>> (chunk & 31)) & 1;
	}

	const {firstChunk, chunkCount, holderId} = document.blocks;
	const blocks: string[] = [];
	let more = 0;
	for (let block = 0; block < firstChunk.length && firstChunk[block]! < end; block++) {
		if (firstChunk[block]! + chunkCount[block]! <= first) {
			continue;
		}

		if (blocks.length === CELL_BLOCKS) {
			more++;
			continue;
		}

		const holder = holderId && holderId[block]! >= 0 ? holderName?.(holderId[block]!) : undefined;
		const address = `V0x${(document.chunkBase + firstChunk[block]! * document.chunkSize + 4).toString(16).padStart(8, '0')}`;
		blocks.push(`block ${address}, ${formatCount(chunkCount[block]!)} ${chunkCount[block] === 1 ? 'chunk' : 'chunks'}${holder ? `, ${holder}` : ''}`);
	}

	const place = `cell ${formatCount(cell)} (row ${Math.floor(cell / shape.cellsPerRow) + 1}, column ${(cell % shape.cellsPerRow) + 1})`;
	const chunks = `chunks ${formatCount(first)}–${formatCount(end - 1)} at ${chunkAddress(document, first)}, ${allocated} allocated`;
	const named = [...blocks, ...(more > 0 ? [`+ ${more} more ${more === 1 ? 'block' : 'blocks'}`] : [])];
	return wrapped([segment(' ▪ ', 'selected'), segment(`${place}: ${chunks}${named.length > 0 ? ` · ${named.join(' · ')}` : ''}`)], width);
};

/** The free runs on their side: a label column, then each bucket's runs and bytes under it, in blocks as wide as the width. */
export const describeFreeRunsAcross = (document: SubheapDocument, width: number): StyledLine[] => {
	const buckets = document.freeRuns;
	if (buckets.length === 0) {
		return [];
	}

	const labels = [' free run ', ' runs     ', ' bytes    '];
	const columns = buckets.map((bucket) => {
		const cells = [
			bucket.minChunks === bucket.maxChunks ? String(bucket.minChunks) : `${bucket.minChunks}–${bucket.maxChunks}`,
			formatCount(bucket.count),
			bucket.count === 0 ? '0' : formatSize(bucket.bytes),
		];
		const columnWidth = Math.max(...cells.map((cell) => [...cell].length)) + 1;
		return {cells, width: columnWidth, empty: bucket.count === 0};
	});
	const lines: StyledLine[] = [];
	let start = 0;
	while (start < columns.length) {
		let used = labels[0]!.length;
		let end = start;
		while (end < columns.length && (end === start || used + columns[end]!.width <= width)) {
			used += columns[end]!.width;
			end++;
		}

		for (const [row, label] of labels.entries()) {
			lines.push(
				fitLine(
					[
						segment(label, row === 0 ? 'bold' : 'dim'),
						...columns.slice(start, end).map((column) => segment(padEnd(column.cells[row]!, column.width), row === 0 ? 'bold' : column.empty ? 'dim' : 'plain')),
					],
					width,
				),
			);
		}

		start = end;
	}

	return lines;
};

/** Free chunks, the largest run and the index, wrapped (never cut). */
const indexLines = (document: SubheapDocument, width: number): StyledLine[] => {
	if (document.freeChunks === 0) {
		return wrapped([segment(' no free chunk: the subheap is full, fragmentation index —', 'warn')], width);
	}

	const runs = document.freeRuns.reduce((sum, bucket) => sum + bucket.count, 0);
	const index = formatFragmentationIndex(document.fragmentationIndex);
	return [
		...wrapped([segment(' free '), segment(`${formatCount(document.freeChunks)} chunks`, 'bold'), segment(` (${formatCount(document.freeChunks * document.chunkSize)} bytes) in ${formatCount(runs)} runs`)], width),
		...wrapped(
			[
				segment(' largest free run '),
				segment(`${formatCount(document.largestFreeRunChunks)} chunks`, 'bold'),
				segment(` at chunk ${formatCount(document.largestFreeRunStart)} (${chunkAddress(document, document.largestFreeRunStart)})`),
			],
			width,
		),
		...wrapped(
			[
				segment(' fragmentation index '),
				segment(index, 'bold'),
				segment(` = 1 − ${formatCount(document.largestFreeRunChunks)} / ${formatCount(document.freeChunks)}`, 'dim'),
			],
			width,
		),
	];
};

/** One line of the index for a short screen: `free 348 chunks in 6 runs · largest 100 · fragmentation index 0.713`. */
const indexLine = (document: SubheapDocument, width: number): StyledLine => {
	if (document.freeChunks === 0) {
		return fitLine([segment(' no free chunk: the subheap is full, fragmentation index —', 'warn')], width);
	}

	const runs = document.freeRuns.reduce((sum, bucket) => sum + bucket.count, 0);
	const index = segment(formatFragmentationIndex(document.fragmentationIndex), 'bold');
	const free = `${formatCount(document.freeChunks)} chunks`;
	const largest = formatCount(document.largestFreeRunChunks);
	return firstFitting(
		width,
		[segment(` free ${free} in ${formatCount(runs)} runs · largest run ${largest} · fragmentation index `), index, segment(` = 1 − ${largest} / ${formatCount(document.freeChunks)}`, 'dim')],
		[segment(` free ${free} in ${formatCount(runs)} runs · largest ${largest} · fragmentation index `), index],
		[segment(` free ${free} · largest ${largest} · index `), index],
	);
};

/** Words that the map cannot say: the subheap is gone, or its bitmap has bits no block owns. */
const warnings = (document: SubheapDocument, options: SubheapViewOptions, width: number): StyledLine[] => [
	...(options.goneAt === undefined
		? []
		: wrapped([segment(` no longer linked at tick ${formatCount(options.goneAt)}: this is the subheap as it was at tick ${formatCount(document.tick)}`, 'warn')], width)),
	...(document.strayChunks > 0 ? wrapped([segment(` ${formatCount(document.strayChunks)} chunks set in the bitmap belong to no live block`, 'bad')], width) : []),
	...(document.mapped ? [] : wrapped([segment(' its memory is UNMAPPED while it is still linked', 'alarm')], width)),
];

/**
The marks in words, the most telling first: the "will it fit" answer, the clicked cell, the last
block placed. Worded for the map's shape, wrapped to `width` (never cut).
*/
const markLines = (document: SubheapDocument, options: SubheapViewOptions, shape: ChunkMapShape, width: number, mapWidth: number): StyledLine[] => {
	const words = {width: mapWidth, textWidth: 1000};
	const rewrap = (lines: StyledLine[]) => lines.flatMap((line) => wrapped(trimEnd(line), width));
	return [
		...(options.fit ? rewrap(describeFit(document, options.fit, words, {takenFirstBy: options.takenFirstBy})) : []),
		...(options.cell === undefined ? [] : describeCell(document, shape, options.cell, width, options.holderName)),
		...rewrap([describeLastPlaced(document, words)]),
	];
};

/** The free-run table for the side pane; only the sizes there are runs of when all of them do not fit in `lines`. */
const sideTable = (document: SubheapDocument, width: number, lines: number): StyledLine[] => {
	const table = describeFreeRunTable(document, width);
	if (table.length <= lines) {
		return table;
	}

	const present = {...document, freeRuns: document.freeRuns.filter((bucket) => bucket.count > 0)};
	return [...describeFreeRunTable(present, width), fitLine([segment(' sizes with no free run left out', 'dim')], width)];
};

/** A line without the spaces that padded it to its width. */
const trimEnd = (line: StyledLine): StyledLine => {
	const copy = [...line];
	while (copy.length > 0 && copy.at(-1)!.text.trim() === '') {
		copy.pop();
	}

	if (copy.length > 0) {
		const last = copy.at(-1)!;
		copy[copy.length - 1] = segment(last.text.trimEnd(), last.tone);
	}

	return copy;
};

const besideLayout = (document: SubheapDocument, options: SubheapViewOptions): SubheapViewLayout => {
	const {width, height} = options;
	// The map as wide as whole groups of 8 cells allow beside the least side pane; the rest to the pane.
	const room = width - SIDE_MIN_WIDTH - GAP.length;
	const probe = shapeChunkMap(document.totalChunks, {width: room});
	const mapWidth = room - (room - probe.gutterWidth - probe.tagWidth - probe.cellsPerRow);
	const sideWidth = width - mapWidth - GAP.length;
	const shape = shapeChunkMap(document.totalChunks, {width: mapWidth});
	const rows = Math.max(1, height - 2);
	const top = clampMapTop(shape, rows, options.top);
	const map = renderChunkMap(document, {width: mapWidth, rowOffset: top, rowCount: rows, fit: options.fit});
	const left = [...map, ...Array.from({length: rows - map.length}, () => fitLine([], mapWidth)), describeChunkMapLegend(document, {width: mapWidth})];
	const words = [...markLines(document, options, shape, sideWidth, mapWidth), ...warnings(document, options, sideWidth), []];
	const index = indexLines(document, sideWidth);
	// The whole table when it leaves the words three lines, else the sizes there are runs of.
	const table = sideTable(document, sideWidth, height - 1 - index.length - Math.min(words.length, 3));
	// The table and the index stay whole at the bottom; the words above them give way from their end.
	const right = [...words.slice(0, Math.max(0, height - 1 - table.length - index.length)), ...table, ...index];
	return {
		lines: [
			describeSubheapSummary(document, width),
			...Array.from({length: height - 1}, (_, index) => fitLine([...fitLine(left[index] ?? [], mapWidth), segment(GAP, 'dim'), ...fitLine(right[index] ?? [], sideWidth)], width)),
		].slice(0, height),
		map: {line: 1, column: 0, shape, top, rows},
	};
};

const stackedLayout = (document: SubheapDocument, options: SubheapViewOptions): SubheapViewLayout => {
	const {width, height} = options;
	const shape = shapeChunkMap(document.totalChunks, {width});
	const marks = markLines(document, options, shape, width, width).map((line) => fitLine(line, width));
	const histogram = describeFreeRunsAcross(document, width);
	const index = indexLine(document, width);
	const legend = describeChunkMapLegend(document, {width});
	const warn = warnings(document, options, width);
	// The map keeps three rows at least; the legend goes first, then the marks' extra lines.
	const below = (withLegend: boolean, markCount: number) => [...(withLegend ? [legend] : []), ...marks.slice(0, markCount), ...warn, ...histogram, index];
	let lines = below(true, marks.length);
	for (const [withLegend, markCount] of [
		[false, marks.length],
		[false, Math.min(marks.length, 2)],
		[false, Math.min(marks.length, 1)],
	] as const) {
		if (height - 1 - lines.length >= 3) {
			break;
		}

		lines = below(withLegend, markCount);
	}

	const rows = Math.max(1, height - 1 - lines.length);
	const top = clampMapTop(shape, rows, options.top);
	const map = renderChunkMap(document, {width, rowOffset: top, rowCount: rows, fit: options.fit});
	const padded = [...map, ...Array.from({length: rows - map.length}, () => fitLine([], width))];
	return {
		lines: [describeSubheapSummary(document, width), ...padded, ...lines].slice(0, height).map((line) => (lineWidth(line) === width ? line : fitLine(line, width))),
		map: {line: 1, column: 0, shape, top, rows},
	};
};

/** The view in `height` lines of `width` columns. */
export const layoutSubheapView = (document: SubheapDocument, options: SubheapViewOptions): SubheapViewLayout => {
	const layout = options.width >= SIDE_BY_SIDE_WIDTH ? besideLayout(document, options) : stackedLayout(document, options);
	const lines = [...layout.lines];
	while (lines.length < options.height) {
		lines.push(fitLine([], options.width));
	}

	return {...layout, lines};
};

/** `map rows 1–32 of 100`: where the map is scrolled to, for the title. */
export const mapPosition = (layout: SubheapViewLayout): string => {
	const {shape, top, rows} = layout.map;
	const last = Math.min(shape.totalRows, top + rows);
	return last - top >= shape.totalRows ? `all ${formatCount(shape.totalRows)} map rows` : `map rows ${formatCount(top + 1)}–${formatCount(last)} of ${formatCount(shape.totalRows)}`;
};
