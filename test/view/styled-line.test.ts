// Cutting a styled line at a column: what the `Subheap #N` view does to draw the map apart from
// the words beside it. Nothing may be lost, moved or restyled.
import {describe, expect, it} from 'vitest';
import {joinSegments, lineText, lineWidth, sameLine, segment, splitLine, type StyledLine} from '../../source/view/styled-line.js';

const line: StyledLine = [segment('│ ', 'accent'), segment('c0500000 ', 'dim'), segment('⣿⣿', 'holder-3'), segment('⣿', 'holder-5'), segment('  ', 'plain'), segment(' │ ', 'dim'), segment('free run', 'bold')];

describe('splitLine', () => {
	it.each([
		['at the start', 0, [], line],
		['at a seam between segments', 14, line.slice(0, 4), line.slice(4)],
		['at the seam before the gap', 16, line.slice(0, 5), line.slice(5)],
		['inside a braille segment', 12, [...line.slice(0, 2), segment('⣿', 'holder-3')], [segment('⣿', 'holder-3'), ...line.slice(3)]],
		['inside a plain segment', 15, [...line.slice(0, 4), segment(' ')], [segment(' '), ...line.slice(5)]],
		['at the end', 27, line, []],
		['past the end', 40, line, []],
	] as const)('%s (column %i)', (_, column, before, after) => {
		const [left, right] = splitLine(line, column);
		expect(left).toEqual(before);
		expect(right).toEqual(after);
		expect(lineWidth(left)).toBe(Math.min(column, lineWidth(line)));
		expect(lineText(left) + lineText(right)).toBe(lineText(line));
	});
});

describe('lineWidth', () => {
	it.each([
		['no segment', [], 0],
		['empty segments', [segment(''), segment('', 'dim')], 0],
		['one segment', [segment('heap')], 4],
		['braille and box drawing, a column each', [segment('│ ', 'dim'), segment('⣿⣿', 'holder-3')], 4],
		['a code point outside the BMP, one column', [segment('a😀b')], 3],
		['the whole line', line, 27],
	] as const)('%s: %i columns', (_, parts, width) => {
		expect(lineWidth([...parts])).toBe(width);
	});
});

describe('sameLine', () => {
	it.each([
		['the same segments', [segment('a', 'dim'), segment('b')], [segment('a', 'dim'), segment('b')], true],
		['two empty lines', [], [], true],
		['one segment fewer', [segment('a', 'dim'), segment('b')], [segment('a', 'dim')], false],
		['the same text, another tone', [segment('a', 'dim'), segment('b')], [segment('a', 'bold'), segment('b')], false],
		['the same tone, another text', [segment('a', 'dim'), segment('b')], [segment('a', 'dim'), segment('c')], false],
		['the same text cut elsewhere', [segment('ab')], [segment('a'), segment('b')], false],
	] as const)('%s: %s', (_, a, b, same) => {
		expect(sameLine([...a], [...b])).toBe(same);
		expect(sameLine([...b], [...a])).toBe(same);
	});
});

describe('joinSegments', () => {
	it.each([
		['no parts', [], '  ', []],
		['one part', [[segment('a', 'dim'), segment('b')]], '  ', [segment('a', 'dim'), segment('b')]],
		['two parts and the gap', [[segment('a', 'dim')], [segment('b', 'bold'), segment('c')]], '  ', [segment('a', 'dim'), segment('  '), segment('b', 'bold'), segment('c')]],
		['empty parts take no gap', [[], [segment('a')], [], [segment('b')], []], ' ', [segment('a'), segment(' '), segment('b')]],
		['a part of an empty segment is a part', [[segment('')], [segment('b')]], '|', [segment(''), segment('|'), segment('b')]],
	] as const)('%s', (_, parts, gap, joined) => {
		expect(joinSegments(parts.map((part) => [...part]), gap)).toEqual(joined);
	});
});
