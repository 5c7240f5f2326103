// What the terminal shows after the differ's writes (only the lines that changed, in place) must be
// what it shows with every frame drawn whole: cell by cell, the character and its colours and
// attributes, after every frame. Fed to a headless xterm, frames from random lines: colours and
// attributes opened and closed as chalk writes them (every line ends in the default state), full-width
// lines, lines that grow, shrink, appear and go, and a wide character.

import fc from 'fast-check';
import xterm from '@xterm/headless';
import {describe, expect, test} from 'vitest';
import {createFrameDiffer} from '../../source/ui/diff-frames.js';

const {Terminal} = xterm;
type Screen = InstanceType<typeof Terminal>;

const columns = 10;
const rows = 7;

const erase = (lines: number) => (lines === 0 ? '' : `\u001B[2K${'\u001B[1A\u001B[2K'.repeat(lines - 1)}\u001B[G`);

const write = async (screen: Screen, data: string) =>
	new Promise<void>((resolve) => {
		screen.write(data, resolve);
	});

/** Every cell of the screen: its character, width, colours (mode and value) and attributes. */
const readCells = (screen: Screen): string[] => {
	const buffer = screen.buffer.active;
	const cells: string[] = [];
	for (let y = 0; y < rows; y++) {
		const line = buffer.getLine(y)!;
		for (let x = 0; x < columns; x++) {
			const cell = line.getCell(x)!;
			cells.push(
				[
					`${y},${x}`,
					cell.getChars(),
					cell.getWidth(),
					cell.getFgColorMode(),
					cell.getFgColor(),
					cell.getBgColorMode(),
					cell.getBgColor(),
					cell.isBold(),
					cell.isDim(),
					cell.isItalic(),
					cell.isUnderline(),
					cell.isInverse(),
					cell.isStrikethrough(),
				].join(' '),
			);
		}
	}

	return cells;
};

// A segment: text from few characters (so that lines often agree in part), in a style opened before
// it and closed after it, as chalk writes it.
const styles = [
	{open: '', close: ''},
	{open: '\u001B[1m', close: '\u001B[22m'},
	{open: '\u001B[2m', close: '\u001B[22m'},
	{open: '\u001B[7m', close: '\u001B[27m'},
	{open: '\u001B[31m', close: '\u001B[39m'},
	{open: '\u001B[36m', close: '\u001B[39m'},
	{open: '\u001B[38;5;208m', close: '\u001B[39m'},
	{open: '\u001B[30m\u001B[43m\u001B[1m', close: '\u001B[22m\u001B[49m\u001B[39m'},
	{open: '\u001B[44m', close: '\u001B[49m'},
	{open: '\u001B[1;4;95m', close: '\u001B[0m'},
];
const segment = fc.record({
	text: fc.array(fc.constantFrom('a', 'b', ' ', '─', '█', '⣿'), {maxLength: 4}).map((characters) => characters.join('')),
	style: fc.integer({min: 0, max: styles.length - 1}),
});
// A line no wider than the terminal (a wide character counts two): at times exactly as wide.
const line = fc
	.tuple(fc.array(segment, {maxLength: 4}), fc.boolean(), fc.integer({min: 0, max: 30}))
	.map(([segments, wide, fill]) => {
		let text = '';
		let width = 0;
		for (const {text: part, style} of segments) {
			const fits = [...part].slice(0, Math.max(0, columns - width)).join('');
			width += fits.length;
			text += styles[style]!.open + fits + styles[style]!.close;
		}

		if (wide && width <= columns - 2) {
			text += '漢';
			width += 2;
		}

		// Sometimes filled to the last column.
		return fill > 25 ? text + 'b'.repeat(columns - width) : text;
	});
const frame = fc.array(line, {maxLength: rows - 1});

/** Each frame drawn whole on a clean screen: what every row must show. */
const drawWhole = async (lines: string[]): Promise<string[]> => {
	const screen = new Terminal({cols: columns, rows, allowProposedApi: true});
	await write(screen, lines.map((text, index) => `\u001B[${index + 1};1H${text}\u001B[0m`).join(''));
	const cells = readCells(screen);
	screen.dispose();
	return cells;
};

describe('createFrameDiffer on a terminal', () => {
	test('after each frame, the screen is the frame drawn whole, cell by cell', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(frame, {minLength: 1, maxLength: 6}), async (frames) => {
				const differ = createFrameDiffer();
				const screen = new Terminal({cols: columns, rows, allowProposedApi: true});
				let shown = 0;
				for (const lines of frames) {
					// As Ink's log-update writes a frame: the last one erased, then the lines, each ending in a newline.
					await write(screen, differ.translate(erase(shown === 0 ? 0 : shown + 1) + lines.map((text) => `${text}\n`).join('')));
					shown = lines.length;
					expect(readCells(screen)).toEqual(await drawWhole(lines));
				}

				screen.dispose();
			}),
			{numRuns: 400},
		);
	});
});
