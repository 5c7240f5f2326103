// memstat's slab lines (memstat.ts): each class's own counts under its own keys, whether the
// slabs are the kernel's four (named stores) or any others (the keys made from their sizes).
import {expect, it} from 'vitest';
import {buildMemstat, type MemstatInput} from '../../source/kernel/memstat.js';
import {Slab} from '../../source/kernel/slab-allocator.js';
import {boot} from './helpers.js';

it('each slab class has its own counts, as many taken as were taken', () => {
	const {kernel} = boot();
	const taken = {16: 2, 32: 3, 64: 5, 128: 7};
	const before = kernel.memstat();
	for (const [size, count] of Object.entries(taken)) {
		for (let index = 0; index < count; index++) {
			kernel.slabAlloc(Number(size));
		}
	}

	const after = kernel.memstat();
	for (const [size, count] of Object.entries(taken)) {
		expect(after[`slab_${size}_num_allocated`]! - before[`slab_${size}_num_allocated`]!).toBe(count);
		expect(before[`slab_${size}_num_free`]! - after[`slab_${size}_num_free`]!).toBe(count);
	}
});

it('slabs other than the kernel\'s four get lines made from their sizes, in their order', () => {
	const slabs = [new Slab(128, 0x1000, 1024), new Slab(24, 0x2000, 240)];
	slabs[1]!.take();
	const input: MemstatInput = {
		allocatedBytes: 0,
		freeBytes: 0,
		backupBytes: 0,
		eternalBytes: 0,
		userUsed: 0,
		userTotal: 0,
		userCommitted: 0,
		userUncommitted: 0,
		superUsed: 0,
		superTotal: 0,
		kmallocCalls: 0,
		kfreeCalls: 0,
		slabs,
		withCommitted: false,
	};
	const memstat = buildMemstat(input);
	expect(Object.entries(memstat).slice(-4)).toEqual([
		['slab_128_num_allocated', 0],
		['slab_128_num_free', 8],
		['slab_24_num_allocated', 1],
		['slab_24_num_free', 9],
	]);
});
