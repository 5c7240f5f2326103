// Reference §11 scenarios 4, 5, 6, 7, 8, 14: growing the heap.
import {describe, expect, it} from 'vitest';
import {MiB} from '../../source/kernel/constants.js';
import {EXPANSION_WATCHDOG_PASSES, ExpandableHeap} from '../../source/kernel/expandable-heap.js';
import {HeapMemory} from '../../source/kernel/heap-memory.js';
import {getRevision} from '../../source/kernel/revisions.js';
import {TREE_SWEEP_ALLOCATIONS} from '../../source/kernel/subheap-list.js';
import {systemMonitorLines} from '../../source/kernel/memstat.js';
import {literalFindFirstFit} from '../reference/literal-bitmap-search.js';
import {boot, fillMainHeap, heapTotalBytes, kernelLog, panicOf} from './helpers.js';

describe('search trees of idle subheaps (issue #16: memory)', () => {
	it('are dropped after a sweep with no search, and a rebuilt one places like the literal port', () => {
		const {kernel} = boot({debugAsserts: false});
		const early = kernel.kmalloc(100); // 4 chunks in the pool
		fillMainHeap(kernel);
		// Two sweeps of 1-chunk blocks: the first adds a subheap, which serves them all; the full
		// pool is passed over on its free count alone, never searched.
		for (let allocation = 0; allocation < 2 * TREE_SWEEP_ALLOCATIONS; allocation++) {
			kernel.kfree(kernel.kmalloc(28));
		}

		const [pool, subheap] = [...kernel.heap.subheaps()].map((each) => each.heap);
		expect(pool!.bitmap.hasTree).toBe(false);
		expect(subheap!.bitmap.hasTree).toBe(true);
		kernel.kfree(early); // words only: the pool has no tree to keep in step
		const chunk = literalFindFirstFit(pool!.bitmap.words, pool!.totalChunks, 4);
		expect(kernel.kmalloc(100)).toBe(pool!.chunkBase + chunk * 32 + 4);
		expect(pool!.bitmap.hasTree).toBe(true);
		expect(pool!.bitmap.longestFreeRun).toBe(0);
	});
});

describe('scenario 4: simple expansion', () => {
	it('consumes the backup as a 31,774-chunk subheap, 3009K → 4002K, backup replaced on the way out', () => {
		const {kernel, events} = boot();
		fillMainHeap(kernel);
		const logFrom = kernel.dmesg.tail().length;
		const pagesBefore = kernel.memstat().user_physical_allocated!;
		const tablesBefore = kernel.mm.pageTables.areas.size;
		expect(systemMonitorLines(kernel.memstat()).kernelHeap).toBe('1985K/3009K');
		const totalBefore = heapTotalBytes(kernel);

		const address = kernel.kmalloc(100);

		expect(kernel.dmesg.tail().slice(logFrom)).toEqual([
			'[Kernel]: kmalloc(): Adding memory to heap at V0xc0801000, bytes: 1048576',
		]);
		const subheaps = [...kernel.heap.subheaps()];
		expect(subheaps.map((subheap) => subheap.heap.totalChunks)).toEqual([63_550, 31_774]);
		expect(subheaps[1]!.heap.contains(address)).toBe(true);
		// The m_subheap_memory vector (20 bytes), then the 100-byte block, then the new backup's
		// metadata: all in the new subheap, the pool being full.
		expect(kernel.global.backup?.base).toBe(0xc090_2000);
		const tablesAdded = kernel.mm.pageTables.areas.size - tablesBefore;
		expect(tablesAdded).toBe(1); // 0xc0a00000 starts a new 2 MiB area
		expect(kernel.memstat().user_physical_allocated! - pagesBefore).toBe(256 + tablesAdded);
		expect(heapTotalBytes(kernel) - totalBefore).toBe(1_016_768);
		expect(systemMonitorLines(kernel.memstat()).kernelHeap.endsWith('/4002K')).toBe(true);
		expect(events.map((event) => event.kind)).toEqual([
			'region-allocated', // boot: the first backup
			'backup-consumed',
			'subheap-added',
			'deferred-call',
			'region-allocated',
			'backup-replaced',
		]);
	});
});

describe('scenario 5: big expansion', () => {
	it('kmalloc(1,500,000) adds the backup and an extra region of 2,555,904 bytes', () => {
		const {kernel} = boot();
		fillMainHeap(kernel);
		const logFrom = kernel.dmesg.tail().length;
		const address = kernel.kmalloc(1_500_000);
		expect(kernelLog(kernel, logFrom)).toEqual([
			'kmalloc(): Adding memory to heap at V0xc0801000, bytes: 1048576',
			'kmalloc(): Adding even more memory to heap at V0xc0902000, bytes: 2555904',
		]);
		const subheaps = [...kernel.heap.subheaps()];
		expect(subheaps.map((subheap) => subheap.heap.totalChunks)).toEqual([63_550, 31_774, 77_450]);
		expect(subheaps[2]!.heap.contains(address)).toBe(true);
		expect(kernel.global.backup?.base).toBe(0xc0b7_3000);
		expect(kernel.global.counts).toEqual({consumed: 1, replaced: 1, recycled: 0, failedReplacements: 0});
	});
});

describe('scenario 6: the edge panic', () => {
	it.each([1_016_765, 1_016_766, 1_016_767, 1_016_768])(
		'kmalloc(%i) passes the free-bytes test, fails the retry, finds no backup and panics',
		(size) => {
			const {kernel} = boot();
			fillMainHeap(kernel, 5); // room for the vector's 20 bytes, so the new subheap stays empty
			const logFrom = kernel.dmesg.tail().length;
			const panic = panicOf(() => kernel.kmalloc(size));
			expect(kernelLog(kernel, logFrom)).toEqual([
				'kmalloc(): Adding memory to heap at V0xc0801000, bytes: 1048576',
				'kmalloc(): Cannot expand heap: no backup memory',
				'KERNEL PANIC! :^(',
				`kmalloc: Out of memory (requested size: ${size})`,
				'at ../Kernel/Heap/kmalloc.cpp:251 in void* kmalloc_impl(size_t)',
			]);
			expect(panic.kind).toBe('oom');
			expect(kernel.heap.lastAllocatePasses).toBe(2);
		},
	);

	it('kmalloc(1,016,764) fills the fresh subheap exactly', () => {
		const {kernel} = boot();
		fillMainHeap(kernel, 100);
		const address = kernel.kmalloc(1_016_764);
		expect([...kernel.heap.subheaps()][1]!.heap.contains(address)).toBe(true);
		expect([...kernel.heap.subheaps()][1]!.heap.freeChunks).toBe(0);
	});

	it('…and with only 4 chunks left in the pool, the deferred backup replacement then runs out (VMObject, 208 bytes)', () => {
		const {kernel} = boot();
		fillMainHeap(kernel, 5);
		const logFrom = kernel.dmesg.tail().length;
		const panic = panicOf(() => kernel.kmalloc(1_016_764));
		expect(kernelLog(kernel, logFrom)).toEqual([
			'kmalloc(): Adding memory to heap at V0xc0801000, bytes: 1048576',
			'kmalloc(): Cannot expand heap: no backup memory',
			'KERNEL PANIC! :^(',
			'kmalloc: Out of memory (requested size: 208)',
			'at ../Kernel/Heap/kmalloc.cpp:251 in void* kmalloc_impl(size_t)',
		]);
		expect(panic.kind).toBe('oom');
	});
});

describe('scenario 7: the attempt limit', () => {
	const stubbed = (revisionId: string) => {
		const calls = {add: 0};
		const pool = new HeapMemory(0xd000_0000, 33 * 64);
		let nextBase = 0xe000_0000;
		const heap: ExpandableHeap = new ExpandableHeap(pool, {
			revision: getRevision(revisionId),
			faults: {
				verify(site): never {
					throw new Error(site.expression);
				},
				fault(description): never {
					throw new Error(description);
				},
			},
			expand: {
				// Always "succeeds", with memory too small for the request.
				addMemory() {
					// (After a few, the pretend memory is left out so the endless case stays quick.)
					if (++calls.add <= 4) {
						heap.addSubheap(new HeapMemory(nextBase, 4096), nextBase, 4096);
						nextBase += 0x1_0000;
					}

					return true;
				},
				removeMemory: () => false,
			},
			onHang({passes}): never {
				throw new Error(`hang after ${passes} passes`);
			},
		});
		return {heap, calls};
	};

	it('allocate makes 3 passes and 2 add_memory calls, then gives up (678bbd29cac)', () => {
		const {heap, calls} = stubbed('2021-02-23');
		expect(heap.allocate(10_000)).toBe(0);
		expect(calls.add).toBe(2);
		expect(heap.lastAllocatePasses).toBe(3);
	});

	it('before 678bbd29cac the loop never ends: the watchdog calls it a hang', () => {
		const {heap, calls} = stubbed('2020-09-02');
		expect(() => heap.allocate(10_000)).toThrow(`hang after ${EXPANSION_WATCHDOG_PASSES} passes`);
		expect(calls.add).toBe(EXPANSION_WATCHDOG_PASSES - 1);
	});
});

describe('scenario 8: no expansion before the memory manager', () => {
	it('logs Cannot expand heap before MM is initialized! and panics', () => {
		const {kernel} = boot({stopBeforeMemoryManager: true});
		fillMainHeap(kernel);
		const panic = panicOf(() => kernel.kmalloc(100));
		expect(kernelLog(kernel)).toEqual([
			'kmalloc(): Cannot expand heap before MM is initialized!',
			'KERNEL PANIC! :^(',
			'kmalloc: Out of memory (requested size: 100)',
			'at ../Kernel/Heap/kmalloc.cpp:251 in void* kmalloc_impl(size_t)',
		]);
		expect(panic.kind).toBe('oom');
	});
});

describe('scenario 14: the deferred backup under an outer lock', () => {
	it('a second expansion inside the same critical section finds no backup and panics', () => {
		const {kernel} = boot();
		fillMainHeap(kernel);
		const logFrom = kernel.dmesg.tail().length;
		const panic = panicOf(() =>
			kernel.withLock(() => {
				kernel.kmalloc(100);
				kernel.kmalloc(2_000_000);
			}),
		);
		expect(kernelLog(kernel, logFrom)).toEqual([
			'kmalloc(): Adding memory to heap at V0xc0801000, bytes: 1048576',
			'kmalloc(): Cannot expand heap: no backup memory',
			'KERNEL PANIC! :^(',
			'kmalloc: Out of memory (requested size: 2000000)',
			'at ../Kernel/Heap/kmalloc.cpp:251 in void* kmalloc_impl(size_t)',
		]);
		expect(panic.kind).toBe('oom');
	});

	it('without the lock the backup is back in between, and the second expansion succeeds', () => {
		const {kernel} = boot();
		fillMainHeap(kernel);
		const logFrom = kernel.dmesg.tail().length;
		kernel.kmalloc(100);
		kernel.kmalloc(2_000_000);
		expect(kernelLog(kernel, logFrom)).toEqual([
			'kmalloc(): Adding memory to heap at V0xc0801000, bytes: 1048576',
			'kmalloc(): Adding memory to heap at V0xc0902000, bytes: 1048576',
			// page_round_up(32 + 62,501 × 32 + 7,813 = 2,007,877) = 2,011,136, + 1 MiB
			`kmalloc(): Adding even more memory to heap at V0xc0a03000, bytes: ${2_011_136 + MiB}`,
		]);
	});
});
