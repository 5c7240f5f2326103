import {describe, expect, test} from 'vitest';
import {KEPT_BYTES, giveBackUint32, keptUint32Bytes, uint32Reused} from '../../source/kernel/kernel-arrays.js';

// The module's pool is the process's: each test hands back what it took, so the next starts at 0.
const drain = (length: number): void => {
	while (keptUint32Bytes() > 0) {
		const before = keptUint32Bytes();
		uint32Reused(length);
		if (keptUint32Bytes() === before) {
			return;
		}
	}
};

describe('uint32Reused / giveBackUint32', () => {
	test('an array given back is the next of its length handed out, and only once', () => {
		const array = uint32Reused(300);
		giveBackUint32(array);
		giveBackUint32(array); // twice: kept once
		expect(keptUint32Bytes()).toBe(1200);
		expect(uint32Reused(300)).toBe(array);
		expect(uint32Reused(300)).not.toBe(array);
		expect(keptUint32Bytes()).toBe(0);
	});

	test('an array the pool did not make is never handed out again', () => {
		const foreign = new Uint32Array(64);
		giveBackUint32(foreign);
		expect(keptUint32Bytes()).toBe(0);
		expect(uint32Reused(64)).not.toBe(foreign);
	});

	test('four of a length at most', () => {
		const arrays = Array.from({length: 6}, () => uint32Reused(10));
		for (const array of arrays) {
			giveBackUint32(array);
		}

		expect(keptUint32Bytes()).toBe(4 * 40);
		drain(10);
	});

	test('all lengths together keep no more than KEPT_BYTES', () => {
		// 4,096 addresses (16 KiB) each, of 40 lengths: 640 KiB given back.
		const arrays = Array.from({length: 40}, (_, index) => uint32Reused(4096 + index));
		for (const array of arrays) {
			giveBackUint32(array);
		}

		expect(KEPT_BYTES).toBe(262_144);
		expect(keptUint32Bytes()).toBe(15 * 4 * 4096 + 4 * (0 + 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + 14));
		expect(keptUint32Bytes()).toBeLessThanOrEqual(KEPT_BYTES);
		for (let index = 0; index < 40; index++) {
			drain(4096 + index);
		}

		expect(keptUint32Bytes()).toBe(0);
	});
});
