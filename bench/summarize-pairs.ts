// An A/B of wall times on a busy machine, taken as alternating pairs: A B, B A, A B, … Whatever
// the machine does slowly over the minute (another process, the host's neighbours) falls on both
// arms alike, each pair's ratio is taken from two runs next to each other, and the median of the
// pairs' ratios ignores one pair that a burst of load hit. One run of each (as the sweep line
// measured before) gave ×1.37 and ×1.75 for the same code on the same day.

/** Which arm each run is, in the order they run: A B, B A, A B, … (`pairs` of each). */
export const planAlternatingPairs = (pairs: number): Array<'a' | 'b'> =>
	Array.from({length: pairs}, (_, pair) => (pair % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const))).flat();

/** The middle value; the mean of the two middle ones for an even count (NaN for none). */
export const median = (values: readonly number[]): number => {
	const sorted = [...values].sort((x, y) => x - y);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export type PairSummary = {
	pairs: number;
	/** The median over the pairs of a / b. */
	ratio: number;
	/** The lowest and highest of the pairs' ratios. */
	ratioMin: number;
	ratioMax: number;
	/** Each arm's median time. */
	aMedian: number;
	bMedian: number;
};

/** The pairs' times, a and b, as measured (in any unit, the same for both). */
export const summarizePairs = (pairs: ReadonlyArray<{a: number; b: number}>): PairSummary => {
	if (pairs.length === 0) {
		throw new Error('summarizePairs needs at least one pair');
	}

	const ratios = pairs.map(({a, b}) => a / b);
	return {
		pairs: pairs.length,
		ratio: median(ratios),
		ratioMin: Math.min(...ratios),
		ratioMax: Math.max(...ratios),
		aMedian: median(pairs.map(({a}) => a)),
		bMedian: median(pairs.map(({b}) => b)),
	};
};
