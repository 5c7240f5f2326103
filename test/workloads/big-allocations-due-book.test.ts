// big-allocations frees each block at the tick it drew for it, blocks due at one tick in the
// order they were allocated, from a ring of lists in typed arrays (workloads/big-allocations.ts).
// Driven here on a kernel that only hands out addresses and records kfrees.
import {describe, expect, it} from 'vitest';
import {createRng} from '../../source/engine/rng.js';
import type {KernelFacade, Workload, WorkloadContext} from '../../source/engine/workload-api.js';
import bigAllocations from '../../workloads/big-allocations.js';

// Its state type is its own: the test drives it as any workload.
const workload = bigAllocations as unknown as Workload;

type Book = {next: Int32Array; freeAt: Float64Array; order: Float64Array; address: Float64Array; used: number};

/**
 * Runs the hooks at `ticks` on a kernel that hands out addresses 1, 2, … (allocation order) and
 * records the kfrees, and notes each block's due tick: the rng draw that follows its kmalloc.
 */
const drive = (ticks: number[]) => {
	let allocated = 0;
	let awaitingDue = 0;
	const big = new Set<number>();
	const dueAt = new Map<number, number>();
	const freed: number[] = [];
	const madeAt: number[] = [];
	const held = new Set<number>();
	const context = {tick: 0, rng: createRng(17), state: {}} as WorkloadContext;
	const kernel = {
		kmalloc(size: number) {
			held.add(++allocated);
			madeAt.push(context.tick);
			if (size > 1_000_000) {
				big.add(allocated);
			}

			awaitingDue = allocated;
			return allocated;
		},
		kfree(address: number) {
			expect(held.delete(address)).toBe(true);
			freed.push(address);
		},
		asProcess: <T>(_process: string, fn: () => T): T => fn(),
	} as unknown as KernelFacade;
	const {rng} = context;
	const draw = rng.int.bind(rng);
	rng.int = (lo: number, hi: number) => {
		const value = draw(lo, hi);
		if (awaitingDue !== 0) {
			dueAt.set(awaitingDue, context.tick + value);
			awaitingDue = 0;
		}

		return value;
	};

	workload.setup!(kernel, context);
	for (const tick of ticks) {
		(context as {tick: number}).tick = tick;
		workload.tick(kernel, context);
	}

	return {freed, madeAt, held, allocated, big, dueAt, state: context.state as {big: Book; small: Book}};
};

/** What a scan of every held block at every tick run frees: due blocks, big then small, each in allocation order. */
const expectedFrees = ({allocated, big, dueAt, madeAt}: ReturnType<typeof drive>, ticks: number[]): number[] => {
	let held: number[] = [];
	let next = 1;
	const freed: number[] = [];
	for (const tick of ticks) {
		while (next <= allocated && madeAt[next - 1]! <= tick) {
			held.push(next++);
		}

		const due = held.filter((address) => dueAt.get(address)! <= tick);
		freed.push(...due.filter((address) => big.has(address)), ...due.filter((address) => !big.has(address)));
		held = held.filter((address) => dueAt.get(address)! > tick);
	}

	return freed;
};

const range = (from: number, to: number) => Array.from({length: to - from}, (_, index) => from + index);

// The kfree order as a number: a polynomial hash of the addresses, mod 2^31 - 1.
const hashOrder = (addresses: number[]) => addresses.reduce((hash, address) => (hash * 31 + address) % 2_147_483_647, 7);

describe('big-allocations: the due book', () => {
	it.each([
		// ticks run, blocks allocated, kfrees, still held, hash of the kfree order
		{name: 'every tick 0..7,999', ticks: range(0, 8000), allocated: 24_229, freed: 19_714, hash: 1_691_528_373},
		// 1,000..2,999 skipped: the blocks due meanwhile are freed at 3,000, in allocation order.
		{name: 'ticks skipped', ticks: [...range(0, 1000), ...range(3000, 8000)], allocated: 18_247, freed: 13_691, hash: 1_044_610_882},
		// Skipped by more than the ring holds (4,096 slots): due ticks that share a slot are told apart.
		{name: 'a skip past the ring', ticks: [...range(0, 500), ...range(5000, 5600)], allocated: 3406, freed: 1762, hash: 2_120_572_067},
	])('$name: $freed of $allocated blocks freed, in due-tick then allocation order', ({ticks, allocated, freed, hash}) => {
		const result = drive(ticks);
		expect(result.allocated).toBe(allocated);
		expect(result.freed).toHaveLength(freed);
		expect(result.held.size).toBe(allocated - freed);
		expect(hashOrder(result.freed)).toBe(hash);
	});

	it.each([
		{name: 'every tick', ticks: range(0, 8000)},
		{name: 'ticks skipped', ticks: [...range(0, 1000), ...range(3000, 8000)]},
		{name: 'a skip past the ring', ticks: [...range(0, 500), ...range(5000, 5600)]},
	])('$name: frees what a scan of every held block at every tick frees, in its order', ({ticks}) => {
		const result = drive(ticks);
		expect(result.freed).toEqual(expectedFrees(result, ticks));
	});

	it('keeps the books in typed arrays, an entry per held block, reused once freed', () => {
		const {state, held} = drive(range(0, 8000));
		expect(state.small.next).toBeInstanceOf(Int32Array);
		// Never more than 4,629 small blocks held at once: entries are reused, not one per block ever made.
		expect(state.small.used).toBe(4629);
		expect(state.small.next).toHaveLength(8192);
		expect(state.big.used).toBe(14);
		expect(held.size).toBe(4515);
	});
});
