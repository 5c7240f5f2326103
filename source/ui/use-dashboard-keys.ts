// The live view's keys, turned into engine commands. A terminal may deliver several keys in one
// read (`++` typed fast, a paste): each character is a key of its own. While the help is open
// any key closes it (Ctrl+C still quits). Switching workload on a halted kernel reboots it (the
// engine's rule: a halted kernel has nothing to run). Each key goes to the exploring first
// (focus, lists, search, the map: explore-keys.ts); a mouse report goes to it alone.

import {useInput, type Key} from 'ink';
import {useCallback, useLayoutEffect, useRef} from 'react';
import type {EngineCommand} from '../engine/engine-protocol.js';
import type {LinkedView} from '../engine/engine-link.js';
import type {KeyPress} from './explore-keys.js';
import {parseMouseReports, type MouseEvent} from './parse-mouse.js';

export type DashboardKeyActions = {
	view: LinkedView;
	send(command: EngineCommand): void;
	helpOpen: boolean;
	setHelpOpen(open: boolean): void;
	showStatus(text: string): void;
	save(): void;
	quit(code: number): void;
	/** Takes the keys that move around the view; true when it took this one. */
	explore?: (press: KeyPress) => boolean;
	mouse?: (event: MouseEvent) => void;
	/** Sees each key before the dashboard (the time-travel keys, use-travel-keys.ts); true when it took it. */
	intercept?: (input: string, key: Key) => boolean;
	/** Whether the time machine's `g` prompt is open: then it sees every key first. */
	intercepting?: () => boolean;
};

/** `1`…`9` then `0`: the workloads' keys, in order. */
export const workloadKeys = '1234567890';

/** The keys of one read: each character alone, or one special key (an arrow, Esc, Tab). */
export const splitKeys = (input: string, key: Key): string[] => {
	if (input.length <= 1 || key.ctrl || key.meta) {
		return [input];
	}

	return [...input];
};

/** One key of a read: a key Ink named, or one character of several (a return or tab among them is that key). */
const pressOf = (one: string, key: Key, alone: boolean): KeyPress =>
	alone ? {...key, input: one} : {input: one, return: one === '\r' || one === '\n', tab: one === '\t', backspace: one === '\b' || one === '\u007F'};

/** Ink's Key for one character of several: Ink named the whole read, not this character (`1234\r` is no return to it). */
const keyOf = (key: Key, press: KeyPress, alone: boolean): Key =>
	alone ? key : {...key, return: press.return === true, tab: press.tab === true, backspace: press.backspace === true, delete: false};

const commandOf = (input: string): EngineCommand | undefined => {
	switch (input) {
		case 'w': {
			return {type: 'cycle-workload', direction: 1};
		}

		case 'W': {
			return {type: 'cycle-workload', direction: -1};
		}

		case ' ': {
			return {type: 'toggle-pause'};
		}

		case '+':
		case '=': {
			return {type: 'faster'};
		}

		case '-':
		case '_': {
			return {type: 'slower'};
		}

		case 'f': {
			return {type: 'toggle-freeze'};
		}

		case 'v': {
			return {type: 'cycle-revision', direction: 1};
		}

		case 'V': {
			return {type: 'cycle-revision', direction: -1};
		}

		case 'r': {
			return {type: 'reboot'};
		}

		default: {
			return undefined;
		}
	}
};

export const useDashboardKeys = (latest: DashboardKeyActions): void => {
	// Read through a ref: Ink re-subscribes a new handler only after the render's effects run,
	// and a key typed right after `?` must already see the help open. The refs follow each commit
	// in a layout effect, which runs before those effects (React forbids writing them in render).
	const current = useRef(latest);
	const helpOpen = useRef(latest.helpOpen);
	useLayoutEffect(() => {
		current.current = latest;
		helpOpen.current = latest.helpOpen;
	});

	// One handler for the dashboard's life: it reads everything through the refs, and Ink
	// subscribes a new handler again on every render it is given one (each view, four a second).
	const onInput = useCallback((input: string, key: Key): void => {
		const handle = (input: string, key: Key, press: KeyPress): void => {
			const actions = current.current;
			if (helpOpen.current) {
				helpOpen.current = false;
				actions.setHelpOpen(false);
				return;
			}

			// An open `g` prompt takes every key; else the moving-around keys, then the time machine's.
			if ((actions.intercepting?.() && actions.intercept?.(input, key)) || actions.explore?.(press) || actions.intercept?.(input, key)) {
				return;
			}

			const {facts} = actions.view;
			const slot = workloadKeys.indexOf(input);
			if (input !== '' && slot >= 0) {
				if (slot >= facts.workloads.length) {
					actions.showStatus(`no workload ${input}: there are ${facts.workloads.length}`);
					return;
				}

				actions.send({type: 'switch-workload', index: slot});
				return;
			}

			switch (input) {
				case 'q': {
					actions.quit(0);
					return;
				}

				case '.': {
					if (actions.view.document.panic) {
						// A halted kernel has no next tick; pausing would not give it one.
						actions.showStatus('. has no tick to step: the kernel has halted (r reboots)');
					} else if (facts.paused) {
						actions.send({type: 'step'});
					} else {
						actions.showStatus('. steps one tick while paused (space pauses)');
					}

					return;
				}

				case 's': {
					actions.save();
					return;
				}

				case '?': {
					helpOpen.current = true;
					actions.setHelpOpen(true);
					return;
				}

				default: {
					const command = commandOf(input);
					if (command) {
						actions.send(command);
					}
				}
			}
		};

		if (key.ctrl && input === 'c') {
			current.current.quit(130);
			return;
		}

		const mouse = parseMouseReports(input);
		if (mouse) {
			for (const event of mouse) {
				current.current.mouse?.(event);
			}

			return;
		}

		const keys = splitKeys(input, key);
		for (const one of keys) {
			const press = pressOf(one, key, keys.length === 1);
			handle(one, keyOf(key, press, keys.length === 1), press);
		}
	}, []);
	useInput(onInput);
};
