// kmalloc and kfree calls per tick, from the call counters the history samples, and their
// wording per second at a tick rate. The counters are the kernel's size_t: they wrap at 2^32.

import type {HistorySeries} from '../engine/snapshot-types.js';
import {formatCompactNumber} from './format-number.js';

/** Rates are measured over the last this many sample intervals (200 ticks by default). */
export const RATE_WINDOW_SAMPLES = 20;

export type CallRates = {kmallocPerTick: number; kfreePerTick: number};

const counterDelta = (newer: number, older: number): number => (newer - older + 2 ** 32) % 2 ** 32;

export const computeCallRates = (history: HistorySeries, windowSamples = RATE_WINDOW_SAMPLES): CallRates | undefined => {
	const count = Math.min(history.kmallocCalls.length, history.kfreeCalls.length);
	if (count < 2) {
		return undefined;
	}

	const span = Math.min(windowSamples, count - 1);
	const ticks = span * Math.max(1, history.everyTicks);
	const last = count - 1;
	return {
		kmallocPerTick: counterDelta(history.kmallocCalls[last]!, history.kmallocCalls[last - span]!) / ticks,
		kfreePerTick: counterDelta(history.kfreeCalls[last]!, history.kfreeCalls[last - span]!) / ticks,
	};
};

/**
`45.3k/s` at a rate of ticks per second (the rate set, so the figure describes the simulated
machine and does not wobble with the host's speed), or `45.3/tick` when there is no rate (a
text snapshot has no clock).
*/
export const formatCallRate = (perTick: number | undefined, ticksPerSecond?: number): string => {
	if (perTick === undefined) {
		return ticksPerSecond === undefined ? '–/tick' : '–/s';
	}

	return ticksPerSecond === undefined
		? `${formatCompactNumber(perTick)}/tick`
		: `${formatCompactNumber(perTick * ticksPerSecond)}/s`;
};
