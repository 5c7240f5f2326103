// The escape codes in a line Ink draws, read code unit by code unit (draw-ink-row.ts): where a
// CSI sequence starts and where it ends, and whether it is SGR (colours and attributes, the only
// kind the row drawer puts together itself).

const ESC = 0x1B;
const CSI_8BIT = 0x9B;
const OPEN_BRACKET = 0x5B;
const SEMICOLON = 0x3B;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const LETTER_M = 0x6D;

/** Whether `code` starts an escape code (ESC, or the 8-bit CSI), not a character to draw. */
export const isEscape = (code: number): boolean => code === ESC || code === CSI_8BIT;

/** Whether a CSI sequence (`ESC [`) starts at `index`. */
export const isCsiAt = (line: string, index: number): boolean => line.charCodeAt(index) === ESC && line.charCodeAt(index + 1) === OPEN_BRACKET;

/** Where the parameters (digits and semicolons) of the CSI sequence at `index` end: at its final byte. */
export const parametersEnd = (line: string, index: number): number => {
	let end = index + 2;
	while (line.charCodeAt(end) === SEMICOLON || (line.charCodeAt(end) >= DIGIT_0 && line.charCodeAt(end) <= DIGIT_9)) {
		end++;
	}

	return end;
};

/** Whether the CSI sequence whose final byte is at `end` is SGR (`m`). */
export const isSgrEnd = (line: string, end: number): boolean => line.charCodeAt(end) === LETTER_M;
