// The live `Subheap #N` view fitted to the screen: the chunk map scrolls in whatever rows are left
// once the free runs, the fragmentation index and the marks have theirs. From 100 columns the
// words stand beside the map (the free-run table with its bars); below that they go under it, the
// histogram on its side (bucket by bucket across, runs and bytes under each) so it all fits in
// an 80×24 terminal. Nothing here knows the kernel: it draws a subheap document.

import type {SubheapDocument} from '../engine/build-subheap-document.js';
import type {FitAnswer} from '../engine/will-it-fit.js';
import {describeChunkMapLegend, describeSubheapSummary} from './describe-subheap-map.js';
import {describeFreeRunsAcross, indexLine, indexLines, markLines, sideTable, warnings} from './describe-subheap-words.js';
import {formatCount} from './format-number.js';
import {chunkMapRows} from './cache-chunk-map-rows.js';
import {renderChunkMap, shapeChunkMap, type ChunkMapShape} from './render-chunk-map.js';
import {fitLine, lineWidth, segment, type StyledLine} from './styled-line.js';

/** From here the free runs and the marks stand beside the map. */
export const SIDE_BY_SIDE_WIDTH = 100;
/** The least the side pane has: the free-run table with a short bar. */
const SIDE_MIN_WIDTH = 44;
const GAP = ' │ ';

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
	/**
	Beside the map: from `line` on, each line is the map's column (its first `width` columns) and
	the words beside it. Drawn as two columns, the words' rows stay as they were when the map
	scrolls, and the terminal's row is redrawn only where the map changed.
	*/
	columns?: {line: number; width: number};
	/**
	With `columns`: each of those lines' two sides as they were put together (the map's column,
	then the gap and the words), so the screen draws the columns without cutting the lines again. A
	map row shown again (scrolled) is the same line object as before.
	*/
	beside?: {left: StyledLine[]; right: StyledLine[]};
};

/** The map's rows in `rows` lines from `top`, kept inside the map. */
export const clampMapTop = (shape: ChunkMapShape, rows: number, top: number): number => Math.max(0, Math.min(top, shape.totalRows - rows));

/** What stands beside the map, and the map's frame: all but the map's rows, which scroll. */
type BesideWords = {
	summary: StyledLine;
	shape: ChunkMapShape;
	mapWidth: number;
	sideWidth: number;
	rows: number;
	legend: StyledLine;
	/** A map row's worth of nothing, under the map's last row. */
	blank: StyledLine;
	/** The side pane's lines, `height - 1` of them, each the gap and then exactly `sideWidth` columns. */
	right: StyledLine[];
};

const besideWords = (document: SubheapDocument, options: SubheapViewOptions): BesideWords => {
	const {width, height} = options;
	// The map as wide as whole groups of 8 cells allow beside the least side pane; the rest to the pane.
	const room = width - SIDE_MIN_WIDTH - GAP.length;
	const probe = shapeChunkMap(document.totalChunks, {width: room});
	const mapWidth = room - (room - probe.gutterWidth - probe.tagWidth - probe.cellsPerRow);
	const sideWidth = width - mapWidth - GAP.length;
	const shape = shapeChunkMap(document.totalChunks, {width: mapWidth});
	const words = [...markLines(document, options, shape, sideWidth, mapWidth), ...warnings(document, options, sideWidth), []];
	const index = indexLines(document, sideWidth);
	// The whole table when it leaves the words three lines, else the sizes there are runs of.
	const table = sideTable(document, sideWidth, height - 1 - index.length - Math.min(words.length, 3));
	// The table and the index stay whole at the bottom; the words above them give way from their end.
	const right = [...words.slice(0, Math.max(0, height - 1 - table.length - index.length)), ...table, ...index];
	return {
		summary: describeSubheapSummary(document, width),
		shape,
		mapWidth,
		sideWidth,
		rows: Math.max(1, height - 2),
		legend: describeChunkMapLegend(document, {width: mapWidth}),
		blank: fitLine([], mapWidth),
		right: Array.from({length: Math.max(0, height - 1)}, (_, line) => [segment(GAP, 'dim'), ...fitLine(right[line] ?? [], sideWidth)]),
	};
};

// The words of the last layout: scrolling the map changes none of them, so they are worked out
// again only when the document or anything they say changes (one entry: the view on screen).
let lastWords: {document: SubheapDocument; options: SubheapViewOptions; words: BesideWords} | undefined;

/** Two "will it fit" answers alike, field by field (the answer is worked out again each frame). */
const sameFit = (a: FitAnswer | undefined, b: FitAnswer | undefined): boolean => {
	if (a === b) {
		return true;
	}

	if (a === undefined || b === undefined) {
		return false;
	}

	const fields = Object.keys(a) as Array<keyof FitAnswer>;
	return fields.length === Object.keys(b).length && fields.every((field) => a[field] === b[field]);
};

const sameWordsOptions = (a: SubheapViewOptions, b: SubheapViewOptions): boolean =>
	a.width === b.width
	&& a.height === b.height
	&& sameFit(a.fit, b.fit)
	&& a.takenFirstBy === b.takenFirstBy
	&& a.cell === b.cell
	&& (a.cell === undefined || a.holderName === b.holderName)
	&& a.goneAt === b.goneAt;

const wordsBeside = (document: SubheapDocument, options: SubheapViewOptions): BesideWords => {
	if (lastWords?.document !== document || !sameWordsOptions(lastWords.options, options)) {
		lastWords = {document, options, words: besideWords(document, options)};
	}

	return lastWords.words;
};

const besideLayout = (document: SubheapDocument, options: SubheapViewOptions): SubheapViewLayout => {
	const {summary, shape, mapWidth, rows, legend, blank, right} = wordsBeside(document, options);
	const top = clampMapTop(shape, rows, options.top);
	const map = chunkMapRows(document, {width: mapWidth, rowOffset: top, rowCount: rows, fit: options.fit});
	const left = [...map, ...Array.from({length: rows - map.length}, () => blank), legend].slice(0, right.length);

	// Each side exactly its width: the line is the two side by side, as fitLine would leave it.
	return {
		lines: [summary, ...left.map((line, index) => [...line, ...right[index]!])].slice(0, options.height),
		map: {line: 1, column: 0, shape, top, rows},
		columns: {line: 1, width: mapWidth},
		beside: {left, right},
	};
};

const stackedLayout = (document: SubheapDocument, options: SubheapViewOptions): SubheapViewLayout => {
	const {width, height} = options;
	const shape = shapeChunkMap(document.totalChunks, {width});
	const marks = markLines(document, options, shape, width, width).map((line) => fitLine(line, width));
	const shortMarks = markLines(document, options, shape, width, width, true).map((line) => fitLine(line, width));
	const histogram = describeFreeRunsAcross(document, width);
	const index = indexLine(document, width);
	const legend = describeChunkMapLegend(document, {width});
	const warn = warnings(document, options, width);
	// The map keeps three rows at least; the legend goes first, then the marks' wrapped wording,
	// then the free runs across (what `k` asked outranks them), then the marks themselves, the last first.
	const below = (withLegend: boolean, chosen: StyledLine[], withHistogram: boolean) => [
		...(withLegend ? [legend] : []),
		...chosen,
		...warn,
		...(withHistogram ? histogram : []),
		index,
	];
	let lines = below(true, marks, true);
	for (const [chosen, withHistogram] of [
		[marks, true],
		[shortMarks, true],
		[shortMarks, false],
		[shortMarks.slice(0, 2), false],
		[shortMarks.slice(0, 1), false],
	] as const) {
		if (height - 1 - lines.length >= 3) {
			break;
		}

		lines = below(false, chosen, withHistogram);
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
