// The `Subheap #N` view as lines: what the subheap is, its chunk map, what the map's glyphs and
// marks mean (the last block placed, the "will it fit" answer, in words as well as colour), and
// the free-run table. The live drill-down and `kmtop snapshot --panel map` both draw from here.

import type {SubheapDocument} from '../engine/build-subheap-document.js';
import type {FitAnswer} from '../engine/will-it-fit.js';
import {describeFreeRunSummary, describeFreeRunTable} from './describe-free-runs.js';
import {formatCount, formatPercent} from './format-number.js';
import {CHUNKS_PER_CELL, renderChunkMap, shapeChunkMap, type ChunkMapOptions} from './render-chunk-map.js';
import {firstFitting, fitLine, segment, type StyledLine} from './styled-line.js';

const bytesOf = (document: SubheapDocument, chunks: number): string => `${formatCount(chunks * document.chunkSize)} bytes`;

const chunkWord = (chunks: number): string => `${formatCount(chunks)} ${chunks === 1 ? 'chunk' : 'chunks'}`;

/** `Subheap #1`: the title of the view. */
export const subheapMapTitle = (document: SubheapDocument): string => `Subheap #${document.id}`;

/** `backup at V0xc0801000 · 31,774 chunks of 32 bytes · 66.5% allocated in 3,421 blocks · tick 4,000` */
export const describeSubheapSummary = (document: SubheapDocument, width: number): StyledLine => {
	const allocated = document.totalChunks - document.freeChunks;
	const fraction = document.totalChunks === 0 ? 0 : allocated / document.totalChunks;
	const origin = segment(` ${document.origin}`, document.origin === 'pool' ? 'dim' : 'accent');
	const address = `V0x${document.base.toString(16).padStart(8, '0')}`;
	const used = segment(`${formatPercent(fraction)} allocated`, 'bold');
	const count = document.blocks.firstChunk.length;
	const blocks = `${formatCount(count)} ${count === 1 ? 'block' : 'blocks'}`;
	const unmapped = document.mapped ? [] : [segment(' · UNMAPPED, still linked', 'alarm')];
	return firstFitting(
		width,
		[origin, segment(` at ${address} · ${formatCount(document.totalChunks)} chunks of ${document.chunkSize} bytes · `), used, segment(` in ${blocks} · tick ${formatCount(document.tick)}`), ...unmapped],
		[origin, segment(` at ${address} · ${formatCount(document.totalChunks)} chunks · `), used, segment(` in ${blocks}`), ...unmapped],
		[origin, segment(` ${address} · `), used, ...unmapped],
	);
};

/** What a glyph is: the dot order, and how many chunks and bytes a cell and a row are. */
export const describeChunkMapLegend = (document: SubheapDocument, options: ChunkMapOptions): StyledLine => {
	const shape = shapeChunkMap(document.totalChunks, options);
	const glyphs = [segment(' ⣿', 'bold'), segment(' allocated '), segment('⠀', 'dim'), segment(' free', 'dim')];
	const row = `a row: ${formatCount(shape.chunksPerRow)} chunks (${bytesOf(document, shape.chunksPerRow)})`;
	return firstFitting(
		options.width,
		[...glyphs, segment(` · a cell: 8 chunks (left column 0–3, right 4–7, top down) · ${row}`, 'dim')],
		[...glyphs, segment(` · a cell: 8 chunks · ${row}`, 'dim')],
		[...glyphs, segment(' · a cell: 8 chunks', 'dim')],
	);
};

/** Where the map's row and column for a chunk are, for the words under it. */
const whereOnMap = (document: SubheapDocument, options: ChunkMapOptions, chunk: number): string => {
	const shape = shapeChunkMap(document.totalChunks, options);
	const cell = Math.floor(chunk / CHUNKS_PER_CELL);
	return `row ${Math.floor(cell / shape.cellsPerRow) + 1}, column ${(cell % shape.cellsPerRow) + 1}`;
};

/** The pointer kmalloc returned for a block whose header is in `chunk`. */
const dataAddress = (document: SubheapDocument, chunk: number): string =>
	`V0x${(document.chunkBase + chunk * document.chunkSize + 4).toString(16).padStart(8, '0')}`;

const blockIndex = (document: SubheapDocument, chunk: number): number => document.blocks.firstChunk.indexOf(chunk);

/** The map's shape, and the words' own width where they go elsewhere than under the map (the live view's side pane). */
export type MarkWordsOptions = ChunkMapOptions & {textWidth?: number};

/** `◂ last placed: V0xc0812344 (chunk 12,345), 3 chunks, row 20, column 17`. */
export const describeLastPlaced = (document: SubheapDocument, options: MarkWordsOptions): StyledLine => {
	const width = options.textWidth ?? options.width;
	const chunk = document.lastPlacedChunk;
	if (chunk < 0) {
		return firstFitting(
			width,
			[segment(' ◂ last placed: no live block here among the latest placements', 'dim')],
			[segment(' ◂ last placed: none live here', 'dim')],
		);
	}

	const index = blockIndex(document, chunk);
	const chunks = index >= 0 ? document.blocks.chunkCount[index]! : 0;
	const mark = segment(' ◂ last placed', 'flash');
	return firstFitting(
		width,
		[mark, segment(`: ${dataAddress(document, chunk)} (chunk ${formatCount(chunk)}), ${chunkWord(chunks)}, ${whereOnMap(document, options, chunk)}`)],
		[mark, segment(`: ${dataAddress(document, chunk)}, ${chunkWord(chunks)}, ${whereOnMap(document, options, chunk)}`)],
		[mark, segment(`: ${dataAddress(document, chunk)}, ${whereOnMap(document, options, chunk)}`)],
	);
};

export type FitContext = {
	/** The subheap kmalloc would try first and that can take the request, when it is not this one. */
	takenFirstBy?: number;
};

const strategyText = (answer: FitAnswer): string => (answer.strategy === 'first-fit' ? 'first fit' : 'best fit (from 128 chunks)');

/** The "will it fit" answer in words, on two lines: the request, then the chunk it takes or why none. */
export const describeFit = (document: SubheapDocument, answer: FitAnswer, options: MarkWordsOptions, context: FitContext = {}): StyledLine[] => {
	const width = options.textWidth ?? options.width;
	const request: StyledLine = [segment(' ◂ fit', answer.fits ? 'selected' : 'warn'), segment(`: kmalloc(${formatCount(answer.bytes)}) takes `)];
	const chunks = answer.chunks === 0 ? '0 chunks' : `${chunkWord(answer.chunks)} (${bytesOf(document, answer.chunks)})`;
	const first = firstFitting(
		width,
		[...request, segment(answer.chunks === 0 ? chunks : `${chunks} by ${strategyText(answer)}`)],
		[...request, segment(answer.chunks === 0 ? chunks : `${chunks} by ${answer.strategy === 'first-fit' ? 'first' : 'best'} fit`)],
		[...request, segment(chunks)],
	);
	if (answer.fits) {
		const elsewhere =
			context.takenFirstBy !== undefined && context.takenFirstBy !== document.id
				? [fitLine([segment(`   but kmalloc tries subheap #${context.takenFirstBy} first, and it fits there`, 'warn')], width)]
				: [];
		const returns = segment(dataAddress(document, answer.firstChunk), 'bold');
		return [
			first,
			firstFitting(
				width,
				[segment(`   here: chunk ${formatCount(answer.firstChunk)}, ${whereOnMap(document, options, answer.firstChunk)}; kmalloc returns `), returns],
				[segment(`   chunk ${formatCount(answer.firstChunk)}, ${whereOnMap(document, options, answer.firstChunk)} → `), returns],
			),
			...elsewhere,
		];
	}

	const reasons: Record<typeof answer.reason, string[]> = {
		'larger-than-subheap': [`more than this subheap's ${chunkWord(answer.totalChunks)} (${bytesOf(document, answer.totalChunks)})`, `the subheap has ${chunkWord(answer.totalChunks)}`],
		'not-enough-free': [`only ${chunkWord(answer.freeChunks)} (${bytesOf(document, answer.freeChunks)}) are free here`, `${chunkWord(answer.freeChunks)} free`],
		'no-run-long-enough': [
			`the largest free run here is ${chunkWord(answer.largestFreeRunChunks)} (${bytesOf(document, answer.largestFreeRunChunks)})`,
			`largest free run ${chunkWord(answer.largestFreeRunChunks)}`,
		],
		'size-wraps': ['size + 35 wraps past 4 GiB: the kernel would scrub 4 GiB and page-fault', 'the size wraps past 4 GiB: a page fault'],
	};
	const no = segment('   does not fit: ', 'warn');
	return [first, firstFitting(width, ...reasons[answer.reason].map((reason) => [no, segment(reason)]))];
};

/** Set bits no live block accounts for: said in words, since the map can only colour them. */
const describeStray = (document: SubheapDocument, width: number): StyledLine[] => {
	if (document.strayChunks === 0) {
		return [];
	}

	const stray = chunkWord(document.strayChunks);
	return [
		firstFitting(
			width,
			[segment(` ${stray} set in the bitmap belong to no live block (an orphaned block, or a bitmap read from old memory)`, 'bad')],
			[segment(` ${stray} set in the bitmap belong to no live block`, 'bad')],
		),
	];
};

export type SubheapPanelOptions = ChunkMapOptions & FitContext;

/** The whole view, top to bottom: summary, map rows, legend and marks, then the free runs. */
export const describeSubheapPanel = (document: SubheapDocument, options: SubheapPanelOptions): StyledLine[] => [
	describeSubheapSummary(document, options.width),
	[],
	...renderChunkMap(document, options),
	[],
	describeChunkMapLegend(document, options),
	describeLastPlaced(document, options),
	...(options.fit ? describeFit(document, options.fit, options, options) : []),
	...describeStray(document, options.width),
	[],
	...describeFreeRunTable(document, options.width),
	...describeFreeRunSummary(document, options.width),
];
