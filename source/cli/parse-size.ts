import {GiB, KiB, MiB} from '../kernel/constants.js';

const TiB = 1024 * GiB;

// Every unit is binary, with or without the `i`: RAM comes in powers of two, and reading `512MB`
// as 512,000,000 bytes would not even be a whole number of pages. `T` is here only so that
// `--ram 1T` says "too large" instead of "not a size".
const units: Record<string, number> = {'': 1, b: 1, k: KiB, m: MiB, g: GiB, t: TiB};

/**
Read a byte count: `16777216`, `65536K`, `512M`, `512MiB`, `512mb`, `1G`, `1.5G`, `4096B`.

@returns The bytes, or `null` when the text is not a size or names a fraction of a byte (`0.1K`). A size too large to count exactly comes back as `Infinity`, so callers report it as too large rather than malformed.
*/
export const parseSize = (text: string): number | null => {
	const match = /^(\d+)(?:\.(\d+))?(?:([kmgt])(?:i?b)?|b)?$/i.exec(text);
	if (!match) {
		return null;
	}

	const [, whole, rawFraction = '', unit = ''] = match;
	const multiplier = units[unit.toLowerCase()];
	if (multiplier === undefined) {
		return null;
	}

	// Work in integers (the digits without the point, times the unit) so `1.5G` is exact.
	const fraction = rawFraction.replace(/0+$/, '');
	const scale = 10 ** fraction.length;
	const scaledBytes = Number(whole + fraction) * multiplier;
	if (!Number.isSafeInteger(scaledBytes)) {
		return Number.POSITIVE_INFINITY;
	}

	return scaledBytes % scale === 0 ? scaledBytes / scale : null;
};

const suffixes: Array<[string, number]> = [['T', TiB], ['G', GiB], ['M', MiB], ['K', KiB]];

/** Write bytes in the largest unit that divides them exactly: `512M`, `1G`, `64K`, else plain bytes. */
export const formatSize = (bytes: number): string => {
	for (const [suffix, unit] of suffixes) {
		if (bytes !== 0 && bytes % unit === 0) {
			return `${bytes / unit}${suffix}`;
		}
	}

	return String(bytes);
};
