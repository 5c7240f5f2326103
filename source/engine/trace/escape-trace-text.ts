// Text from a trace (and the path the user gave) ends up on a terminal: in an error line on
// stderr, in the live view's panel, in a text snapshot. A trace is input, possibly hostile or just
// binary: an ESC in it would start an escape sequence on the user's terminal, a newline would
// forge a line of output. So every control character is shown as an escape instead: C0 and C1
// controls, DEL, the Unicode line and paragraph separators and the bidirectional overrides that
// can reorder what is displayed. Printable text, UTF-8 included, is left alone.

// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const escapeOne = (character: string): string => {
	const code = character.charCodeAt(0);
	switch (code) {
		case 0x09: {
			return '\\t';
		}

		case 0x0a: {
			return '\\n';
		}

		case 0x0d: {
			return '\\r';
		}

		default: {
			return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
		}
	}
};

/** `text` with its control characters written as `\xHH`, `\t`, `\n`, `\r` or `\uHHHH`. */
export const escapeTraceText = (text: string): string => text.replace(unsafe, escapeOne);

/** The trace's path as messages show it: escaped, and `-` named as grep names it. */
export const describeTracePath = (path: string): string => (path === '-' ? '(standard input)' : escapeTraceText(path));
