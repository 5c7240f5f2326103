import {describe, expect, test} from 'vitest';
import {renderSparkline} from '../../source/view/render-sparkline.js';

describe('renderSparkline', () => {
	test.each([
		{values: [0, 1, 2, 3, 4, 5, 6, 7], width: 8, options: {}, text: '▁▂▃▄▅▆▇█', low: 0, high: 7},
		{values: [7, 0], width: 4, options: {}, text: '  █▁', low: 0, high: 7},
		{values: [], width: 3, options: {}, text: '   ', low: 0, high: 0},
		// A constant lies against zero: 0 on the bottom, anything else a full bar (issue 12).
		{values: [0, 0, 0, 0], width: 4, options: {}, text: '▁▁▁▁', low: 0, high: 0},
		{values: [6_082_000, 6_082_000, 6_082_000], width: 3, options: {}, text: '███', low: 0, high: 6_082_000},
		{values: [1_048_576, 1_048_576], width: 2, options: {}, text: '██', low: 0, high: 1_048_576},
		// Moving by less than 1 % is flat too: drawn against zero, not noise blown up to full height.
		{values: [1000, 1001, 1000], width: 3, options: {}, text: '███', low: 0, high: 1001},
		// …or by less than an absolute spread, when one is given.
		{values: [9000, 9800, 9400], width: 3, options: {minimumSpread: 1024}, text: '▇██', low: 0, high: 9800},
		{values: [9000, 9800, 9400], width: 3, options: {}, text: '▁█▅', low: 9000, high: 9800},
		// Two samples per cell, averaged; cells counted from the absolute sample number. The scale
		// is the samples' own smallest and largest, not the cells'.
		{values: [0, 2, 4, 6], width: 2, options: {samplesPerCell: 2}, text: '▂▇', low: 0, high: 6},
		{values: [0, 2, 4, 6], width: 3, options: {samplesPerCell: 2, lastIndex: 4}, text: '▁▅█', low: 0, high: 6},
		// The current value, newer than the last sample, is on the scale too.
		{values: [10, 20], width: 2, options: {include: [40]}, text: '▁▃', low: 10, high: 40},
		{values: [1, 2, 3], width: 0, options: {}, text: '', low: 0, high: 0},
	])('$values at $width → "$text", $low–$high', ({values, width, options, text, low, high}) => {
		expect(renderSparkline(values, width, options)).toEqual({text, low, high});
	});

	test('the picture scrolls by whole cells: one more sample changes only the newest cell', () => {
		const values = Array.from({length: 40}, (_, index) => (index * 7919) % 13);
		const before = renderSparkline(values.slice(0, 39), 10, {samplesPerCell: 4, lastIndex: 38, minimumRange: 0});
		const after = renderSparkline(values, 10, {samplesPerCell: 4, lastIndex: 39, minimumRange: 0});
		expect([before.low, before.high]).toEqual([after.low, after.high]);
		expect(after.text.slice(0, 9)).toBe(before.text.slice(0, 9));
	});
});
