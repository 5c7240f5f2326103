// ftrace prints hashed `%p` pointers as 16 zero-padded hex digits, perf prints `0x…` or `(nil)`:
// one canonical spelling lets an allocation match its free whichever way each was printed.

const nullSpellings = new Set(['(null)', '(nil)', 'null', 'nil']);

/** Canonical pointer (lowercase hex, no `0x`, no leading zeros), null for NULL, undefined if not a pointer. */
export function normalizeTracePointer(text: string): string | null | undefined {
	const lower = text.toLowerCase();
	if (nullSpellings.has(lower)) {
		return null;
	}

	const digits = lower.startsWith('0x') ? lower.slice(2) : lower;
	if (!/^[\da-f]+$/.test(digits)) {
		return undefined;
	}

	const stripped = digits.replace(/^0+/, '');
	return stripped === '' ? null : stripped;
}
