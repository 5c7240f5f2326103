import {afterEach, describe, expect, it, vi} from 'vitest';
import {formatProgressLine, formatTimeLeft, ProgressBar} from '../../source/cli/progress-bar.js';

const makeStream = (isTTY: boolean | undefined) => {
	const written: string[] = [];
	return {stream: {isTTY, columns: 80, write: (text: string) => written.push(text)}, written};
};

afterEach(() => {
	vi.restoreAllMocks();
});

describe('ProgressBar', () => {
	it.each([
		{isTTY: true, at: 1000, line: '\r[##################......................] 36/80 runs  36 runs/s  2s left\u001B[K'},
		{isTTY: true, at: 999, line: undefined},
		{isTTY: false, at: 5000, line: undefined},
		{isTTY: undefined, at: 5000, line: undefined},
	])('a sweep 36 runs of 80 in, at $at ms on a stream with isTTY $isTTY: $line', ({isTTY, at, line}) => {
		const {stream, written} = makeStream(isTTY);
		const bar = new ProgressBar(stream, 80, 0, {unit: 'runs', rateUnit: 'runs/s', timeLeft: true});
		bar.update(36, at);
		bar.done();
		expect(written).toEqual(line === undefined ? [] : [line, '\r\u001B[K']);
	});

	// Formatting the label's numbers for 'en-US' loads ICU's number format the first time (~20 ms):
	// a bar nobody sees (not a terminal, or too early) must not make it.
	it.each([
		{isTTY: false, at: 5000},
		{isTTY: true, at: 500},
	])('formats no number when it draws nothing (isTTY $isTTY, at $at ms)', ({isTTY, at}) => {
		const toLocaleString = vi.spyOn(Number.prototype, 'toLocaleString');
		const {stream} = makeStream(isTTY);
		new ProgressBar(stream, 80, 0, {unit: 'runs', rateUnit: 'runs/s', timeLeft: true}).update(36, at);
		expect(toLocaleString).not.toHaveBeenCalled();
	});

	it.each([
		{seconds: 0.2, text: '1s'},
		{seconds: 59, text: '59s'},
		{seconds: 185, text: '3m05s'},
		{seconds: 3720, text: '1h02m'},
	])('writes $seconds s left as $text', ({seconds, text}) => {
		expect(formatTimeLeft(seconds)).toBe(text);
	});

	// A line wider than the terminal wraps, and `\r` redraws only its last row: at 60 columns a
	// trace replay left a row behind at every redraw.
	it.each([
		{columns: 60, fraction: 0.5, line: '[#####.....] 100,925/200,000 events  566 ticks  55,693 eve…'},
		{columns: 80, fraction: 0.5, line: '[#############............] 100,925/200,000 events  566 ticks  55,693 events/s'},
		{columns: 30, fraction: null, line: '1,234 events replayed  5,000…'},
	])('fits a trace replay\'s line in $columns columns', ({columns, fraction, line}) => {
		const label = fraction === null ? '1,234 events replayed  5,000 lines read  12 ticks  900 events/s' : '100,925/200,000 events  566 ticks  55,693 events/s';
		expect(formatProgressLine(fraction, label, columns)).toBe(line);
		expect(line.length).toBeLessThanOrEqual(columns - 1);
	});

	it('writes the fitted line in place on a 60-column terminal', () => {
		const written: string[] = [];
		const bar = new ProgressBar({isTTY: true, columns: 60, write: (text: string) => written.push(text)}, 0, 0);
		bar.show(1, '200,000/200,000 events  567 ticks  78,000 events/s', 1000);
		expect(written).toEqual(['\r[##########] 200,000/200,000 events  567 ticks  78,000 eve…\u001B[K']);
	});
});
