// The live view's map rows, drawn once per document: always renderChunkMap's own rows, a row shown
// again is the line drawn before (the same object), and what is kept stays within its bound.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {willItFit} from '../../source/engine/will-it-fit.js';
import {chunkMapRows, keptColumns, ROW_CACHE_COLUMNS} from '../../source/view/cache-chunk-map-rows.js';
import {renderChunkMap, shapeChunkMap} from '../../source/view/render-chunk-map.js';
import {handSubheap} from './subheap-document-fixture.js';

const blocks: Array<[number, number, number]> = [[0, 100, 1], [150, 3, 2], [160, 4000, 3], [4200, 30, 4], [9000, 500, 5]];
const fresh = () => handSubheap({size: 20_000, blocks, stray: [[12_000, 12_010]], holders: true, lastPlacedChunk: 4200});

describe('chunkMapRows', () => {
	it('is renderChunkMap, whatever rows were asked for before, at any width, scroll and "will it fit"', () => {
		fc.assert(
			fc.property(
				fc.array(fc.record({top: fc.integer({min: -2, max: 70}), count: fc.integer({min: 0, max: 40})}), {minLength: 1, maxLength: 6}),
				fc.constantFrom(20, 44, 68, 97),
				fc.constantFrom(undefined, 100, 5000, 200_000),
				(asks, width, bytes) => {
					const document = fresh();
					const fit = bytes === undefined ? undefined : willItFit(document, bytes);
					for (const {top, count} of asks) {
						const options = {width, rowOffset: top, rowCount: count, fit};
						expect(chunkMapRows(document, options)).toEqual(renderChunkMap(document, options));
					}
				},
			),
			{numRuns: 150},
		);
	});

	it('a row scrolled one line up is the line drawn for it before; another "will it fit" or another document draws afresh', () => {
		const document = fresh();
		const first = chunkMapRows(document, {width: 68, rowOffset: 0, rowCount: 30});
		const scrolled = chunkMapRows(document, {width: 68, rowOffset: 1, rowCount: 30});
		expect(scrolled.slice(0, 29).every((line, index) => line === first[index + 1])).toBe(true);
		const fit = willItFit(document, 100);
		expect(chunkMapRows(document, {width: 68, rowOffset: 1, rowCount: 30, fit})[0]).not.toBe(scrolled[0]);
		expect(chunkMapRows(fresh(), {width: 68, rowOffset: 1, rowCount: 30})[0]).not.toBe(scrolled[0]);
	});

	it('keeps at most its bound of columns a document, however far the map is scrolled', () => {
		const document = handSubheap({size: 2_000_000, blocks: [[0, 1000, 1]], holders: true});
		const width = 97;
		const screen = 40;
		const {totalRows} = shapeChunkMap(document.totalChunks, {width});
		expect(totalRows * width).toBeGreaterThan(2 * ROW_CACHE_COLUMNS);
		const seen = new Set<unknown>();
		for (let top = 0; top < totalRows; top += 7) {
			for (const line of chunkMapRows(document, {width, rowOffset: top, rowCount: screen})) {
				seen.add(line);
			}

			expect(keptColumns(document)).toBeLessThanOrEqual(ROW_CACHE_COLUMNS + screen * width);
		}

		// Dropped when full, and only then: the rows on screen at a drop are drawn again, a few screens in all.
		const drawnAgain = seen.size - totalRows;
		expect(drawnAgain).toBeGreaterThan(0);
		expect(drawnAgain).toBeLessThanOrEqual(2 * Math.ceil((totalRows * width) / ROW_CACHE_COLUMNS) * screen);
	});
});
