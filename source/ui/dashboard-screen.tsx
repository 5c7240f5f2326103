// The whole screen as a pure function of a document, the session's facts and a size: the live
// view draws it every refresh, the text snapshot once. It picks the layout (plan-layout.ts) and
// what the body shows: the help overlay, the panic screen, or the panels.

import {Box} from 'ink';
import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {planLayout} from '../view/plan-layout.js';
import {lifecycleEvents} from '../view/select-events.js';
import type {ViewFacts} from '../view/view-facts.js';
import {PanelLayout} from './panel-layout.js';
import {ComparisonScreen} from './comparison-screen.js';
import {FooterBar} from './panels/footer-bar.js';
import {HeaderBar} from './panels/header-bar.js';
import {HelpOverlay} from './panels/help-overlay.js';
import {PanicScreen} from './panels/panic-screen.js';
import {TooSmallScreen} from './panels/too-small-screen.js';

export type DashboardScreenProps = {
	document: SnapshotDocument;
	facts: ViewFacts;
	columns: number;
	/** Terminal rows; undefined for a text snapshot (natural height, no minimum). */
	rows?: number;
	helpOpen?: boolean;
};

export function DashboardScreen({document, facts, columns, rows, helpOpen = false}: DashboardScreenProps) {
	// Live, the session says whether the run replays a trace (the document loses its trace key
	// while another workload runs, and the layout must not change with it); else the document.
	const plan = planLayout(columns, rows, {
		trace: facts.traceReplay ?? document.trace !== undefined,
		subheaps: document.subheaps.length,
		// As many as the Subheaps panel lists (describe-lifecycle.ts).
		lifecycleEvents: lifecycleEvents(document.events).length,
		logLines: document.dmesg.length,
	});
	if (plan.kind === 'too-small') {
		return <TooSmallScreen columns={plan.have.columns} rows={plan.have.rows} />;
	}

	const panels = <PanelLayout document={document} facts={facts} node={plan.body} />;
	let body = panels;
	if (helpOpen) {
		body = <HelpOverlay document={document} width={columns} height={plan.bodyHeight} workloads={facts.workloads} />;
	} else if (facts.comparison) {
		body = <ComparisonScreen comparison={facts.comparison} width={columns} height={plan.bodyHeight} />;
	} else if (document.panic) {
		// On a terminal the panic takes the screen; a text snapshot shows it above the panels.
		const panic = <PanicScreen document={document} facts={facts} width={columns} height={plan.bodyHeight} />;
		body =
			rows === undefined ? (
				<Box flexDirection="column">
					{panic}
					{panels}
				</Box>
			) : (
				panic
			);
	}

	return (
		<Box flexDirection="column" width={columns} height={plan.height} overflowY="hidden">
			<HeaderBar document={document} facts={facts} width={columns} />
			{body}
			<FooterBar document={document} facts={facts} width={columns} lines={plan.footerLines} />
		</Box>
	);
}
