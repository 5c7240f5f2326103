// What every key handler of the live view takes and gives: a key as Ink reports it, and the
// next state with whether the key was taken here (else it goes on to the engine's keys).

import type {ExploreState} from './explore-state.js';

/** One key, as Ink reports it (only what is used here). */
export type KeyPress = {
	input: string;
	upArrow?: boolean;
	downArrow?: boolean;
	pageUp?: boolean;
	pageDown?: boolean;
	home?: boolean;
	end?: boolean;
	return?: boolean;
	escape?: boolean;
	tab?: boolean;
	shift?: boolean;
	backspace?: boolean;
	delete?: boolean;
	ctrl?: boolean;
	meta?: boolean;
};

export type ExploreOutcome = {state: ExploreState; handled: boolean; status?: string};

export type Move = 'up' | 'down' | 'page-up' | 'page-down' | 'home' | 'end';

export const moveOf = (press: KeyPress): Move | undefined =>
	press.upArrow ? 'up' : press.downArrow ? 'down' : press.pageUp ? 'page-up' : press.pageDown ? 'page-down' : press.home ? 'home' : press.end ? 'end' : undefined;

export const done = (state: ExploreState, status?: string): ExploreOutcome => ({state, handled: true, ...(status === undefined ? {} : {status})});
export const pass = (state: ExploreState): ExploreOutcome => ({state, handled: false});
