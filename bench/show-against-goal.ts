// A figure printed beside its goal must not contradict its verdict: a ratio of 0.4996 printed
// with two decimals reads "×0.50 MISSED (≥ 0.5)", which makes a reader distrust the whole table.
// The verdict is always the raw value's; the printed figure takes more decimals until it agrees.

export type Goal = {atLeast: number} | {atMost: number} | {below: number};

/** Whether `value` meets `goal`. */
export function meetsGoal(value: number, goal: Goal): boolean {
	if ('atLeast' in goal) {
		return value >= goal.atLeast;
	}

	return 'atMost' in goal ? value <= goal.atMost : value < goal.below;
}

/**
 * `value` with `digits` decimals, or as few more (up to three) as it takes for the printed number
 * to meet or miss `goal` as the value does; past that, cut toward the verdict rather than round.
 */
export function showAgainstGoal(value: number, digits: number, goal: Goal): string {
	const met = meetsGoal(value, goal);
	for (let places = digits; places <= digits + 3; places++) {
		const shown = value.toFixed(places);
		if (meetsGoal(Number(shown), goal) === met) {
			return shown;
		}
	}

	// Still contradicting at digits + 3: a value within rounding of the goal itself. Cut it.
	const places = digits + 3;
	const scale = 10 ** places;
	const roundsUp = met === 'atLeast' in goal;
	const cut = roundsUp ? Math.ceil(value * scale) / scale : Math.floor(value * scale) / scale;
	return cut.toFixed(places);
}
