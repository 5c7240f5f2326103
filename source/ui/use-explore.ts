// The live view's exploring (explore-state.ts) as a hook: the state, kept in a ref as well so
// that each key of a read (`/Adding` pasted, typed fast) sees what the key before it did; the
// keys and the mouse turned into its next state; and the open subheap's document.

import {useCallback, useLayoutEffect, useRef, useState} from 'react';
import type {EngineLink, LinkedView} from '../engine/engine-link.js';
import type {ViewFacts} from '../view/view-facts.js';
import type {ExploreProps} from './dashboard-screen.js';
import type {ExploreContext} from './explore-geometry.js';
import {exploreKey, type ExploreOutcome, type KeyPress} from './explore-keys.js';
import {exploreMouse} from './explore-mouse.js';
import {initialExploreState, type ExploreState} from './explore-state.js';
import type {MouseEvent} from './parse-mouse.js';
import {useSubheapDocument} from './use-subheap-document.js';

export type ExploreOptions = {
	engine: EngineLink;
	view: LinkedView;
	facts: ViewFacts;
	columns: number;
	rows: number;
	helpOpen: boolean;
	showStatus: (text: string) => void;
};

export type Explore = {
	props: ExploreProps;
	/** A key: true when the exploring took it (it goes no further). */
	onKey: (press: KeyPress) => boolean;
	onMouse: (event: MouseEvent) => void;
};

export const useExplore = ({engine, view, facts, columns, rows, helpOpen, showStatus}: ExploreOptions): Explore => {
	const [state, setState] = useState<ExploreState>(initialExploreState);
	const current = useRef(state);
	const {document} = view;
	// A new tick (or boot, or workload) is news for the map; a frozen or paused display is not.
	const refreshKey = `${view.facts.boot}|${document.run.tick}|${document.run.workload}`;
	const subheap = useSubheapDocument(engine, state.screen === 'subheap' ? state.map.id : undefined, refreshKey);
	const context: ExploreContext = {document, facts, columns, rows, subheap: subheap.document, subheapGoneAt: subheap.goneAt, helpOpen};
	// Keys and clicks read the context of the last commit (React forbids writing a ref in render).
	const latestContext = useRef(context);
	useLayoutEffect(() => {
		latestContext.current = context;
	});

	const apply = useCallback(
		(outcome: ExploreOutcome): boolean => {
			if (outcome.state !== current.current) {
				current.current = outcome.state;
				setState(outcome.state);
			}

			if (outcome.status !== undefined) {
				showStatus(outcome.status);
			}

			return outcome.handled;
		},
		[showStatus],
	);

	const onKey = useCallback((press: KeyPress) => apply(exploreKey(latestContext.current, current.current, press)), [apply]);
	const onMouse = useCallback(
		(event: MouseEvent) => {
			apply(exploreMouse(latestContext.current, current.current, event));
		},
		[apply],
	);

	return {
		props: {state, subheap: subheap.document, subheapGoneAt: subheap.goneAt, subheapProblem: subheap.problem},
		onKey,
		onMouse,
	};
};
