// The mouse in the live view: a click focuses the panel under it and selects the row (a click on
// the subheap already selected opens its map; a click in the map says what is in that cell), and
// the wheel scrolls what is under the pointer, three rows a notch.

import {chunksAtColumn, CHUNKS_PER_CELL} from '../view/render-chunk-map.js';
import {FRAME_COLUMNS, FRAME_ROWS} from '../view/frame-panel.js';
import {panelAt, type PanelPlace} from '../view/locate-panels.js';
import {bodySize, holdersGeometry, panelPlaces, subheapsLayout, subheapViewLayout, logGeometry, type ExploreContext} from './explore-geometry.js';
import type {ExploreOutcome} from './explore-outcome.js';
import {moveInList} from './move-in-list.js';
import {scrollMap} from './scroll-subheap-map.js';
import {openMap} from './select-subheap.js';
import {moveHolders} from './sort-holders.js';
import {exploreView, liveLifecycle, type ExploreState} from './explore-state.js';
import type {MouseEvent} from './parse-mouse.js';
import {describeKernelLogList} from '../view/describe-kernel-log.js';

/** Rows a wheel notch scrolls. */
export const WHEEL_ROWS = 3;

/** The frame's inside: the line and column of a screen cell within a panel (its border and padding excluded). */
const inside = (place: {column: number; row: number}, column: number, row: number) => ({line: row - place.row - 1, x: column - place.column - FRAME_COLUMNS / 2});

const done = (state: ExploreState): ExploreOutcome => ({state, handled: true});

/** A click on the Kernel log: the line under it selected (the log held where it is). */
const clickLog = (context: ExploreContext, state: ExploreState, line: number): ExploreState => {
	const geometry = logGeometry(context, state);
	const view = exploreView(state, context.document);
	if (!geometry) {
		return state;
	}

	const layout = describeKernelLogList(view.log.lines, context.document.panic?.lines ?? [], geometry.width, geometry.lines, view.log.view);
	const item = layout.rowItems[line];
	if (item === undefined) {
		return {...state, focus: 'kernel-log'};
	}

	const held = state.log.held ?? {items: view.log.lines, cursor: item, top: layout.top};
	return {...state, focus: 'kernel-log', log: {...state.log, held: {...held, cursor: item, top: layout.top}}};
};

const clickSubheaps = (context: ExploreContext, state: ExploreState, place: PanelPlace, line: number, x: number): ExploreState => {
	const view = exploreView(state, context.document);
	const layout = subheapsLayout(context, view, place);
	const area = layout.lifecycle;
	if (area && line >= area.line && line < area.line + area.lines && x >= area.column && x < area.column + area.width) {
		const item = area.rowItems[line - area.line];
		if (item === undefined) {
			return {...state, focus: 'lifecycle'};
		}

		const items = state.lifecycle.held?.items ?? liveLifecycle(context.document, state.lifecycle.kind);
		return {...state, focus: 'lifecycle', lifecycle: {...state.lifecycle, held: {items, cursor: item, top: area.top}}};
	}

	const id = x < layout.tableWidth ? layout.rowIds[line] : undefined;
	if (id === undefined) {
		return {...state, focus: 'subheaps'};
	}

	// A second click on the selected subheap opens it, as Enter does.
	return id === state.subheaps.id && state.focus === 'subheaps' ? openMap(state, id) : {...state, focus: 'subheaps', subheaps: {...state.subheaps, id}};
};

const clickHolders = (context: ExploreContext, state: ExploreState, place: {width: number; height: number}, line: number): ExploreState => {
	const layout = holdersGeometry(context, state, place);
	const id = layout?.rowIds[line];
	return id === undefined ? state : {...state, holders: {...state.holders, id}};
};

const clickMap = (context: ExploreContext, state: ExploreState, line: number, x: number): ExploreState => {
	const layout = subheapViewLayout(context, state);
	if (!layout || !context.subheap) {
		return state;
	}

	const {map} = layout;
	const row = line - map.line;
	if (row < 0 || row >= map.rows) {
		return state;
	}

	const chunks = chunksAtColumn(map.shape, context.subheap.totalChunks, map.top + row, x - map.column);
	return chunks ? {...state, map: {...state.map, cell: chunks.first / CHUNKS_PER_CELL}} : state;
};

const wheelDashboard = (context: ExploreContext, state: ExploreState, place: PanelPlace, line: number, x: number, direction: 1 | -1): ExploreState => {
	const move = direction > 0 ? 'down' : 'up';
	switch (place.plan.panel) {
		case 'kernel-log': {
			return moveInList(context, {...state, focus: 'kernel-log'}, 'kernel-log', move, WHEEL_ROWS);
		}

		case 'subheaps': {
			const area = subheapsLayout(context, exploreView(state, context.document), place).lifecycle;
			const onLifecycle = area && line >= area.line && x >= area.column && x < area.column + area.width;
			return onLifecycle ? moveInList(context, {...state, focus: 'lifecycle'}, 'lifecycle', move, WHEEL_ROWS) : scrollSubheaps(context, state, direction);
		}

		case 'holders': {
			return moveHolders(context, {...state, focus: 'holders'}, move, WHEEL_ROWS);
		}

		default: {
			return state;
		}
	}
};

/** The wheel on the table moves its selection, as ↑ / ↓ would. */
const scrollSubheaps = (context: ExploreContext, state: ExploreState, direction: 1 | -1): ExploreState => {
	const rows = context.document.subheaps;
	if (rows.length === 0) {
		return state;
	}

	const at = Math.max(0, rows.findIndex((row) => row.id === state.subheaps.id));
	const index = Math.max(0, Math.min(rows.length - 1, at + direction * WHEEL_ROWS));
	const place = panelPlaces(context).find((candidate) => candidate.plan.panel === 'subheaps');
	const slots = place ? subheapsLayout(context, exploreView({...state, focus: 'subheaps'}, context.document), place).slots : undefined;
	const shown = slots === undefined || rows.length <= slots ? rows.length : Math.max(1, slots - 1);
	const top = Math.max(0, Math.min(rows.length - shown, index < state.subheaps.top ? index : index >= state.subheaps.top + shown ? index - shown + 1 : state.subheaps.top));
	return {...state, focus: 'subheaps', subheaps: {id: rows[index]!.id, top}};
};

/** A mouse event: the next state (every report is taken, so none reaches the other keys). */
export const exploreMouse = (context: ExploreContext, state: ExploreState, event: MouseEvent): ExploreOutcome => {
	if (event.kind === 'other' || state.prompt || context.helpOpen) {
		return done(state);
	}

	if (state.screen === 'subheap' || state.screen === 'holders') {
		const size = bodySize(context);
		if (!size) {
			return done(state);
		}

		const {line, x} = inside({column: 0, row: 1}, event.column, event.row);
		if (event.kind === 'wheel') {
			const move = event.direction > 0 ? 'down' : 'up';
			return done(state.screen === 'subheap' ? scrollMap(context, state, move, WHEEL_ROWS) : moveHolders(context, state, move, WHEEL_ROWS));
		}

		return done(state.screen === 'subheap' ? clickMap(context, state, line, x) : clickHolders(context, state, size, line));
	}

	const place = panelAt(panelPlaces(context), event.column, event.row);
	if (!place) {
		return done(state);
	}

	const {line, x} = inside(place, event.column, event.row);
	if (line < 0 || line >= place.height - FRAME_ROWS) {
		return done(state);
	}

	if (event.kind === 'wheel') {
		return done(wheelDashboard(context, state, place, line, x, event.direction));
	}

	switch (place.plan.panel) {
		case 'kernel-log': {
			return done(clickLog(context, state, line));
		}

		case 'subheaps': {
			return done(clickSubheaps(context, state, place, line, x));
		}

		case 'holders': {
			return done({...clickHolders(context, state, place, line), focus: 'holders'});
		}

		default: {
			return done(state);
		}
	}
};
