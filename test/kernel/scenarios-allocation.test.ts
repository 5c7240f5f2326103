// Reference §11 scenarios 1, 2, 3, 15, 16, 17, 18: chunk math, first/best fit, scrubbing,
// eternal memory, slab fallback, SystemMonitor formatting, bad frees.
import {describe, expect, it} from 'vitest';
import {KMALLOC_POOL_BASE} from '../../source/kernel/constants.js';
import {ExpandableHeap} from '../../source/kernel/expandable-heap.js';
import {Heap} from '../../source/kernel/heap.js';
import {HeapMemory} from '../../source/kernel/heap-memory.js';
import {readByte} from '../../source/kernel/heap-memory-reads.js';
import {systemMonitorLines} from '../../source/kernel/memstat.js';
import {getRevision} from '../../source/kernel/revisions.js';
import {boot, fillMainHeap, main, panicOf} from './helpers.js';

const throwingFaults = {
	verify(site: {expression: string}): never {
		throw new Error(`VERIFY ${site.expression}`);
	},
	fault(description: string): never {
		throw new Error(`fault ${description}`);
	},
};

/** A lone Heap of exactly `chunks` chunks (33 bytes each: 32 of chunk, 1 set aside for the bitmap). */
const loneHeap = (chunks: number) => new Heap(new HeapMemory(0xd000_0000, chunks * 33), 0xd000_0000, chunks * 33, throwingFaults);

describe('scenario 1: chunk math', () => {
	it('0/28/29/60/61 bytes take 1/1/2/2/3 chunks, 4 bytes past a 32-byte boundary', () => {
		const {kernel} = boot();
		const before = kernel.memstat();
		const growth: number[] = [];
		for (const size of [0, 28, 29, 60, 61]) {
			const allocated = kernel.memstat().kmalloc_allocated!;
			const address = kernel.kmalloc(size);
			growth.push(kernel.memstat().kmalloc_allocated! - allocated);
			expect((address - KMALLOC_POOL_BASE) % 32).toBe(4);
		}

		expect(growth).toEqual([32, 32, 64, 64, 96]);
		expect(kernel.memstat().kmalloc_call_count! - before.kmalloc_call_count!).toBe(5);
	});
});

describe('scenario 2: first fit below 128 chunks, best fit from 128', () => {
	const shaped = (freeRuns: Array<[number, number]>) => {
		// Allocate the whole heap as back-to-back blocks cut at the run edges, then free the runs.
		const heap = loneHeap(1024);
		const cuts = [...new Set([0, ...freeRuns.flat(), 1024])].sort((a, b) => a - b);
		const blocks = new Map<number, number>();
		for (let index = 0; index < cuts.length - 1; index++) {
			const chunks = cuts[index + 1]! - cuts[index]!;
			blocks.set(cuts[index]!, heap.allocate(chunks * 32 - 4));
		}

		for (const [start] of freeRuns) {
			heap.deallocate(blocks.get(start)!);
		}

		return heap;
	};

	const chunkOf = (heap: Heap, address: number) => (address - 4 - heap.chunkBase) / 32;

	it.each([
		{runs: [[0, 300], [400, 900]] as Array<[number, number]>, size: 4061, chunk: 672},
		{runs: [[0, 300], [400, 900]] as Array<[number, number]>, size: 4092, chunk: 672},
		{runs: [[0, 300], [400, 600]] as Array<[number, number]>, size: 4061, chunk: 400},
		{runs: [[0, 300], [400, 900]] as Array<[number, number]>, size: 4060, chunk: 0},
	])('free runs $runs: kmalloc($size) lands at chunk $chunk', ({runs, size, chunk}) => {
		const heap = shaped(runs);
		expect(chunkOf(heap, heap.allocate(size))).toBe(chunk);
	});
});

describe('scenario 3: kfree scrubs and counts', () => {
	it('kmalloc(100) then kfree: allocated back, kfree +1, 4 chunks of 0xaa header included', () => {
		const {kernel} = boot();
		const before = kernel.memstat();
		const address = kernel.kmalloc(100);
		const heap = main(kernel);
		const firstChunk = (address - 4 - heap.chunkBase) / 32;
		expect(readByte(heap.memory, firstChunk * 32 + 4)).toBe(0xbb);
		kernel.kfree(address);
		const after = kernel.memstat();
		expect(after.kmalloc_allocated).toBe(before.kmalloc_allocated);
		expect(after.kfree_call_count! - before.kfree_call_count!).toBe(1);
		for (let offset = 0; offset < 4 * 32; offset++) {
			expect(readByte(heap.memory, firstChunk * 32 + offset)).toBe(0xaa);
		}

		expect(readByte(heap.memory, firstChunk * 32 + 4 * 32)).toBe(0);
		kernel.kfree(0);
		expect(kernel.memstat()).toEqual(after);
	});
});

describe('scenario 15: eternal memory', () => {
	it('rounds to 4 bytes, counts the slabs from boot, and never hands out the last byte', () => {
		const {kernel} = boot();
		expect(kernel.memstat().kmalloc_eternal_allocated).toBe(1_310_720);
		const calls = kernel.memstat().kmalloc_call_count;
		const first = kernel.kmallocEternal(1);
		expect(kernel.memstat().kmalloc_eternal_allocated).toBe(1_310_724);
		const second = kernel.kmallocEternal(5);
		expect(kernel.memstat().kmalloc_eternal_allocated).toBe(1_310_732);
		expect(second - first).toBe(4);
		expect(kernel.memstat().kmalloc_call_count).toBe(calls);
		const remaining = 2 * 1024 * 1024 - 1_310_732;
		kernel.kmallocEternal(remaining - 4);
		const panic = panicOf(() => kernel.kmallocEternal(4));
		expect(panic.kind).toBe('verify');
		expect(panic.lines).toEqual([
			'[Kernel]: ASSERTION FAILED: s_next_eternal_ptr < s_end_of_eternal_range',
			'[Kernel]: ../Kernel/Heap/kmalloc.cpp:234 in void* kmalloc_eternal(size_t)',
		]);
	});
});

describe('scenario 16: slab fallback', () => {
	it('once the 16-byte slab is empty, the next PhysicalPage is a kmalloc(16): one call, one chunk', () => {
		const {kernel} = boot();
		const slab16 = kernel.slabs[0]!;
		expect(slab16.numAllocated).toBe(257); // the first backup's 256 pages and its page table
		while (slab16.numFree > 0) {
			kernel.slabAlloc(16);
		}

		expect(kernel.memstat().slab_16_num_allocated).toBe(8192);
		expect(kernel.memstat().slab_16_num_free).toBe(0);
		const before = kernel.memstat();
		const address = kernel.slabAlloc(16);
		expect(slab16.contains(address)).toBe(false);
		expect(kernel.memstat().kmalloc_call_count! - before.kmalloc_call_count!).toBe(1);
		expect(kernel.memstat().kmalloc_allocated! - before.kmalloc_allocated!).toBe(32);
		expect(kernel.memstat().slab_16_num_allocated).toBe(8192);
		// Freeing it goes back to kfree, counted; a slab object goes back to its slab.
		kernel.slabDealloc(address);
		expect(kernel.memstat().kfree_call_count! - before.kfree_call_count!).toBe(1);
		const region = kernel.allocateKernelRegion(4096, 'one page', 'allocate-now')!;
		expect(slab16.contains(region.physicalPageObjects[0]!)).toBe(false);
	});

	it('hands out slabs from the highest address down, and reuses the last freed first', () => {
		const {kernel} = boot();
		const slab32 = kernel.slabs[1]!;
		const first = kernel.slabAlloc(32);
		const second = kernel.slabAlloc(32);
		expect(first).toBe(slab32.base + (4096 - 1) * 32);
		expect(second).toBe(first - 32);
		kernel.slabDealloc(first);
		expect(kernel.slabAlloc(32)).toBe(first);
	});
});

describe('scenario 17: memstat and SystemMonitor', () => {
	it('reads Kernel heap {A/1024}K/3009K and Difference +{kmalloc - kfree} from boot', () => {
		const {kernel} = boot();
		expect(Object.keys(kernel.memstat())).toEqual([
			'kmalloc_allocated',
			'kmalloc_available',
			'kmalloc_eternal_allocated',
			'user_physical_allocated',
			'user_physical_available',
			'user_physical_committed',
			'user_physical_uncommitted',
			'super_physical_allocated',
			'super_physical_available',
			'kmalloc_call_count',
			'kfree_call_count',
			'slab_16_num_allocated',
			'slab_16_num_free',
			'slab_32_num_allocated',
			'slab_32_num_free',
			'slab_64_num_allocated',
			'slab_64_num_free',
			'slab_128_num_allocated',
			'slab_128_num_free',
		]);
		expect(systemMonitorLines(kernel.memstat())).toEqual({
			kernelHeap: '1K/3009K',
			callsKmalloc: 6,
			callsKfree: 0,
			difference: '+6',
		});
		const blocks = Array.from({length: 100}, () => kernel.kmalloc(1000));
		kernel.kfree(blocks[0]!);
		// 1504 + 99 × 32 × 32 bytes.
		expect(systemMonitorLines(kernel.memstat())).toEqual({
			kernelHeap: '100K/3009K',
			callsKmalloc: 106,
			callsKfree: 1,
			difference: '+105',
		});
	});
});

describe('scenario 18: bad kfree', () => {
	const expandableDeallocate =
		'../Kernel/Heap/Heap.h:322 in void Kernel::ExpandableHeap<CHUNK_SIZE, HEAP_SCRUB_BYTE_ALLOC, HEAP_SCRUB_BYTE_FREE, ExpandHeap>::deallocate(void*) [with unsigned int CHUNK_SIZE = 32; unsigned int HEAP_SCRUB_BYTE_ALLOC = 187; unsigned int HEAP_SCRUB_BYTE_FREE = 170; ExpandHeap = KmallocGlobalHeap::ExpandGlobalHeap]';

	it('a pointer no subheap contains fails VERIFY_NOT_REACHED in ExpandableHeap::deallocate', () => {
		const {kernel, events} = boot();
		const panic = panicOf(() => kernel.kfree(0xdead_beef));
		expect(panic).toEqual({
			tick: 0,
			kind: 'verify',
			lines: ['[Kernel]: ASSERTION FAILED: false', `[Kernel]: ${expandableDeallocate}`],
		});
		expect(events.at(-1)?.kind).toBe('panic');
		expect(kernel.dmesg.tail(2)).toEqual(panic.lines);
		// A halted kernel refuses further calls.
		expect(panicOf(() => kernel.kmalloc(1))).toBe(kernel.panic);
	});

	it('a double kfree reads the 0xaa header and fails Bitmap::set_range (before April 2021)', () => {
		const {kernel} = boot();
		const address = kernel.kmalloc(100);
		kernel.kfree(address);
		const panic = panicOf(() => kernel.kfree(address));
		expect(panic.lines).toEqual([
			'[Kernel]: ASSERTION FAILED: start + len <= m_size',
			'[Kernel]: ../AK/Bitmap.h:180 in void AK::Bitmap::set_range(size_t, size_t) [with bool VALUE = false; size_t = unsigned int]',
		]);
	});

	it('a kfree into the middle of a live block reads 0xbbbbbbbb and fails the same way', () => {
		const {kernel} = boot();
		const address = kernel.kmalloc(1000);
		expect(panicOf(() => kernel.kfree(address + 64)).lines[0]).toBe('[Kernel]: ASSERTION FAILED: start + len <= m_size');
	});

	it('the pool heap itself accepts kfree(NULL) and rejects a pointer past its chunks', () => {
		const heap = new ExpandableHeap(new HeapMemory(0xd000_0000, 33 * 64), {
			revision: getRevision('2021-02-23'),
			faults: throwingFaults,
			expand: {addMemory: () => false, removeMemory: () => false},
			onHang() {
				throw new Error('hang');
			},
		});
		heap.deallocate(0);
		expect(() => heap.deallocate(0xd000_0000 + 64 * 32 + 4)).toThrow('VERIFY false');
	});
});

describe('krealloc (§1.5, §3.4)', () => {
	it('moves the block through the expandable heap, counting neither call', () => {
		const {kernel} = boot();
		const address = kernel.kmalloc(100);
		const before = kernel.memstat();
		const moved = kernel.krealloc(address, 1000);
		expect(moved).not.toBe(address);
		expect(kernel.memstat().kmalloc_allocated! - before.kmalloc_allocated!).toBe((32 - 4) * 32);
		expect(kernel.memstat().kmalloc_call_count).toBe(before.kmalloc_call_count);
		expect(kernel.memstat().kfree_call_count).toBe(before.kfree_call_count);
		// old_size counts the header: a 4-chunk block "is" 128 bytes, and krealloc(p, 128) keeps it.
		const kept = kernel.kmalloc(100);
		expect(kernel.krealloc(kept, 128)).toBe(kept);
		expect(kernel.krealloc(0, 10)).not.toBe(0);
	});

	it('frees the old block even when the new allocation fails: the data is lost, 0 returned, no panic', () => {
		const {kernel} = boot({stopBeforeMemoryManager: true});
		fillMainHeap(kernel, 10);
		const address = kernel.kmalloc(100);
		expect(kernel.krealloc(address, 5000)).toBe(0);
		expect(kernel.halted).toBe(false);
		expect(main(kernel).freeChunks).toBe(10);
		expect(panicOf(() => kernel.kfree(address)).lines[0]).toBe('[Kernel]: ASSERTION FAILED: start + len <= m_size');
	});
});

describe('kmalloc(size) with size near 2^32', () => {
	it('wraps like size_t: kmalloc(0xffffffff) takes one chunk', () => {
		const {kernel} = boot();
		const before = kernel.memstat().kmalloc_allocated!;
		kernel.kmalloc(0xffff_ffff);
		expect(kernel.memstat().kmalloc_allocated! - before).toBe(32);
	});

	it('fillMainHeap leaves exactly the chunks it was asked to', () => {
		const {kernel} = boot();
		fillMainHeap(kernel, 3);
		expect(main(kernel).freeChunks).toBe(3);
	});
});
