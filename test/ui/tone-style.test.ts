// Painting a line: a chunk map row's holder colours follow each other without a reset between
// them (fewer bytes for Ink to parse), and every character keeps the colour its tone gives it.

import chalk from 'chalk';
import {afterEach, expect, test} from 'vitest';
import {paintLine} from '../../source/ui/tone-style.js';
import {segment} from '../../source/view/styled-line.js';

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
