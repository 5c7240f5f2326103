// The sweep preload's wait figure (child-sweep-cpu.ts): each thread's last run-queue delay seen,
// summed over the threads gone by the end (the workers), not over those still alive (the main
// thread, V8's helpers).

import {describe, expect, test} from 'vitest';
import {sumGoneThreadWaits} from '../../bench/child-sweep-cpu.js';

describe('sumGoneThreadWaits', () => {
	test.each([
		{name: 'no thread seen', lastSeen: [], alive: ['100'], sum: 0},
		{name: 'all still alive', lastSeen: [['100', 0.5], ['101', 0.25]], alive: ['100', '101'], sum: 0},
		{name: 'one worker gone', lastSeen: [['100', 0.5], ['107', 0.25]], alive: ['100'], sum: 0.25},
		{name: 'two workers gone, helpers alive', lastSeen: [['100', 0.5], ['101', 0.125], ['107', 0.25], ['108', 0.375]], alive: ['100', '101'], sum: 0.625},
		{name: 'a thread alive but not seen', lastSeen: [['107', 1.5]], alive: ['100', '109'], sum: 1.5},
	] as Array<{name: string; lastSeen: Array<[string, number]>; alive: string[]; sum: number}>)('$name: $sum s', ({lastSeen, alive, sum}) => {
		expect(sumGoneThreadWaits(new Map(lastSeen), new Set(alive))).toBe(sum);
	});
});
