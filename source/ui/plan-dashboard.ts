// The layout of one screen (plan-layout.ts) for a document and the session's facts: what the
// screen draws and what the keys and the mouse must agree with.

import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {holderName, holderRows, shownHolders} from '../view/describe-holders.js';
import {textWidth} from '../view/styled-line.js';
import {planLayout, type LayoutPlan} from '../view/plan-layout.js';
import {lifecycleEvents} from '../view/select-events.js';
import type {ViewFacts} from '../view/view-facts.js';

const planOf = (document: SnapshotDocument, facts: ViewFacts, columns: number, rows?: number): LayoutPlan => {
	const holders = holderRows(document);
	const shown = holders && rows !== undefined ? shownHolders(holders) : undefined;
	return planLayout(columns, rows, {
		// Live, the session says whether the run replays a trace (the document loses its trace key
		// while another workload runs, and the layout must not change with it); else the document.
		trace: facts.traceReplay ?? document.trace !== undefined,
		subheaps: document.subheaps.length,
		// As many as the Subheaps panel lists (describe-lifecycle.ts).
		lifecycleEvents: lifecycleEvents(document.events).length,
		logLines: document.dmesg.length,
		// A text snapshot keeps the panels it had; the live view shows who holds the heap when rows allow.
		...(shown ? {holders: shown.length, holderNameWidth: Math.max(0, ...shown.map((row) => textWidth(holderName(row))))} : {}),
	});
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
