import {describe, expect, test} from 'vitest';
import {WallClockMeter} from '../../source/engine/wall-clock-meter.js';

const sample = (at: number, tick: number, kmallocCalls = tick * 10, kfreeCalls = tick * 4) => ({at, tick, kmallocCalls, kfreeCalls});

describe('WallClockMeter', () => {
	test('rates are what ran over the last second of wall time', () => {
		const meter = new WallClockMeter();
		meter.reset(sample(0, 0));
		// 330 ticks a second, whatever rate was asked for.
		for (let at = 100; at <= 3000; at += 100) {
			meter.record(sample(at, at * 0.33));
		}

		expect(meter.rates(3000)).toEqual({ticksPerSecond: 330, kmallocPerSecond: 3300, kfreePerSecond: 1320});
	});

	test('a pause shows as a falling rate over the window, then zero', () => {
		const meter = new WallClockMeter();
		meter.reset(sample(0, 0));
		for (let at = 100; at <= 2000; at += 100) {
			meter.record(sample(at, at / 10));
		}

		// Paused at 2000: nothing more ran.
		expect(meter.rates(2500).ticksPerSecond).toBeCloseTo(50 / 1.0, 5);
		for (let at = 2100; at <= 3100; at += 100) {
			meter.record(sample(at, 200));
		}

		expect(meter.rates(3100)).toEqual({ticksPerSecond: 0, kmallocPerSecond: 0, kfreePerSecond: 0});
	});

	test('tickAgo: the tick current 3 s of wall time ago, or the boot\'s first one', () => {
		const meter = new WallClockMeter();
		meter.reset(sample(1000, 0));
		meter.record(sample(2000, 100));
		expect(meter.tickAgo(2000)).toBe(0);
		for (let at = 3000; at <= 9000; at += 1000) {
			meter.record(sample(at, at / 10));
		}

		// At a million ticks a second or ten, "new" lasts the same three seconds.
		expect(meter.tickAgo(9000)).toBe(600);
		expect(meter.tickAgo(9500)).toBe(600);
		expect(meter.tickAgo(10_000)).toBe(700);
	});

	test('samples closer than 25 ms replace the newest, so the ring spans seconds', () => {
		const meter = new WallClockMeter();
		meter.reset(sample(0, 0));
		for (let at = 1; at <= 10_000; at++) {
			meter.record(sample(at, at));
		}

		expect(meter.tickAgo(10_000)).toBeGreaterThanOrEqual(6900);
		expect(meter.tickAgo(10_000)).toBeLessThanOrEqual(7000);
		expect(meter.rates(10_000).ticksPerSecond).toBeCloseTo(1000, 0);
	});
});
