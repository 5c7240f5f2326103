// The Ink floor line's frame (bench/ink-floor-frame.ts): the first 16 rows move each frame, the
// rest stay, and every row is as wide as the frame's inside.
import {describe, expect, it} from 'vitest';
import {FLOOR_CHANGED_ROWS, FLOOR_ROWS, floorRow} from '../../bench/ink-floor-frame.js';

describe('floorRow', () => {
	it.each([
		[0, 0, 'row  0 ', '           0 bytes'],
		[1, 0, 'row  0 ', '        7919 bytes ######'],
		[2, 15, 'row 15 ', '     1586773 bytes ################################'],
		[2, 16, 'row 16 ', '     1675664 bytes ###################################'],
		[9, 36, 'row 36 ', '     3770244 bytes #######'],
	])('frame %i, row %i: %j %j', (frame, row, label, figure) => {
		const drawn = floorRow(frame, row);
		expect(drawn.label).toBe(label);
		expect(drawn.figure.trimEnd()).toBe(figure);
		expect(drawn.label.length + drawn.figure.length).toBe(116);
	});

	it('moves the first 16 of 37 rows from one frame to the next, and only those', () => {
		const moved = Array.from({length: FLOOR_ROWS}, (_, row) => floorRow(5, row).figure !== floorRow(6, row).figure);
		expect(moved.filter(Boolean)).toHaveLength(16);
		expect(moved.indexOf(false)).toBe(FLOOR_CHANGED_ROWS);
		expect(FLOOR_ROWS).toBe(37);
	});
});
