// Tells the engine which of the sections it may leave out the screen shows (engine-protocol.ts,
// ShownSections): the holders table was most of each view's bytes, built, sent and read four
// times a second at the defaults while no panel on screen showed it; the region and
// deferred-call events changed the events section every view, and no panel draws them. Told
// only when it changes; the engine publishes at once, so a panel that gets room has its rows
// within a frame or two.

import {useEffect} from 'react';
import type {EngineLink} from '../engine/engine-link.js';
import type {SnapshotDocument} from '../engine/snapshot-types.js';
import type {ViewFacts} from '../view/view-facts.js';
import {holdersPanelFits} from './plan-dashboard.js';

export type ShownScreen = {
	engine: EngineLink;
	document: SnapshotDocument;
	facts: ViewFacts;
	columns: number;
	rows: number;
	/** The holders' own screen (`a`) is open. */
	holdersScreen: boolean;
};

export const useShownSections = ({engine, document, facts, columns, rows, holdersScreen}: ShownScreen): void => {
	const holders = holdersScreen || holdersPanelFits(document, facts, columns, rows);
	useEffect(() => {
		// No panel draws region and deferred-call events (the lifecycle, the backup's strip and the
		// footer read the others), and they changed the events section every view.
		engine.show({holders, frequentEvents: false});
	}, [engine, holders]);
};
