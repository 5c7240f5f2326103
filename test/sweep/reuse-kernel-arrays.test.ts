import {describe, expect, it} from 'vitest';
import {buildSnapshot} from '../../source/engine/build-snapshot.js';
import {runTicksTo} from '../../source/engine/session-journal.js';
import {Simulation} from '../../source/engine/simulation.js';
import type {Workload} from '../../source/engine/workload-api.js';
import {loadBuiltinWorkload} from '../../source/engine/workload-loader.js';
import {kernelArrays, lendKernelArrays, type KernelArrays} from '../../source/kernel/kernel-arrays.js';
import {createKernelArrayPool, sizeClass} from '../../source/sweep/reuse-kernel-arrays.js';

const MiB = 2 ** 20;

describe('sizeClass', () => {
	it.each([
		[1024, 1024],
		[1025, 1536],
		[1536, 1536],
		[1537, 2048],
		[32_767, 32_768],
		[65_534 * 4, 262_144],
		[282_110 * 4, 1_572_864],
	])('%i bytes: %i', (bytes, size) => {
		expect(sizeClass(bytes)).toBe(size);
	});
});

describe('createKernelArrayPool', () => {
	it('lends a reclaimed buffer again, as an array of the length asked for, zero-filled; arrays lent in a run are apart', () => {
		const pool = createKernelArrayPool({maxBytes: MiB});
		const words = pool.arrays.uint32(4096);
		const other = pool.arrays.uint32(4096);
		expect(other.buffer).not.toBe(words.buffer); // not before the run is over
		words.fill(0xbbbbbbbb);
		other.fill(0xaaaaaaaa);
		pool.reclaim();
		const again = [pool.arrays.uint32(4000), pool.arrays.int32(4096)]; // the same class, 16 KiB
		expect(again.map(({buffer}) => buffer)).toEqual(expect.arrayContaining([words.buffer, other.buffer]));
		expect(again[0]).toBeInstanceOf(Uint32Array);
		expect(again[0]).toHaveLength(4000);
		expect(again[1]).toBeInstanceOf(Int32Array);
		expect(again.every((array) => array.every((word) => word === 0))).toBe(true);
		expect(pool.arrays.uint8(3000).buffer.byteLength).toBe(3072); // a new class: a new buffer
		expect(pool.heldBytes).toBe(2 * 16_384 + 3072);
	});

	it('holds at most maxBytes, and nothing under 1 KiB (past either, arrays are new every time)', () => {
		const pool = createKernelArrayPool({maxBytes: 64 * 1024});
		const kept = [pool.arrays.uint32(8192), pool.arrays.uint32(8192)]; // 32 KiB each: the pool is full
		const past = pool.arrays.uint32(8192);
		const small = pool.arrays.uint8(1000);
		expect(pool.heldBytes).toBe(64 * 1024);
		expect(past.buffer.byteLength).toBe(32 * 1024);
		expect(small.buffer.byteLength).toBe(1000);
		pool.reclaim();
		const taken = [pool.arrays.uint32(8192), pool.arrays.uint32(8192), pool.arrays.uint32(8192)].map(({buffer}) => buffer);
		expect(kept.every(({buffer}) => taken.includes(buffer))).toBe(true);
		expect(taken).not.toContain(past.buffer);
		expect(pool.arrays.uint8(1000).buffer).not.toBe(small.buffer);
		expect(pool.heldBytes).toBe(64 * 1024);
	});

	it('makes room for a class a run asks for with kept buffers of classes it did not ask for, the stalest first', () => {
		const pool = createKernelArrayPool({maxBytes: 64 * 1024});
		const odd = pool.arrays.uint8(40_000).buffer; // 48 KiB: a subheap of an odd size, in one run
		const common = pool.arrays.uint8(16 * 1024).buffer;
		pool.reclaim();
		expect(pool.arrays.uint8(16 * 1024).buffer).toBe(common);
		const next = [pool.arrays.uint8(16 * 1024).buffer, pool.arrays.uint8(16 * 1024).buffer]; // 48 + 3 × 16 KiB > 64 KiB: the odd one goes
		expect(next).not.toContain(common);
		expect(pool.heldBytes).toBe(48 * 1024);
		pool.reclaim();
		const again = [pool.arrays.uint8(16 * 1024).buffer, pool.arrays.uint8(16 * 1024).buffer, pool.arrays.uint8(16 * 1024).buffer];
		expect([common, ...next].every((buffer) => again.includes(buffer))).toBe(true);
		// Asked for again, the odd class finds no room: the buffers of this run's classes stay.
		expect(pool.arrays.uint8(40_000).buffer).not.toBe(odd);
		expect(pool.heldBytes).toBe(48 * 1024);
	});
});

describe('createKernelArrayPool: what it clears', () => {
	const nonZero = (array: ArrayLike<number>) => Array.from(array).filter((value) => value !== 0).length;

	it('clears a view as far as the runs before may have written its buffer, also past a shorter view between', () => {
		const pool = createKernelArrayPool({maxBytes: MiB});
		pool.arrays.uint32(4096).fill(7); // 16 KiB, all of it written
		pool.reclaim();
		const short = pool.arrays.uint32(3200); // the same buffer: its bytes past 12,800 are still dirty
		expect(nonZero(new Uint32Array(short.buffer))).toBe(4096 - 3200);
		pool.reclaim();
		const long = pool.arrays.uint32(4096);
		expect(long.buffer).toBe(short.buffer);
		expect(nonZero(long)).toBe(0);
	});

	it('a grown array: the old one at its start, zeros after, on a dirty buffer', () => {
		const pool = createKernelArrayPool({maxBytes: MiB});
		pool.arrays.uint8(4096).fill(0xff);
		pool.reclaim();
		const grown = pool.arrays.uint8Grown(Uint8Array.of(1, 2, 3), 4000);
		expect(Array.from(grown.subarray(0, 4))).toEqual([1, 2, 3, 0]);
		expect(nonZero(grown)).toBe(3);
		expect(nonZero(new Uint8Array(grown.buffer))).toBe(3 + 96); // past the view: not cleared, not read
	});

	it('marked words: only the pages marked (and those the old array went to) are cleared after the run', () => {
		const pool = createKernelArrayPool({maxBytes: MiB});
		const old = new Uint32Array(1500);
		old[1499] = 9; // the copy reaches page 1
		const written = new Uint8Array(4); // 4096 words: pages of 1024
		const words = pool.arrays.uint32Grown(old, 4096, written);
		expect(Array.from(written)).toEqual([1, 1, 0, 0]);
		words[3000] = 5;
		written[2] = 1;
		words[2500] = 6;
		words[4000] = 8; // written but not marked: the contract broken, to show what is cleared
		pool.reclaim();
		expect(nonZero(new Uint32Array(words.buffer))).toBe(1);
		// Cleared where marked, so the pool takes it as clear: a plain view of it is not cleared again.
		const plain = pool.arrays.uint32(4096);
		expect(plain.buffer).toBe(words.buffer);
		expect(plain[4000]).toBe(8);
	});

	it('an array to fill comes as the buffer holds it (no clearing)', () => {
		const pool = createKernelArrayPool({maxBytes: MiB});
		pool.arrays.int32(2048).fill(-1);
		pool.reclaim();
		const tree = pool.arrays.int32ToFill(2048);
		expect(nonZero(tree)).toBe(2048);
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
		// Which memory the runs get: the second run must get the first run's, dirty, or this proves nothing.
		const given: Array<Set<unknown>> = [];
		const watched: KernelArrays = {
			uint8: (length) => record(pool.arrays.uint8(length)),
			uint32: (length) => record(pool.arrays.uint32(length)),
			int32: (length) => record(pool.arrays.int32(length)),
			uint32ToFill: (length) => record(pool.arrays.uint32ToFill(length)),
			int32ToFill: (length) => record(pool.arrays.int32ToFill(length)),
			uint8Grown: (old, length) => record(pool.arrays.uint8Grown(old, length)),
			uint32Grown: (old, length, written) => record(pool.arrays.uint32Grown(old, length, written)),
		};
		const record = <T extends Uint8Array | Uint32Array | Int32Array>(array: T): T => {
			given.at(-1)!.add(array.buffer);
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
			const again = [...given[1]!].filter((buffer) => given[0]!.has(buffer)) as ArrayBuffer[];
			// 3.9 MiB (more than 4 until a block's words stopped covering its interior, heap-memory.ts).
			expect(again.reduce((bytes, buffer) => bytes + buffer.byteLength, 0)).toBeGreaterThan(3 * MiB);
		} finally {
			restore();
		}
	});
});
