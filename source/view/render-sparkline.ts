// Sparklines (▁▂▃▄▅▆▇█) of a sampled series, fitted to a width, with the scale they are drawn on.
// Samples are grouped into cells by their absolute sample number, not by their position in the
// array, so as new samples arrive the picture scrolls left one whole cell at a time instead of
// shimmering as bucket edges move.

const levels = '▁▂▃▄▅▆▇█';

export type SparklineOptions = {
	/** Absolute number of the last sample (samples since boot); defaults to `values.length - 1`. */
	lastIndex?: number;
	/** Samples averaged into one cell. */
	samplesPerCell?: number;
	/**
	The smallest spread drawn from bottom to top, as a fraction of the largest value (1 % unless
	told): a series that moves less is drawn against zero instead, so it shows as its size
	rather than as noise blown up to full height.
	*/
	minimumRange?: number;
	/** A spread smaller than this is flat too, whatever the values (1024: under 1K for sizes in K). */
	minimumSpread?: number;
	/** Values the scale must reach besides the samples shown (the current value, newer than the last sample). */
	include?: readonly number[];
};

/** The cells, and the values the bottom (▁) and the top (█) stand for. */
export type Sparkline = {text: string; low: number; high: number};

/**
`width` columns; cells without samples (before the history begins) are spaces on the left. The
scale runs from the smallest to the largest cell shown, or from zero when the series is flat:
a constant 0 lies on the bottom, a constant 5 MiB is a full bar.
*/
export const renderSparkline = (values: readonly number[], width: number, options: SparklineOptions = {}): Sparkline => {
	if (width <= 0) {
		return {text: '', low: 0, high: 0};
	}

	const samplesPerCell = Math.max(1, Math.floor(options.samplesPerCell ?? 1));
	const lastIndex = options.lastIndex ?? values.length - 1;
	const lastCell = Math.floor(lastIndex / samplesPerCell);
	const firstCell = lastCell - width + 1;
	const sums = new Array<number>(width).fill(0);
	const counts = new Array<number>(width).fill(0);
	// The scale runs over the samples themselves, not the cells' averages, so it names the real
	// smallest and largest values of the stretch shown.
	let low = Number.POSITIVE_INFINITY;
	let high = Number.NEGATIVE_INFINITY;
	// Counted loops: hundreds of samples for each sparkline, every frame, mostly in V8's baseline
	// tier, where a callback per sample costs more than the sum.
	for (let position = 0; position < values.length; position++) {
		const value = values[position]!;
		const cell = Math.floor((lastIndex - (values.length - 1 - position)) / samplesPerCell) - firstCell;
		if (cell >= 0 && cell < width) {
			sums[cell]! += value;
			counts[cell]!++;
			low = Math.min(low, value);
			high = Math.max(high, value);
		}
	}

	if (low > high) {
		return {text: ' '.repeat(width), low: 0, high: 0};
	}

	for (const value of options.include ?? []) {
		low = Math.min(low, value);
		high = Math.max(high, value);
	}

	const spread = Math.max(Math.abs(high) * (options.minimumRange ?? 0.01), options.minimumSpread ?? 0);
	if (high - low < spread || high === low) {
		// Flat: against zero (the series are sizes and counts, never below it).
		low = Math.min(0, low);
		high = Math.max(0, high);
	}

	const level = (value: number): string =>
		high === low ? levels[0]! : levels[Math.round(((value - low) / (high - low)) * (levels.length - 1))]!;
	let text = '';
	for (let cell = 0; cell < width; cell++) {
		text += counts[cell]! > 0 ? level(sums[cell]! / counts[cell]!) : ' ';
	}

	return {text, low, high};
};
