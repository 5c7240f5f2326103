// The live dashboard as a component: the session driven by its clock, a document published a
// few times a second, the keys, the terminal size. Everything it draws is DashboardScreen's.

import {useApp} from 'ink';
import {useCallback, useState} from 'react';
import type {LiveSession} from '../engine/live-session.js';
import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {DashboardScreen} from './dashboard-screen.js';
import type {SizeSource} from './size-source.js';
import {useDashboardKeys} from './use-dashboard-keys.js';
import {usePublishedView} from './use-published-view.js';
import {useSimulationClock} from './use-simulation-clock.js';
import {useStatusMessage} from './use-status-message.js';
import {useTerminalSize} from './use-terminal-size.js';

/** How often the engine advances the simulation (its own timer, not React's). */
export const ADVANCE_EVERY_MS = 33;

export type LiveDashboardProps = {
	session: LiveSession;
	refreshMs: number;
	saveSnapshot(document: SnapshotDocument): Promise<string>;
	/** Called with the exit code (0 on q, 130 on Ctrl+C) just before the app exits. */
	onQuit(code: number): void;
	/** 0 stops the engine's timer (tests drive the session themselves). */
	advanceEveryMs?: number;
	sizeSource?: SizeSource;
};

export function LiveDashboard({session, refreshMs, saveSnapshot, onQuit, advanceEveryMs = ADVANCE_EVERY_MS, sizeSource}: LiveDashboardProps) {
	const {exit} = useApp();
	const size = useTerminalSize(sizeSource);
	const clock = useSimulationClock(session, advanceEveryMs, exit);
	const [view, publish] = usePublishedView(session, refreshMs, clock);
	const [status, showStatus] = useStatusMessage();
	const [helpOpen, setHelpOpen] = useState(false);
	const quit = useCallback(
		(code: number) => {
			onQuit(code);
			exit();
		},
		[exit, onQuit],
	);
	useDashboardKeys({session, helpOpen, setHelpOpen, publish, showStatus, saveSnapshot, quit});
	return (
		<DashboardScreen document={view.document} facts={{...view.facts, status}} columns={size.columns} rows={size.rows} helpOpen={helpOpen} />
	);
}
