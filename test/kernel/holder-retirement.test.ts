// The holder book retires holders with nothing live and no call in the last 1,000 ticks and reuses
// their ids (holder-book.ts): threads come and go with ever new pids, and the book must not grow
// with every one of them, while its live figures stay exactly memstat's.
import {describe, expect, it} from 'vitest';
import {HOLDER_RETIRE_TICKS, OTHER_HOLDERS, UNATTRIBUTED} from '../../source/kernel/holder-book.js';
import {checkInvariants} from '../../source/kernel/invariants.js';
import type {Kernel} from '../../source/kernel/kernel.js';
import {boot} from './helpers.js';

const total = (values: Int32Array | Float64Array): number => {
	let sum = 0;
	for (const value of values) {
		sum += value;
	}

	return sum;
};

/** Live chunks over all holders are memstat's allocated bytes; calls, with the retired holders', its call counts. */
const expectBalanced = (kernel: Kernel) => {
	const {holders} = kernel;
	const memstat = kernel.memstat();
	expect(total(holders.liveChunks) * 32).toBe(memstat.kmalloc_allocated);
	expect(total(holders.kmallocs) + holders.retiredKmallocs).toBe(memstat.kmalloc_call_count);
	expect(total(holders.kfrees) + holders.retiredKfrees).toBe(memstat.kfree_call_count);
	expect(checkInvariants(kernel)).toBeUndefined();
};

describe('retiring idle holders', () => {
	it('10,000 short-lived threads with new pids leave a book of a few dozen holders, its figures exact', () => {
		const {kernel} = boot();
		// A long-lived block of a thread that stays: its holder is never retired.
		const kept = kernel.asProcess('WindowServer(14:14)', () => kernel.kmalloc(500, 'framebuffer', 'churn'));
		const keptHolder = kernel.heap.findHeap(kept)!.holderAt(kept);
		const pending: Array<{due: number; blocks: number[]}> = [];
		let highestCount = 0;
		let highestHeld = 0;
		let pid = 100;
		for (let tick = 1; pid < 10_100; tick++) {
			kernel.now = tick;
			// A thread every 100 ticks: two blocks for two purposes, both freed 30 ticks later.
			if (tick % 100 === 0) {
				const process = `churn(${pid}:${pid})`;
				pid++;
				const blocks = kernel.asProcess(process, () => [kernel.kmalloc(64, 'VMObject', 'churn'), kernel.kmalloc(300, 'page vector', 'churn')]);
				pending.push({due: tick + 30, blocks});
			}

			while (pending[0] && pending[0].due <= tick) {
				for (const block of pending.shift()!.blocks) {
					kernel.kfree(block);
				}
			}

			highestCount = Math.max(highestCount, kernel.holders.count);
			highestHeld = Math.max(highestHeld, kernel.holders.held);
			if (tick % 250_000 === 0) {
				expectBalanced(kernel);
			}
		}

		// A sweep at tick T keeps the 10 threads (two holders each) spawned at T - 1,000 ... T - 100 and
		// 10 more come before the next: 40 holders, plus the reserved three, the six boot holders still
		// live and WindowServer's.
		expect(kernel.now).toBe(1_000_000);
		expect(highestCount).toBe(50);
		expect(highestHeld).toBe(50);
		expect(highestCount).toBeLessThan(64);
		// Retired by the sweep of tick 1,000,000: the 9,989 threads spawned by tick 998,900, two kmallocs each.
		expect(kernel.holders.retiredKmallocs).toBe(19_978);
		expect(kernel.holders.liveBlocks[keptHolder]).toBe(1);
		expect(kernel.holders.keys[keptHolder]).toEqual({process: 'WindowServer(14:14)', purpose: 'framebuffer', workload: 'churn'});
		expectBalanced(kernel);
	});

	it('a retired id goes to the next new holder with zero counts; the reserved ids stay', () => {
		const {kernel} = boot();
		kernel.now = 1;
		const block = kernel.asProcess('cat(40:40)', () => kernel.kmalloc(100, 'buffer', 'first'));
		const catHolder = kernel.heap.findHeap(block)!.holderAt(block);
		kernel.kfree(block);
		kernel.asProcess('cat(40:40)', () => kernel.kfree(kernel.kmalloc(20, 'buffer', 'first')));
		expect([kernel.holders.kmallocs[catHolder], kernel.holders.kfrees[catHolder]]).toEqual([2, 2]);
		const count = kernel.holders.count;

		// Still recent at the sweep of tick 1,000; idle for more than 1,000 ticks at the sweep of tick 2,000.
		kernel.now = HOLDER_RETIRE_TICKS;
		expect(kernel.holders.keys[catHolder]!.process).toBe('cat(40:40)');
		kernel.now = 2 * HOLDER_RETIRE_TICKS;
		expect(kernel.holders.keys[catHolder]).toEqual({process: undefined, purpose: '(retired)', workload: undefined});
		expect([kernel.holders.kmallocs[catHolder], kernel.holders.kfrees[catHolder], kernel.holders.lastTick[catHolder]]).toEqual([0, 0, -1]);
		expect(kernel.holders.generations[catHolder]).toBe(1);
		expect([kernel.holders.keys[UNATTRIBUTED]!.purpose, kernel.holders.keys[OTHER_HOLDERS]!.purpose]).toEqual(['(unattributed)', '(more holders than kmtop tracks)']);

		// The next new holder takes a retired id (the last retired first) and starts from zero.
		const next = kernel.asProcess('ls(41:41)', () => kernel.kmalloc(100, 'dirent', 'first'));
		const lsHolder = kernel.heap.findHeap(next)!.holderAt(next);
		expect(lsHolder).toBeLessThan(count);
		expect(kernel.holders.count).toBe(count);
		expect(kernel.holders.keys[lsHolder]).toEqual({process: 'ls(41:41)', purpose: 'dirent', workload: 'first'});
		expect([kernel.holders.liveBlocks[lsHolder], kernel.holders.liveChunks[lsHolder], kernel.holders.kmallocs[lsHolder], kernel.holders.kfrees[lsHolder]]).toEqual([1, 4, 1, 0]);
		// cat's key left the id maps: asked again, it gets an id of its own, not a stale one.
		const catAgain = kernel.asProcess('cat(40:40)', () => kernel.kmalloc(100, 'buffer', 'first'));
		const catAgainHolder = kernel.heap.findHeap(catAgain)!.holderAt(catAgain);
		expect(catAgainHolder).not.toBe(lsHolder);
		expect([kernel.holders.kmallocs[catAgainHolder], kernel.holders.liveBlocks[catAgainHolder]]).toEqual([1, 1]);
		expectBalanced(kernel);
	});

	it('a holder with a live block is never retired, however long it is idle', () => {
		const {kernel} = boot();
		const block = kernel.asProcess('init(1:1)', () => kernel.kmalloc(100, 'argv', undefined));
		const holder = kernel.heap.findHeap(block)!.holderAt(block);
		for (let tick = 1; tick <= 10 * HOLDER_RETIRE_TICKS; tick++) {
			kernel.now = tick;
		}

		expect(kernel.holders.keys[holder]).toEqual({process: 'init(1:1)', purpose: 'argv', workload: undefined});
		expect(kernel.holders.liveBlocks[holder]).toBe(1);
		kernel.kfree(block);
		expect(kernel.holders.kfrees[holder]).toBe(1);
		expectBalanced(kernel);
	});
});
