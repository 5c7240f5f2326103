// The live `Subheap #N` view's layout in two columns: from the map's first line on, every line is
// the map's column and then the words, cut where the map ends; narrow, there is one column.
import {describe, expect, it} from 'vitest';
import {willItFit} from '../../source/engine/will-it-fit.js';
import {layoutSubheapView} from '../../source/view/describe-subheap-view.js';
import {lineText, splitLine, type StyledLine} from '../../source/view/styled-line.js';
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

// The stacked view of a short screen: the summary, the map (three rows at least), the marks, the
// free runs across (nine lines here) and the index. What `k` asked must be there whole: the free
// runs across give way before it, and a mark too long for its line is worded shorter, never cut
// where the line ends (`row` with no number after it).
describe('the stacked Subheap #N view on a short screen', () => {
	const text = (lines: StyledLine[]) => lines.map((line) => lineText(line).trimEnd());
	const marks = (lines: string[]) => lines.filter((line) => line.startsWith(' ◂ ') || line.startsWith('   '));

	it('keeps the will-it-fit answer whole (where it goes, what kmalloc returns) and drops the free runs across for it', () => {
		const layout = layoutSubheapView(document, {width: 58, height: 12, top: 0, fit: willItFit(document, 1000)});
		const lines = text(layout.lines);
		expect(marks(lines)).toEqual([
			' ◂ fit: kmalloc(1,000) takes 32 chunks (1,024 bytes)',
			'   chunk 100, row 1, column 13 → V0xc0801ca4',
			' ◂ last placed: V0xc0802424, row 1, column 21',
		]);
		expect(layout.map.rows).toBe(7);
		expect(lines.some((line) => line.startsWith(' free run'))).toBe(false);
		expect(lines.at(-1)).toBe(' free 15,397 chunks · largest 10,500 · index 0.318');
	});

	it('words the last placed block shorter rather than cut it where its line ends, the free runs across kept', () => {
		const layout = layoutSubheapView(document, {width: 58, height: 15, top: 0});
		const lines = text(layout.lines);
		expect(marks(lines)).toEqual([' ◂ last placed: V0xc0802424, row 1, column 21']);
		expect(layout.map.rows).toBe(3);
		expect(lines.filter((line) => line.startsWith(' free run'))).toHaveLength(3);
	});
});
