// kmalloc/s and kfree/s by holder over about a second of wall time (the Holders table's rates).

import {describe, expect, test} from 'vitest';
import {HolderRateMeter} from '../../source/engine/holder-rate-meter.js';

const counts = (kmallocs: number[], kfrees: number[], generations: number[] = kmallocs.map(() => 0)) => ({
	kmallocs: Float64Array.from(kmallocs),
	kfrees: Float64Array.from(kfrees),
	generations: Uint32Array.from(generations),
	count: kmallocs.length,
});

describe('HolderRateMeter', () => {
	test('nothing to say before two points in time', () => {
		const meter = new HolderRateMeter();
		expect(meter.rates(0, counts([0, 5], [0, 0]))).toEqual([]);
		meter.record(0, counts([0, 5], [0, 0]));
		expect(meter.rates(0, counts([0, 5], [0, 0]))).toEqual([]);
	});

	test('the change over the window, per second; holders with no call left out', () => {
		const meter = new HolderRateMeter();
		meter.record(0, counts([0, 10, 7], [0, 2, 7]));
		meter.record(500, counts([0, 60, 7], [0, 40, 7]));
		// 1,000 ms after the first copy: holder 1 made 200 kmallocs and 98 kfrees.
		expect(meter.rates(1000, counts([0, 210, 7], [0, 100, 7]))).toEqual([{id: 1, kmallocPerSecond: 200, kfreePerSecond: 98}]);
	});

	test('copies closer together than 200 ms are not kept; old ones fall out of the window', () => {
		const meter = new HolderRateMeter();
		for (let at = 0; at <= 3000; at += 50) {
			meter.record(at, counts([0, at], [0, 0]));
		}

		// The oldest copy kept within the window (and a sample gap) is from 1,800 ms: 1,200 calls in 1.2 s.
		expect(meter.rates(3000, counts([0, 3000], [0, 0]))).toEqual([{id: 1, kmallocPerSecond: 1000, kfreePerSecond: 0}]);
	});

	test('a new holder since the copy counts from zero; a reset forgets', () => {
		const meter = new HolderRateMeter();
		meter.record(0, counts([0, 1], [0, 0]));
		expect(meter.rates(2000, counts([0, 1, 8], [0, 0, 2]))).toEqual([{id: 2, kmallocPerSecond: 4, kfreePerSecond: 1}]);
		meter.reset();
		expect(meter.rates(2000, counts([0, 1, 8], [0, 0, 2]))).toEqual([]);
	});

	test('a retired id reused by a new holder counts from zero, never below', () => {
		const meter = new HolderRateMeter();
		// Holder 3 made 50 kmallocs and 50 kfrees, then was retired; holder 4 was too and is not reused yet.
		meter.record(0, counts([0, 0, 0, 50, 9], [0, 0, 0, 50, 9]));
		// Id 3 now belongs to a new holder (generation 1) with 6 kmallocs: fewer than the copy's 50.
		// Id 4 is retired (generation 1, counts zero). Neither shows a negative or the old figures.
		expect(meter.rates(2000, counts([0, 0, 0, 6, 0], [0, 0, 0, 2, 0], [0, 0, 0, 1, 1]))).toEqual([{id: 3, kmallocPerSecond: 3, kfreePerSecond: 1}]);
		// More calls than the old holder made: still counted from zero, not from the old 50.
		expect(meter.rates(2000, counts([0, 0, 0, 80, 0], [0, 0, 0, 60, 0], [0, 0, 0, 1, 1]))).toEqual([{id: 3, kmallocPerSecond: 40, kfreePerSecond: 30}]);
	});

	test('counts below the copy for the same holder (the simulation went back) show no rate', () => {
		const meter = new HolderRateMeter();
		meter.record(0, counts([0, 100], [0, 40]));
		expect(meter.rates(1000, counts([0, 30], [0, 10]))).toEqual([]);
	});
});
