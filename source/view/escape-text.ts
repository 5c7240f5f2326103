// Text that came from input (an argument, a file name, a workload's name or message, a trace
// line) shown on a terminal: control characters must not reach it raw, or a value could move the
// cursor, clear the screen, set the window title or start a second line that looks like our own.
// Each one becomes a visible escape; ordinary Unicode (accents, CJK, emoji) stays as it is.

// C0 controls (newline, tab, ESC…), DEL and C1 controls (0x9B is a one-byte CSI).
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const controlCharacters = /[\u0000-\u001F\u007F-\u009F]/g;
// Invisible characters that reorder or break what follows (Trojan Source, CVE-2021-42574), and
// the Unicode line and paragraph separators.
const invisibleFormatting = /[\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const hex = (character: string, digits: number): string =>
	character.codePointAt(0)!.toString(16).toUpperCase().padStart(digits, '0');

/** `text` with control characters as `\xNN` and bidi/line-separator characters as `\u{NNNN}`. */
export const escapeText = (text: string): string =>
	text
		.replace(controlCharacters, (character) => `\\x${hex(character, 2)}`)
		.replace(invisibleFormatting, (character) => `\\u{${hex(character, 4)}}`);
