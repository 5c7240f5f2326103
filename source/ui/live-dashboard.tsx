// The live dashboard as a component: the engine's views, the keys, the terminal size, the status
// line. Everything it draws is DashboardScreen's.

import {useApp} from 'ink';
import {useCallback, useEffect, useState} from 'react';
import type {EngineLink} from '../engine/engine-link.js';
import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {DashboardScreen} from './dashboard-screen.js';
import type {SizeSource} from './size-source.js';
import {useDashboardKeys} from './use-dashboard-keys.js';
import {useEngineView} from './use-engine-view.js';
import {useExplore} from './use-explore.js';
import {useShownSections} from './use-shown-sections.js';
import {useStatusMessage} from './use-status-message.js';
import {useTerminalSize} from './use-terminal-size.js';
import {describePrompt, useTravelKeys} from './use-travel-keys.js';
import {isInPast} from '../view/describe-time-badge.js';

export type LiveDashboardProps = {
	engine: EngineLink;
	saveSnapshot: (document: SnapshotDocument) => Promise<string>;
	/** Called with the exit code (0 on q, 130 on Ctrl+C) just before the app exits. */
	onQuit: (code: number) => void;
	sizeSource?: SizeSource;
};

export function LiveDashboard({engine, saveSnapshot, onQuit, sizeSource}: LiveDashboardProps) {
	const {exit} = useApp();
	const size = useTerminalSize(sizeSource);
	const view = useEngineView(engine);
	const [status, showStatus, withdrawStatus] = useStatusMessage();
	const [helpOpen, setHelpOpen] = useState(false);
	const quit = useCallback(
		(code: number) => {
			onQuit(code);
			exit();
		},
		[exit, onQuit],
	);
	const save = useCallback(() => {
		showStatus('saving…');
		engine
			.liveDocument()
			.then(saveSnapshot)
			.then(
				(file) => {
					showStatus(`saved ${file}`);
				},
				(error: unknown) => {
					showStatus(`could not save: ${error instanceof Error ? error.message : String(error)}`);
				},
			);
	}, [engine, saveSnapshot, showStatus]);

	// The engine's own news (a workload that hung and was stopped) goes to the status line once.
	const noticeId = view.notice?.id;
	useEffect(() => {
		if (view.notice) {
			showStatus(view.notice.text);
		}
		// eslint-disable-next-line react-hooks/exhaustive-deps -- once per notice: keyed on its id, not on each new view object
	}, [noticeId, showStatus]);

	// The engine's own refusals and news (a key that changes nothing in the past) likewise.
	const factNoticeId = view.facts.notice?.id;
	useEffect(() => {
		if (view.facts.notice) {
			showStatus(view.facts.notice.text);
		}
		// eslint-disable-next-line react-hooks/exhaustive-deps -- once per notice: keyed on its id, not on each new view object
	}, [factNoticeId, showStatus]);

	// A hint about the past ("space returns to the present first") goes once the view is back there,
	// rather than stay up for its seconds saying what no longer holds.
	const pastHint = view.facts.notice?.whilePast ? view.facts.notice.text : undefined;
	const inPast = isInPast(view.facts);
	useEffect(() => {
		if (pastHint !== undefined && !inPast) {
			withdrawStatus(pastHint);
		}
	}, [pastHint, inPast, withdrawStatus]);

	const travel = useTravelKeys({view, send: engine.send, showStatus});
	const facts = {...view.facts, status: travel.prompt === undefined ? status : describePrompt(travel.prompt), engine: view.state, graphWindow: travel.graphWindow};
	const explore = useExplore({engine, view, facts, columns: size.columns, rows: size.rows, helpOpen, showStatus});
	useShownSections({engine, document: view.document, facts, columns: size.columns, rows: size.rows, holdersScreen: explore.props.state.screen === 'holders'});
	useDashboardKeys({
		view,
		send: engine.send,
		helpOpen,
		setHelpOpen,
		showStatus,
		save,
		quit,
		explore: explore.onKey,
		mouse: explore.onMouse,
		intercept: travel.intercept,
		intercepting: travel.intercepting,
	});
	return <DashboardScreen document={view.document} facts={facts} columns={size.columns} rows={size.rows} helpOpen={helpOpen} explore={explore.props} />;
}
