// The Subheaps table's selection (by id; the window by row) and what opens a subheap's map: Enter
// or `m` on the selected row, Enter on a lifecycle event about a subheap still linked.

import {lifecycleText} from '../view/describe-lifecycle.js';
import {revealItem} from '../view/scroll-list.js';
import {panelPlaces, placeOf, subheapsLayout, type ExploreContext} from './explore-geometry.js';
import {done, type ExploreOutcome, type Move} from './explore-outcome.js';
import {exploreView, type ExploreState} from './explore-state.js';

const selectedIndex = (context: ExploreContext, state: ExploreState): number => {
	const index = context.document.subheaps.findIndex((row) => row.id === state.subheaps.id);
	return index;
};

export const moveSubheaps = (context: ExploreContext, state: ExploreState, move: Move, count = 1): ExploreState => {
	const rows = context.document.subheaps;
	if (rows.length === 0) {
		return state;
	}

	const place = placeOf(panelPlaces(context), 'subheaps');
	const slots = place ? subheapsLayout(context, exploreView({...state, focus: 'subheaps'}, context.document), place).slots : undefined;
	const shown = slots === undefined || rows.length <= slots ? rows.length : Math.max(1, slots - 1);
	const at = selectedIndex(context, state);
	const page = Math.max(1, shown - 1) * count;
	const steps: Record<Move, number> = {up: at < 0 ? 0 : at - count, down: at < 0 ? 0 : at + count, 'page-up': at - page, 'page-down': at + page, home: 0, end: rows.length - 1};
	const index = Math.max(0, Math.min(rows.length - 1, steps[move]));
	const heights = rows.map(() => 1);
	const top = rows.length <= shown ? 0 : revealItem(heights, shown, state.subheaps.top, index);
	return {...state, subheaps: {id: rows[index]!.id, top}};
};

/** The `Subheap #N` view of subheap `id`, from its first row. */
export const openMap = (state: ExploreState, id: number): ExploreState => ({...state, screen: 'subheap', prompt: undefined, map: {id, top: 0}});

export const openSelected = (context: ExploreContext, state: ExploreState): ExploreOutcome => {
	const rows = context.document.subheaps;
	const row = rows.find((candidate) => candidate.id === state.subheaps.id) ?? rows[0];
	return row ? done(openMap({...state, subheaps: {...state.subheaps, id: row.id}}, row.id)) : done(state, 'no subheap is linked');
};

/** Enter on a lifecycle event about a subheap that is still linked opens its map. */
export const openEvent = (context: ExploreContext, state: ExploreState): ExploreOutcome => {
	const held = state.lifecycle.held;
	const event = held?.items[held.cursor];
	if (!event) {
		return done(state);
	}

	const id = /#(\d+)/.exec(lifecycleText(event, context.document))?.[1];
	if (id === undefined) {
		return done(state, 'this event is not about one subheap');
	}

	return context.document.subheaps.some((row) => row.id === Number(id)) ? done(openMap(state, Number(id))) : done(state, `subheap #${id} is no longer linked`);
};
