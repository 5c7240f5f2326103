// The live view's keys (cli.md, "Keys (live)"), acting on the session and then publishing at
// once. While the help is open any key closes it (Ctrl+C still quits). While the kernel is
// halted the panic screen shows: r, v/V, s and q work as ever, and a workload key switches
// workload and reboots (switching alone would leave a halted kernel with nothing to run).

import {useInput} from 'ink';
import {useRef} from 'react';
import type {LiveSession} from '../engine/live-session.js';
import type {SnapshotDocument} from '../engine/snapshot-types.js';

export type DashboardKeyActions = {
	session: LiveSession;
	helpOpen: boolean;
	setHelpOpen(open: boolean): void;
	publish(): void;
	showStatus(text: string): void;
	saveSnapshot(document: SnapshotDocument): Promise<string>;
	quit(code: number): void;
};

const switchWorkload = (session: LiveSession, change: () => void): void => {
	const halted = session.simulation.halted;
	change();
	if (halted) {
		session.reboot();
	}
};

export const useDashboardKeys = (latest: DashboardKeyActions): void => {
	// Read through a ref: Ink re-subscribes a new handler only after the render's effects run,
	// and a key typed right after `?` must already see the help open.
	const current = useRef(latest);
	current.current = latest;
	useInput((input, key) => {
		const actions = current.current;
		const {session, publish, showStatus} = actions;
		if (key.ctrl && input === 'c') {
			actions.quit(130);
			return;
		}

		if (actions.helpOpen) {
			actions.setHelpOpen(false);
			return;
		}

		if (/^[1-9]$/.test(input)) {
			const index = Number(input) - 1;
			if (index >= session.workloads.length) {
				showStatus(`no workload ${input}: there are ${session.workloads.length}`);
				return;
			}

			switchWorkload(session, () => {
				session.switchWorkload(index);
			});
		} else {
			switch (input) {
				case 'q': {
					actions.quit(0);
					return;
				}

				case 'w':
				case 'W': {
					switchWorkload(session, () => {
						session.cycleWorkload(input === 'w' ? 1 : -1);
					});
					break;
				}

				case ' ': {
					session.togglePause();
					break;
				}

				case '.': {
					if (session.paused) {
						session.stepOnce();
					} else {
						showStatus('. steps one tick while paused (space pauses)');
					}

					break;
				}

				case '+':
				case '=': {
					session.faster();
					break;
				}

				case '-':
				case '_': {
					session.slower();
					break;
				}

				case 'f': {
					session.toggleFreeze();
					break;
				}

				case 'v':
				case 'V': {
					session.cycleRevision(input === 'v' ? 1 : -1);
					break;
				}

				case 'r': {
					session.reboot();
					break;
				}

				case 's': {
					const document = session.liveSnapshot();
					showStatus('saving…');
					actions.saveSnapshot(document).then(
						(file) => {
							showStatus(`saved ${file}`);
						},
						(error: unknown) => {
							showStatus(`could not save: ${error instanceof Error ? error.message : String(error)}`);
						},
					);
					return;
				}

				case '?': {
					actions.setHelpOpen(true);
					return;
				}

				default: {
					return;
				}
			}
		}

		publish();
	});
};
