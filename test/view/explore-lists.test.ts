// The lists you move through (issue 15): the Kernel log's window, `/`'s matches marked and
// highlighted, the holders table's order and total, and the scroll arithmetic under them.

import {describe, expect, test} from 'vitest';
import {describeKernelLogList} from '../../source/view/describe-kernel-log.js';
import {holderName, holderNameWidth, layoutHolders, sortHolders, type HolderColumn, type HolderRates} from '../../source/view/describe-holders.js';
import {bottomTop, pageFrom, revealItem} from '../../source/view/scroll-list.js';
import {findMatches, highlightMatches, nextMatch, queryMatcher} from '../../source/view/search-text.js';
import {segment} from '../../source/view/styled-line.js';
import {baseDocument} from './document-fixture.js';

const text = (line: Array<{text: string}>) => line.map((part) => part.text).join('');

describe('search', () => {
	test.each([
		['Adding', 'kmalloc(): Adding memory', true],
		['Adding', 'kmalloc(): adding memory', false],
		['adding', 'kmalloc(): Adding memory', true],
		['', 'anything', false],
	])('smart case: /%s in %j matches: %s', (query, line, expected) => {
		expect(queryMatcher(query)(line)).toBe(expected);
	});

	test('n and N wrap around the matches', () => {
		expect(findMatches(['a', 'b', 'ab', 'c', 'ba'], 'a')).toEqual([0, 2, 4]);
		expect(nextMatch([0, 2, 4], 2, 1)).toBe(4);
		expect(nextMatch([0, 2, 4], 4, 1)).toBe(0);
		expect(nextMatch([0, 2, 4], 0, -1)).toBe(4);
		expect(nextMatch([], 0, 1)).toBeUndefined();
	});

	test('every occurrence is cut out in the highlight tone, the rest keeps its own', () => {
		const line = highlightMatches([segment('one Adding two ', 'dim'), segment('Adding', 'bold')], 'Adding');
		expect(line).toEqual([
			segment('one ', 'dim'),
			segment('Adding', 'flash'),
			segment(' two ', 'dim'),
			segment('Adding', 'flash'),
		]);
	});
});

describe('the Kernel log as a list', () => {
	const {dmesg} = baseDocument();

	test('follows the newest lines: the window ends at the last', () => {
		const layout = describeKernelLogList(dmesg, [], 60, 6);
		expect(layout.lines.map(text)).toEqual(
			[
				'›  [#0 WebContent(66:66)]: kmalloc(): Queue removing',
				'     memory from heap at V0xc4ba9000, bytes: 2105344',
				'   [#0 Shell(12:12)]: hello from a workload',
				'›  [#0 WebContent(66:66)]: kmalloc(): Adding memory to',
				'     heap at V0xcd547000, bytes: 1048576',
				'',
			].map((line) => line.padEnd(60)),
		);
		expect(layout.top).toBe(2);
	});

	test('/Adding marks the matching lines (• a match, ▸ the cursor) and highlights the word', () => {
		const layout = describeKernelLogList(dmesg, [], 60, 20, {top: 0, cursor: 4, query: 'Adding'});
		const lines = layout.lines.map(text);
		expect(lines.filter((line) => line.startsWith('› •'))).toHaveLength(2);
		expect(lines.filter((line) => line.startsWith('› ▸'))).toEqual(['› ▸[#0 WebContent(66:66)]: kmalloc(): Adding memory to'.padEnd(60)]);
		// The wrapped line under a mark keeps its indent.
		expect(lines[1]).toBe('     heap at V0xc0801000, bytes: 1048576'.padEnd(60));
		const highlighted = layout.lines.flat().filter((part) => part.tone === 'flash').map((part) => part.text);
		expect(highlighted).toEqual(['Adding', 'Adding', 'Adding']);
		// The cursor's line is drawn selected, its match still highlighted.
		const cursorLine = layout.lines.find((line) => text(line).startsWith('› ▸'))!;
		expect(cursorLine.filter((part) => part.text.trim() !== '' && part.tone !== 'flash').every((part) => part.tone === 'selected')).toBe(true);
	});
});

describe('scrolling', () => {
	const heights = [1, 2, 1, 3, 1];
	test.each([
		[heights, 4, 3],
		[heights, 8, 0],
		[[1, 1, 1], 10, 0],
	])('bottomTop(%j, %i) = %i', (list, lines, top) => {
		expect(bottomTop(list, lines)).toBe(top);
	});

	test('revealItem moves the window only as far as the item needs', () => {
		expect(revealItem(heights, 3, 0, 1)).toBe(0);
		expect(revealItem(heights, 3, 0, 3)).toBe(3);
		expect(revealItem(heights, 3, 3, 0)).toBe(0);
	});

	test('pageFrom goes a window of lines at a time, within the list', () => {
		expect(pageFrom([1, 1, 1, 1, 1, 1, 1, 1], 3, 0, 1)).toBe(3);
		expect(pageFrom([1, 1, 1, 1, 1, 1, 1, 1], 3, 7, -1)).toBe(4);
		expect(pageFrom([1, 1, 1], 3, 2, 1)).toBe(2);
	});
});

describe('the holders', () => {
	const document = baseDocument();
	const rates: HolderRates = new Map([
		[100, {kmallocPerSecond: 2400, kfreePerSecond: 1500}],
		[45, {kmallocPerSecond: 9000, kfreePerSecond: 8800}],
	]);

	test.each<[HolderColumn, number[]]>([
		['bytes', [45, 344, 100]],
		['blocks', [45, 100, 344]],
		['share', [45, 344, 100]],
		['kmalloc', [45, 100, 344]],
		['kfree', [45, 100, 344]],
		['holder', [45, 344, 100]],
	])('sorted by %s: %j', (column, ids) => {
		expect(sortHolders(document.holders!, column, rates).map((row) => row.id)).toEqual(ids);
	});

	test('names say the process, the purpose and the workload', () => {
		expect(document.holders!.map(holderName)).toEqual([
			'Browser(80:80) · workload vmobject-churn',
			'SystemMonitor(42:42) · PhysicalPage (slab full)',
			'Browser(30:30) · PhysicalPage (slab full)',
		]);
	});

	test.each([
		[{process: 'Browser(80:80)', purpose: null, workload: 'vmobject-churn'}, 'Browser(80:80) · workload vmobject-churn'],
		[{process: 'SystemMonitor(42:42)', purpose: 'PhysicalPage (slab full)', workload: null}, 'SystemMonitor(42:42) · PhysicalPage (slab full)'],
		[{process: null, purpose: 'log buffer', workload: null}, 'kernel · log buffer'],
		[{process: null, purpose: null, workload: 'leak'}, 'workload leak'],
		[{process: null, purpose: null, workload: null}, 'kernel'],
		[{process: '', purpose: '', workload: null}, ''],
		[{process: 'a', purpose: 'b', workload: 'c'}, 'a · b · workload c'],
		[{process: 'emoji 😀', purpose: null, workload: null}, 'emoji 😀'],
	])('the width of a name, counted without making it: %j is %j', (row, name) => {
		expect(holderName(row)).toBe(name);
		expect(holderNameWidth(row)).toBe([...name].length);
	});

	test('the table: by live bytes, the total is the heap\'s allocated bytes', () => {
		const layout = layoutHolders(document, document.holders!, {width: 100, column: 'bytes', rates});
		const lines = layout.lines.map(text);
		expect(lines).toEqual([
			' holder                                              blocks  live bytes▾   share  kmalloc/s  kfree/s',
			' Browser(30:30) · PhysicalPage (slab full)           85,661   2,741,344   76.6%      9.00k    8.80k ',
			' Browser(80:80) · workload vmobject-churn                 6     526,336   14.7%          0        0 ',
			' SystemMonitor(42:42) · PhysicalPage (slab full)      9,774     312,768    8.7%      2.40k    1.50k ',
			' total, 3 holders                                    95,441   3,580,448  100.0%      11.4k    10.3k ',
		]);
		expect(document.holders!.reduce((sum, row) => sum + row.liveBytes, 0)).toBe(document.heap.allocatedBytes);
		expect(layout.rowIds).toEqual([undefined, 45, 344, 100, undefined]);
	});
});
