// Who holds the heap (holder-book.ts): every kmalloc'd block booked to the thread it ran as, the
// purpose the kernel knows and the workload that asked, with figures that add up to memstat's.
import {describe, expect, it} from 'vitest';
import {MAX_HOLDERS, OTHER_HOLDERS, UNATTRIBUTED} from '../../source/kernel/holder-book.js';
import type {Kernel} from '../../source/kernel/kernel.js';
import {boot, fillMainHeap, panicOf} from './helpers.js';

type Row = [process: string, purpose: string, workload: string, liveBlocks: number, liveChunks: number, kmallocs: number, kfrees: number];

/** Every holder with a block or a call, by id: `-` where a key is undefined. */
const rows = (kernel: Kernel, fromId = 1): Row[] => {
	const {holders} = kernel;
	const list: Row[] = [];
	for (let id = fromId; id < holders.count; id++) {
		const key = holders.keys[id]!;
		if (holders.liveBlocks[id] !== 0 || holders.kmallocs[id] !== 0 || holders.kfrees[id] !== 0) {
			list.push([
				key.process ?? '-',
				key.purpose ?? '-',
				key.workload ?? '-',
				holders.liveBlocks[id]!,
				holders.liveChunks[id]!,
				holders.kmallocs[id]!,
				holders.kfrees[id]!,
			]);
		}
	}

	return list;
};

const sum = (kernel: Kernel, of: 'liveChunks' | 'kmallocs' | 'kfrees'): number => [...kernel.holders[of]].reduce((total, value) => total + value, 0);

/** The holders' figures against memstat's: the exactness the holders table promises. */
const expectBalanced = (kernel: Kernel) => {
	const memstat = kernel.memstat();
	expect(sum(kernel, 'liveChunks') * 32).toBe(memstat.kmalloc_allocated);
	expect(sum(kernel, 'kmallocs')).toBe(memstat.kmalloc_call_count);
	expect(sum(kernel, 'kfrees')).toBe(memstat.kfree_call_count);
};

describe('the holder book', () => {
	it('books what boot allocates, in kernel context, to what each block is for', () => {
		const {kernel} = boot();
		expect(rows(kernel)).toEqual([
			['-', 'RangeAllocator ranges', '-', 1, 2, 1, 0],
			// The first backup: its VMObject, the vector of its 256 physical pages, its name, its purgeable ranges.
			['-', 'VMObject', '-', 1, 7, 1, 0],
			['-', 'VMObject page vector', '-', 1, 33, 1, 0],
			['-', 'Region name', '-', 1, 2, 1, 0],
			['-', 'VMObject purgeable ranges', '-', 1, 1, 1, 0],
			['-', 'page table map', '-', 1, 2, 1, 0],
		]);
		expectBalanced(kernel);
	});

	it('books a kmalloc to its thread, purpose and workload; a kfree counts for the block, whoever frees it', () => {
		const {kernel} = boot();
		const first = kernel.holders.count;
		const block = kernel.asProcess('Terminal(33:33)', () => kernel.kmalloc(100, 'line buffer', 'steady'));
		const other = kernel.kmalloc(1000);
		expect(rows(kernel, first)).toEqual([
			['Terminal(33:33)', 'line buffer', 'steady', 1, 4, 1, 0], // (100 + 4 + 31) / 32 = 4 chunks
			['-', '-', '-', 1, 32, 1, 0],
		]);
		kernel.asProcess('WindowServer(14:14)', () => {
			kernel.kfree(block);
		});
		expect(rows(kernel, first)[0]).toEqual(['Terminal(33:33)', 'line buffer', 'steady', 0, 0, 1, 1]);
		kernel.kfree(other);
		expectBalanced(kernel);
	});

	it('a log line too long for the inline buffer books its buffer to the thread, for an instant', () => {
		const {kernel} = boot();
		const first = kernel.holders.count;
		kernel.log('x'.repeat(200), 'Shell(86:86)');
		expect(rows(kernel, first)).toEqual([['Shell(86:86)', 'log buffer', '-', 0, 0, 1, 1]]);
	});

	it('an expansion books the kernel metadata it makes to the thread whose kmalloc caused it', () => {
		const {kernel} = boot();
		fillMainHeap(kernel);
		const first = kernel.holders.count;
		kernel.asProcess('ImageDecoder(45:45)', () => kernel.kmalloc(100, 'decoded frame', 'big-allocations'));
		expect(rows(kernel, first)).toEqual([
			['ImageDecoder(45:45)', 'decoded frame', 'big-allocations', 1, 4, 1, 0],
			// add_memory appends the consumed backup to m_subheap_memory; then the new backup's objects.
			['ImageDecoder(45:45)', 'kmalloc subheap list', '-', 1, 1, 1, 0],
			['ImageDecoder(45:45)', 'VMObject', '-', 1, 7, 1, 0],
			['ImageDecoder(45:45)', 'VMObject page vector', '-', 1, 33, 1, 0],
			['ImageDecoder(45:45)', 'Region name', '-', 1, 2, 1, 0],
			['ImageDecoder(45:45)', 'VMObject purgeable ranges', '-', 1, 1, 1, 0],
		]);
		expectBalanced(kernel);
	});

	it('a block krealloc moves keeps its holder; krealloc of null books the new block like a kmalloc', () => {
		const {kernel} = boot();
		const first = kernel.holders.count;
		const block = kernel.asProcess('Clock(29:29)', () => kernel.kmalloc(40, 'ticks', 'steady'));
		const moved = kernel.krealloc(block, 4000);
		expect(moved).not.toBe(block);
		const fresh = kernel.asProcess('Clock(29:29)', () => kernel.krealloc(0, 10, 'fresh', 'steady'));
		// krealloc makes no kmalloc or kfree call of its own (§3.4): only the first kmalloc counts.
		expect(rows(kernel, first)).toEqual([
			['Clock(29:29)', 'ticks', 'steady', 1, 126, 1, 0],
			['Clock(29:29)', 'fresh', 'steady', 1, 1, 0, 0],
		]);
		expect(kernel.heap.findHeap(moved)!.holderAt(moved)).toBe(kernel.holders.idFor('Clock(29:29)', 'ticks', 'steady'));
		kernel.kfree(moved);
		kernel.kfree(fresh);
		expectBalanced(kernel);
	});

	it('§5.5 (2020-11-04): the orphaned lambda leaves the book with its subheap, so the figures still add up at the panic', () => {
		const {kernel} = boot({revision: '2020-11-04', debugAsserts: false});
		fillMainHeap(kernel, 200);
		const lone = kernel.kmalloc(8000);
		fillMainHeap(kernel);
		const panic = panicOf(() => kernel.kfree(lone));
		expect(panic.kind).toBe('fault');
		// The lambda (one chunk) sits in the unlinked subheap: not allocated by memstat, not live for its holder.
		const lambda = kernel.holders.idFor(undefined, 'remove_memory lambda', undefined);
		expect([kernel.holders.kmallocs[lambda], kernel.holders.liveBlocks[lambda], kernel.holders.liveChunks[lambda]]).toEqual([1, 0, 0]);
		expect(sum(kernel, 'liveChunks') * 32).toBe(kernel.memstat().kmalloc_allocated);
	});

	it(`past ${MAX_HOLDERS.toLocaleString('en-US')} holders, new ones share the "more holders" row`, () => {
		const {kernel} = boot({debugAsserts: false});
		let site = 0;
		while (kernel.holders.count <= MAX_HOLDERS) {
			kernel.kfree(kernel.kmalloc(8, `site ${site++}`));
		}

		for (let extra = 0; extra < 10; extra++) {
			kernel.kfree(kernel.kmalloc(8, `site ${site++}`));
		}

		expect(kernel.holders.count).toBe(MAX_HOLDERS + 1);
		expect(kernel.holders.idFor(undefined, `site ${site - 1}`, undefined)).toBe(OTHER_HOLDERS);
		expect(kernel.holders.kmallocs[OTHER_HOLDERS]).toBe(10);
		expect(kernel.holders.kmallocs[UNATTRIBUTED]).toBe(0);
		expectBalanced(kernel);
	});
});
