// Text from a trace ends up on a terminal: in a malformed line the live view's panel or a text
// snapshot shows, in an error line on stderr. A trace is input, possibly hostile or just binary: an
// ESC in it would start an escape sequence on the user's terminal, a newline would forge a line of
// output. The escapes are the CLI's own (source/view/escape-text.ts, which the engine does not
// import): control characters as `\xNN`, the bidirectional and line-separator characters as
// `\u{NNNN}`; printable text, UTF-8 included, is left alone. Escaping twice changes nothing.

// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001F\u007F-\u009F]/g;
const invisibleFormatting = /[\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const hex = (character: string, digits: number): string => character.codePointAt(0)!.toString(16).toUpperCase().padStart(digits, '0');

/** `text` with its control characters written as `\xNN`, and bidi and line separators as `\u{NNNN}`. */
export const escapeTraceText = (text: string): string =>
	text
		.replace(controlCharacters, (character) => `\\x${hex(character, 2)}`)
		.replace(invisibleFormatting, (character) => `\\u{${hex(character, 4)}}`);

/** The trace's path as messages show it: escaped, and `-` named as grep names it. */
export const describeTracePath = (path: string): string => (path === '-' ? '(standard input)' : escapeTraceText(path));
