// What the `Subheap #N` view says in words beside or under its map: the clicked cell, the marks
// (the "will it fit" answer, the last block placed), the warnings the map cannot show, the free
// runs (as a table, or on their side for a narrow screen) and the fragmentation index.

import type {SubheapDocument} from '../engine/build-subheap-document.js';
import {chunkAddress, describeFreeRunTable, formatFragmentationIndex} from './describe-free-runs.js';
import type {SubheapViewOptions} from './describe-subheap-view.js';
import {describeFit, describeLastPlaced} from './describe-subheap-map.js';
import {formatSize} from './format-bytes.js';
import {formatCount, formatCountOf} from './format-number.js';
import {CHUNKS_PER_CELL, type ChunkMapShape} from './render-chunk-map.js';
import {firstFitting, fitLine, padEnd, segment, type StyledLine} from './styled-line.js';
import {wrapLine} from './wrap-text.js';

/** Blocks the words name for a clicked cell before `+ N more`. */
const CELL_BLOCKS = 2;

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
export const indexLines = (document: SubheapDocument, width: number): StyledLine[] => {
	if (document.freeChunks === 0) {
		return wrapped([segment(' no free chunk: the subheap is full, fragmentation index —', 'warn')], width);
	}

	const runs = document.freeRuns.reduce((sum, bucket) => sum + bucket.count, 0);
	const index = formatFragmentationIndex(document.fragmentationIndex);
	return [
		...wrapped([segment(' free '), segment(formatCountOf(document.freeChunks, 'chunk'), 'bold'), segment(` (${formatCount(document.freeChunks * document.chunkSize)} bytes) in ${formatCountOf(runs, 'run')}`)], width),
		...wrapped(
			[
				segment(' largest free run '),
				segment(formatCountOf(document.largestFreeRunChunks, 'chunk'), 'bold'),
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
export const indexLine = (document: SubheapDocument, width: number): StyledLine => {
	if (document.freeChunks === 0) {
		return fitLine([segment(' no free chunk: the subheap is full, fragmentation index —', 'warn')], width);
	}

	const runs = document.freeRuns.reduce((sum, bucket) => sum + bucket.count, 0);
	const index = segment(formatFragmentationIndex(document.fragmentationIndex), 'bold');
	const free = formatCountOf(document.freeChunks, 'chunk');
	const largest = formatCount(document.largestFreeRunChunks);
	return firstFitting(
		width,
		[segment(` free ${free} in ${formatCountOf(runs, 'run')} · largest run ${largest} · fragmentation index `), index, segment(` = 1 − ${largest} / ${formatCount(document.freeChunks)}`, 'dim')],
		[segment(` free ${free} in ${formatCountOf(runs, 'run')} · largest ${largest} · fragmentation index `), index],
		[segment(` free ${free} · largest ${largest} · index `), index],
	);
};

/** Words that the map cannot say: the subheap is gone, or its bitmap has bits no block owns. */
export const warnings = (document: SubheapDocument, options: SubheapViewOptions, width: number): StyledLine[] => [
	...(options.goneAt === undefined
		? []
		: wrapped([segment(` no longer linked at tick ${formatCount(options.goneAt)}: this is the subheap as it was at tick ${formatCount(document.tick)}`, 'warn')], width)),
	...(document.strayChunks > 0 ? wrapped([segment(` ${formatCount(document.strayChunks)} chunks set in the bitmap belong to no live block`, 'bad')], width) : []),
	...(document.mapped ? [] : wrapped([segment(' its memory is UNMAPPED while it is still linked', 'alarm')], width)),
];

/**
The marks in words, the most telling first: the "will it fit" answer, the clicked cell, the last
block placed. Worded for the map's shape, wrapped to `width` (never cut); `short`, each of their
lines in its shorter wording within `width` instead (a short screen's: a wrapped line cut after
its first row would lose its end, the row and column or what kmalloc returns).
*/
export const markLines = (document: SubheapDocument, options: SubheapViewOptions, shape: ChunkMapShape, width: number, mapWidth: number, short = false): StyledLine[] => {
	const words = {width: mapWidth, textWidth: short ? width : 1000};
	const rewrap = (lines: StyledLine[]) => (short ? lines : lines.flatMap((line) => wrapped(trimEnd(line), width)));
	return [
		...(options.fit ? rewrap(describeFit(document, options.fit, words, {takenFirstBy: options.takenFirstBy})) : []),
		...(options.cell === undefined ? [] : describeCell(document, shape, options.cell, width, options.holderName)),
		...rewrap([describeLastPlaced(document, words)]),
	];
};

/** The free-run table for the side pane; only the sizes there are runs of when all of them do not fit in `lines`. */
export const sideTable = (document: SubheapDocument, width: number, lines: number): StyledLine[] => {
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
