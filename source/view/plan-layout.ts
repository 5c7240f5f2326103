// Which panels go where at a terminal size, as a tree of rows and columns of panels.
//
// Every panel but one gets the height its content needs: the Kernel heap and the Backup region
// their seven lines, Physical memory & slabs its lines (and `/proc/memstat` with rows to spare),
// the Subheaps panel its table and lifecycle up to a share of the screen. The Kernel log, which
// always has older lines to show, takes the rest. So no panel sits half empty while another has
// more to show, and spare rows and columns go where they are useful as the terminal grows.
//
// The plan depends on the size, on whether the run replays a trace (fixed for a run) and on how
// many subheaps and lifecycle events there are: while those fit, the Subheaps panel grows with
// them; once it reaches its share, it stays put and its lifecycle gives way to new rows instead.
// The frame is one line shorter than the terminal (Ink redraws the whole screen when a frame
// reaches the terminal's height).
//
//   full     ≥ 100×32: header; Kernel heap | Backup region; Subheaps (its lifecycle beside the
//            table from 180 columns); a trace replay's figures and call sites; Kernel log |
//            Physical memory & slabs; two footer lines (120×40 is the reference). From 160
//            columns Physical memory & slabs moves up beside the Backup region and the log
//            has the whole width.
//            With a holders table, the Holders panel when rows allow: beside the log from 160
//            columns, else across the screen above the log and Physical memory & slabs, up to
//            HOLDERS_MAX_HEIGHT rows, where Physical memory & slabs keeps its height below it.
//   compact  ≥ 60×16: header; Kernel heap with the backup on one line (and a trace replay's,
//            and Physical memory & slabs' when they have no panel); Subheaps; Physical memory &
//            slabs beside the log from 100 columns, above it when tall; the Kernel log; one
//            footer line.
//   too small below 60×16: one message, and q still quits.
//
// Without a height (a text snapshot) every panel takes its natural height, the full layout from
// 100 columns, and a trace replay is a section of its own below the others.

import type {DashboardPlan, LayoutContent, LayoutNode, LayoutPlan, PanelPlan, StackPlan} from './layout-types.js';

export type {DashboardPlan, LayoutContent, LayoutNode, LayoutPlan, PanelPlan, StackPlan} from './layout-types.js';

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;
export const FULL_MIN_COLUMNS = 100;
export const FULL_MIN_ROWS = 32;
/** From here Physical memory & slabs joins the Kernel heap and the Backup region in the top row. */
export const WIDE_MIN_COLUMNS = 160;
/** From here the Subheaps panel has its lifecycle beside the table. */
export const SIDE_LIFECYCLE_MIN_COLUMNS = 180;

/** Kernel heap and Backup panels' height in the full layout: seven lines and the frame. */
export const TOP_ROW_HEIGHT = 9;
/** The top row with Physical memory & slabs in it: its SystemMonitor lines, regions and slabs. */
export const WIDE_TOP_ROW_HEIGHT = 10;
/** The compact Kernel heap panel: four SystemMonitor lines, the backup line and the frame. */
export const COMPACT_HEAP_HEIGHT = 7;
/** Physical memory & slabs: three SystemMonitor lines, user pages, regions, four slabs, the frame. */
export const PHYSICAL_HEIGHT = 11;
/** The Trace replay panel at full width: its figures beside its five call sites, the frame. */
export const TRACE_ROW_HEIGHT = 8;
/** The Trace replay panel in a column: six lines of figures, five call sites, the frame. */
export const TRACE_PANEL_HEIGHT = 14;
/** Dmesg screen lines and lifecycle events a text snapshot shows. */
export const TEXT_LOG_LINES = 24;
export const TEXT_LIFECYCLE_LINES = 12;

/** The least a Subheaps panel is given: the header, a few rows, the frame. */
const MIN_SUBHEAPS_HEIGHT = 5;
/** The least a Kernel log is given: two lines and the frame. */
const MIN_LOG_HEIGHT = 4;
/**
The most of the rows below the top the Subheaps panel takes, so the log keeps its share (half
when the lifecycle is beside the table: the two lists are side by side there already).
*/
const SUBHEAPS_SHARE = {below: 0.6, beside: 0.5};
/** Physical memory & slabs' width: its lines are about 57 columns. */
const PHYSICAL_WIDTH = 62;
/** The Holders panel: its header, three holders and the total, and the frame at least; at most a dozen holders. */
export const HOLDERS_MIN_HEIGHT = 7;
export const HOLDERS_MAX_HEIGHT = 16;
/** Beside the log (from 160 columns): about 45% of the width, within what its table uses. */
const holdersWidth = (columns: number): number => clamp(Math.floor(columns * 0.45), 70, 96);
/** The holders table's columns beside the names (without its rates), and the frame. */
const HOLDERS_FIXED_WIDTH = 30 + 4;
/** Whether a Holders panel `width` wide shows every name whole. */
const namesFit = (content: LayoutContent, width: number): boolean => (content.holderNameWidth ?? 0) + 1 <= width - HOLDERS_FIXED_WIDTH;

const row = (...children: Array<LayoutNode | false>): StackPlan => ({stack: 'row', children: children.filter((child): child is LayoutNode => child !== false)});
const column = (...children: Array<LayoutNode | false>): StackPlan => ({
	stack: 'column',
	children: children.filter((child): child is LayoutNode => child !== false),
});

const clamp = (value: number, low: number, high: number): number => Math.max(low, Math.min(high, value));

/**
The Subheaps panel's natural height: the header, a row a subheap, the total, and the lifecycle
(its divider and events, or `no events yet`) below or beside the table; and the frame.
*/
export const subheapsNaturalHeight = (content: LayoutContent, lifecycle: 'below' | 'beside'): number => {
	if (content.subheaps === undefined) {
		return Number.POSITIVE_INFINITY;
	}

	const table = 1 + content.subheaps + 1;
	const events = 1 + Math.max(1, content.lifecycleEvents ?? 0);
	return (lifecycle === 'beside' ? Math.max(table, events) : table + events) + 2;
};

const textPlan = (columns: number, trace: boolean): DashboardPlan => {
	const half = Math.floor(columns / 2);
	const traceSection = trace && ({panel: 'trace', width: columns} as const);
	if (columns < FULL_MIN_COLUMNS) {
		return {
			kind: 'compact',
			columns,
			footerLines: 1,
			body: column(
				{panel: 'kernel-heap', width: columns, height: COMPACT_HEAP_HEIGHT, compact: true, traceLine: false, physicalLine: false},
				{panel: 'subheaps', width: columns, lifecycle: 'below', lifecycleLines: TEXT_LIFECYCLE_LINES / 2},
				{panel: 'kernel-log', width: columns, lines: TEXT_LOG_LINES / 2},
				{panel: 'physical', width: columns},
				traceSection,
			),
		};
	}

	return {
		kind: 'full',
		columns,
		footerLines: 1,
		body: column(
			row({panel: 'kernel-heap', width: half, height: TOP_ROW_HEIGHT, compact: false, traceLine: false, physicalLine: false}, {panel: 'backup', width: columns - half, height: TOP_ROW_HEIGHT}),
			{panel: 'subheaps', width: columns, lifecycle: 'below', lifecycleLines: TEXT_LIFECYCLE_LINES},
			row({panel: 'kernel-log', width: half, lines: TEXT_LOG_LINES}, {panel: 'physical', width: columns - half}),
			traceSection,
		),
	};
};

/**
The Subheaps panel's height in `rows` that it shares with the log (and what is beside the log,
`below` rows at least): its natural height, up to its share, or more when the log is short of
lines to fill the rest.
*/
const subheapsHeight = (content: LayoutContent, lifecycle: 'below' | 'beside', rows: number, below: number): number => {
	const logWants = content.logLines === undefined ? Number.POSITIVE_INFINITY : content.logLines + 2;
	const cap = Math.min(rows - below, Math.max(Math.floor(rows * SUBHEAPS_SHARE[lifecycle]), rows - logWants));
	return clamp(subheapsNaturalHeight(content, lifecycle), MIN_SUBHEAPS_HEIGHT, Math.max(MIN_SUBHEAPS_HEIGHT, cap));
};

/**
≥ 100×32: Kernel heap | Backup; Subheaps; (Trace replay); Kernel log | Physical memory. From 160
columns Physical memory joins the top row and the log has the whole width below.
*/
const fullPlan = (columns: number, body: number, content: LayoutContent): StackPlan => {
	const trace = content.trace ?? false;
	const lifecycle = columns >= SIDE_LIFECYCLE_MIN_COLUMNS ? 'beside' : 'below';
	if (columns >= WIDE_MIN_COLUMNS) {
		const third = Math.floor(columns / 3);
		const middle = body - WIDE_TOP_ROW_HEIGHT - (trace ? TRACE_ROW_HEIGHT : 0);
		const subheaps = subheapsHeight(content, lifecycle, middle, MIN_LOG_HEIGHT);
		const logRow = middle - subheaps;
		// Beside the log, as tall as it: only with the holders to fill it, their names whole.
		const holders =
			content.holders !== undefined && logRow >= HOLDERS_MIN_HEIGHT && content.holders + 4 >= logRow && namesFit(content, holdersWidth(columns)) && holdersWidth(columns);
		return column(
			row(
				{panel: 'kernel-heap', width: columns - 2 * third, height: WIDE_TOP_ROW_HEIGHT, compact: false, traceLine: false, physicalLine: false},
				{panel: 'backup', width: third, height: WIDE_TOP_ROW_HEIGHT},
				{panel: 'physical', width: third, height: WIDE_TOP_ROW_HEIGHT},
			),
			{panel: 'subheaps', width: columns, height: subheaps, lifecycle},
			trace && {panel: 'trace', width: columns, height: TRACE_ROW_HEIGHT},
			holders
				? row({panel: 'kernel-log', width: columns - holders, height: logRow}, {panel: 'holders', width: holders, height: logRow})
				: {panel: 'kernel-log', width: columns, height: logRow},
		);
	}

	const half = Math.floor(columns / 2);
	const middle = body - TOP_ROW_HEIGHT - (trace ? TRACE_ROW_HEIGHT : 0);
	const subheaps = subheapsHeight(content, lifecycle, middle, PHYSICAL_HEIGHT);
	const physicalWidth = Math.min(columns - half, PHYSICAL_WIDTH);
	// The Holders panel across the screen where the log and Physical memory & slabs keep their height below it.
	const spare = middle - subheaps - PHYSICAL_HEIGHT;
	const holders =
		content.holders === undefined || spare < HOLDERS_MIN_HEIGHT || content.holders + 4 < HOLDERS_MIN_HEIGHT || !namesFit(content, columns)
			? 0
			: Math.min(spare, HOLDERS_MAX_HEIGHT, content.holders + 4);
	const bottom = middle - subheaps - holders;
	return column(
		row({panel: 'kernel-heap', width: half, height: TOP_ROW_HEIGHT, compact: false, traceLine: false, physicalLine: false}, {panel: 'backup', width: columns - half, height: TOP_ROW_HEIGHT}),
		{panel: 'subheaps', width: columns, height: subheaps, lifecycle},
		trace && {panel: 'trace', width: columns, height: TRACE_ROW_HEIGHT},
		holders > 0 && {panel: 'holders', width: columns, height: holders},
		row({panel: 'kernel-log', width: columns - physicalWidth, height: bottom}, {panel: 'physical', width: physicalWidth, height: bottom}),
	);
};

/** ≥ 60×16: the essentials stacked at full width; Physical memory as a panel where it fits, else as a line. */
const compactPlan = (columns: number, body: number, content: LayoutContent): StackPlan => {
	const trace = content.trace ?? false;
	const heap = (physicalLine: boolean): Extract<PanelPlan, {panel: 'kernel-heap'}> => ({
		panel: 'kernel-heap',
		width: columns,
		height: COMPACT_HEAP_HEIGHT + (trace ? 1 : 0) + (physicalLine ? 1 : 0),
		compact: true,
		traceLine: trace,
		physicalLine,
	});
	const rest = body - heap(false).height;
	// From 100 columns: Physical memory & slabs beside the log, the subheaps above them (and a
	// trace's panel between, when there is room for it too).
	if (columns >= FULL_MIN_COLUMNS && rest >= MIN_SUBHEAPS_HEIGHT + 2 + PHYSICAL_HEIGHT) {
		const withTrace = trace && rest >= MIN_SUBHEAPS_HEIGHT + 2 + PHYSICAL_HEIGHT + TRACE_ROW_HEIGHT;
		const middle = rest - (withTrace ? TRACE_ROW_HEIGHT : 0);
		const subheaps = subheapsHeight(content, 'below', middle, PHYSICAL_HEIGHT);
		const physicalWidth = Math.min(columns - Math.floor(columns / 2), PHYSICAL_WIDTH);
		return column(
			heap(false),
			{panel: 'subheaps', width: columns, height: subheaps, lifecycle: 'below'},
			withTrace && {panel: 'trace', width: columns, height: TRACE_ROW_HEIGHT},
			row({panel: 'kernel-log', width: columns - physicalWidth, height: middle - subheaps}, {panel: 'physical', width: physicalWidth, height: middle - subheaps}),
		);
	}

	// Tall: Physical memory & slabs (and a trace's panel) between the subheaps and the log.
	const fixed = PHYSICAL_HEIGHT + (trace ? TRACE_PANEL_HEIGHT : 0);
	if (rest >= fixed + 2 * MIN_SUBHEAPS_HEIGHT + MIN_LOG_HEIGHT) {
		const subheaps = subheapsHeight(content, 'below', rest - fixed, MIN_LOG_HEIGHT);
		return column(
			heap(false),
			{panel: 'subheaps', width: columns, height: subheaps, lifecycle: 'below'},
			{panel: 'physical', width: columns, height: PHYSICAL_HEIGHT},
			trace && {panel: 'trace', width: columns, height: TRACE_PANEL_HEIGHT},
			{panel: 'kernel-log', width: columns, height: rest - fixed - subheaps},
		);
	}

	// Short: Physical memory & slabs as one line of the Kernel heap panel (the subheaps keep a few
	// rows); the log when there is room for two lines of it.
	const physicalLine = rest - 1 >= MIN_SUBHEAPS_HEIGHT;
	const left = rest - (physicalLine ? 1 : 0);
	if (left < MIN_SUBHEAPS_HEIGHT + MIN_LOG_HEIGHT) {
		return column(heap(physicalLine), {panel: 'subheaps', width: columns, height: left, lifecycle: 'below'});
	}

	const subheaps = subheapsHeight(content, 'below', left, MIN_LOG_HEIGHT);
	return column(heap(physicalLine), {panel: 'subheaps', width: columns, height: subheaps, lifecycle: 'below'}, {panel: 'kernel-log', width: columns, height: left - subheaps});
};

/**
The plan for a terminal of `columns` × `rows` (rows undefined: a text snapshot, no minimum), for
a document with `content`.
*/
export const planLayout = (columns: number, rows?: number, content: LayoutContent = {}): LayoutPlan => {
	if (rows === undefined) {
		return textPlan(columns, content.trace ?? false);
	}

	if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
		return {kind: 'too-small', need: {columns: MIN_COLUMNS, rows: MIN_ROWS}, have: {columns, rows}};
	}

	const height = rows - 1;
	if (columns >= FULL_MIN_COLUMNS && rows >= FULL_MIN_ROWS) {
		const bodyHeight = height - 1 - 2;
		return {kind: 'full', columns, height, footerLines: 2, bodyHeight, body: fullPlan(columns, bodyHeight, content)};
	}

	const bodyHeight = height - 1 - 1;
	return {kind: 'compact', columns, height, footerLines: 1, bodyHeight, body: compactPlan(columns, bodyHeight, content)};
};
