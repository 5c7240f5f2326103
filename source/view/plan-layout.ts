// Which panels go where at a terminal size. The plan depends on the size and on whether the run
// replays a trace (fixed for a run), never on the document: panels keep their place and height
// while the numbers in them change, so nothing jumps when a subheap arrives. The frame is one
// line shorter than the terminal (Ink redraws the whole screen when a frame reaches the
// terminal's height, which flickers).
//
//   full     ≥ 100×32: header; Kernel heap | Backup region; Subheaps with the lifecycle below;
//            Kernel log | Physical memory & slabs; two footer lines (120×40 is the reference).
//            A trace replay takes Physical memory's place (a replay only calls kmalloc and
//            kfree, so physical memory and the slabs hardly move), and the bottom row grows to
//            show its call sites while the subheaps keep a few rows.
//   compact  ≥ 60×16: header; Kernel heap with the backup on one line (and a trace replay's
//            line below it); Subheaps; then, as height allows, the Kernel log and Physical
//            memory & slabs (or the Trace replay panel); one footer line.
//   too small below 60×16: one message, and q still quits.
//
// Without a height (a text snapshot) every section takes its natural height, and a trace replay
// is a section of its own below the others.

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;
export const FULL_MIN_COLUMNS = 100;
export const FULL_MIN_ROWS = 32;

/** Kernel heap and Backup panels' height in the full layout: seven lines and the frame. */
export const TOP_ROW_HEIGHT = 9;
/** The compact Kernel heap panel: four SystemMonitor lines, the backup line and the frame. */
export const COMPACT_HEAP_HEIGHT = 7;
/** The Trace replay panel's natural height: six lines of figures, five call sites, the frame. */
export const TRACE_PANEL_HEIGHT = 14;
/** The compact Trace replay panel: the figures and three call sites. */
export const COMPACT_TRACE_HEIGHT = 12;
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
	/** full: the bottom row's height; compact: the Physical (or Trace) panel's (0: not shown). */
	bottomHeight?: number;
	physical: boolean;
	/** The Kernel heap panel's height, frame included. */
	heapHeight: number;
	/**
	Where a trace replay shows: not at all (no trace), in Physical memory's place (live), or as a
	section of its own below the panels (a text snapshot).
	*/
	trace: 'none' | 'bottom' | 'section';
	/** compact, live: the Kernel heap panel carries the trace replay's line. */
	traceLine: boolean;
};

export type LayoutPlan =
	| {kind: 'too-small'; need: {columns: number; rows: number}; have: {columns: number; rows: number}}
	| DashboardPlan;

const SUBHEAP_CHROME = 3; // frame and column header
/** Full layout with a trace: the Subheaps panel keeps three rows, a divider and two lifecycle lines. */
const MIN_SUBHEAPS_HEIGHT = 9;

const fullPlan = (columns: number, rows: number | undefined, trace: boolean): DashboardPlan => {
	const leftWidth = Math.floor(columns / 2);
	const base = {
		kind: 'full' as const,
		columns,
		footerLines: rows === undefined ? (1 as const) : (2 as const),
		leftWidth,
		rightWidth: columns - leftWidth,
		heapHeight: TOP_ROW_HEIGHT,
		traceLine: false,
	};
	if (rows === undefined) {
		return {...base, subheaps: {lifecycleLines: TEXT_LIFECYCLE_LINES}, logHeight: TEXT_LOG_LINES + 2, physical: true, trace: trace ? 'section' : 'none'};
	}

	const height = rows - 1;
	const middle = height - 1 - TOP_ROW_HEIGHT - 2;
	const share = Math.max(9, Math.floor(middle * 0.45));
	const bottomHeight = trace ? Math.max(share, Math.min(TRACE_PANEL_HEIGHT, middle - MIN_SUBHEAPS_HEIGHT)) : share;
	const subheapsHeight = middle - bottomHeight;
	const lifecycleLines = Math.min(6, Math.max(2, Math.floor(middle / 8)));
	return {
		...base,
		height,
		bodyHeight: height - 1 - 2,
		subheaps: {height: subheapsHeight, slots: subheapsHeight - SUBHEAP_CHROME - 1 - lifecycleLines, lifecycleLines},
		logHeight: bottomHeight,
		bottomHeight,
		physical: !trace,
		trace: trace ? 'bottom' : 'none',
	};
};

const compactPlan = (columns: number, rows: number | undefined, trace: boolean): DashboardPlan => {
	const base = {kind: 'compact' as const, columns, footerLines: 1 as const, leftWidth: columns, rightWidth: columns};
	if (rows === undefined) {
		return {
			...base,
			subheaps: {lifecycleLines: TEXT_LIFECYCLE_LINES / 2},
			logHeight: TEXT_LOG_LINES / 2 + 2,
			physical: true,
			heapHeight: COMPACT_HEAP_HEIGHT,
			trace: trace ? 'section' : 'none',
			traceLine: false,
		};
	}

	const height = rows - 1;
	const heapHeight = COMPACT_HEAP_HEIGHT + (trace ? 1 : 0);
	let rest = height - 1 - heapHeight - 1;
	// Physical memory (or the trace's panel) only when tall: the heap, its subheaps and the log come first.
	const tall = rest >= 24;
	const bottomHeight = tall ? (trace ? COMPACT_TRACE_HEIGHT : 10) : 0;
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
		physical: tall && !trace,
		heapHeight,
		trace: tall && trace ? 'bottom' : 'none',
		traceLine: trace,
	};
};

/**
The plan for a terminal of `columns` × `rows` (rows undefined: a text snapshot, no minimum);
`trace` when the run replays a trace, whether or not it is the workload running right now.
*/
export const planLayout = (columns: number, rows?: number, trace = false): LayoutPlan => {
	if (rows !== undefined && (columns < MIN_COLUMNS || rows < MIN_ROWS)) {
		return {kind: 'too-small', need: {columns: MIN_COLUMNS, rows: MIN_ROWS}, have: {columns, rows}};
	}

	return columns >= FULL_MIN_COLUMNS && (rows === undefined || rows >= FULL_MIN_ROWS) ? fullPlan(columns, rows, trace) : compactPlan(columns, rows, trace);
};
