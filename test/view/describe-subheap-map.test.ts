// The `Subheap #N` view in words, exact: summary, legend, marks, the fit answers, the free runs.
import {describe, expect, it} from 'vitest';
import {willItFit} from '../../source/engine/will-it-fit.js';
import {formatFragmentationIndex} from '../../source/view/describe-free-runs.js';
import {describeFit, describeSubheapPanel} from '../../source/view/describe-subheap-map.js';
import {lineText, lineWidth} from '../../source/view/styled-line.js';
import {handSubheap} from './subheap-document-fixture.js';

// 1,000 chunks at 0xc0801020: blocks [0,100) [150,153) [160,200) [300,800) [900,907), stray bits
// [990,992). Free runs: 50 at 100, 7 at 153, 100 at 200, 100 at 800, 83 at 907, 8 at 992.
const document = handSubheap({
	size: 1000,
	blocks: [[0, 100], [150, 3], [160, 40], [300, 500], [900, 7]],
	stray: [[990, 992]],
	lastPlacedChunk: 160,
});

const text = (lines: ReturnType<typeof describeSubheapPanel>) => lines.map((line) => lineText(line).trimEnd());

describe('the Subheap #N view', () => {
	it('at 76 columns (an 80-column terminal, framed): 56 cells a row, every figure exact', () => {
		const lines = describeSubheapPanel(document, {width: 76, fit: willItFit(document, 1000)});
		expect(lines.every((line) => lineWidth(line) === 76 || line.length === 0)).toBe(true);
		expect(text(lines)).toEqual([
			' backup at V0xc0801000 · 1,000 chunks · 65.2% allocated in 5 blocks',
			'',
			'c0801020 ⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⡇⠀⠀⠀⠀⠀⢠⠁⣿⣿⣿⣿⣿⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⢸⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿ ◂ fit+last',
			'c0804820 ⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀',
			'c0808020 ⢸⠇⠀⠀⠀⠀⠀⠀⠀⠀⠀⢠⠀',
			'',
			' ⣿ allocated ⠀ free · a cell: 8 chunks · a row: 448 chunks (14,336 bytes)',
			' ◂ last placed: V0xc0802424 (chunk 160), 40 chunks, row 1, column 21',
			' ◂ fit: kmalloc(1,000) takes 32 chunks (1,024 bytes) by first fit',
			'   here: chunk 100, row 1, column 13; kmalloc returns V0xc0801ca4',
			' 2 chunks set in the bitmap belong to no live block',
			'',
			' free run  runs  bytes  share of free bytes',
			' 1            0      0  ░░░░░░░░░░░░░░░░░░░░░░░░   0.0%',
			' 2–3          0      0  ░░░░░░░░░░░░░░░░░░░░░░░░   0.0%',
			' 4–7          1    224  ▌░░░░░░░░░░░░░░░░░░░░░░░   2.0%',
			' 8–15         1    256  ▌░░░░░░░░░░░░░░░░░░░░░░░   2.3%',
			' 16–31        0      0  ░░░░░░░░░░░░░░░░░░░░░░░░   0.0%',
			' 32–63        1  1,600  ███▌░░░░░░░░░░░░░░░░░░░░  14.4%',
			' 64–127       3  9,056  ███████████████████▌░░░░  81.3%',
			' free 348 chunks (11,136 bytes) in 6 runs',
			' largest free run 100 chunks (3,200 bytes) at chunk 200 (V0xc0802920)',
			' fragmentation index 0.713 = 1 − 100 / 348',
			" the heap's own count says 350 chunks are free; its bitmap shows 348",
		]);
	});

	it('at 130 columns the long wordings fit', () => {
		const lines = text(describeSubheapPanel(document, {width: 130, fit: willItFit(document, 5000)}));
		expect(lines[0]).toBe(' backup at V0xc0801000 · 1,000 chunks of 32 bytes · 65.2% allocated in 5 blocks · tick 4,000');
		expect(lines).toContain(' ⣿ allocated ⠀ free · a cell: 8 chunks (left column 0–3, right 4–7, top down) · a row: 832 chunks (26,624 bytes)');
		expect(lines).toContain(' ◂ fit: kmalloc(5,000) takes 157 chunks (5,024 bytes) by best fit (from 128 chunks)');
		expect(lines).toContain('   does not fit: the largest free run here is 100 chunks (3,200 bytes)');
		expect(lines).toContain(' 2 chunks set in the bitmap belong to no live block (an orphaned block, or a bitmap read from old memory)');
		expect(lines).toContain(' fragmentation index 0.713 = 1 − 100 / 348 (1 − largest free run / free chunks)');
	});

	it.each([
		[40_000, ' ◂ fit: kmalloc(40,000) takes 1,251 chunks (40,032 bytes) by best fit', "   does not fit: more than this subheap's 1,000 chunks (32,000 bytes)"],
		[5000, ' ◂ fit: kmalloc(5,000) takes 157 chunks (5,024 bytes) by best fit', '   does not fit: the largest free run here is 100 chunks (3,200 bytes)'],
		[0xffff_fff0, ' ◂ fit: kmalloc(4,294,967,280) takes 0 chunks', '   does not fit: the size wraps past 4 GiB: a page fault'],
	])('kmalloc(%i) in 76 columns', (bytes, first, second) => {
		expect(text(describeFit(document, willItFit(document, bytes), {width: 76}))).toEqual([first, second]);
	});

	it('says so when nothing is free now but the heap counts free chunks', () => {
		const full = handSubheap({size: 64, blocks: [[0, 60]], stray: [[60, 64]]});
		expect(text(describeFit(full, willItFit(full, 1), {width: 76}))).toEqual([
			' ◂ fit: kmalloc(1) takes 1 chunk (32 bytes) by first fit',
			'   does not fit: the largest free run here is 0 chunks (0 bytes)',
		]);
		const counted = handSubheap({size: 64, blocks: [[0, 60]]});
		expect(text(describeFit(counted, willItFit(counted, 200), {width: 76}))[1]).toBe('   does not fit: only 4 chunks (128 bytes) are free here');
	});

	it('says which subheap kmalloc would try first when it is another one', () => {
		const lines = text(describeFit(document, willItFit(document, 100), {width: 76}, {takenFirstBy: 0}));
		expect(lines).toEqual([
			' ◂ fit: kmalloc(100) takes 4 chunks (128 bytes) by first fit',
			'   here: chunk 100, row 1, column 13; kmalloc returns V0xc0801ca4',
			'   but kmalloc tries subheap #0 first, and it fits there',
		]);
		expect(text(describeFit(document, willItFit(document, 100), {width: 76}, {takenFirstBy: 1}))).toHaveLength(2);
	});

	it('a full subheap: no table, no index', () => {
		const full = handSubheap({size: 64, blocks: [[0, 64]], id: 3});
		expect(text(describeSubheapPanel(full, {width: 76}))).toEqual([
			' backup at V0xc0801000 · 64 chunks · 100.0% allocated in 1 block',
			'',
			'c0801020 ⣿⣿⣿⣿⣿⣿⣿⣿',
			'',
			' ⣿ allocated ⠀ free · a cell: 8 chunks · a row: 448 chunks (14,336 bytes)',
			' ◂ last placed: no live block here among the latest placements',
			'',
			' no free chunk: the subheap is full, fragmentation index —',
		]);
	});

	it.each([
		[null, '—'],
		[0, '0.000'],
		[0.0001, '0.001'],
		[0.4125, '0.412'],
		[0.9999, '0.999'],
		[1, '1.000'],
	])('fragmentation index %s reads %s', (index, expected) => {
		expect(formatFragmentationIndex(index)).toBe(expected);
	});
});
