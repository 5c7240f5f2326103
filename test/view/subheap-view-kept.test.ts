// The `Subheap #N` view keeps its words and map rows while they say the same: a layout made after
// others, on the same document, is the layout made afresh (on a copy of the document, which
// nothing kept knows), whatever changed in between.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {willItFit} from '../../source/engine/will-it-fit.js';
import {layoutSubheapView, type SubheapViewOptions} from '../../source/view/describe-subheap-view.js';
import {handSubheap} from './subheap-document-fixture.js';

const document = handSubheap({size: 20_000, blocks: [[0, 100, 1], [150, 3, 2], [160, 4000, 3], [4200, 30, 4], [9000, 500]], holders: true, lastPlacedChunk: 4200});
const names = [(id: number) => `holder ${id}`, (id: number) => `someone ${id}`];

type Ask = {width: number; height: number; top: number; bytes?: number; takenFirstBy?: number; cell?: number; namer: number; goneAt?: number};

const optionsOf = ({bytes, namer, ...ask}: Ask): SubheapViewOptions => ({
	width: ask.width,
	height: ask.height,
	top: ask.top,
	...(bytes === undefined ? {} : {fit: willItFit(document, bytes)}),
	...(ask.takenFirstBy === undefined ? {} : {takenFirstBy: ask.takenFirstBy}),
	...(ask.cell === undefined ? {} : {cell: ask.cell}),
	holderName: names[namer]!,
	...(ask.goneAt === undefined ? {} : {goneAt: ask.goneAt}),
});

// One thing changed at a time (the map scrolled most often), so the layouts before have kept what the next one may reuse.
const change: fc.Arbitrary<Partial<Ask>> = fc.oneof(
	fc.record({top: fc.integer({min: 0, max: 60})}),
	fc.record({top: fc.integer({min: 0, max: 60})}),
	fc.record({width: fc.constantFrom(100, 116, 140)}),
	fc.record({height: fc.constantFrom(12, 36)}),
	fc.record({bytes: fc.constantFrom(undefined, 64, 5000, 1_000_000)}),
	fc.record({takenFirstBy: fc.constantFrom(undefined, 0, 1)}),
	fc.record({cell: fc.constantFrom(undefined, 0, 20, 600)}),
	fc.record({namer: fc.constantFrom(0, 1)}),
	fc.record({goneAt: fc.constantFrom(undefined, 9000)}),
);

describe('layoutSubheapView, kept from frame to frame', () => {
	it('is the layout made afresh, after any layouts before it', () => {
		fc.assert(
			fc.property(fc.array(change, {minLength: 1, maxLength: 8}), (changes) => {
				let ask: Ask = {width: 116, height: 36, top: 0, cell: 20, namer: 0};
				const asks = changes.map((next) => {
					ask = {...ask, ...next};
					return optionsOf(ask);
				});
				// Each afresh first (the view keeps the last document's words: a copy in between would drop them).
				const afresh = asks.map((options) => layoutSubheapView(structuredClone(document), options));
				for (const [index, options] of asks.entries()) {
					const kept = layoutSubheapView(document, options);
					expect(kept.lines).toEqual(afresh[index]!.lines);
					expect(kept.map).toEqual(afresh[index]!.map);
				}
			}),
			{numRuns: 200},
		);
	});
});
