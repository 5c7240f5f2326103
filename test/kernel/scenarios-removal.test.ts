// Reference §11 scenarios 9–13: giving memory back.
import {describe, expect, it} from 'vitest';
import {MiB} from '../../source/kernel/constants.js';
import {ExpandableHeap, type ExpandHeapCallbacks} from '../../source/kernel/expandable-heap.js';
import {HeapMemory} from '../../source/kernel/heap-memory.js';
import {getRevision} from '../../source/kernel/revisions.js';
import {boot, fillMainHeap, heapTotalBytes, kernelLog} from './helpers.js';

describe('scenario 9: removal while a backup exists', () => {
	it('queues the 2,555,904-byte region, allocates the lambda, frees the region when the lock is released', () => {
		const {kernel} = boot();
		fillMainHeap(kernel);
		const big = kernel.kmalloc(1_500_000);
		const before = kernel.memstat();
		const totalBefore = heapTotalBytes(kernel);
		const logFrom = kernel.dmesg.tail().length;

		kernel.kfree(big);

		expect(kernelLog(kernel, logFrom)).toEqual([
			'kmalloc(): Queue removing memory from heap at V0xc0902000, bytes: 2555904',
			'kmalloc(): Queued memory region at V0xc0902000, bytes: 2555904 will be freed now',
		]);
		const after = kernel.memstat();
		expect(after.kmalloc_call_count! - before.kmalloc_call_count!).toBe(1); // the lambda copy
		// Ours, then the teardown's page vector, purgeable ranges, VMObject and name, then the lambda.
		expect(after.kfree_call_count! - before.kfree_call_count!).toBe(6);
		expect(before.user_physical_allocated! - after.user_physical_allocated!).toBe(624);
		expect(totalBefore - heapTotalBytes(kernel)).toBe(77_450 * 32);
		expect([...kernel.heap.subheaps()].map((subheap) => subheap.heap.totalChunks)).toEqual([63_550, 31_774]);
		expect(kernel.global.book.retiredSubheaps).toEqual([
			{id: 2, base: '0xc0902000', memoryBytes: 2_555_904, addedAtTick: 0, removedAtTick: 0, fate: 'freed'},
		]);
		// The freed range merged back: the guard page before it, it, and the guard after.
		expect(kernel.mm.freeRanges.map((range) => range.base.toString(16))).toEqual(['c0800000', 'c0901000', 'c0c73000']);
	});
});

describe('scenario 10: removal with no backup', () => {
	it('the emptied subheap becomes the backup: available grows by 1,048,576 − 31,774 × 32 = 31,808', () => {
		const {kernel, events} = boot({ramBytes: 64 * MiB});
		// Commit all but 100 pages, so replacing the backup fails at its commit.
		kernel.allocateKernelRegion((kernel.physical.userUncommitted - 100) * 4096, 'hog', 'reserve');
		fillMainHeap(kernel, 1); // the m_subheap_memory vector takes the last chunk
		const block = kernel.kmalloc(100);
		expect(kernel.global.backup).toBeUndefined();
		expect(kernel.global.counts.failedReplacements).toBe(1);
		expect(events.at(-1)?.kind).toBe('backup-replacement-failed');
		const available = kernel.memstat().kmalloc_available!;
		const logFrom = kernel.dmesg.tail().length;

		kernel.kfree(block);

		expect(kernelLog(kernel, logFrom)).toEqual(['kmalloc(): Using removed memory as backup: V0xc0801000, bytes: 1048576']);
		expect(kernel.global.backup?.base).toBe(0xc080_1000);
		// The freed 4-chunk block, then the removal: + N − chunks × 32.
		expect(kernel.memstat().kmalloc_available! - available).toBe(4 * 32 + 31_808);
		expect(kernel.global.counts.recycled).toBe(1);

		// The recycled backup comes back as a subheap "recycled", with its old (clean) bitmap.
		kernel.kmalloc(100);
		const recycled = [...kernel.heap.subheaps()][1]!;
		expect(kernel.global.book.label(recycled).origin).toBe('recycled');
		expect(recycled.heap.allocatedChunks).toBe(4);
	});
});

type Harness = {
	heap: ExpandableHeap;
	calls: {add: number; remove: number[]};
	addRegion(size?: number): {base: number; memory: HeapMemory};
};

/** An ExpandableHeap over a full 64-chunk pool, with callbacks a test fills in. */
const harness = (revisionId: string, callbacks: (h: Harness) => Partial<ExpandHeapCallbacks>): Harness => {
	const calls = {add: 0, remove: [] as number[]};
	let nextBase = 0xd010_0000;
	const h = {calls} as Harness;
	const expand: ExpandHeapCallbacks = {
		addMemory: (request) => {
			calls.add++;
			return custom.addMemory?.(request) ?? false;
		},
		removeMemory: (base) => {
			calls.remove.push(base);
			return custom.removeMemory?.(base) ?? true;
		},
	};
	h.heap = new ExpandableHeap(new HeapMemory(0xd000_0000, 64 * 33), {
		revision: getRevision(revisionId),
		faults: {
			verify(site): never {
				throw new Error(`VERIFY ${site.expression}`);
			},
			fault(description): never {
				throw new Error(`fault: ${description}`);
			},
		},
		expand,
		onHang(): never {
			throw new Error('hang');
		},
	});
	h.addRegion = (size = MiB) => {
		const base = nextBase;
		nextBase += 0x20_0000;
		const memory = new HeapMemory(base, size);
		h.heap.addSubheap(memory, base, size);
		return {base, memory};
	};

	const custom = callbacks(h);
	expect(h.heap.allocate(64 * 32 - 4)).not.toBe(0); // the pool, 100% full
	return h;
};

const linkedBases = (heap: ExpandableHeap) => [...heap.subheaps()].slice(1).map((subheap) => subheap.base);

describe('scenario 11: no removal while expanding (ee51b28edd8)', () => {
	const expandThenChurn = (h: Harness) => ({
		addMemory() {
			// add_memory's own traffic lands in the new subheap and goes away again; the memory
			// it adds for the request comes after.
			h.addRegion();
			h.heap.deallocate(h.heap.allocate(100));
			h.addRegion();
			return true;
		},
	});

	it('with m_expanding the emptied new subheap stays linked', () => {
		const h = harness('2021-02-23', expandThenChurn);
		expect(h.heap.allocate(200)).not.toBe(0);
		expect(h.calls.remove).toEqual([]);
		expect(linkedBases(h.heap)).toEqual([0xd010_0000, 0xd030_0000]);
	});

	it('before it, the subheap is removed in the middle of the expansion', () => {
		const h = harness('2020-08-29', expandThenChurn);
		expect(h.heap.allocate(200)).not.toBe(0);
		expect(h.calls.remove).toEqual([0xd010_0000]);
		expect(linkedBases(h.heap)).toEqual([0xd030_0000]);
	});
});

describe('scenario 12: unlink before remove (74fa8949943)', () => {
	const removeAllocates = (h: Harness) => {
		const lambdas: number[] = [];
		return {
			lambdas,
			callbacks: {
				removeMemory() {
					lambdas.push(h.heap.allocate(8)); // the deferred call's lambda copy
					return true;
				},
				addMemory() {
					h.addRegion();
					return true;
				},
			},
		};
	};

	it('after the fix the allocation avoids the removed subheap and expands the heap instead', () => {
		let lambdas: number[] = [];
		const h = harness('2021-02-23', (inner) => {
			const setup = removeAllocates(inner);
			lambdas = setup.lambdas;
			return setup.callbacks;
		});
		const {base} = h.addRegion();
		const block = h.heap.allocate(100);
		h.heap.deallocate(block);
		expect(h.calls.remove).toEqual([base]);
		expect(h.calls.add).toBe(1);
		const [lambda] = lambdas;
		expect(lambda! >= 0xd030_0000 && lambda! < 0xd040_0000).toBe(true); // in the subheap just added
		expect(linkedBases(h.heap)).toEqual([0xd030_0000]);
	});

	it('before it, the allocation lands inside the subheap being removed: an orphaned block', () => {
		let lambdas: number[] = [];
		const h = harness('2020-11-04', (inner) => {
			const setup = removeAllocates(inner);
			lambdas = setup.lambdas;
			return setup.callbacks;
		});
		const {base} = h.addRegion();
		h.heap.deallocate(h.heap.allocate(100));
		expect(h.calls.add).toBe(0);
		expect(lambdas[0]! - base).toBe(28 + 4); // chunk 0 of the removed subheap (28-byte SubHeap)
		expect(linkedBases(h.heap)).toEqual([]);
		expect(h.heap.findHeap(lambdas[0]!)).toBeUndefined();
	});
});

describe('scenario 13: a rejected removal re-adds the subheap 32 bytes smaller', () => {
	it('31,774 chunks become 31,773', () => {
		const h = harness('2021-02-23', () => ({removeMemory: () => false}));
		h.addRegion();
		expect(h.heap.totalChunks()).toBe(64 + 31_774);
		h.heap.deallocate(h.heap.allocate(100));
		expect(h.heap.totalChunks()).toBe(64 + 31_773);
		const [, readded] = [...h.heap.subheaps()];
		expect(readded!.memorySize).toBe(MiB - 64);
		expect(readded!.heap.bitmap.countSet()).toBe(0);
	});

	it("its new bitmap starts inside the old last chunk: once that chunk was freed, 0xaa's bits read as allocated", () => {
		const h = harness('2021-02-23', () => ({removeMemory: () => false}));
		h.addRegion();
		// One block over all 31,774 chunks: freeing it scrubs the last chunk with 0xaa.
		h.heap.deallocate(h.heap.allocate(31_774 * 32 - 4));
		const [, readded] = [...h.heap.subheaps()];
		expect(readded!.heap.allocatedChunks).toBe(0);
		expect(readded!.heap.bitmap.countSet()).toBe(128); // 0b10101010 in each of 32 bytes
		expect(readded!.heap.bitmap.get(0)).toBe(false);
		expect(readded!.heap.bitmap.get(1)).toBe(true);
		expect(readded!.heap.bitmap.get(256)).toBe(false);
	});
});
