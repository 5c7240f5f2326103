// What each tone looks like on a colour terminal. With colour off (NO_COLOR, which cli.js turns
// into FORCE_COLOR=0, or a text snapshot) none of this is drawn, and every state still reads
// from its word or glyph. chalk is the library Ink itself colours with, so both agree on
// whether the terminal gets colour at all.

import chalk from 'chalk';
import {createContext} from 'react';
import type {StyledLine, Tone} from '../view/styled-line.js';

export const tonePainters: Record<Tone, (text: string) => string> = {
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
	if (!colour) {
		return line.map((part) => part.text).join('');
	}

	let text = '';
	for (let index = 0; index < line.length; index++) {
		const part = line[index]!;
		const next = line[index + 1];
		const codes = toneCodes(part.tone);
		// A chunk map row changes holder colour every few cells: one colour gives way to the next
		// without a reset in between (the same look, a third fewer bytes for Ink to parse each frame).
		if (isHolder(part.tone) && next && part.text !== '' && isHolder(next.tone)) {
			text += codes.open + part.text;
		} else if (part.text !== '' && !part.text.includes('\u001B') && !part.text.includes('\n')) {
			// What chalk writes for such a text, without going through its builder for every segment.
			text += codes.open + part.text + codes.close;
		} else {
			// Empty, or with escape codes or line breaks of its own: chalk's own handling.
			text += tonePainters[part.tone](part.text);
		}
	}

	return text;
};

const isHolder = (tone: Tone): boolean => tone.startsWith('holder-');

/** A tone's opening and closing codes as chalk writes them around a text at this colour level (none without colour). */
const toneCodes = (() => {
	// A map of tones for each of chalk's levels (0 to 3): FORCE_COLOR and tests may change it. A key
	// made of the level and the tone was a string built for every segment painted.
	const caches: Array<Map<Tone, {open: string; close: string}>> = [];
	return (tone: Tone): {open: string; close: string} => {
		const cache = (caches[chalk.level] ??= new Map());
		let codes = cache.get(tone);
		if (!codes) {
			const [open = '', close = ''] = tonePainters[tone]('\u0000').split('\u0000');
			codes = {open, close};
			cache.set(tone, codes);
		}

		return codes;
	};
})();

/** False where no colour may be drawn at all (a text snapshot): tones become plain text. */
export const ColourContext = createContext(true);
