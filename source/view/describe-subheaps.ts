// The Subheaps panel: the table of linked subheaps and their total (describe-subheap-table.ts),
// then the lifecycle below a divider, or beside the table on a wide screen.

import type {SnapshotDocument, SnapshotEvent} from '../engine/snapshot-types.js';
import {describeLifecycleList, fateWords} from './describe-lifecycle.js';
import {describeSubheapRows, fullTableWidth, lineIds, subheapHeader, subheapTotalRow, type SubheapSelection} from './describe-subheap-table.js';
import {formatKernelAddress, formatSize} from './format-bytes.js';
import {ruleLine} from './frame-panel.js';
import {formatCount} from './format-number.js';
import {RETIRED_SUBHEAPS_KEPT} from '../kernel/subheap-book.js';
import type {ListView} from './scroll-list.js';
import {newestLifecycleEvents} from './select-events.js';
import {fitLine, padStart, segment, type StyledLine} from './styled-line.js';
import type {ViewFacts} from './view-facts.js';

/**
The panel title's count: `4 linked` (and the retired ones kept). The document keeps the last 64
retired (snapshot.md): a full list says `last 64 retired`, not a count of every one.
*/
export const subheapTitle = (document: SnapshotDocument): string => {
	const retired = document.retiredSubheaps.length;
	const count = retired >= RETIRED_SUBHEAPS_KEPT ? `last ${retired}` : String(retired);
	return `Subheaps  ${document.subheaps.length} linked${retired > 0 ? `, ${count} retired` : ''}`;
};

/** Lifecycle events a tall panel keeps below the table, however many subheaps there are. */
const LIFECYCLE_MIN = 2;
/** The lifecycle beside the table: `  │  ` between them. */
const BESIDE_GAP = 3;

/** How the live view looks at the panel: the table's selection, the lifecycle as a list, which of the two has the focus. */
export type SubheapsExplore = {
	selection?: SubheapSelection;
	/** The lifecycle's events in the order shown (newest first): the document's, filtered, or held. */
	events?: readonly SnapshotEvent[];
	lifecycleView?: ListView;
	/** The divider's words (`lifecycle`, `lifecycle: subheap-removed · held`). */
	lifecycleLabel?: string;
	/** Said when there is no event to list (`no events yet`, `no subheap-removed events`). */
	emptyText?: string;
	focus?: 'subheaps' | 'lifecycle';
};

export type SubheapsPanelOptions = {height?: number; lifecycle: 'below' | 'beside'; lifecycleLines?: number; explore?: SubheapsExplore};

/** Where the lifecycle's list is inside the panel's content (below its divider). */
export type LifecycleArea = {line: number; column: number; width: number; lines: number};

export type SubheapsPanelLayout = {
	lines: StyledLine[];
	/** The subheap on each content line of the table (undefined elsewhere), for clicks. */
	rowIds: Array<number | undefined>;
	/** The table's width (the whole width unless the lifecycle is beside it). */
	tableWidth: number;
	/** Lines the table's rows have (all rows when undefined), so the keys can scroll by a page. */
	slots?: number;
	lifecycle?: LifecycleArea & {rowItems: Array<number | undefined>; top: number};
};

type LifecycleSection = {lines: StyledLine[]; rowItems: Array<number | undefined>; top: number};

const sameEvents = (a: readonly SnapshotEvent[], b: readonly SnapshotEvent[]): boolean =>
	a === b || (a.length === b.length && a.every((event, index) => event.tick === b[index]!.tick && event.kind === b[index]!.kind && event.message === b[index]!.message));

const sameView = (a: ListView | undefined, b: ListView | undefined): boolean => a === b || (a?.top === b?.top && a?.cursor === b?.cursor && a?.query === b?.query);

/** What a lifecycle section is made from: its events and what it reads beside them. */
type LifecycleInputs = {events: readonly SnapshotEvent[]; retired: SnapshotDocument['retiredSubheaps']; width: number; count: number | undefined; explore: SubheapsExplore};

/** The retired subheaps as the events' lines read them (a removal's fate, a recycled backup's id). */
const sameRetired = (a: SnapshotDocument['retiredSubheaps'], b: SnapshotDocument['retiredSubheaps']): boolean =>
	a === b
	|| (a.length === b.length
		&& a.every((record, index) => {
			const other = b[index]!;
			return record.id === other.id && record.base === other.base && record.fate === other.fate && record.removedAtTick === other.removedAtTick;
		}));

const sameInputs = (a: LifecycleInputs, b: LifecycleInputs): boolean =>
	a.width === b.width
	&& a.count === b.count
	&& sameRetired(a.retired, b.retired)
	&& a.explore.lifecycleLabel === b.explore.lifecycleLabel
	&& a.explore.emptyText === b.explore.emptyText
	&& a.explore.focus === b.explore.focus
	&& sameView(a.explore.lifecycleView, b.explore.lifecycleView)
	&& sameEvents(a.events, b.events);

// The section drawn last: its events change a few times a minute, the document four times a second
// (region events, which it does not show, arrive with every refresh), so the events are compared,
// not laid out and wrapped again (issue #14).
let lastLifecycle: {inputs: LifecycleInputs; section: LifecycleSection} | undefined;

/** The divider and the events that fit in `count` more lines (all when undefined). */
const lifecycleSection = (document: SnapshotDocument, width: number, count: number | undefined, explore: SubheapsExplore = {}): LifecycleSection => {
	const inputs = {events: explore.events ?? newestLifecycleEvents(document.events), retired: document.retiredSubheaps, width, count, explore};
	if (lastLifecycle && sameInputs(lastLifecycle.inputs, inputs)) {
		return lastLifecycle.section;
	}

	const section = layoutLifecycleSection(document, inputs.events, width, count, explore);
	lastLifecycle = {inputs, section};
	return section;
};

const layoutLifecycleSection = (document: SnapshotDocument, events: readonly SnapshotEvent[], width: number, count: number | undefined, explore: SubheapsExplore): LifecycleSection => {
	const label = explore.lifecycleLabel ?? 'lifecycle';
	const divider = ruleLine(label, width, explore.focus === 'lifecycle' ? 'accent' : 'dim');
	if (events.length === 0) {
		return {lines: [divider, fitLine([segment(`  ${explore.emptyText ?? 'no events yet'}`, 'dim')], width)], rowItems: [undefined], top: 0};
	}

	const list = describeLifecycleList(events, document, width, count ?? Number.POSITIVE_INFINITY, explore.lifecycleView);
	// As long as its events, no blank lines after them (the frame pads the panel).
	const used = list.rowItems.filter((item) => item !== undefined).length;
	return {lines: [divider, ...list.lines.slice(0, used)], rowItems: list.rowItems.slice(0, used), top: list.top};
};

/** The table: header, rows (as many as `height` allows, all without one), total; and the rows' slots. */
const tableSection = (document: SnapshotDocument, facts: ViewFacts, width: number, height: number | undefined, selection?: SubheapSelection) => {
	const total = height === undefined || height >= 5 ? 1 : 0;
	const slots = height === undefined ? undefined : Math.max(0, height - 1 - total);
	const rows = describeSubheapRows(document, facts, width, slots, selection);
	const lines = [subheapHeader(document, width), ...rows, ...(total > 0 ? [subheapTotalRow(document, width)] : [])];
	// Which subheap each line shows: the rows are in the document's order from the window's top
	// (or the first ones), the summary line none.
	const shownIds = lineIds(document, slots, selection);
	return {lines, rowIds: [undefined, ...shownIds.slice(0, rows.length), ...(total > 0 ? [undefined] : [])], slots};
};

/**
`#15  V0xc2d44000  2056K  t12,515 → t16,631  freed`: the subheaps removed lately (newest first),
their memory as the kernel log gave it and what became of it, for the rows under a short table.
*/
const retiredLines = (document: SnapshotDocument, width: number, rows: number): StyledLine[] => {
	const retired = document.retiredSubheaps.slice(-Math.max(0, rows - 1)).reverse();
	if (rows < 2 || retired.length === 0) {
		return [];
	}

	const id = Math.max(...retired.map((record) => String(record.id).length)) + 1;
	return [
		ruleLine('retired', width),
		...retired.map((record) =>
			fitLine(
				[
					segment(` ${padStart(`#${record.id}`, id)}  `, 'bold'),
					segment(formatKernelAddress(record.base)),
					segment(`  ${padStart(formatSize(record.memoryBytes), 6)}  `),
					segment(`t${formatCount(record.addedAtTick)} → t${formatCount(record.removedAtTick)}`, 'dim'),
					segment(`  ${fateWords[record.fate] ?? record.fate}`),
				],
				width,
			),
		),
	];
};

/**
The panel's lines: the table (header, rows, total) and the lifecycle, newest first, below a
divider or beside the table. With a `height` the lifecycle takes every line the rows leave (below
a tall table at least two, the rows giving way for them), so the panel is never half empty while
there are events to show; beside it, the subheaps removed lately fill the rows under a short
table. Without a height, every row and the newest events that fit in `lifecycleLines` lines. A
short panel is the table's alone. Also where each row and event is, for the mouse and the keys.
*/
export const layoutSubheapsPanel = (document: SnapshotDocument, facts: ViewFacts, width: number, options: SubheapsPanelOptions): SubheapsPanelLayout => {
	const {height, explore} = options;
	const selection = explore?.selection;
	if (options.lifecycle === 'beside') {
		const tableWidth = Math.min(fullTableWidth(document), width - BESIDE_GAP - 40);
		const eventsWidth = width - tableWidth - BESIDE_GAP;
		const table = tableSection(document, facts, tableWidth, height, selection);
		// Under a short table, after a blank line, the subheaps removed lately.
		const retired = height === undefined ? [] : retiredLines(document, tableWidth, height - table.lines.length - 1);
		const left = retired.length > 0 ? [...table.lines, [], ...retired] : table.lines;
		const events = lifecycleSection(document, eventsWidth, height === undefined ? options.lifecycleLines : Math.max(1, height - 1), explore);
		const count = height ?? Math.max(left.length, events.lines.length);
		return {
			lines: Array.from({length: count}, (_, index) =>
				fitLine([...fitLine(left[index] ?? [], tableWidth), segment(' │ ', 'dim'), ...(events.lines[index] ?? [])], width),
			),
			rowIds: table.rowIds,
			tableWidth,
			slots: table.slots,
			lifecycle: {line: 1, column: tableWidth + BESIDE_GAP, width: eventsWidth, lines: Math.max(1, count - 1), rowItems: events.rowItems, top: events.top},
		};
	}

	if (height === undefined) {
		const table = tableSection(document, facts, width, undefined, selection);
		const events = lifecycleSection(document, width, options.lifecycleLines, explore);
		return {
			lines: [...table.lines, ...events.lines],
			rowIds: table.rowIds,
			tableWidth: width,
			lifecycle: {line: table.lines.length + 1, column: 0, width, lines: events.rowItems.length, rowItems: events.rowItems, top: events.top},
		};
	}

	const reserve = height >= 9 ? 1 + LIFECYCLE_MIN : 0;
	const table = tableSection(document, facts, width, height - reserve, selection);
	const left = height - table.lines.length;
	if (left < 2) {
		return {lines: table.lines.slice(0, height), rowIds: table.rowIds, tableWidth: width, slots: table.slots};
	}

	const events = lifecycleSection(document, width, left - 1, explore);
	return {
		lines: [...table.lines, ...events.lines].slice(0, height),
		rowIds: table.rowIds,
		tableWidth: width,
		slots: table.slots,
		lifecycle: {line: table.lines.length + 1, column: 0, width, lines: left - 1, rowItems: events.rowItems, top: events.top},
	};
};

/** The panel's lines (layoutSubheapsPanel's, for a panel nobody moves in). */
export const describeSubheapsPanel = (document: SnapshotDocument, facts: ViewFacts, width: number, options: SubheapsPanelOptions): StyledLine[] =>
	layoutSubheapsPanel(document, facts, width, options).lines;
