// Levenshtein distance: insertions, deletions and substitutions each cost 1.
const editDistance = (from: string, to: string): number => {
	// Two rows of the table, as Int32Arrays of a fixed length: every cell read was written.
	let previous = Int32Array.from({length: to.length + 1}, (_, index) => index);
	let current = new Int32Array(to.length + 1);
	for (let row = 1; row <= from.length; row++) {
		current[0] = row;
		for (let column = 1; column <= to.length; column++) {
			const substitution = previous[column - 1]! + (from[row - 1] === to[column - 1] ? 0 : 1);
			current[column] = Math.min(previous[column]! + 1, current[column - 1]! + 1, substitution);
		}

		[previous, current] = [current, previous];
	}

	return previous[to.length]!;
};

/**
The name a typo most likely meant (`sed` → `seed`, `SNAPSHOT` → `snapshot`), or `undefined` when none is close.

Close is at most 2 edits, and at most one edit per 3 letters typed, so short words (`x`) do not match everything; ties go to the earlier name.
*/
export const closestName = (typed: string, names: readonly string[]): string | undefined => {
	const lowerCased = typed.toLowerCase();
	let best: string | undefined;
	let bestDistance = Math.min(2, Math.ceil(lowerCased.length / 3)) + 1;
	for (const name of names) {
		const distance = editDistance(lowerCased, name.toLowerCase());
		if (distance < bestDistance) {
			best = name;
			bestDistance = distance;
		}
	}

	return best;
};
