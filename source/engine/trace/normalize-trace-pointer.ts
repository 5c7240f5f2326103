// ftrace prints hashed `%p` pointers as 16 zero-padded hex digits, perf prints `0x…` or `(nil)`:
// one canonical spelling lets an allocation match its free whichever way each was printed.
// One pass over the characters, no regular expression: this runs for every event.

const nullSpellings = new Set(['(null)', '(nil)', 'null', 'nil']);

const ZERO = 48;

/** 0-9, a-f: 1; A-F: 2; anything else: 0. */
const hexKind = (code: number): number => {
	if ((code >= 48 && code <= 57) || (code >= 97 && code <= 102)) {
		return 1;
	}

	return code >= 65 && code <= 70 ? 2 : 0;
};

/** Canonical pointer (lowercase hex, no `0x`, no leading zeros), null for NULL, undefined if not a pointer. */
export function normalizeTracePointer(text: string): string | null | undefined {
	const {length} = text;
	let start = length >= 2 && text.charCodeAt(0) === ZERO && (text.charCodeAt(1) | 0x20) === 0x78 ? 2 : 0;
	if (start === length) {
		return nullSpellings.has(text.toLowerCase()) ? null : undefined;
	}

	let upper = false;
	let firstNonZero = -1;
	for (let index = start; index < length; index++) {
		const code = text.charCodeAt(index);
		const kind = hexKind(code);
		if (kind === 0) {
			return nullSpellings.has(text.toLowerCase()) ? null : undefined;
		}

		upper ||= kind === 2;
		if (firstNonZero === -1 && code !== ZERO) {
			firstNonZero = index;
		}
	}

	if (firstNonZero === -1) {
		return null;
	}

	start = firstNonZero;
	const digits = start === 0 ? text : text.slice(start);
	return upper ? digits.toLowerCase() : digits;
}
