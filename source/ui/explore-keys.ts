// The keys that move around the live view (issue 15), as a pure step from one ExploreState to the
// next: Tab and Shift+Tab between the Subheaps, Lifecycle, Kernel log and Holders panels; ↑ ↓
// PgUp PgDn Home End in the focused one; Enter opens, Esc goes back; `/` searches the focused
// list and n / N go through the matches; `e` / `E` filter the lifecycle by kind; `m` opens the
// selected subheap's map and `k` asks it "will it fit"; `a` the holders, `<` / `>` their sort.
// Keys it does not take go on to the engine's (use-dashboard-keys.ts). ← and → are not taken here.
// This module dispatches a key to the handlers of the screen and panel it is for.

import {lifecycleGeometry, panelPlaces, placeOf, type ExploreContext} from './explore-geometry.js';
import {done, moveOf, pass, type ExploreOutcome, type KeyPress, type Move} from './explore-outcome.js';
import type {ExploreState, FocusPanel} from './explore-state.js';
import {geometryOf, listFocus, listName, moveInList, withList} from './move-in-list.js';
import {readPromptKey} from './read-prompt.js';
import {mapKey} from './scroll-subheap-map.js';
import {cycleKind, stepMatch} from './search-list.js';
import {moveSubheaps, openEvent, openSelected} from './select-subheap.js';
import {cycleColumn, holdersKey, moveHolders, openHolders} from './sort-holders.js';

export type {ExploreOutcome, KeyPress} from './explore-outcome.js';

/** The panels Tab goes through, in order, that are on the screen now. */
export const focusablePanels = (context: ExploreContext, state: ExploreState): FocusPanel[] => {
	const places = panelPlaces(context);
	const panels: FocusPanel[] = [];
	if (placeOf(places, 'subheaps')) {
		panels.push('subheaps');
		if (lifecycleGeometry(context, state)) {
			panels.push('lifecycle');
		}
	}

	if (placeOf(places, 'kernel-log')) {
		panels.push('kernel-log');
	}

	if (placeOf(places, 'holders')) {
		panels.push('holders');
	}

	return panels;
};

const focusKey = (context: ExploreContext, state: ExploreState, press: KeyPress): ExploreOutcome => {
	const panels = focusablePanels(context, state);
	if (panels.length === 0) {
		return done(state);
	}

	const at = state.focus ? panels.indexOf(state.focus) : -1;
	const direction = press.shift ? -1 : 1;
	const focus = panels[at < 0 ? (direction > 0 ? 0 : panels.length - 1) : (at + direction + panels.length) % panels.length]!;
	// The table's selection shows as soon as it has the focus: the pool, to start with.
	const subheaps = focus === 'subheaps' && state.subheaps.id === undefined && context.document.subheaps[0] ? {...state.subheaps, id: context.document.subheaps[0].id} : state.subheaps;
	return done({...state, focus, subheaps});
};

const escapeKey = (state: ExploreState): ExploreOutcome => {
	const kind = listFocus(state);
	if (kind) {
		const list = kind === 'kernel-log' ? state.log : state.lifecycle;
		if (list.held || list.query) {
			return done(withList(state, kind, {...list, held: undefined, query: undefined}));
		}

		// Then the lifecycle's filter, before the focus goes.
		if (kind === 'lifecycle' && state.lifecycle.kind) {
			return done({...state, lifecycle: {...state.lifecycle, kind: undefined}}, 'lifecycle: every kind of event');
		}
	}

	return state.focus ? done({...state, focus: undefined}) : pass(state);
};

const moveFocused = (context: ExploreContext, state: ExploreState, move: Move, count = 1): ExploreOutcome => {
	switch (state.focus) {
		case 'subheaps': {
			return done(moveSubheaps(context, state, move, count));
		}

		case 'kernel-log':
		case 'lifecycle': {
			return done(moveInList(context, state, state.focus, move, count));
		}

		case 'holders': {
			return done(moveHolders(context, state, move, count));
		}

		default: {
			return pass(state);
		}
	}
};

const dashboardKey = (context: ExploreContext, state: ExploreState, press: KeyPress): ExploreOutcome => {
	const move = moveOf(press);
	if (press.tab) {
		return focusKey(context, state, press);
	}

	if (press.escape) {
		return escapeKey(state);
	}

	if (move) {
		return moveFocused(context, state, move);
	}

	if (press.return) {
		switch (state.focus) {
			case 'subheaps': {
				return openSelected(context, state);
			}

			case 'lifecycle': {
				return openEvent(context, state);
			}

			case 'holders': {
				return openHolders(context, state);
			}

			default: {
				return pass(state);
			}
		}
	}

	switch (press.input) {
		case '/': {
			const target = listFocus(state) ?? 'kernel-log';
			if (!geometryOf(context, state, target)) {
				return done(state, `the ${listName(target)} is not on the screen at this size`);
			}

			return done({...state, focus: target, prompt: {kind: 'search', target, text: ''}});
		}

		case 'n':
		case 'N': {
			return stepMatch(context, state, listFocus(state) ?? 'kernel-log', press.input === 'n');
		}

		case 'e':
		case 'E': {
			return cycleKind(context, state, press.input === 'e' ? 1 : -1);
		}

		case '<':
		case '>': {
			return done(cycleColumn(state, press.input === '>' ? 1 : -1));
		}

		default: {
			return pass(state);
		}
	}
};

/** One key: the next state, whether the key was taken here, and a word for the status line. */
export const exploreKey = (context: ExploreContext, state: ExploreState, press: KeyPress): ExploreOutcome => {
	if (state.prompt) {
		return readPromptKey(context, state, press);
	}

	if (state.screen === 'subheap') {
		return mapKey(context, state, press);
	}

	if (state.screen === 'holders') {
		return holdersKey(context, state, press);
	}

	// The keys that open a view work on the panic screen too: the heap is still there to look at.
	if (press.input === 'm') {
		return openSelected(context, state);
	}

	if (press.input === 'a') {
		return openHolders(context, state);
	}

	return context.document.panic ? pass(state) : dashboardKey(context, state, press);
};
