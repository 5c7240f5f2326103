// What the user is looking at in the live view, beyond the engine's knobs: which panel has the
// focus, the selected subheap, where the Kernel log and the lifecycle are scrolled to, a search,
// the lifecycle's filter, the holders' sort, and whether the `Subheap #N` view or the holders
// view has the screen. Plain data; the keys and the mouse change it (explore-keys.ts,
// explore-mouse.ts), the panels draw from what it resolves to (exploreView).
//
// A list the user moves in holds still: the lines (or events) it showed when the user began are
// kept, so the cursor, the window and the search's matches do not slide away as the kernel logs
// on. Going back to the newest end (End in the log, Home in the lifecycle) or Esc follows again.

import type {EventKind, SnapshotDocument, SnapshotEvent} from '../engine/snapshot-types.js';
import type {SubheapsExplore} from '../view/describe-subheaps.js';
import type {HolderColumn} from '../view/describe-holders.js';
import type {ListView} from '../view/scroll-list.js';
import {newestLifecycleEvents} from '../view/select-events.js';

export type FocusPanel = 'subheaps' | 'lifecycle' | 'kernel-log' | 'holders';

/** A list held while the user looks through it (items in the order shown). */
export type HeldList<T> = {items: readonly T[]; cursor: number; top: number};

export type ListState<T> = {
	held?: HeldList<T>;
	/** The search, once Enter took it: its matches are marked and n / N go through them. */
	query?: string;
};

export type Prompt = {kind: 'search'; target: 'kernel-log' | 'lifecycle'; text: string} | {kind: 'fit'; text: string};

export type ExploreState = {
	screen: 'dashboard' | 'subheap' | 'holders';
	focus?: FocusPanel;
	subheaps: {id?: number; top: number};
	lifecycle: ListState<SnapshotEvent> & {kind?: EventKind};
	log: ListState<string>;
	holders: {column: HolderColumn; id?: number; top: number};
	/** The `Subheap #N` view: which subheap, its first map row, a "will it fit" request, a clicked cell. */
	map: {id: number; top: number; fitBytes?: number; cell?: number};
	prompt?: Prompt;
};

export const initialExploreState: ExploreState = {
	screen: 'dashboard',
	subheaps: {top: 0},
	lifecycle: {},
	log: {},
	holders: {column: 'bytes', top: 0},
	map: {id: 0, top: 0},
};

/** The lifecycle as the panel lists it now: newest first, of one kind when `e` chose one. */
export const liveLifecycle = (document: SnapshotDocument, kind: EventKind | undefined): readonly SnapshotEvent[] => {
	const events = newestLifecycleEvents(document.events);
	return kind === undefined ? events : events.filter((event) => event.kind === kind);
};

/** The query the list highlights: the one being typed for it, else the one Enter took. */
const activeQuery = (state: ExploreState, list: 'kernel-log' | 'lifecycle'): string | undefined => {
	if (state.prompt?.kind === 'search' && state.prompt.target === list) {
		return state.prompt.text;
	}

	return (list === 'kernel-log' ? state.log : state.lifecycle).query;
};

const listView = <T>(list: ListState<T>, query: string | undefined): ListView => ({
	...(list.held ? {top: list.held.top, cursor: list.held.cursor} : {}),
	...(query ? {query} : {}),
});

export type LogView = {lines: readonly string[]; view: ListView; held: boolean};

/** What the panels draw: the state resolved against the document. */
export type ExploreView = {
	focus?: FocusPanel;
	subheaps: SubheapsExplore;
	log: LogView;
	holders: ExploreState['holders'];
};

export const exploreView = (state: ExploreState, document: SnapshotDocument): ExploreView => {
	const {lifecycle, log} = state;
	const kind = lifecycle.kind;
	const events = lifecycle.held?.items ?? liveLifecycle(document, kind);
	const label = ['lifecycle', kind ? `: ${kind}` : '', lifecycle.held ? ' · held, Home follows' : ''].join('');
	return {
		focus: state.focus,
		subheaps: {
			selection: state.subheaps.id === undefined && state.focus !== 'subheaps' ? undefined : state.subheaps,
			events,
			lifecycleView: listView(lifecycle, activeQuery(state, 'lifecycle')),
			lifecycleLabel: label,
			emptyText: kind ? `no ${kind} events` : 'no events yet',
			focus: state.focus === 'subheaps' || state.focus === 'lifecycle' ? state.focus : undefined,
		},
		log: {lines: log.held?.items ?? document.dmesg, view: listView(log, activeQuery(state, 'kernel-log')), held: log.held !== undefined},
		holders: state.holders,
	};
};
