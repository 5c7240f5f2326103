// Utilization bars with eighth-block precision: a 24-column bar resolves 1/192. Filled and empty
// parts are different characters (█ and ░), so the bar reads the same without colour.

const partialBlocks = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

export type Bar = {filled: string; empty: string};

/**
A bar of exactly `width` columns for `fraction` (clamped to 0…1). Anything above zero shows at
least a sliver, and anything short of full leaves at least one eighth empty: the two states a
kernel developer cares most about are never rounded away.
*/
export const renderBar = (fraction: number, width: number): Bar => {
	if (width <= 0) {
		return {filled: '', empty: ''};
	}

	const clamped = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
	const total = width * 8;
	let eighths = Math.round(clamped * total);
	if (clamped > 0 && eighths === 0) {
		eighths = 1;
	} else if (clamped < 1 && eighths === total) {
		eighths = total - 1;
	}

	const full = Math.floor(eighths / 8);
	const partial = partialBlocks[eighths % 8]!;
	const filled = '█'.repeat(full) + partial;
	return {filled, empty: '░'.repeat(width - full - (partial === '' ? 0 : 1))};
};

/** The tone a level of use deserves: fine, getting full, nearly full. */
export const usageTone = (fraction: number): 'good' | 'warn' | 'bad' =>
	fraction >= 0.9 ? 'bad' : fraction >= 0.75 ? 'warn' : 'good';
