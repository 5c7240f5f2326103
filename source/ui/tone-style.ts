// What each tone looks like on a colour terminal. With colour off (NO_COLOR, which cli.js turns
// into FORCE_COLOR=0, or a text snapshot) none of this is drawn, and every state still reads
// from its word or glyph. chalk is the library Ink itself colours with, so both agree on
// whether the terminal gets colour at all.

import chalk from 'chalk';
import {createContext} from 'react';
import type {StyledLine, Tone} from '../view/styled-line.js';

const tonePainters: Record<Tone, (text: string) => string> = {
	plain: (text) => text,
	dim: chalk.dim,
	bold: chalk.bold,
	accent: chalk.cyan,
	good: chalk.green,
	warn: chalk.yellow,
	bad: chalk.red,
	flash: chalk.black.bgYellow.bold,
	alarm: chalk.redBright.bold,
	selected: chalk.inverse.bold,
	// Holders in the chunk map: eight hues far from each other and from the tones above (no
	// yellow, red or grey), in 256 colours; chalk brings them down to 16 where that is all there is.
	'holder-0': chalk.ansi256(39),
	'holder-1': chalk.ansi256(170),
	'holder-2': chalk.ansi256(78),
	'holder-3': chalk.ansi256(208),
	'holder-4': chalk.ansi256(63),
	'holder-5': chalk.ansi256(205),
	'holder-6': chalk.ansi256(149),
	'holder-7': chalk.ansi256(141),
};

/** A line's segments as one string, with escape codes only when colour is on. */
export const paintLine = (line: StyledLine, colour: boolean): string => {
	let text = '';
	for (const part of line) {
		text += colour ? tonePainters[part.tone](part.text) : part.text;
	}

	return text;
};

/** False where no colour may be drawn at all (a text snapshot): tones become plain text. */
export const ColourContext = createContext(true);
