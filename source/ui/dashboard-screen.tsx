// The whole screen as a pure function of a document, the session's facts and a size: the live
// view draws it every refresh, the text snapshot once. It picks the layout (plan-layout.ts) and
// what the body shows: the help overlay, the `Subheap #N` view or the holders (live, issue 15),
// the panic screen, or the panels.

import {Box} from 'ink';
import type {SubheapDocument} from '../engine/build-subheap-document.js';
import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {holderRatesOf, holderRows} from '../view/describe-holders.js';
import type {ViewFacts} from '../view/view-facts.js';
import {subheapViewLayout} from './explore-geometry.js';
import {exploreView, type ExploreState} from './explore-state.js';
import {PanelLayout} from './panel-layout.js';
import {planDashboard} from './plan-dashboard.js';
import {ComparisonScreen} from './comparison-screen.js';
import {FooterBar} from './panels/footer-bar.js';
import {HeaderBar} from './panels/header-bar.js';
import {HelpOverlay} from './panels/help-overlay.js';
import {HoldersPanel} from './panels/holders-panel.js';
import {PanicScreen} from './panels/panic-screen.js';
import {SubheapScreen} from './panels/subheap-screen.js';
import {TooSmallScreen} from './panels/too-small-screen.js';

/** The live view's exploring (explore-state.ts) and the subheap document its map draws. */
export type ExploreProps = {
	state: ExploreState;
	subheap?: SubheapDocument;
	/** The subheap is not linked any more: the tick the engine said so. */
	subheapGoneAt?: number;
	/** Why there is no subheap document to draw (the engine failed to answer). */
	subheapProblem?: string;
};

export type DashboardScreenProps = {
	document: SnapshotDocument;
	facts: ViewFacts;
	columns: number;
	/** Terminal rows; undefined for a text snapshot (natural height, no minimum). */
	rows?: number;
	helpOpen?: boolean;
	explore?: ExploreProps;
};

export function DashboardScreen({document, facts, columns, rows, helpOpen = false, explore}: DashboardScreenProps) {
	const plan = planDashboard(document, facts, columns, rows);
	if (plan.kind === 'too-small') {
		return <TooSmallScreen columns={plan.have.columns} rows={plan.have.rows} />;
	}

	const view = explore ? exploreView(explore.state, document) : undefined;
	const panels = <PanelLayout document={document} facts={facts} node={plan.body} explore={view} />;
	let body = panels;
	const screen = rows === undefined ? 'dashboard' : explore?.state.screen;
	if (helpOpen) {
		body = <HelpOverlay document={document} width={columns} height={plan.bodyHeight} workloads={facts.workloads} />;
	} else if (explore && screen === 'subheap') {
		const layout = subheapViewLayout({document, facts, columns, rows: rows!, subheap: explore.subheap, subheapGoneAt: explore.subheapGoneAt}, explore.state);
		body = <SubheapScreen id={explore.state.map.id} width={columns} height={plan.bodyHeight!} layout={layout} problem={explore.subheapProblem} />;
	} else if (explore && screen === 'holders' && holderRows(document)) {
		// (Until the engine, told the screen is open, sends the table it left out: the dashboard.)
		const {holders} = explore.state;
		body = (
			<HoldersPanel
				screen
				document={document}
				width={columns}
				height={plan.bodyHeight!}
				column={holders.column}
				rates={holderRatesOf(facts)}
				selectedId={holders.id}
				top={holders.top}
			/>
		);
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
			<FooterBar document={document} facts={facts} width={columns} lines={plan.footerLines} explore={explore?.state} />
		</Box>
	);
}
