import {describe, expect, test} from 'vitest';
import {buildSnapshot} from '../../source/engine/build-snapshot.js';
import {HeapHistory} from '../../source/engine/heap-history.js';
import {simulate, ticker} from './helpers.js';

/** A history with `count` samples pushed whose figures say which sample each is. */
const historyOf = (count: number): HeapHistory => {
	const history = new HeapHistory();
	for (let index = 0; index < count; index++) {
		const sample = {tick: index * 10, kmallocAllocated: index, kmallocAvailable: 1000 + index, subheapCount: 2000 + index, kmallocCalls: 3000 + index, kfreeCalls: 4000 + index};
		history.samples.push(sample);
		if (index % 10 === 0) {
			history.coarse.push(sample);
		}
	}

	return history;
};

const range = (from: number, to: number, plus = 0) => Array.from({length: to - from}, (_, index) => from + index + plus);

describe('buildSnapshot: the history section', () => {
	test.each([
		{pushed: 3, first: 0},
		{pushed: 512, first: 0},
		// The rings wrapped: the newest 512 of each, oldest first.
		{pushed: 700, first: 188},
		{pushed: 6000, first: 5488},
	])('$pushed samples pushed: each series from sample $first on, in order', ({pushed, first}) => {
		const simulation = simulate(ticker);
		simulation.history = historyOf(pushed);
		const {history} = buildSnapshot(simulation);
		expect(Object.keys(history)).toEqual(['everyTicks', 'kmallocAllocated', 'kmallocAvailable', 'subheapCount', 'kmallocCalls', 'kfreeCalls', 'coarse']);
		expect(history.kmallocAllocated).toEqual(range(first, pushed));
		expect(history.kmallocAvailable).toEqual(range(first, pushed, 1000));
		expect(history.subheapCount).toEqual(range(first, pushed, 2000));
		expect(history.kmallocCalls).toEqual(range(first, pushed, 3000));
		expect(history.kfreeCalls).toEqual(range(first, pushed, 4000));
		const coarse = range(Math.ceil(pushed / 10) - Math.min(512, Math.ceil(pushed / 10)), Math.ceil(pushed / 10)).map((index) => index * 10);
		expect(history.coarse).toEqual({everyTicks: 100, kmallocAllocated: coarse, kmallocAvailable: coarse.map((value) => value + 1000)});
	});
});
