// The layout of one screen (plan-layout.ts) for a document and the session's facts: what the
// screen draws and what the keys and the mouse must agree with.

import type {HolderRow, SnapshotDocument} from '../engine/snapshot-types.js';
import {holderNameWidth, holderRows, isShownHolder} from '../view/describe-holders.js';
import {planLayout, type LayoutContent, type LayoutNode, type LayoutPlan} from '../view/plan-layout.js';
import {lifecycleEvents} from '../view/select-events.js';
import type {ViewFacts} from '../view/view-facts.js';

/** How many holders the live view would list and their widest name, counted without a list or a name made (hundreds of rows, every refresh). */
const shownHoldersSize = (holders: readonly HolderRow[]): {holders: number; holderNameWidth: number} => {
	let count = 0;
	let width = 0;
	for (const row of holders) {
		if (isShownHolder(row)) {
			count++;
			width = Math.max(width, holderNameWidth(row));
		}
	}

	return {holders: count, holderNameWidth: width};
};

/** What the plan needs of the document but its holders. */
const contentOf = (document: SnapshotDocument, facts: ViewFacts): LayoutContent => ({
	// Live, the session says whether the run replays a trace (the document loses its trace key
	// while another workload runs, and the layout must not change with it); else the document.
	trace: facts.traceReplay ?? document.trace !== undefined,
	subheaps: document.subheaps.length,
	// As many as the Subheaps panel lists (describe-lifecycle.ts).
	lifecycleEvents: lifecycleEvents(document.events).length,
	logLines: document.dmesg.length,
});

/** Whether two contents say the same, key by key (planLayout reads a key left out as undefined). */
const sameContent = (a: LayoutContent, b: LayoutContent): boolean => {
	for (const key in a) {
		if (a[key as keyof LayoutContent] !== b[key as keyof LayoutContent]) {
			return false;
		}
	}

	for (const key in b) {
		if (a[key as keyof LayoutContent] !== b[key as keyof LayoutContent]) {
			return false;
		}
	}

	return true;
};

/**
planLayout, answering with the plan it gave last when asked for the same size and content (one
entry): the content is a handful of counts that change a few times a minute, the document they
are counted from four times a second, and the screen and the engine's shown sections each plan
every frame. The same plan object, too, for the same layout.
*/
export const createPlanner = () => {
	let last: {columns: number; rows: number | undefined; content: LayoutContent; plan: LayoutPlan} | undefined;
	return (columns: number, rows: number | undefined, content: LayoutContent): LayoutPlan => {
		if (last?.columns !== columns || last.rows !== rows || !sameContent(last.content, content)) {
			last = {columns, rows, content, plan: planLayout(columns, rows, content)};
		}

		return last.plan;
	};
};

const planScreen = createPlanner();
const planWithAnyHolders = createPlanner();

const planOf = (document: SnapshotDocument, facts: ViewFacts, columns: number, rows?: number): LayoutPlan => {
	const holders = holderRows(document);
	return planScreen(columns, rows, {
		...contentOf(document, facts),
		// A text snapshot keeps the panels it had; the live view shows who holds the heap when rows allow.
		...(holders && rows !== undefined ? shownHoldersSize(holders) : {}),
	});
};

const hasPanel = (node: LayoutNode, panel: string): boolean => ('stack' in node ? node.children.some((child) => hasPanel(child, panel)) : node.panel === panel);

/**
Whether this screen has room for a Holders panel, whatever the holders are: the live engine
leaves the table out of its views while it has not (engine-protocol.ts, ShownSections), so this
cannot ask the table itself. With a table that would not fill the room or whose names would be
cut, the plan shows no panel after all: the engine then sends a table that is not drawn.
*/
export const holdersPanelFits = (document: SnapshotDocument, facts: ViewFacts, columns: number, rows: number): boolean => {
	const plan = planWithAnyHolders(columns, rows, {...contentOf(document, facts), holders: Number.MAX_SAFE_INTEGER, holderNameWidth: 0});
	return plan.kind !== 'too-small' && hasPanel(plan.body, 'holders');
};

// The screen plans a frame, and so do the keys and the mouse (explore-geometry.ts) for the same
// document, facts and size: the last plan is kept for them (one entry, the frame on screen).
let last: {document: SnapshotDocument; facts: ViewFacts; columns: number; rows?: number; plan: LayoutPlan} | undefined;

export const planDashboard = (document: SnapshotDocument, facts: ViewFacts, columns: number, rows?: number): LayoutPlan => {
	if (last?.document !== document || last.facts !== facts || last.columns !== columns || last.rows !== rows) {
		last = {document, facts, columns, rows, plan: planOf(document, facts, columns, rows)};
	}

	return last.plan;
};
