// What each tone looks like on a colour terminal. With colour off (NO_COLOR, which cli.js turns
// into FORCE_COLOR=0, or a text snapshot) none of this is drawn, and every state still reads
// from its word or glyph.

import {createContext} from 'react';
import type {Tone} from '../view/styled-line.js';

export type ToneStyle = {
	color?: string;
	backgroundColor?: string;
	bold?: boolean;
	dimColor?: boolean;
	inverse?: boolean;
};

export const toneStyles: Record<Tone, ToneStyle> = {
	plain: {},
	dim: {dimColor: true},
	bold: {bold: true},
	accent: {color: 'cyan'},
	good: {color: 'green'},
	warn: {color: 'yellow'},
	bad: {color: 'red'},
	flash: {color: 'black', backgroundColor: 'yellow', bold: true},
	alarm: {color: 'redBright', bold: true},
	selected: {inverse: true, bold: true},
};

/** False where no colour may be drawn at all (a text snapshot): tones become plain text. */
export const ColourContext = createContext(true);
