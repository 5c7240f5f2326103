import {describe, expect, it} from 'vitest';
import {buildSnapshot} from '../../source/engine/build-snapshot.js';
import {runTicksTo} from '../../source/engine/session-journal.js';
import {Simulation} from '../../source/engine/simulation.js';
import type {Workload} from '../../source/engine/workload-api.js';
import {loadBuiltinWorkload} from '../../source/engine/workload-loader.js';
import {kernelArrays, lendKernelArrays, type KernelArrays} from '../../source/kernel/kernel-arrays.js';
import {createKernelArrayPool} from '../../source/sweep/reuse-kernel-arrays.js';

const MiB = 2 ** 20;

describe('createKernelArrayPool', () => {
	it('hands a reclaimed array out again for the same type and length, zero-filled; others are new', () => {
		const pool = createKernelArrayPool({maxBytes: MiB});
		const words = pool.arrays.uint32(4096);
		const states = pool.arrays.uint8(4096);
		const other = pool.arrays.uint32(4096);
		expect(other).not.toBe(words); // not before the run is over
		words.fill(0xbbbbbbbb);
		states.fill(3);
		pool.reclaim();
		const again = [pool.arrays.uint32(4096), pool.arrays.uint32(4096)];
		expect(again).toContain(words);
		expect(again).toContain(other);
		expect(words.every((word) => word === 0)).toBe(true);
		expect(pool.arrays.uint8(4096)).toBe(states);
		expect(states.every((state) => state === 0)).toBe(true);
		expect(pool.arrays.int32(1024)).not.toBe(words); // same bytes, another type
		expect(pool.arrays.uint32(4095)).toBeInstanceOf(Uint32Array);
		expect(pool.arrays.uint32(4095)).toHaveLength(4095);
	});

	it('holds at most maxBytes, and no array under 1 KiB (past either, arrays are new every time)', () => {
		const pool = createKernelArrayPool({maxBytes: 64 * 1024});
		const kept = [pool.arrays.uint32(8192), pool.arrays.uint32(8192)]; // 32 KiB each: the pool is full
		const past = pool.arrays.uint32(8192);
		const small = pool.arrays.uint8(1000);
		expect(pool.heldBytes).toBe(64 * 1024);
		pool.reclaim();
		const taken = [pool.arrays.uint32(8192), pool.arrays.uint32(8192), pool.arrays.uint32(8192)];
		expect(kept.every((array) => taken.includes(array))).toBe(true);
		expect(taken).not.toContain(past);
		expect(pool.arrays.uint8(1000)).not.toBe(small);
		expect(pool.heldBytes).toBe(64 * 1024);
	});
});

describe('lendKernelArrays', () => {
	it('the kernel takes its arrays from the lent source until it is given back', () => {
		const pool = createKernelArrayPool({maxBytes: MiB});
		const before = kernelArrays();
		const restore = lendKernelArrays(pool.arrays);
		expect(kernelArrays()).toBe(pool.arrays);
		restore();
		expect(kernelArrays()).toBe(before);
		expect(kernelArrays().uint8(3)).toEqual(new Uint8Array(3));
	});
});

// What `kmtop snapshot` does: the whole document of a run.
const snapshotOf = async (workload: Workload, seed: number, revision: string, ticks: number) => {
	const simulation = new Simulation({seed, revision, ramBytes: 512 * MiB, debugAsserts: false, workload});
	await runTicksTo(simulation, ticks);
	return JSON.stringify(buildSnapshot(simulation));
};

describe('a sweep worker\'s kernel on arrays of the runs before', () => {
	it('runs exactly as on fresh ones: the same snapshot document, byte for byte', async () => {
		const workload = await loadBuiltinWorkload('big-allocations');
		const fresh = await snapshotOf(workload, 3, '2020-12-31', 2500);
		const pool = createKernelArrayPool({maxBytes: 128 * MiB});
		// Which arrays the runs get: the second run must get the first run's, dirty, or this proves nothing.
		const given: Array<Set<unknown>> = [];
		const watched: KernelArrays = {
			uint8: (length) => record(pool.arrays.uint8(length)),
			uint32: (length) => record(pool.arrays.uint32(length)),
			int32: (length) => record(pool.arrays.int32(length)),
		};
		const record = <T>(array: T): T => {
			given.at(-1)!.add(array);
			return array;
		};

		const restore = lendKernelArrays(watched);
		try {
			given.push(new Set());
			await snapshotOf(workload, 1, '2021-02-23', 2500);
			pool.reclaim();
			given.push(new Set());
			const reused = await snapshotOf(workload, 3, '2020-12-31', 2500);
			expect(reused).toBe(fresh);
			const again = [...given[1]!].filter((array) => given[0]!.has(array)) as Uint8Array[];
			expect(again.reduce((bytes, array) => bytes + array.byteLength, 0)).toBeGreaterThan(4 * MiB);
		} finally {
			restore();
		}
	});
});
