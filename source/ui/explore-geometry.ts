// Where things are on the live screen, worked out the way the screen draws them (the same plan,
// the same pure layouts): which panels are where, how many lines each list shows and how tall
// each item is, where the chunk map sits. The keys need it to move by a page and keep a cursor in
// view; the mouse needs it to know what was clicked.

import type {SubheapDocument} from '../engine/build-subheap-document.js';
import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {firstSubheapThatFits, willItFit, type FitAnswer} from '../engine/will-it-fit.js';
import {logItemLines} from '../view/describe-kernel-log.js';
import {lifecycleItemLines} from '../view/describe-lifecycle.js';
import {holderName, holderRatesOf, holderRows, layoutHolders, type HolderRow, type HoldersLayout} from '../view/describe-holders.js';
import {layoutSubheapsPanel, type SubheapsPanelLayout} from '../view/describe-subheaps.js';
import {layoutSubheapView, type SubheapViewLayout} from '../view/describe-subheap-view.js';
import {FRAME_COLUMNS, FRAME_ROWS} from '../view/frame-panel.js';
import {locatePanels, type PanelPlace} from '../view/locate-panels.js';
import type {DashboardPlan} from '../view/plan-layout.js';
import type {ViewFacts} from '../view/view-facts.js';
import {planDashboard} from './plan-dashboard.js';
import {exploreView, type ExploreState, type ExploreView} from './explore-state.js';

/** What the geometry is worked out from: what the screen draws. */
export type ExploreContext = {
	document: SnapshotDocument;
	facts: ViewFacts;
	columns: number;
	rows: number;
	/** The open `Subheap #N` view's document, once the engine sent it. */
	subheap?: SubheapDocument;
	/** The subheap is not linked any more: the tick the engine said so. */
	subheapGoneAt?: number;
	/** The help overlay has the screen. */
	helpOpen?: boolean;
};

/** A list's window: its items' heights and the lines it shows. */
export type ListGeometry = {heights: number[]; lines: number; place: PanelPlace; width: number};

/** The body's plan, when the panels are on screen (not too small, no help, no panic). */
export const dashboardPlan = (context: ExploreContext): DashboardPlan | undefined => {
	const plan = planDashboard(context.document, context.facts, context.columns, context.rows);
	return plan.kind === 'too-small' || context.helpOpen ? undefined : plan;
};

export const panelPlaces = (context: ExploreContext): PanelPlace[] => {
	const plan = dashboardPlan(context);
	return plan && !context.document.panic ? locatePanels(plan.body) : [];
};

export const placeOf = (places: readonly PanelPlace[], panel: string): PanelPlace | undefined => places.find((place) => place.plan.panel === panel);

export const subheapsLayout = (context: ExploreContext, view: ExploreView, place: PanelPlace): SubheapsPanelLayout => {
	const plan = place.plan as Extract<PanelPlace['plan'], {panel: 'subheaps'}>;
	return layoutSubheapsPanel(context.document, context.facts, place.width - FRAME_COLUMNS, {
		height: place.height - FRAME_ROWS,
		lifecycle: plan.lifecycle,
		explore: view.subheaps,
	});
};

export const logGeometry = (context: ExploreContext, state: ExploreState): ListGeometry | undefined => {
	const place = placeOf(panelPlaces(context), 'kernel-log');
	if (!place) {
		return undefined;
	}

	const view = exploreView(state, context.document);
	const width = place.width - FRAME_COLUMNS;
	const heights = logItemLines(view.log.lines, context.document.panic?.lines ?? [], width).map((lines) => lines.length);
	return {heights, lines: place.height - FRAME_ROWS, place, width};
};

export const lifecycleGeometry = (context: ExploreContext, state: ExploreState): ListGeometry | undefined => {
	const place = placeOf(panelPlaces(context), 'subheaps');
	if (!place) {
		return undefined;
	}

	const view = exploreView(state, context.document);
	const area = subheapsLayout(context, view, place).lifecycle;
	if (!area) {
		return undefined;
	}

	const heights = lifecycleItemLines(view.subheaps.events ?? [], context.document, area.width).map((lines) => lines.length);
	return {heights, lines: area.lines, place, width: area.width};
};

export const holdersGeometry = (context: ExploreContext, state: ExploreState, place: {width: number; height: number}): HoldersLayout | undefined => {
	const rows = holderRows(context.document);
	if (!rows) {
		return undefined;
	}

	return layoutHolders(context.document, rows, {
		width: place.width - FRAME_COLUMNS,
		height: place.height - FRAME_ROWS,
		column: state.holders.column,
		rates: holderRatesOf(context.facts),
		selectedId: state.holders.id,
		top: state.holders.top,
	});
};

/** The body a full-screen view (`Subheap #N`, the holders) has: its frame's width and height. */
export const bodySize = (context: ExploreContext): {width: number; height: number} | undefined => {
	const plan = planDashboard(context.document, context.facts, context.columns, context.rows);
	return plan.kind === 'too-small' || plan.bodyHeight === undefined ? undefined : {width: context.columns, height: plan.bodyHeight};
};

/** The "will it fit" answer for the open view, and the subheap kmalloc would try first. */
export const fitFor = (context: ExploreContext, state: ExploreState): {fit?: FitAnswer; takenFirstBy?: number} => {
	const {subheap} = context;
	if (!subheap || state.map.fitBytes === undefined) {
		return {};
	}

	return {fit: willItFit(subheap, state.map.fitBytes), takenFirstBy: firstSubheapThatFits(context.document.subheaps, state.map.fitBytes)};
};

/**
 * The holder's name for a block's holder id: from the subheap document's own names (its tick's),
 * else from the document's holders table, which may be of another tick.
 */
export const holderNamer = (document: SnapshotDocument, subheap?: SubheapDocument): ((id: number) => string | undefined) => {
	const rows = subheap?.blocks.holders ?? holderRows(document);
	// Looked up only for a clicked cell: the lookup is made then, once.
	let byId: Map<number, Pick<HolderRow, 'process' | 'purpose' | 'workload'>> | undefined;
	return (id) => {
		byId ??= new Map(rows?.map((row) => [row.id, row]));
		const row = byId.get(id);
		return row ? holderName(row) : undefined;
	};
};

// One namer per pair of documents, so the subheap view's words (kept while they say the same,
// describe-subheap-view.ts) see the same namer from frame to frame.
let lastNamer: {document: SnapshotDocument; subheap?: SubheapDocument; namer: (id: number) => string | undefined} | undefined;

const namerOf = (document: SnapshotDocument, subheap?: SubheapDocument): ((id: number) => string | undefined) => {
	if (lastNamer?.document !== document || lastNamer.subheap !== subheap) {
		lastNamer = {document, subheap, namer: holderNamer(document, subheap)};
	}

	return lastNamer.namer;
};

export const subheapViewLayout = (context: ExploreContext, state: ExploreState): SubheapViewLayout | undefined => {
	const size = bodySize(context);
	if (!context.subheap || !size) {
		return undefined;
	}

	return layoutSubheapView(context.subheap, {
		width: size.width - FRAME_COLUMNS,
		height: size.height - FRAME_ROWS,
		top: state.map.top,
		...fitFor(context, state),
		...(state.map.cell === undefined ? {} : {cell: state.map.cell}),
		holderName: namerOf(context.document, context.subheap),
		...(context.subheapGoneAt === undefined ? {} : {goneAt: context.subheapGoneAt}),
	});
};
