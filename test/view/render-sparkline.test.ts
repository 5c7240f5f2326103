import {describe, expect, test} from 'vitest';
import {renderSparkline} from '../../source/view/render-sparkline.js';

describe('renderSparkline', () => {
	test.each([
		{values: [0, 1, 2, 3, 4, 5, 6, 7], width: 8, options: {}, text: '▁▂▃▄▅▆▇█'},
		{values: [7, 0], width: 4, options: {}, text: '  █▁'},
		{values: [], width: 3, options: {}, text: '   '},
		// A flat series is a flat line in the middle, not noise blown up to full height.
		{values: [100, 100, 100], width: 3, options: {}, text: '▅▅▅'},
		{values: [1000, 1001, 1000], width: 3, options: {}, text: '▄▅▄'},
		// Two samples per cell, averaged; cells counted from the absolute sample number.
		{values: [0, 2, 4, 6], width: 2, options: {samplesPerCell: 2}, text: '▁█'},
		{values: [0, 2, 4, 6], width: 3, options: {samplesPerCell: 2, lastIndex: 4}, text: '▁▅█'},
		{values: [1, 2, 3], width: 0, options: {}, text: ''},
	])('$values at $width → "$text"', ({values, width, options, text}) => {
		expect(renderSparkline(values, width, options)).toBe(text);
	});

	test('the picture scrolls by whole cells: one more sample changes only the newest cell', () => {
		const values = Array.from({length: 40}, (_, index) => (index * 7919) % 13);
		const before = renderSparkline(values.slice(0, 39), 10, {samplesPerCell: 4, lastIndex: 38, minimumRange: 0});
		const after = renderSparkline(values, 10, {samplesPerCell: 4, lastIndex: 39, minimumRange: 0});
		expect(after.slice(0, 9)).toBe(before.slice(0, 9));
	});
});
