// The Kernel log and the lifecycle as lists the keys move through: held where the user stopped,
// or following their newest item.

import {bottomTop, pageFrom, revealItem} from '../view/scroll-list.js';
import {lifecycleGeometry, logGeometry, type ExploreContext, type ListGeometry} from './explore-geometry.js';
import type {Move} from './explore-outcome.js';
import {liveLifecycle, type ExploreState, type HeldList, type ListState} from './explore-state.js';

// Lists: the log's newest line is its last, the lifecycle's newest event its first.

export type ListKind = 'kernel-log' | 'lifecycle';

const newestIndex = (kind: ListKind, count: number): number => (kind === 'kernel-log' ? count - 1 : 0);

/** The list held as it shows now (the cursor on its newest item), if it is not held already. */
const holdList = <T>(kind: ListKind, list: ListState<T>, items: readonly T[], geometry: ListGeometry): HeldList<T> =>
	list.held ?? {
		items,
		cursor: newestIndex(kind, items.length),
		top: kind === 'kernel-log' ? bottomTop(geometry.heights, geometry.lines) : 0,
	};

/** The list after a move: held, the cursor moved and in view; back to following at its newest end. */
export const moveList = <T>(kind: ListKind, list: ListState<T>, items: readonly T[], geometry: ListGeometry, move: Move, count = 1): ListState<T> => {
	const held = holdList(kind, list, items, geometry);
	if (held.items.length === 0) {
		return list;
	}

	const {heights, lines} = geometry;
	const last = held.items.length - 1;
	let {cursor} = held;
	switch (move) {
		case 'up': {
			cursor -= count;
			break;
		}

		case 'down': {
			cursor += count;
			break;
		}

		case 'page-up': {
			cursor = pageFrom(heights, lines, cursor, -count);
			break;
		}

		case 'page-down': {
			cursor = pageFrom(heights, lines, cursor, count);
			break;
		}

		case 'home': {
			cursor = 0;
			break;
		}

		case 'end': {
			cursor = last;
			break;
		}
	}

	// Home in the lifecycle and End in the log go back to the newest, and follow it.
	if ((kind === 'kernel-log' && move === 'end') || (kind === 'lifecycle' && move === 'home')) {
		return {...list, held: undefined};
	}

	cursor = Math.max(0, Math.min(last, cursor));
	return {...list, held: {...held, cursor, top: revealItem(heights, lines, held.top, cursor)}};
};

/** The list's items as shown now (held, or the document's). */
export const listItems = (context: ExploreContext, state: ExploreState, kind: ListKind) =>
	kind === 'kernel-log' ? (state.log.held?.items ?? context.document.dmesg) : (state.lifecycle.held?.items ?? liveLifecycle(context.document, state.lifecycle.kind));

export const withList = (state: ExploreState, kind: ListKind, list: ListState<unknown>): ExploreState =>
	kind === 'kernel-log' ? {...state, log: list as ExploreState['log']} : {...state, lifecycle: {...(list as ExploreState['lifecycle']), kind: state.lifecycle.kind}};

export const geometryOf = (context: ExploreContext, state: ExploreState, kind: ListKind) =>
	kind === 'kernel-log' ? logGeometry(context, state) : lifecycleGeometry(context, state);

export const moveInList = (context: ExploreContext, state: ExploreState, kind: ListKind, move: Move, count = 1): ExploreState => {
	const geometry = geometryOf(context, state, kind);
	if (!geometry) {
		return state;
	}

	const list: ListState<unknown> = kind === 'kernel-log' ? state.log : state.lifecycle;
	return withList(state, kind, moveList<unknown>(kind, list, listItems(context, state, kind), geometry, move, count));
};

/** The cursor on match `index`, the list held (a search looks through what is there now). */
export const cursorOn = (context: ExploreContext, state: ExploreState, kind: ListKind, index: number): ExploreState => {
	const geometry = geometryOf(context, state, kind);
	if (!geometry) {
		return state;
	}

	const list: ListState<unknown> = kind === 'kernel-log' ? state.log : state.lifecycle;
	const held = holdList<unknown>(kind, list, listItems(context, state, kind), geometry);
	return withList(state, kind, {...list, held: {...held, cursor: index, top: revealItem(geometry.heights, geometry.lines, held.top, index)}});
};

export const listName = (kind: ListKind) => (kind === 'kernel-log' ? 'Kernel log' : 'lifecycle');

export const listFocus = (state: ExploreState): ListKind | undefined =>
	state.focus === 'kernel-log' || state.focus === 'lifecycle' ? state.focus : undefined;
