// Cutting a styled line at a column: what the `Subheap #N` view does to draw the map apart from
// the words beside it. Nothing may be lost, moved or restyled.
import {describe, expect, it} from 'vitest';
import {lineText, lineWidth, segment, splitLine, type StyledLine} from '../../source/view/styled-line.js';

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
