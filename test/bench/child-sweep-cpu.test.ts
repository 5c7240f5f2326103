// The sweep preload's wait figure (child-sweep-cpu.ts): each thread's last run-queue delay seen,
// summed over the threads gone by the end (the workers), not over those still alive (the main
// thread, V8's helpers).

import {describe, expect, test} from 'vitest';
import {readThreadWaits, sumGoneThreadWaits} from '../../bench/child-sweep-cpu.js';

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

describe('readThreadWaits', () => {
	const gone = (code: string) => () => {
		throw Object.assign(new Error(code), {code});
	};

	const stats: Record<string, () => string> = {
		100: () => '5000 250000000 7',
		101: () => '9000 125000000 3',
		102: gone('ENOENT'),
		103: gone('ESRCH'),
		104: gone('EACCES'),
	};

	test.each([
		{name: 'every thread read', ids: ['100', '101'], waits: [['100', 0.25], ['101', 0.125]]},
		{name: 'a thread gone before its read (ENOENT) is left out', ids: ['100', '102', '101'], waits: [['100', 0.25], ['101', 0.125]]},
		{name: 'a thread gone (ESRCH) is left out', ids: ['103', '101'], waits: [['101', 0.125]]},
		{name: 'any other error: no figure', ids: ['100', '104'], waits: undefined},
	] as Array<{name: string; ids: string[]; waits: Array<[string, number]> | undefined}>)('$name', ({ids, waits}) => {
		const read = readThreadWaits(() => ids, (id) => stats[id]!());
		expect(read && [...read]).toEqual(waits);
	});

	test('no /proc: no figure', () => {
		expect(readThreadWaits(gone('ENOENT'), () => '')).toBeUndefined();
	});
});
