// A literal port of AK/Bitmap.h's range search as of 5d180d1f996 (reference §1.4): word by word,
// bit by bit, with the kernel's quirks (an all-zero first word restarts the run at its word
// boundary; only `size / 32` full words are scanned word-wise; the leftover bits are scanned one
// by one from the first leftover bit). It is the reference the kernel's segment tree must match
// placement for placement, and the baseline `npm run bench` compares against. Never used by the
// simulated kernel itself.

const countTrailingZeroes32 = (value: number): number =>
	value === 0 ? 32 : 31 - Math.clz32(value & -value);

const getBit = (words: Uint32Array, index: number): boolean =>
	(words[index >>> 5]! & (1 << (index & 31))) !== 0;

/** `find_next_range_of_unset_bits(from&, min_length, max_length)`; `from.value` is updated as the kernel's reference is. */
export const findNextRangeOfUnsetBits = (
	words: Uint32Array,
	size: number,
	from: {value: number},
	minLength: number,
	maxLength: number,
): number | undefined => {
	if (minLength > maxLength) {
		return undefined;
	}

	const startBucketIndex = Math.floor(from.value / 32);
	let startBucketBit = from.value % 32;
	let freeChunks = 0;
	const bucketCount = Math.floor(size / 32);
	for (let bucketIndex = startBucketIndex; bucketIndex < bucketCount; ++bucketIndex) {
		const word = words[bucketIndex]!;
		if (word === 0xffffffff) {
			if (freeChunks >= minLength) {
				return Math.min(freeChunks, maxLength);
			}

			freeChunks = 0;
			startBucketBit = 0;
			continue;
		}

		if (word === 0) {
			if (freeChunks === 0) {
				from.value = bucketIndex * 32;
			}

			freeChunks += 32;
			if (freeChunks >= maxLength) {
				return maxLength;
			}

			startBucketBit = 0;
			continue;
		}

		let bucket = word;
		let viewedBits = startBucketBit;
		bucket >>>= viewedBits;
		startBucketBit = 0;
		while (viewedBits < 32) {
			if (bucket === 0) {
				if (freeChunks === 0) {
					from.value = bucketIndex * 32 + viewedBits;
				}

				freeChunks += 32 - viewedBits;
				viewedBits = 32;
			} else {
				const trailingZeroes = countTrailingZeroes32(bucket);
				bucket >>>= trailingZeroes;
				if (freeChunks === 0) {
					from.value = bucketIndex * 32 + viewedBits;
				}

				freeChunks += trailingZeroes;
				viewedBits += trailingZeroes;
				if (freeChunks >= minLength) {
					return Math.min(freeChunks, maxLength);
				}

				// Deleting trailing ones; a shift by 32 is masked to 0 on x86, and the loop ends anyway.
				const trailingOnes = countTrailingZeroes32(~bucket >>> 0);
				bucket = trailingOnes >= 32 ? bucket : bucket >>> trailingOnes;
				viewedBits += trailingOnes;
				freeChunks = 0;
			}
		}
	}

	if (freeChunks < minLength) {
		const firstTrailingBit = bucketCount * 32;
		const trailingBits = size % 32;
		for (let i = 0; i < trailingBits; ++i) {
			if (getBit(words, firstTrailingBit + i)) {
				freeChunks = 0;
			} else {
				if (freeChunks === 0) {
					from.value = firstTrailingBit + i;
				}

				if (++freeChunks >= minLength) {
					return Math.min(freeChunks, maxLength);
				}
			}
		}

		return undefined;
	}

	return Math.min(freeChunks, maxLength);
};

export const literalFindFirstFit = (words: Uint32Array, size: number, n: number): number => {
	const start = {value: 0};
	return findNextRangeOfUnsetBits(words, size, start, n, n) === undefined ? -1 : start.value;
};

/** Only meaningful for n ≥ 32: below that the kernel's loop can spin forever (it never calls it so). */
export const literalFindBestFit = (words: Uint32Array, size: number, n: number): number => {
	const start = {value: 0};
	let bestStart = 0;
	let bestSize = 0xffffffff;
	let found = false;
	for (;;) {
		const length = findNextRangeOfUnsetBits(words, size, start, n, bestSize);
		if (length === undefined) {
			break;
		}

		if (bestSize > length || !found) {
			bestStart = start.value;
			bestSize = length;
			found = true;
		}

		start.value += length;
	}

	return found ? bestStart : -1;
};
