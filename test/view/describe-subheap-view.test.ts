// The live `Subheap #N` view's layout in two columns: from the map's first line on, every line is
// the map's column and then the words, cut where the map ends; narrow, there is one column.
import {describe, expect, it} from 'vitest';
import {layoutSubheapView} from '../../source/view/describe-subheap-view.js';
import {lineText, splitLine} from '../../source/view/styled-line.js';
import {handSubheap} from './subheap-document-fixture.js';

const document = handSubheap({size: 20_000, blocks: [[0, 100, 1], [150, 3, 2], [160, 4000, 3], [9000, 500]], holders: true, lastPlacedChunk: 160});

describe('the Subheap #N view\'s columns', () => {
	it('beside (116 columns inside the frame): the map\'s 68 columns (address, 48 cells, marks), then the words after the gap', () => {
		const layout = layoutSubheapView(document, {width: 116, height: 36, top: 2});
		expect(layout.columns).toEqual({line: 1, width: 68});
		const split = layout.lines.slice(1).map((line) => {
			const [map, words] = splitLine(line, 68);
			return [lineText(map), lineText(words)] as const;
		});
		// Every map row is its address and cells, the same text whatever line it is on.
		expect(split.slice(0, layout.map.rows).map(([map]) => map.slice(0, 9))).toEqual(
			Array.from({length: layout.map.rows}, (_, row) => `${(0xc080_1020 + (2 + row) * 48 * 8 * 32).toString(16)} `),
		);
		expect(split.every(([, words]) => words.startsWith(' │ '))).toBe(true);
		expect(split.map(([map, words]) => map + words)).toEqual(layout.lines.slice(1).map(lineText));
	});

	it('stacked (76 columns): the map has the whole width, no columns', () => {
		expect(layoutSubheapView(document, {width: 76, height: 20, top: 0}).columns).toBeUndefined();
	});
});
