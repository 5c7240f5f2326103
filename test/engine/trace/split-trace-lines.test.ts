import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {LineSplitter, maxTraceLineLength} from '../../../source/engine/trace/split-trace-lines.js';

type Seen = Array<[number, string] | [number, 'overlong', string, number]>;

/** Feeds `pieces` to a splitter; what it reported, and its line count. */
const split = (pieces: string[]) => {
	const seen: Seen = [];
	const splitter = new LineSplitter({
		line(text, lineNumber) {
			seen.push([lineNumber, text]);
		},
		overlong(head, length, lineNumber) {
			seen.push([lineNumber, 'overlong', head, length]);
		},
	});
	for (const piece of pieces) {
		splitter.push(piece);
	}

	splitter.end();
	return {seen, lines: splitter.lineCount};
};

describe('LineSplitter', () => {
	it('gives each line with its number, across pieces, without its \\n or \\r\\n; blank lines only counted', () => {
		expect(split(['ab', 'c\nd\r', '\n\n\n', 'e\n', '\r\nlast'])).toEqual({
			seen: [[1, 'abc'], [2, 'd'], [5, 'e'], [6, ''], [7, 'last']],
			lines: 7,
		});
	});

	it('cuts the same lines however the text is cut into pieces (readline\'s lines, bar a lone \\r)', () => {
		const text = fc.string({unit: fc.constantFrom('a', ' ', '\n', '\r\n', 'é', '\t'), maxLength: 60});
		fc.assert(fc.property(text, fc.array(fc.nat(60), {maxLength: 6}), (whole, cuts) => {
			const points = [...new Set(cuts.map(cut => Math.min(cut, whole.length)))].sort((a, b) => a - b);
			const pieces = [0, ...points].map((start, index) => whole.slice(start, [...points, whole.length][index]));
			const expected = whole.split('\n').map(line => line.replace(/\r$/, ''));
			if (whole.endsWith('\n') || whole === '') {
				expected.pop();
			}

			const {seen, lines} = split(pieces);
			expect(lines).toBe(expected.length);
			// Blank lines may be given or only counted; every other line is given, with its number.
			expect(seen.filter(([, text]) => text !== '')).toEqual(expected.flatMap((line, index) => (line === '' ? [] : [[index + 1, line]])));
		}));
	});

	it('reports a line over the limit once, by its head and length, whether it came in one piece or many', () => {
		const long = 'x'.repeat(maxTraceLineLength + 5);
		const expected = {seen: [[1, 'ok'], [2, 'overlong', 'x'.repeat(120), maxTraceLineLength + 5], [3, 'after']], lines: 3};
		expect(split([`ok\n${long}\nafter`])).toEqual(expected);
		expect(split(['ok\n', ...long.match(/.{1,1000}/gs)!, '\r\nafter'])).toEqual(expected);
		// Exactly at the limit it is still a line.
		expect(split([`${'y'.repeat(maxTraceLineLength)}\r\n`]).seen).toEqual([[1, 'y'.repeat(maxTraceLineLength)]]);
	});

	it('measures a line of 200 MB without holding it: only its head is kept', () => {
		const splitter = new LineSplitter({
			line() {
				throw new Error('not a line');
			},
			overlong(head, length) {
				expect(head).toBe(' '.repeat(120));
				expect(length).toBe(200 * 1024 * 1024);
			},
		});
		const piece = ' '.repeat(1024 * 1024);
		for (let index = 0; index < 200; index++) {
			splitter.push(piece);
		}

		splitter.push('\n');
		expect(splitter.lineCount).toBe(1);
	});

	it('counts a run of newlines given by number: the first ends the pending line', () => {
		const seen: string[] = [];
		const splitter = new LineSplitter({line: text => seen.push(text), overlong: () => undefined});
		splitter.push('partial');
		splitter.pushNewlines(1000);
		splitter.push('next\n');
		expect(seen).toEqual(['partial', 'next']);
		expect(splitter.lineCount).toBe(1001);
	});
});
