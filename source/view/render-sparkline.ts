// Sparklines (▁▂▃▄▅▆▇█) of a sampled series, fitted to a width. Samples are grouped into cells by
// their absolute sample number, not by their position in the array, so as new samples arrive the
// picture scrolls left one whole cell at a time instead of shimmering as bucket edges move.

const levels = '▁▂▃▄▅▆▇█';

export type SparklineOptions = {
	/** Absolute number of the last sample (samples since boot); defaults to `values.length - 1`. */
	lastIndex?: number;
	/** Samples averaged into one cell. */
	samplesPerCell?: number;
	/**
	The smallest range drawn as the full height, as a fraction of the largest value: a series
	that barely moves draws as a nearly flat line rather than as noise blown up to full height.
	*/
	minimumRange?: number;
};

/**
`width` columns; cells without samples (before the history begins) are spaces on the left.
The vertical scale runs from the smallest to the largest cell shown.
*/
export const renderSparkline = (values: readonly number[], width: number, options: SparklineOptions = {}): string => {
	if (width <= 0) {
		return '';
	}

	const samplesPerCell = Math.max(1, Math.floor(options.samplesPerCell ?? 1));
	const lastIndex = options.lastIndex ?? values.length - 1;
	const lastCell = Math.floor(lastIndex / samplesPerCell);
	const firstCell = lastCell - width + 1;
	const sums = new Array<number>(width).fill(0);
	const counts = new Array<number>(width).fill(0);
	values.forEach((value, position) => {
		const cell = Math.floor((lastIndex - (values.length - 1 - position)) / samplesPerCell) - firstCell;
		if (cell >= 0 && cell < width) {
			sums[cell]! += value;
			counts[cell]!++;
		}
	});

	const averages = sums.map((sum, cell) => (counts[cell]! > 0 ? sum / counts[cell]! : undefined));
	const present = averages.filter((value): value is number => value !== undefined);
	if (present.length === 0) {
		return ' '.repeat(width);
	}

	let low = Math.min(...present);
	let high = Math.max(...present);
	const minimumRange = Math.max(1, Math.abs(high) * (options.minimumRange ?? 0.01));
	if (high - low < minimumRange) {
		const middle = (high + low) / 2;
		low = middle - minimumRange / 2;
		high = middle + minimumRange / 2;
	}

	return averages
		.map((value) => (value === undefined ? ' ' : levels[Math.round(((value - low) / (high - low)) * (levels.length - 1))]))
		.join('');
};
