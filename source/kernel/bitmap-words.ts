// Bit tricks on bitmap words (bit i set = chunk i allocated): one 32-bit word, or all of them.

/** Lowest set bit's index; 32 for 0. */
export const countTrailingZeros = (word: number): number =>
	word === 0 ? 32 : 31 - Math.clz32(word & -word);

/** Longest run of clear bits in a 32-bit word. */
export const longestClearRun = (word: number): number => {
	let free = ~word >>> 0;
	let run = 0;
	while (free !== 0) {
		free = (free & (free << 1)) >>> 0;
		run++;
	}

	return run;
};

/** Index of the first bit that starts n (1..32) clear bits inside `word`, or -1. */
export const firstRunInWord = (word: number, n: number): number => {
	let runs = ~word >>> 0; // Bit i set: bit i is free.
	let length = 1;
	while (length * 2 <= n) {
		runs &= runs >>> length; // Bit i set: 2·length free bits from i.
		length *= 2;
	}

	if (n > length) {
		runs &= runs >>> (n - length);
	}

	return runs === 0 ? -1 : countTrailingZeros(runs);
};

/** Number of set bits among the first `size` bits of `words`. */
export const countSetBits = (words: Uint32Array, size: number): number => {
	let count = 0;
	for (let w = 0; w < words.length; w++) {
		const bitsInWord = size - w * 32;
		let word = bitsInWord >= 32 ? words[w]! : (words[w]! & ((1 << bitsInWord) - 1)) >>> 0;
		while (word !== 0) {
			word = (word & (word - 1)) >>> 0;
			count++;
		}
	}

	return count;
};
