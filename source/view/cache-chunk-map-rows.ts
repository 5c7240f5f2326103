// The chunk map's rows for the live view, each drawn once per subheap document. Scrolling the map
// shows rows of the same document again, a row further up or down: those are the very lines
// (the same objects) drawn before, so the live screen and Ink's output can tell a row they have
// painted from a new one by identity and paint only the new ones. A row is still renderChunkMap's
// own row (the same function draws it, from the same bitmap): only where it is drawn changes.
//
// Kept per document (a new document starts afresh; one no longer shown is dropped with it) and
// bounded by size: at most ROW_CACHE_COLUMNS columns of rows, then dropped together.

import type {SubheapDocument} from '../engine/build-subheap-document.js';
import {renderChunkMap, shapeChunkMap, type ChunkMapOptions} from './render-chunk-map.js';
import type {StyledLine} from './styled-line.js';

/** Columns of map rows kept per document at most (a few screens of the widest map). */
export const ROW_CACHE_COLUMNS = 64 * 1024;

type RowCache = {key: string; rows: Map<number, StyledLine>; columns: number};

const caches = new WeakMap<SubheapDocument, RowCache>();

/** What else than the row decides how a row is drawn: the map's frame and the "will it fit" marks. */
const drawingKey = (options: ChunkMapOptions): string => {
	const {fit} = options;
	const marks = fit?.fits ? `${fit.firstChunk}+${fit.chunks}` : '';
	return `${options.width}|${options.gutter ?? true}|${options.tags ?? true}|${marks}`;
};

/** renderChunkMap(document, options), row by row from the rows drawn before for this document. */
export const chunkMapRows = (document: SubheapDocument, options: ChunkMapOptions): StyledLine[] => {
	const shape = shapeChunkMap(document.totalChunks, options);
	const first = Math.min(shape.totalRows, Math.max(0, Math.floor(options.rowOffset ?? 0)));
	const count = Math.min(shape.totalRows - first, Math.max(0, Math.floor(options.rowCount ?? shape.totalRows)));
	const key = drawingKey(options);
	let cache = caches.get(document);
	if (cache?.key !== key || cache.columns + count * options.width > ROW_CACHE_COLUMNS) {
		cache = {key, rows: new Map(), columns: 0};
		caches.set(document, cache);
	}

	// The rows not drawn yet, from the first to the last of them, in one call.
	let missingFrom = -1;
	let missingTo = -1;
	for (let row = first; row < first + count; row++) {
		if (!cache.rows.has(row)) {
			missingFrom = missingFrom < 0 ? row : missingFrom;
			missingTo = row;
		}
	}

	if (missingFrom >= 0) {
		const drawn = renderChunkMap(document, {...options, rowOffset: missingFrom, rowCount: missingTo - missingFrom + 1});
		for (const [index, line] of drawn.entries()) {
			if (!cache.rows.has(missingFrom + index)) {
				cache.rows.set(missingFrom + index, line);
				cache.columns += options.width;
			}
		}
	}

	return Array.from({length: count}, (_, index) => cache.rows.get(first + index)!);
};

/** For tests: the columns of rows kept for a document. */
export const keptColumns = (document: SubheapDocument): number => caches.get(document)?.columns ?? 0;
