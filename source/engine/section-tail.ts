// The history section of a live document is a ring of samples: from one view to the next its
// series lose a few samples at the front and gain as many at the back, and the rest is the same.
// Sent whole, it was about 18 KB of JSON each view at the defaults (512 samples in five series),
// stringified, compared, posted and parsed four times a second for two or three new samples.
// A tail says only what moved: for each array, how many items went from its front and the items
// that came; for anything else, its new value.
//
// The shift is found by comparing, not assumed: a tail is made only when the array the UI will
// rebuild (its old items from the shift on, then the new ones) equals the new array item for item,
// so a tail rebuilds exactly the section it stands for, whatever the section's values are.

/** An array's tail: how many items went from the front, then the items that came. */
type ArrayTail = [number, ...unknown[]];

/** Shifts tried before the section is sent whole (a series whose values repeat may match early and fail late). */
const MAX_FAILED_SHIFTS = 64;

/**
The smallest shift `s` such that `next` is `previous` without its first `s` items, then the
items that came; undefined when there is none.
*/
const shiftOf = (previous: readonly unknown[], next: readonly unknown[]): number | undefined => {
	let failed = 0;
	for (let shift = 0; shift <= previous.length; shift++) {
		const kept = previous.length - shift;
		if (kept > next.length || (kept > 0 && next[0] !== previous[shift])) {
			continue;
		}

		let same = true;
		for (let index = 1; index < kept; index++) {
			if (next[index] !== previous[shift + index]) {
				same = false;
				break;
			}
		}

		if (same) {
			return shift;
		}

		if (++failed > MAX_FAILED_SHIFTS) {
			return undefined;
		}
	}

	return undefined;
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The tail and whether anything moved at all. */
type Tail = {tail: unknown; moved: boolean};

/**
What `next` changed from `previous`, as a tail; undefined when it is not a tail's kind of change
(an object's keys changed, an array became something else, items changed in the middle).
*/
const tailOf = (previous: unknown, next: unknown): Tail | undefined => {
	if (Array.isArray(previous) && Array.isArray(next)) {
		const shift = shiftOf(previous, next);
		if (shift === undefined) {
			return undefined;
		}

		const added: unknown[] = (next as unknown[]).slice(previous.length - shift);
		return {tail: [shift, ...added] satisfies ArrayTail, moved: shift > 0 || added.length > 0};
	}

	if (isRecord(previous) && isRecord(next)) {
		const keys = Object.keys(next);
		if (keys.length !== Object.keys(previous).length) {
			return undefined;
		}

		const tail: Record<string, unknown> = {};
		let moved = false;
		for (const key of keys) {
			if (!(key in previous)) {
				return undefined;
			}

			const part = tailOf(previous[key], next[key]);
			if (!part) {
				return undefined;
			}

			tail[key] = part.tail;
			moved ||= part.moved;
		}

		return {tail, moved};
	}

	if (Array.isArray(previous) || Array.isArray(next) || isRecord(previous) || isRecord(next)) {
		return undefined;
	}

	return {tail: next, moved: !Object.is(previous, next)};
};

/** The engine's side: the tail of `next` after `previous` (null: nothing moved; undefined: send it whole). */
export const sectionTail = (previous: unknown, next: unknown): unknown => {
	if (previous === next) {
		return null;
	}

	const found = tailOf(previous, next);
	return found === undefined ? undefined : found.moved ? found.tail : null;
};

/**
The UI's side: `previous` with `tail` applied. Arrays nothing moved in stay the very arrays they
were (a panel drawn from one need not be drawn again). A counted loop rather than spreads: this
runs for each of the history's seven arrays of up to 512 samples every view, in V8's lower tiers,
where a spread walks the iterator protocol, a result object an item: with the slice it spread,
8.5 % of the bytes the UI thread allocated at the defaults, besides the iterators' results.
*/
export const applySectionTail = (previous: unknown, tail: unknown): unknown => {
	if (Array.isArray(previous)) {
		const items = tail as ArrayTail;
		const shift = items[0];
		if (shift === 0 && items.length === 1) {
			return previous;
		}

		// Made at its size: a slice grown by a push moved its items to a bigger store.
		const kept = previous.length - shift;
		const next = new Array<unknown>(kept + items.length - 1);
		for (let index = 0; index < kept; index++) {
			next[index] = (previous as unknown[])[shift + index];
		}

		for (let index = 1; index < items.length; index++) {
			next[kept + index - 1] = items[index];
		}

		return next;
	}

	if (isRecord(previous)) {
		const parts = tail as Record<string, unknown>;
		return Object.fromEntries(Object.keys(parts).map((key) => [key, applySectionTail(previous[key], parts[key])]));
	}

	return tail;
};
