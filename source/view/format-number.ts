// Counts, rates and percentages in fixed, predictable shapes, so numbers can be right-aligned and
// a changing value does not change the width of what follows it.

/** `48,211`: thousands separated by commas, independent of the locale. */
export const formatCount = (value: number): string => {
	const sign = value < 0 ? '-' : '';
	const magnitude = Math.trunc(Math.abs(value));
	const digits = String(magnitude);
	// Below 1e21 a number's string is its digits alone: grouped by slices (ticks and counts on
	// every panel, every frame), where the pattern's lookahead is tried at every digit. Beyond
	// (1e+21, Infinity) or NaN, the pattern, which leaves what is not a run of digits as it is.
	if (!(magnitude < 1e21)) {
		return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	}

	const head = digits.length % 3 || 3;
	let text = digits.slice(0, head);
	for (let index = head; index < digits.length; index += 3) {
		text += `,${digits.slice(index, index + 3)}`;
	}

	return sign + text;
};

const suffixes: Array<[number, string]> = [
	[1e9, 'G'],
	[1e6, 'M'],
	[1e3, 'k'],
];

/** Three significant digits and a decimal suffix: `8.12k`, `45.3k`, `453k`, `1.20M`; small values `4.5`, `123`. */
export const formatCompactNumber = (value: number): string => {
	const magnitude = Math.abs(value);
	if (magnitude < 10) {
		return value.toFixed(magnitude === Math.trunc(magnitude) ? 0 : 1);
	}

	if (magnitude < 1000) {
		return String(Math.round(value));
	}

	for (const [size, suffix] of suffixes) {
		if (magnitude >= size * 0.9995) {
			const scaled = value / size;
			const digits = Math.abs(scaled) < 9.995 ? 2 : Math.abs(scaled) < 99.95 ? 1 : 0;
			return `${scaled.toFixed(digits)}${suffix}`;
		}
	}

	return String(Math.round(value));
};

/** `58.4%`; a heap that is not full never reads `100.0%` (the kernel cares about that last chunk). */
export const formatPercent = (fraction: number): string => {
	const percent = Math.min(1, Math.max(0, fraction)) * 100;
	const text = percent.toFixed(1);
	return `${text === '100.0' && percent < 100 ? '99.9' : text}%`;
};

/**
A tick rate in at most four columns: `5`, `100`, `2000`, `20k`, `500k`, `1M`, `1.5M`; below one a
second (`--rate 0.5`), `0.5`, and `<0.1` for less (it rounded to `0`, which reads as stopped).
*/
export const formatTickRate = (ticksPerSecond: number): string => {
	const value = Math.max(0, ticksPerSecond);
	if (value > 0 && value < 0.95) {
		return value < 0.05 ? '<0.1' : value.toFixed(1);
	}

	if (value < 9999.5) {
		return String(Math.round(value));
	}

	if (value < 999_500) {
		return `${Math.round(value / 1000)}k`;
	}

	const millions = value / 1e6;
	return `${Number.isInteger(Math.round(millions * 10) / 10) ? millions.toFixed(0) : millions.toFixed(1)}M`;
};

/** `1 run`, `12 runs`, `1,024 chunks`: a count in kmtop's number style with its noun. */
export const formatCountOf = (value: number, noun: string): string => `${formatCount(value)} ${value === 1 ? noun : `${noun}s`}`;
