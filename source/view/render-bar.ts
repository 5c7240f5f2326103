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

export type ProgressBar = {done: string; passed: string; rest: string};

/**
A progress bar of exactly `width` whole cells for work in three parts: `█` done, `▒` passed over
(read but not done), `░` still to come; `done` ≤ `passed` are fractions of the whole. As with
renderBar, a start is never rounded away, nor is the last cell to come; passing over something
shows at least one `▒` when the bar has room for it.
*/
export const renderProgressBar = (done: number, passed: number, width: number): ProgressBar => {
	if (width <= 0) {
		return {done: '', passed: '', rest: ''};
	}

	const clamp = (fraction: number) => (Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0);
	const through = clamp(passed);
	const finished = Math.min(clamp(done), through);
	let cells = Math.round(through * width);
	cells = Math.min(through < 1 ? width - 1 : width, Math.max(through > 0 ? 1 : 0, cells));
	let doneCells = Math.round(finished * width);
	doneCells = Math.min(cells - (finished < through && cells > 1 ? 1 : 0), doneCells);
	doneCells = Math.max(finished > 0 ? 1 : 0, doneCells);
	cells = Math.max(cells, doneCells);
	return {done: '█'.repeat(doneCells), passed: '▒'.repeat(cells - doneCells), rest: '░'.repeat(width - cells)};
};
