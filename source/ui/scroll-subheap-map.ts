// The `Subheap #N` view's keys: the map scrolls, `k` asks "will it fit" (its answer scrolls the
// map to where the request would go), Esc goes back to the dashboard.

import {parseSize} from '../cli/parse-size.js';
import {MAX_REQUEST_BYTES, willItFit} from '../engine/will-it-fit.js';
import {CHUNKS_PER_CELL} from '../view/render-chunk-map.js';
import {subheapViewLayout, type ExploreContext} from './explore-geometry.js';
import {done, moveOf, pass, type ExploreOutcome, type KeyPress, type Move} from './explore-outcome.js';
import type {ExploreState} from './explore-state.js';

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
export const applyFit = (context: ExploreContext, state: ExploreState, text: string): ExploreOutcome => {
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

/** The keys of the map view. */
export const mapKey = (context: ExploreContext, state: ExploreState, press: KeyPress): ExploreOutcome => {
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
