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
How the call rates read: live, `45.3k/s` as measured against the wall clock by the engine (what
really ran: 0 while paused, 330k when the host manages 330k of the 1M ticks asked); in a text
snapshot, which has no clock, `45.3/tick` from the history's counters (or per simulated second
at a rate it is given).
*/
export const describeCallRates = (
	history: HistorySeries,
	facts: {kmallocPerSecond?: number; kfreePerSecond?: number; rate?: number},
): {kmalloc: string; kfree: string} => {
	if (facts.kmallocPerSecond !== undefined && facts.kfreePerSecond !== undefined) {
		return {kmalloc: `${formatCompactNumber(facts.kmallocPerSecond)}/s`, kfree: `${formatCompactNumber(facts.kfreePerSecond)}/s`};
	}

	// A text snapshot given a rate reads its ticks as that many a second of simulated time.
	const rates = computeCallRates(history);
	const unit = facts.rate === undefined ? '/tick' : '/s';
	const scaled = (perTick: number | undefined) =>
		perTick === undefined ? `–${unit}` : `${formatCompactNumber(perTick * (facts.rate ?? 1))}${unit}`;
	return {kmalloc: scaled(rates?.kmallocPerTick), kfree: scaled(rates?.kfreePerTick)};
};
