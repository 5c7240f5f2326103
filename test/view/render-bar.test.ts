import {describe, expect, test} from 'vitest';
import {renderBar, renderProgressBar, usageTone} from '../../source/view/render-bar.js';

const bar = (fraction: number, width: number) => {
	const {filled, empty} = renderBar(fraction, width);
	return filled + empty;
};

describe('renderBar', () => {
	test.each([
		[0, 8, '░░░░░░░░'],
		[1, 8, '████████'],
		[0.5, 8, '████░░░░'],
		[0.5 + 1 / 64, 8, '████▏░░░'],
		[0.584, 19, '███████████▏░░░░░░░'],
		[0.125 + 7 / 64, 8, '█▉░░░░░░'],
		// A sliver of use is never rounded away, nor is the last free eighth.
		[0.0001, 8, '▏░░░░░░░'],
		[0.9999, 8, '███████▉'],
		[-1, 4, '░░░░'],
		[2, 4, '████'],
		[Number.NaN, 4, '░░░░'],
	])('%d at %i columns: %s', (fraction, width, text) => {
		expect(bar(fraction, width)).toBe(text);
		expect([...bar(fraction, width)]).toHaveLength(width);
	});

	test('no width, no bar', () => {
		expect(renderBar(0.5, 0)).toEqual({filled: '', empty: ''});
	});

	test.each([
		[0.5, 'good'],
		[0.75, 'warn'],
		[0.9, 'bad'],
	])('usageTone(%d) = %s', (fraction, tone) => {
		expect(usageTone(fraction)).toBe(tone);
	});
});

describe('renderProgressBar', () => {
	const progress = (done: number, passed: number, width: number) => {
		const bar = renderProgressBar(done, passed, width);
		return bar.done + bar.passed + bar.rest;
	};

	test.each([
		[0, 0, 8, '░░░░░░░░'],
		[0.5, 0.5, 8, '████░░░░'],
		[0.25, 0.5, 8, '██▒▒░░░░'],
		[0.947, 1, 25, '████████████████████████▒'],
		[1, 1, 8, '████████'],
		// A start is never rounded away, nor is the last cell to come, nor a skip.
		[0.001, 0.001, 8, '█░░░░░░░'],
		[0, 0.001, 8, '▒░░░░░░░'],
		[0.999, 0.999, 8, '███████░'],
		[0.99, 1, 8, '███████▒'],
		[0.19, 0.214, 9, '█▒░░░░░░░'],
		// Out of range and done beyond passed are clamped.
		[2, -1, 4, '░░░░'],
		[0.75, 0.5, 4, '██░░'],
		[Number.NaN, 1, 4, '▒▒▒▒'],
	])('done %d, passed %d at %i columns: %s', (done, passed, width, text) => {
		expect(progress(done, passed, width)).toBe(text);
		expect([...progress(done, passed, width)]).toHaveLength(width);
	});

	test('no width, no bar', () => {
		expect(renderProgressBar(0.5, 0.5, 0)).toEqual({done: '', passed: '', rest: ''});
	});
});
