// The keys that move around the live view (issue 15), as a pure step from one ExploreState to the
// next: Tab and Shift+Tab between the Subheaps, Lifecycle, Kernel log and Holders panels; ↑ ↓
// PgUp PgDn Home End in the focused one; Enter opens, Esc goes back; `/` searches the focused
// list and n / N go through the matches; `e` / `E` filter the lifecycle by kind; `m` opens the
// selected subheap's map and `k` asks it "will it fit"; `a` the holders, `<` / `>` their sort.
// Keys it does not take go on to the engine's (use-dashboard-keys.ts). ← and → are not taken here.

import {parseSize} from '../cli/parse-size.js';
import type {EventKind} from '../engine/snapshot-types.js';
import {MAX_REQUEST_BYTES, willItFit} from '../engine/will-it-fit.js';
import {holderColumns, holderRows, type HolderColumn} from '../view/describe-holders.js';
import {bottomTop, pageFrom, revealItem} from '../view/scroll-list.js';
import {findMatches, nextMatch} from '../view/search-text.js';
import {lifecycleKinds} from '../view/select-events.js';
import {lifecycleText} from '../view/describe-lifecycle.js';
import {CHUNKS_PER_CELL} from '../view/render-chunk-map.js';
import {
	bodySize,
	holdersGeometry,
	lifecycleGeometry,
	logGeometry,
	panelPlaces,
	placeOf,
	subheapsLayout,
	subheapViewLayout,
	type ExploreContext,
	type ListGeometry,
} from './explore-geometry.js';
import {exploreView, liveLifecycle, type ExploreState, type FocusPanel, type HeldList, type ListState} from './explore-state.js';

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

const moveOf = (press: KeyPress): Move | undefined =>
	press.upArrow ? 'up' : press.downArrow ? 'down' : press.pageUp ? 'page-up' : press.pageDown ? 'page-down' : press.home ? 'home' : press.end ? 'end' : undefined;

const done = (state: ExploreState, status?: string): ExploreOutcome => ({state, handled: true, ...(status === undefined ? {} : {status})});
const pass = (state: ExploreState): ExploreOutcome => ({state, handled: false});

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

// Lists: the log's newest line is its last, the lifecycle's newest event its first.

type ListKind = 'kernel-log' | 'lifecycle';

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
const listItems = (context: ExploreContext, state: ExploreState, kind: ListKind) =>
	kind === 'kernel-log' ? (state.log.held?.items ?? context.document.dmesg) : (state.lifecycle.held?.items ?? liveLifecycle(context.document, state.lifecycle.kind));

const withList = (state: ExploreState, kind: ListKind, list: ListState<unknown>): ExploreState =>
	kind === 'kernel-log' ? {...state, log: list as ExploreState['log']} : {...state, lifecycle: {...(list as ExploreState['lifecycle']), kind: state.lifecycle.kind}};

const geometryOf = (context: ExploreContext, state: ExploreState, kind: ListKind) =>
	kind === 'kernel-log' ? logGeometry(context, state) : lifecycleGeometry(context, state);

export const moveInList = (context: ExploreContext, state: ExploreState, kind: ListKind, move: Move, count = 1): ExploreState => {
	const geometry = geometryOf(context, state, kind);
	if (!geometry) {
		return state;
	}

	const list: ListState<unknown> = kind === 'kernel-log' ? state.log : state.lifecycle;
	return withList(state, kind, moveList<unknown>(kind, list, listItems(context, state, kind), geometry, move, count));
};

/** What `/` searches: the text of each item as the list shows it. */
const itemTexts = (context: ExploreContext, state: ExploreState, kind: ListKind): string[] =>
	kind === 'kernel-log'
		? [...(listItems(context, state, 'kernel-log') as readonly string[])]
		: (listItems(context, state, 'lifecycle') as ReturnType<typeof liveLifecycle>).map((event) => lifecycleText(event, context.document));

/** The cursor on match `index`, the list held (a search looks through what is there now). */
const cursorOn = (context: ExploreContext, state: ExploreState, kind: ListKind, index: number): ExploreState => {
	const geometry = geometryOf(context, state, kind);
	if (!geometry) {
		return state;
	}

	const list: ListState<unknown> = kind === 'kernel-log' ? state.log : state.lifecycle;
	const held = holdList<unknown>(kind, list, listItems(context, state, kind), geometry);
	return withList(state, kind, {...list, held: {...held, cursor: index, top: revealItem(geometry.heights, geometry.lines, held.top, index)}});
};

const listName = (kind: ListKind) => (kind === 'kernel-log' ? 'Kernel log' : 'lifecycle');

/** Enter on a search: the query taken, the cursor on the newest match. */
const applySearch = (context: ExploreContext, state: ExploreState, kind: ListKind, query: string): ExploreOutcome => {
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
const stepMatch = (context: ExploreContext, state: ExploreState, kind: ListKind, older: boolean): ExploreOutcome => {
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

const cycleKind = (context: ExploreContext, state: ExploreState, direction: 1 | -1): ExploreOutcome => {
	const kinds: Array<EventKind | undefined> = [undefined, ...presentKinds(context)];
	const at = Math.max(0, kinds.indexOf(state.lifecycle.kind));
	const kind = kinds[(at + direction + kinds.length) % kinds.length];
	const next = {...state, lifecycle: {...state.lifecycle, held: undefined, kind}};
	return done(next, kind ? `lifecycle: ${kind} events only (e next kind, E previous)` : 'lifecycle: every kind of event');
};

// The Subheaps table: the selection by id, the window by row.

const selectedIndex = (context: ExploreContext, state: ExploreState): number => {
	const index = context.document.subheaps.findIndex((row) => row.id === state.subheaps.id);
	return index;
};

const moveSubheaps = (context: ExploreContext, state: ExploreState, move: Move, count = 1): ExploreState => {
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

const openSelected = (context: ExploreContext, state: ExploreState): ExploreOutcome => {
	const rows = context.document.subheaps;
	const row = rows.find((candidate) => candidate.id === state.subheaps.id) ?? rows[0];
	return row ? done(openMap({...state, subheaps: {...state.subheaps, id: row.id}}, row.id)) : done(state, 'no subheap is linked');
};

/** Enter on a lifecycle event about a subheap that is still linked opens its map. */
const openEvent = (context: ExploreContext, state: ExploreState): ExploreOutcome => {
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

// The holders: sort and selection.

const cycleColumn = (state: ExploreState, direction: 1 | -1): ExploreState => {
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

const openHolders = (context: ExploreContext, state: ExploreState): ExploreOutcome =>
	holderRows(context.document)
		? done({...state, screen: 'holders', prompt: undefined})
		: done(state, 'who holds the heap is not known to this kmtop: its snapshot has no holders table yet');

// The `Subheap #N` view: the map scrolls.

export const scrollMap = (context: ExploreContext, state: ExploreState, move: Move, count = 1): ExploreState => {
	const layout = subheapViewLayout(context, state);
	if (!layout) {
		return state;
	}

	const {rows, top, shape} = layout.map;
	const steps: Record<Move, number> = {
		up: top - count,
		down: top + count,
		'page-up': top - rows * count,
		'page-down': top + rows * count,
		home: 0,
		end: shape.totalRows - rows,
	};
	return {...state, map: {...state.map, top: Math.max(0, Math.min(shape.totalRows - rows, steps[move]))}};
};

/** Enter on `k`'s prompt: the request taken (the map scrolled to where it would go), or why not. */
const applyFit = (context: ExploreContext, state: ExploreState, text: string): ExploreOutcome => {
	const closed = {...state, prompt: undefined};
	if (text.trim() === '') {
		return done({...closed, map: {...closed.map, fitBytes: undefined}});
	}

	const bytes = parseSize(text.trim());
	if (bytes === null || bytes > MAX_REQUEST_BYTES) {
		return done(closed, `not a request size: ${text.trim()} (0 to ${MAX_REQUEST_BYTES} bytes; K, M and G work)`);
	}

	const next = {...closed, map: {...closed.map, fitBytes: bytes}};
	const answer = context.subheap ? willItFit(context.subheap, bytes) : undefined;
	const layout = subheapViewLayout(context, next);
	if (!answer?.fits || !layout) {
		return done(next);
	}

	// Scroll the map so the chunk it would take is in view (the middle row when it can be).
	const row = Math.floor(answer.firstChunk / CHUNKS_PER_CELL / layout.map.shape.cellsPerRow);
	const {rows, top} = layout.map;
	const inView = row >= top && row < top + rows;
	return done(inView ? next : {...next, map: {...next.map, top: Math.max(0, row - Math.floor(rows / 2))}});
};

// Prompts: `/` and `k` read a line; Enter takes it, Esc drops it.

const promptKey = (context: ExploreContext, state: ExploreState, press: KeyPress): ExploreOutcome => {
	const prompt = state.prompt!;
	if (press.escape) {
		return done({...state, prompt: undefined});
	}

	if (press.return) {
		return prompt.kind === 'search' ? applySearch(context, state, prompt.target, prompt.text) : applyFit(context, state, prompt.text);
	}

	if (press.backspace || press.delete) {
		// Backspace on an empty line closes it, as in vim and less.
		return done(prompt.text === '' ? {...state, prompt: undefined} : {...state, prompt: {...prompt, text: [...prompt.text].slice(0, -1).join('')}});
	}

	if (press.input !== '' && !press.ctrl && !press.meta && !/[\u0000-\u001F\u007F]/.test(press.input)) {
		return done({...state, prompt: {...prompt, text: prompt.text + press.input}});
	}

	// Arrows, Tab and the like do nothing while a line is being typed.
	return done(state);
};

const listFocus = (state: ExploreState): ListKind | undefined =>
	state.focus === 'kernel-log' || state.focus === 'lifecycle' ? state.focus : undefined;

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

const mapKey = (context: ExploreContext, state: ExploreState, press: KeyPress): ExploreOutcome => {
	const move = moveOf(press);
	if (move) {
		return done(scrollMap(context, state, move));
	}

	if (press.escape) {
		return done({...state, screen: 'dashboard', map: {...state.map, fitBytes: undefined, cell: undefined}});
	}

	if (press.input === 'k') {
		return done({...state, prompt: {kind: 'fit', text: ''}});
	}

	return press.tab || press.return ? done(state) : pass(state);
};

const holdersKey = (context: ExploreContext, state: ExploreState, press: KeyPress): ExploreOutcome => {
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

/** One key: the next state, whether the key was taken here, and a word for the status line. */
export const exploreKey = (context: ExploreContext, state: ExploreState, press: KeyPress): ExploreOutcome => {
	if (state.prompt) {
		return promptKey(context, state, press);
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
