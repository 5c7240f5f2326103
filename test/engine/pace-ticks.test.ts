import {describe, expect, it} from 'vitest';
import {MAX_RATE, TickPacer} from '../../source/engine/pace-ticks.js';

describe('TickPacer', () => {
	it('carries the fraction of a tick from one advance to the next', () => {
		const pacer = new TickPacer(100);
		const owed = Array.from({length: 6}, () => pacer.owe(33));
		// 3.3 ticks a wake: 3, 3 (6.6), 3 (9.9), 4 (13.2), 3 (16.5), 3 (19.8).
		expect(owed).toEqual([3, 3, 3, 4, 3, 3]);
	});

	it('owes nothing more once the debt is dropped', () => {
		const pacer = new TickPacer(100);
		expect(pacer.owe(5)).toBe(0); // 0.5 carried
		pacer.drop();
		expect(pacer.owe(5)).toBe(0); // 0.5 again, not 1
		expect(pacer.owe(5)).toBe(1);
	});

	it.each([
		[100, 'faster', 200],
		[MAX_RATE, 'faster', MAX_RATE],
		[600_000, 'faster', MAX_RATE],
		[100, 'slower', 50],
		[1.5, 'slower', 1],
		[1, 'slower', 1],
		[0.5, 'slower', 0.5],
	] as const)('rate %d, %s: %d', (rate, key, expected) => {
		const pacer = new TickPacer(rate);
		pacer[key]();
		expect(pacer.rate).toBe(expected);
	});
});
