// The time-travel keys of the live view and the graphs' window: ← / → one tick back / on,
// Shift+← / → or [ / ] a hundred, `g` and a tick typed in, `z` the graphs' window (500, 5,000 or
// 50,000 ticks), `c` the current revision beside the next (Esc closes it too), Esc a run to a tick
// ahead stopped. Keys reach here before the dashboard's
// own (use-dashboard-keys.ts): while `g` waits for a tick, digits are the tick's, not workloads.

import type {Key} from 'ink';
import {useCallback, useLayoutEffect, useRef, useState} from 'react';
import type {EngineCommand} from '../engine/engine-protocol.js';
import type {LinkedView} from '../engine/engine-link.js';
import {formatCount} from '../view/format-number.js';

/** The graphs' windows `z` cycles through, in ticks; the second is the default. */
export const GRAPH_WINDOWS = [500, 5000, 50_000] as const;
export const DEFAULT_GRAPH_WINDOW = 5000;

/** Ticks Shift+← / → and [ / ] move. */
export const BIG_STEP = 100;

export type TravelKeys = {
	/** The tick typed after `g`, while it is being typed. */
	prompt: string | undefined;
	graphWindow: number;
	/** Handles a key that is the time machine's (or the prompt's); false leaves it to the dashboard. */
	intercept: (input: string, key: Key) => boolean;
	/** Whether the `g` prompt is open (read at the key, not at the last render). */
	intercepting: () => boolean;
};

export type TravelKeyActions = {
	view: LinkedView;
	send: (command: EngineCommand) => void;
	showStatus: (text: string) => void;
};

/** What the status line shows while `g` waits: `go to tick 12,345▏ (Enter goes, Esc cancels)`. */
export const describePrompt = (typed: string): string =>
	`go to tick ${typed === '' ? '' : formatCount(Number(typed))}▏ (Enter goes, Esc cancels)`;

export const useTravelKeys = (latest: TravelKeyActions): TravelKeys => {
	// Keys read the actions of the last commit (React forbids writing a ref in render).
	const current = useRef(latest);
	useLayoutEffect(() => {
		current.current = latest;
	});
	const [prompt, setPrompt] = useState<string | undefined>(undefined);
	// A ref as well as state: several keys may arrive in one read, before React renders again.
	const typed = useRef<string | undefined>(undefined);
	const [graphWindow, setGraphWindow] = useState<number>(DEFAULT_GRAPH_WINDOW);

	const updatePrompt = (next: string | undefined) => {
		typed.current = next;
		setPrompt(next);
	};

	const travel = (ticks: number): void => {
		const {view, send, showStatus} = current.current;
		const refusal = view.facts.time?.unavailable;
		if (refusal) {
			showStatus(refusal);
			return;
		}

		send({type: 'travel-by', ticks});
	};

	const answerPrompt = (input: string, key: Key): void => {
		const text = typed.current ?? '';
		if (key.escape) {
			updatePrompt(undefined);
			return;
		}

		if (key.return) {
			updatePrompt(undefined);
			if (text !== '') {
				current.current.send({type: 'travel-to', tick: Number(text)});
			}

			return;
		}

		if (key.backspace || key.delete) {
			updatePrompt(text.slice(0, -1));
			return;
		}

		// Digits (and the separators one may type from habit); at most 15 of them.
		const digits = input.replaceAll(/[,_]/g, '');
		if (/^\d+$/.test(digits) && text.length + digits.length <= 15) {
			updatePrompt(`${text}${digits}`.replace(/^0+(?=\d)/, ''));
		}
	};

	const intercept = useCallback((input: string, key: Key): boolean => {
		if (typed.current !== undefined) {
			answerPrompt(input, key);
			return true;
		}

		// Esc, once nothing nearer took it (a view, a search, the focus: explore-keys.ts): the
		// comparison closes, a run to a tick ahead stops where it is.
		if (key.escape) {
			const {facts} = current.current.view;
			if (facts.comparison) {
				current.current.send({type: 'toggle-comparison'});
				return true;
			}

			if (facts.time?.runningTo) {
				current.current.send({type: 'stop-run'});
				return true;
			}

			return false;
		}

		if (key.leftArrow || key.rightArrow) {
			const direction = key.leftArrow ? -1 : 1;
			travel(direction * (key.shift ? BIG_STEP : 1));
			return true;
		}

		switch (input) {
			case '[':
			case ']': {
				travel(input === '[' ? -BIG_STEP : BIG_STEP);
				return true;
			}

			case 'g': {
				const refusal = current.current.view.facts.time?.unavailable;
				if (refusal) {
					current.current.showStatus(refusal);
				} else {
					updatePrompt('');
				}

				return true;
			}

			case 'c': {
				current.current.send({type: 'toggle-comparison'});
				return true;
			}

			case 'z': {
				setGraphWindow((window) => {
					const index = GRAPH_WINDOWS.indexOf(window as (typeof GRAPH_WINDOWS)[number]);
					return GRAPH_WINDOWS[(index + 1) % GRAPH_WINDOWS.length]!;
				});
				return true;
			}

			default: {
				return false;
			}
		}
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, []);

	const intercepting = useCallback(() => typed.current !== undefined, []);
	return {prompt, graphWindow, intercept, intercepting};
};
