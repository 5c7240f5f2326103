// `Bitmap::find_best_fit` (AK/Bitmap.h, reference §1.4), reproduced exactly on top of the segment
// tree. The kernel calls `find_next_range_of_unset_bits(start, n, best)` in a loop and advances
// `start` by the *capped* length it got back, so `start` can land inside a longer free run; if
// that word is all zero the next search restarts at the word boundary, and the rest of the run
// can win as the "best" fit (free runs [0,300) and [400,900), n = 128 → 672).
//
// One call of the kernel's search, for n ≥ 32 (kmalloc only uses best fit from 128 chunks), is:
// - from past the last full word: only the < 32 leftover bits are scanned: nothing fits;
// - otherwise the scan starts at `from`, or at its word's boundary when that word is all zero;
// - it returns the first clear run of at least n bits after that point, as (start, length) with
//   the length capped at `max`, measured no further than the end of the full words; a run that
//   only reaches n by continuing into the leftover bits is returned with length exactly n.

import type {ChunkBitmap} from './bitmap.js';

const MAX_SIZE = 0xffffffff;

export const emulateBestFit = (bitmap: ChunkBitmap, n: number): number => {
	const fullEnd = bitmap.fullWords * 32;
	let start = 0;
	let bestStart = 0;
	let bestSize = MAX_SIZE;
	let found = false;
	for (;;) {
		if (start >= fullEnd) {
			break;
		}

		const effectiveStart = bitmap.words[start >>> 5] === 0 ? start & ~31 : start;
		const position = bitmap.leftmostRunFrom(effectiveStart, n);
		if (position < 0) {
			break;
		}

		let length: number;
		if (position + n > fullEnd) {
			length = n;
		} else {
			const runEnd = Math.min(bitmap.nextSetBit(position), fullEnd);
			length = Math.min(runEnd - position, bestSize);
		}

		if (bestSize > length || !found) {
			bestStart = position;
			bestSize = length;
			found = true;
		}

		start = position + length;
	}

	return found ? bestStart : -1;
};
