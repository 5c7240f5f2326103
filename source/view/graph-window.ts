// The stretch of time the graphs show (`z` in the live view: the last 500, 5,000 or 50,000
// ticks) and the samples that cover it: the document's history (a sample every 10 ticks, the
// newest 512) up to its span, its coarse history (every 100 ticks) beyond. Without a window (a
// text snapshot) the graphs span the whole fine history, as they always have.

import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {HISTORY_SAMPLES} from './locate-history.js';
import type {ViewFacts} from './view-facts.js';

export type GraphSeries = {
	everyTicks: number;
	allocated: number[];
	available: number[];
	/** The absolute number of the newest sample (samples since boot at this spacing). */
	lastIndex: number;
};

/** The absolute number of the newest sample taken every `everyTicks` ticks. */
const lastIndexAt = (document: SnapshotDocument, everyTicks: number, length: number): number => {
	// The tick that halted the kernel took no sample, even when it fell on a sampling tick.
	const lastSampledTick = document.panic ? Math.max(0, document.run.tick - 1) : document.run.tick;
	const index = Math.floor(lastSampledTick / Math.max(1, everyTicks));
	return index >= length - 1 ? index : length - 1;
};

/** The samples a window needs: the fine history when it spans the window, else the coarse one. */
export const graphSeries = (document: SnapshotDocument, facts: ViewFacts): GraphSeries => {
	const {history} = document;
	const window = facts.graphWindow;
	const coarse = history.coarse;
	if (window !== undefined && coarse && window > history.everyTicks * HISTORY_SAMPLES) {
		return {
			everyTicks: coarse.everyTicks,
			allocated: coarse.kmallocAllocated,
			available: coarse.kmallocAvailable,
			lastIndex: lastIndexAt(document, coarse.everyTicks, coarse.kmallocAllocated.length),
		};
	}

	return {
		everyTicks: history.everyTicks,
		allocated: history.kmallocAllocated,
		available: history.kmallocAvailable,
		lastIndex: lastIndexAt(document, history.everyTicks, history.kmallocAllocated.length),
	};
};

/** Samples per cell, so that `width` cells span the window (or, without one, the whole fine history). */
export const graphSamplesPerCell = (series: GraphSeries, facts: ViewFacts, width: number): number => {
	const cells = Math.max(1, width);
	return facts.graphWindow === undefined
		? Math.max(1, Math.ceil(HISTORY_SAMPLES / cells))
		: Math.max(1, Math.ceil(facts.graphWindow / Math.max(1, series.everyTicks) / cells));
};

/** Ticks one cell of a graph `width` cells wide covers. */
export const graphTicksPerCell = (document: SnapshotDocument, facts: ViewFacts, width: number): number => {
	const series = graphSeries(document, facts);
	return graphSamplesPerCell(series, facts, width) * Math.max(1, series.everyTicks);
};

/** The ticks the first and the last cell of a graph begin at (the last holds the newest sample). */
export const graphSpan = (document: SnapshotDocument, facts: ViewFacts, width: number): {first: number; last: number; perCell: number} => {
	const perCell = graphTicksPerCell(document, facts, width);
	const lastCell = Math.floor(document.run.tick / perCell);
	return {first: (lastCell - width + 1) * perCell, last: lastCell * perCell, perCell};
};
