// The frame of the Ink floor line (measure-ink-floor.ts): what a minimal Ink app draws, comparable
// to a kmtop frame at 120×40 (a framed block of coloured rows, ~16 of them new each refresh, as
// kmtop's defaults change about that many: ~4 KB written a frame). Pure, so a test pins it.

/** Rows inside the frame: the terminal's 40 less the frame's two and the row kmtop leaves free. */
export const FLOOR_ROWS = 37;
/** Rows whose figures move each frame, the first ones. */
export const FLOOR_CHANGED_ROWS = 16;

/** Row `row` of frame `frame`: a label and a figure, 116 columns (the frame's inside, less a margin). */
export const floorRow = (frame: number, row: number): {label: string; figure: string} => {
	const value = row < FLOOR_CHANGED_ROWS ? frame * 7919 + row * 104_729 : row * 104_729;
	const label = `row ${String(row).padStart(2)} `;
	const figure = `${String(value).padStart(12)} bytes ${'#'.repeat(value % 41)}`.padEnd(116 - label.length);
	return {label, figure};
};
