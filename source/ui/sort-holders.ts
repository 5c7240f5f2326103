// The holders: `a` opens their view, `<` / `>` change the column they are sorted by, the arrows
// move the selection (in the Holders panel or the view).

import {holderColumns, holderRows, type HolderColumn} from '../view/describe-holders.js';
import {revealItem} from '../view/scroll-list.js';
import {bodySize, holdersGeometry, panelPlaces, placeOf, type ExploreContext} from './explore-geometry.js';
import {done, moveOf, pass, type ExploreOutcome, type KeyPress, type Move} from './explore-outcome.js';
import type {ExploreState} from './explore-state.js';

export const cycleColumn = (state: ExploreState, direction: 1 | -1): ExploreState => {
	const at = holderColumns.indexOf(state.holders.column);
	const column: HolderColumn = holderColumns[Math.max(0, Math.min(holderColumns.length - 1, at + direction))]!;
	return {...state, holders: {...state.holders, column}};
};

const holdersPlace = (context: ExploreContext, state: ExploreState) =>
	state.screen === 'holders' ? bodySize(context) : placeOf(panelPlaces(context), 'holders');

export const moveHolders = (context: ExploreContext, state: ExploreState, move: Move, count = 1): ExploreState => {
	const place = holdersPlace(context, state);
	const layout = place ? holdersGeometry(context, state, place) : undefined;
	if (!layout || layout.order.length === 0) {
		return state;
	}

	const ids = layout.order.map((row) => row.id);
	const at = ids.indexOf(state.holders.id ?? Number.NaN);
	const page = Math.max(1, layout.slots - 1) * count;
	const steps: Record<Move, number> = {up: at < 0 ? 0 : at - count, down: at < 0 ? 0 : at + count, 'page-up': at - page, 'page-down': at + page, home: 0, end: ids.length - 1};
	const index = Math.max(0, Math.min(ids.length - 1, steps[move]));
	const top = revealItem(ids.map(() => 1), layout.slots, layout.top, index);
	return {...state, holders: {...state.holders, id: ids[index], top}};
};

// Live, the engine leaves the table out while no panel shows it (LiveFacts.withheld): it comes with the screen.
export const openHolders = (context: ExploreContext, state: ExploreState): ExploreOutcome =>
	holderRows(context.document) ?? context.facts.withheld?.includes('holders')
		? done({...state, screen: 'holders', prompt: undefined})
		: done(state, 'who holds the heap is not known to this kmtop: its snapshot has no holders table yet');

/** The keys of the holders view. */
export const holdersKey = (context: ExploreContext, state: ExploreState, press: KeyPress): ExploreOutcome => {
	const move = moveOf(press);
	if (move) {
		return done(moveHolders(context, state, move));
	}

	if (press.escape || press.input === 'a') {
		return done({...state, screen: 'dashboard'});
	}

	if (press.input === '<' || press.input === '>') {
		return done(cycleColumn(state, press.input === '>' ? 1 : -1));
	}

	return press.tab || press.return ? done(state) : pass(state);
};
