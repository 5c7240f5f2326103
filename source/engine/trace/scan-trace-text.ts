// Character classes and cursor moves for the hand-written line parsers. They match JavaScript's
// regular-expression classes exactly (`\s`, `\d`, `\w`, and what `.` refuses), because the parsers
// replace regular expressions whose backtracking took quadratic to cubic time on long runs of
// whitespace, and must accept exactly the lines those accepted.

/** `\s`: WhiteSpace and LineTerminator, as String.prototype.trim also removes. */
export const isSpace = (code: number): boolean =>
	code === 32 || (code >= 9 && code <= 13) || (code >= 0xa0 && (
		code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a)
		|| code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
	));

export const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** `\w`. */
export const isWordCharacter = (code: number): boolean =>
	(code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;

/** The index of the first character at or after `index` that is not `\s`. */
export const skipSpaces = (text: string, index: number): number => {
	while (index < text.length && isSpace(text.charCodeAt(index))) {
		index++;
	}

	return index;
};

/** skipSpaces, stopping at `end`: a line read where it stands in the text is followed by its `\n`, which is `\s`. */
export const skipSpacesTo = (text: string, index: number, end: number): number => {
	while (index < end && isSpace(text.charCodeAt(index))) {
		index++;
	}

	return index;
};

/** The index of the first character at or after `index` that is not a digit. */
export const skipDigits = (text: string, index: number): number => {
	while (index < text.length && isDigit(text.charCodeAt(index))) {
		index++;
	}

	return index;
};

/** The index of the first character at or after `index` that is not `\w`. */
export const skipWord = (text: string, index: number): number => {
	while (index < text.length && isWordCharacter(text.charCodeAt(index))) {
		index++;
	}

	return index;
};

/** The index of the first `\s` character at or after `index` (the text's length if none). */
export const skipNonSpaces = (text: string, index: number): number => {
	while (index < text.length && !isSpace(text.charCodeAt(index))) {
		index++;
	}

	return index;
};

/**
The first index in [`from`, `to`) of a character `.` refuses, or -1. Native searches: lines almost
never hold one (the splitter took their `\n` and a final `\r` away), so this is the cheap way to be sure.
*/
export const findLineTerminator = (text: string, from: number, to = text.length): number => {
	let found = -1;
	for (const terminator of lineTerminators) {
		const index = text.indexOf(terminator, from);
		if (index !== -1 && index < to && (found === -1 || index < found)) {
			found = index;
		}
	}

	return found;
};

const lineTerminators = ['\n', '\r', '\u2028', '\u2029'];

/** The last index of a character `.` refuses, or -1. */
export const findLastLineTerminator = (text: string): number =>
	Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'), text.lastIndexOf('\u2028'), text.lastIndexOf('\u2029'));

/**
`(?:\s+(.*))?$` from `index`, the tail of both formats' event lines: the fields after the event name.
Returns where the fields start (the text's length when there are none), or -1 when the tail does not
match. `lastTerminator` is findLastLineTerminator(text), which `(.*)` cannot cross.
*/
export const fieldsStart = (text: string, index: number, lastTerminator: number): number => {
	if (index === text.length) {
		return index;
	}

	if (!isSpace(text.charCodeAt(index))) {
		return -1;
	}

	const start = skipSpaces(text, index);
	return lastTerminator < start ? start : -1;
};
