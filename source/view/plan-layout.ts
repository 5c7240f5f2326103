// Which panels go where at a terminal size. The plan depends on the size only, never on the
// document: panels keep their place and height while the numbers in them change, so nothing
// jumps when a subheap arrives. The frame is one line shorter than the terminal (Ink redraws
// the whole screen when a frame reaches the terminal's height, which flickers).
//
//   full     ≥ 100×32: header; Kernel heap | Backup region; Subheaps with the lifecycle below;
//            Kernel log | Physical memory & slabs; two footer lines (120×40 is the reference).
//   compact  ≥ 60×16: header; Kernel heap with the backup on one line; Subheaps; then, as
//            height allows, the Kernel log and Physical memory & slabs; one footer line.
//   too small below 60×16: one message, and q still quits.
//
// Without a height (a text snapshot) every section takes its natural height.

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;
export const FULL_MIN_COLUMNS = 100;
export const FULL_MIN_ROWS = 32;

/** Kernel heap and Backup panels' height in the full layout: seven lines and the frame. */
export const TOP_ROW_HEIGHT = 9;
/** The compact Kernel heap panel: four SystemMonitor lines, the backup line and the frame. */
export const COMPACT_HEAP_HEIGHT = 7;
/** Dmesg screen lines and lifecycle events a text snapshot shows. */
export const TEXT_LOG_LINES = 24;
export const TEXT_LIFECYCLE_LINES = 12;

export type SubheapsPlan = {
	/** Panel height, frame included; undefined: natural. */
	height?: number;
	/** Subheap rows; undefined: all. */
	slots?: number;
	lifecycleLines: number;
};

export type DashboardPlan = {
	kind: 'full' | 'compact';
	columns: number;
	/** Frame height (terminal rows - 1); undefined for a text snapshot. */
	height?: number;
	/** Two in the full live layout; one in the compact one and in a text snapshot. */
	footerLines: 1 | 2;
	/** What a panic screen or the help overlay has between header and footer. */
	bodyHeight?: number;
	/** full: the widths of the left and right panels of the two rows. */
	leftWidth: number;
	rightWidth: number;
	subheaps: SubheapsPlan;
	/** Kernel log panel height (frame included); 0: not shown; undefined: natural. */
	logHeight?: number;
	/** full: the bottom row's height; compact: the Physical panel's (0: not shown). */
	bottomHeight?: number;
	physical: boolean;
};

export type LayoutPlan =
	| {kind: 'too-small'; need: {columns: number; rows: number}; have: {columns: number; rows: number}}
	| DashboardPlan;

const SUBHEAP_CHROME = 3; // frame and column header

const fullPlan = (columns: number, rows?: number): DashboardPlan => {
	const leftWidth = Math.floor(columns / 2);
	const base = {kind: 'full' as const, columns, footerLines: rows === undefined ? (1 as const) : (2 as const), leftWidth, rightWidth: columns - leftWidth, physical: true};
	if (rows === undefined) {
		return {...base, subheaps: {lifecycleLines: TEXT_LIFECYCLE_LINES}, logHeight: TEXT_LOG_LINES + 2};
	}

	const height = rows - 1;
	const middle = height - 1 - TOP_ROW_HEIGHT - 2;
	const bottomHeight = Math.max(9, Math.floor(middle * 0.45));
	const subheapsHeight = middle - bottomHeight;
	const lifecycleLines = Math.min(6, Math.max(2, Math.floor(middle / 8)));
	return {
		...base,
		height,
		bodyHeight: height - 1 - 2,
		subheaps: {height: subheapsHeight, slots: subheapsHeight - SUBHEAP_CHROME - 1 - lifecycleLines, lifecycleLines},
		logHeight: bottomHeight,
		bottomHeight,
	};
};

const compactPlan = (columns: number, rows?: number): DashboardPlan => {
	const base = {kind: 'compact' as const, columns, footerLines: 1 as const, leftWidth: columns, rightWidth: columns};
	if (rows === undefined) {
		return {...base, subheaps: {lifecycleLines: TEXT_LIFECYCLE_LINES / 2}, logHeight: TEXT_LOG_LINES / 2 + 2, physical: true};
	}

	const height = rows - 1;
	let rest = height - 1 - COMPACT_HEAP_HEIGHT - 1;
	// Physical memory only when tall: the heap, its subheaps and the log come first.
	const physical = rest >= 24;
	const bottomHeight = physical ? 10 : 0;
	rest -= bottomHeight;
	const subheapsHeight = rest >= 10 ? Math.min(16, Math.max(5, Math.ceil(rest * 0.6))) : rest;
	const lifecycleLines = subheapsHeight >= 12 ? 2 : subheapsHeight >= 8 ? 1 : 0;
	return {
		...base,
		height,
		bodyHeight: height - 1 - 1,
		subheaps: {height: subheapsHeight, slots: Math.max(1, subheapsHeight - SUBHEAP_CHROME - (lifecycleLines > 0 ? lifecycleLines + 1 : 0)), lifecycleLines},
		logHeight: rest - subheapsHeight,
		bottomHeight,
		physical,
	};
};

/** The plan for a terminal of `columns` × `rows` (rows undefined: a text snapshot, no minimum). */
export const planLayout = (columns: number, rows?: number): LayoutPlan => {
	if (rows !== undefined && (columns < MIN_COLUMNS || rows < MIN_ROWS)) {
		return {kind: 'too-small', need: {columns: MIN_COLUMNS, rows: MIN_ROWS}, have: {columns, rows}};
	}

	return columns >= FULL_MIN_COLUMNS && (rows === undefined || rows >= FULL_MIN_ROWS) ? fullPlan(columns, rows) : compactPlan(columns, rows);
};
