// Painting a line: a chunk map row's holder colours follow each other without a reset between
// them (fewer bytes for Ink to parse), and every character keeps the colour its tone gives it.

import chalk from 'chalk';
import fc from 'fast-check';
import {afterEach, expect, test} from 'vitest';
import {paintLine, tonePainters} from '../../source/ui/tone-style.js';
import {segment, type Tone} from '../../source/view/styled-line.js';

const level = chalk.level;
afterEach(() => {
	chalk.level = level;
});

test('holder colours run into each other; the last one and other tones close', () => {
	chalk.level = 2;
	const line = [segment('c0500000 ', 'dim'), segment('⣿⣿', 'holder-0'), segment('⣿', 'holder-1'), segment('⠀⠀', 'dim'), segment('⣿', 'holder-2'), segment(' ◂', 'flash')];
	expect(paintLine(line, true)).toBe(
		'\u001B[2mc0500000 \u001B[22m\u001B[38;5;39m⣿⣿\u001B[38;5;170m⣿\u001B[39m\u001B[2m⠀⠀\u001B[22m\u001B[38;5;78m⣿\u001B[39m\u001B[30m\u001B[43m\u001B[1m ◂\u001B[22m\u001B[49m\u001B[39m',
	);
});

test('without colour, the text alone', () => {
	const line = [segment('⣿', 'holder-0'), segment('⣿', 'holder-1')];
	expect(paintLine(line, false)).toBe('⣿⣿');
	chalk.level = 0;
	expect(paintLine(line, true)).toBe('⣿⣿');
});

test('every segment is painted as chalk paints it, at every colour level', () => {
	const tones = Object.keys(tonePainters) as Tone[];
	const part = fc.record({
		text: fc.oneof(fc.constantFrom('', ' ', 'heap 12.0 KiB', '⣿', '\n', 'a\nb', '\u001B[1mx\u001B[22m', '\u001B[39m', 'x\u001B[22my'), fc.string({maxLength: 6})),
		tone: fc.constantFrom(...tones),
	});
	fc.assert(
		fc.property(fc.array(part, {maxLength: 8}), fc.integer({min: 0, max: 3}), (parts, colourLevel) => {
			chalk.level = colourLevel as 0 | 1 | 2 | 3;
			const line = parts.map(({text, tone}) => segment(text, tone));
			// Each segment through chalk; holder colours running into the next holder colour unclosed.
			const expected = line
				.map((item, index) => {
					const next = line[index + 1];
					const holder = (tone: Tone) => tone.startsWith('holder-');
					return holder(item.tone) && next && item.text !== '' && holder(next.tone) ? tonePainters[item.tone]('\u0000').split('\u0000')[0]! + item.text : tonePainters[item.tone](item.text);
				})
				.join('');
			expect(paintLine(line, true)).toBe(expected);
		}),
		{numRuns: 2000},
	);
});
