// Narrowing what a list shows: `/` searches the focused list (Enter on the prompt), n / N go
// through the matches; `e` / `E` filter the lifecycle by kind.

import type {EventKind} from '../engine/snapshot-types.js';
import {lifecycleText} from '../view/describe-lifecycle.js';
import {findMatches, nextMatch} from '../view/search-text.js';
import {lifecycleKinds} from '../view/select-events.js';
import type {ExploreContext} from './explore-geometry.js';
import {done, type ExploreOutcome} from './explore-outcome.js';
import {liveLifecycle, type ExploreState} from './explore-state.js';
import {cursorOn, listItems, listName, withList, type ListKind} from './move-in-list.js';

/** What `/` searches: the text of each item as the list shows it. */
const itemTexts = (context: ExploreContext, state: ExploreState, kind: ListKind): string[] =>
	kind === 'kernel-log'
		? [...(listItems(context, state, 'kernel-log') as readonly string[])]
		: (listItems(context, state, 'lifecycle') as ReturnType<typeof liveLifecycle>).map((event) => lifecycleText(event, context.document));

/** Enter on a search: the query taken, the cursor on the newest match. */
export const applySearch = (context: ExploreContext, state: ExploreState, kind: ListKind, query: string): ExploreOutcome => {
	const base = {...state, prompt: undefined, focus: kind};
	if (query === '') {
		const list = kind === 'kernel-log' ? state.log : state.lifecycle;
		return done(withList(base, kind, {...list, query: undefined}));
	}

	const list = kind === 'kernel-log' ? state.log : state.lifecycle;
	const searched = withList(base, kind, {...list, query});
	const matches = findMatches(itemTexts(context, searched, kind), query);
	if (matches.length === 0) {
		return done(searched, `/${query}: nothing in the ${listName(kind)} matches`);
	}

	const newest = kind === 'kernel-log' ? matches.at(-1)! : matches[0]!;
	return done(cursorOn(context, searched, kind, newest), `/${query}: ${matches.length} ${matches.length === 1 ? 'match' : 'matches'} (n older, N newer)`);
};

/** n (older) and N (newer) through the matches, wrapping around. */
export const stepMatch = (context: ExploreContext, state: ExploreState, kind: ListKind, older: boolean): ExploreOutcome => {
	const list = kind === 'kernel-log' ? state.log : state.lifecycle;
	if (!list.query) {
		return done(state, `n / N go through a search's matches: / searches the ${listName(kind)}`);
	}

	const matches = findMatches(itemTexts(context, state, kind), list.query);
	if (matches.length === 0) {
		return done(state, `/${list.query}: nothing in the ${listName(kind)} matches`);
	}

	// Older is up the log and down the lifecycle.
	const direction = (kind === 'kernel-log') === older ? -1 : 1;
	const from = list.held?.cursor ?? (direction < 0 ? Number.POSITIVE_INFINITY : -1);
	const index = nextMatch(matches, from, direction)!;
	return done(cursorOn(context, state, kind, index), `/${list.query}: match ${matches.indexOf(index) + 1} of ${matches.length}`);
};

/** The kinds `e` goes through: those in the lifecycle now, in the lifecycle's own order. */
const presentKinds = (context: ExploreContext): EventKind[] => {
	const present = new Set(liveLifecycle(context.document, undefined).map((event) => event.kind));
	return [...lifecycleKinds].filter((kind) => present.has(kind));
};

export const cycleKind = (context: ExploreContext, state: ExploreState, direction: 1 | -1): ExploreOutcome => {
	const kinds: Array<EventKind | undefined> = [undefined, ...presentKinds(context)];
	const at = Math.max(0, kinds.indexOf(state.lifecycle.kind));
	const kind = kinds[(at + direction + kinds.length) % kinds.length];
	const next = {...state, lifecycle: {...state.lifecycle, held: undefined, kind}};
	return done(next, kind ? `lifecycle: ${kind} events only (e next kind, E previous)` : 'lifecycle: every kind of event');
};
