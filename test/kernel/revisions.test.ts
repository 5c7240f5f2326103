// Each older revision shows the bug its successor fixed (revisions.md, reference §5), and the
// default revision shows none of them.
import {describe, expect, it} from 'vitest';
import {MiB} from '../../source/kernel/constants.js';
import {systemMonitorLines} from '../../source/kernel/memstat.js';
import {revisions} from '../../source/kernel/revisions.js';
import {boot, fillMainHeap, kernelLog, panicOf} from './helpers.js';

/** Old revisions break the debug ASSERT's invariants on purpose; these tests read the kernel's own output. */
const old = (revision: string, ramBytes = 512 * MiB) => boot({revision, ramBytes, debugAsserts: false});

describe('revision records', () => {
	it('lists the eight revisions, oldest first, 2021-02-23 last', () => {
		expect(revisions.map((revision) => `${revision.id} ${revision.commit}`)).toEqual([
			'2020-08-28 before 4b66692a553',
			'2020-08-29 4b66692a553',
			'2020-09-02 ee51b28edd8, 1ece93c8055',
			'2020-09-09 678bbd29cac',
			'2020-11-04 28b109688bf',
			'2020-12-26 74fa8949943',
			'2020-12-31 22250780ffa',
			'2021-02-23 5d180d1f996',
		]);
	});

	it.each([
		['expansionGuard', [false, false, true, true, true, true, true, true]],
		['deferredContraction', [false, false, false, false, true, true, true, true]],
		['unlinkBeforeRemove', [false, false, false, false, false, true, true, true]],
		['deferredBackupReplacement', [false, false, false, false, false, false, true, true]],
		['expansionAttemptLimit', [null, null, null, 3, 3, 3, 3, 3]],
		['subHeapHeaderSize', [28, 28, 28, 28, 28, 32, 32, 32]],
		// 476f17b3f18 was written on 2020-09-05 but merged on 2021-01-01.
		['allocationStrategyApi', [false, false, false, false, false, false, false, true]],
	] as const)('switch %s flips where the history says', (name, values) => {
		expect(revisions.map((revision) => revision[name])).toEqual(values);
	});
});

describe('revision texts', () => {
	it('an ASSERT-era revision says ASSERT, never VERIFY, in its summary and changes', () => {
		for (const revision of revisions.filter((candidate) => candidate.assertionMacro === 'ASSERT')) {
			expect([revision.summary, ...revision.changes].filter((text) => text.includes('VERIFY'))).toEqual([]);
		}
	});
});

describe('2020-08-28: one fixed 3 MiB pool', () => {
	it('panics with the old OOM line where 2020-08-29 expands', () => {
		const {kernel} = old('2020-08-28');
		expect(systemMonitorLines(kernel.memstat()).kernelHeap).toBe('0K/2978K'); // 95,325 chunks, no backup
		expect(Object.keys(kernel.memstat())).not.toContain('user_physical_committed');
		fillMainHeap(kernel);
		expect(panicOf(() => kernel.kmalloc(100)).lines).toEqual([
			'[Kernel]: kmalloc(): PANIC! Out of memory (no suitable block for size 100)',
		]);

		const later = old('2020-08-29').kernel;
		fillMainHeap(later);
		later.kmalloc(100);
		expect(kernelLog(later)).toEqual(['kmalloc(): Adding memory to heap at V0xc0801000, bytes: 1048576']);
	});
});

describe('2020-08-29 (4b66692a553)', () => {
	it('§5.3a: ~1,020,000 bytes with a full heap loops, 2 MiB a pass, until MM gives out', () => {
		const {kernel} = old('2020-08-29', 64 * MiB);
		fillMainHeap(kernel);
		const panic = panicOf(() => kernel.kmalloc(1_020_000));
		const lines = kernelLog(kernel);
		// Each pass: the backup as a subheap, a 1 MiB "even more" region that is still too small,
		// and (synchronously) a new backup. 25 passes fit in 64M.
		expect(lines.filter((line) => line.startsWith('kmalloc(): Adding memory to heap at'))).toHaveLength(26);
		expect(lines.filter((line) => line.startsWith('kmalloc(): Adding even more memory to heap at'))).toHaveLength(25);
		expect(lines.slice(-2)).toEqual([
			'kmalloc(): Could not expand heap to satisfy allocation of 1020000 bytes',
			'kmalloc(): PANIC! Out of memory (no suitable block for size 1020000)',
		]);
		expect(panic.kind).toBe('oom');
		expect(kernel.heap.lastAllocatePasses).toBe(26); // no limit: it gave up only when add_memory did
	});

	it('§5.3b: 1,500,000 bytes asks MM for an unrounded 1,505,920-byte region: ASSERTION FAILED', () => {
		const {kernel} = old('2020-08-29');
		fillMainHeap(kernel);
		expect(kernel.global.extraRegionSize(1_500_000)).toBe(1_505_920);
		expect(panicOf(() => kernel.kmalloc(1_500_000)).lines).toEqual([
			'[Kernel]: ASSERTION FAILED: !(size % PAGE_SIZE)',
			// One klog message with a newline in it: the second line has no prefix (§9.2).
			'../Kernel/VM/MemoryManager.cpp:386 in AK::OwnPtr<Kernel::Region> Kernel::MemoryManager::allocate_kernel_region(size_t, const AK::StringView&, u8, bool, bool, bool)',
		]);
	});

	it('§5.2: a log buffer freed during the expansion empties the new subheap, which is removed mid-expansion', () => {
		const longName = 'VeryLongProcessNameForTestingPurposes(55:55)'; // the "even more" line no longer fits inline
		const {kernel} = old('2020-08-29');
		fillMainHeap(kernel, 45); // room for the vector and the extra region's metadata, not the log buffer
		const panic = panicOf(() => kernel.asProcess(longName, () => kernel.kmalloc(1_020_000)));
		expect(kernelLog(kernel).slice(-5, -3)).toEqual([
			'kmalloc(): Adding even more memory to heap at V0xc0902000, bytes: 1048576',
			'kmalloc(): Removing memory from heap at V0xc0801000, bytes: 1048576',
		]);
		expect(panic.kind).toBe('fault');
		expect(panic.lines[0]).toBe(`[${longName}]: Page fault in ring 0: read of the SubHeap at V0xc0801000, which was unmapped`);

		// With m_expanding (and a rounded extra region), the same sequence keeps the subheap.
		const guarded = old('2020-09-09').kernel;
		fillMainHeap(guarded, 45);
		guarded.asProcess(longName, () => guarded.kmalloc(1_020_000));
		expect(guarded.halted).toBe(false);
		expect(kernelLog(guarded).some((line) => line.includes('Removing memory'))).toBe(false);
	});
});

describe('§5.5: unlink before remove (74fa8949943)', () => {
	/** A subheap holding one block, every other subheap full to the last chunk. */
	const loneSubheap = (revision: string) => {
		const {kernel} = revision === '2021-02-23' ? boot({revision}) : old(revision);
		fillMainHeap(kernel, 200);
		const lone = kernel.kmalloc(8000);
		fillMainHeap(kernel);
		return {kernel, lone, from: kernel.dmesg.tail().length};
	};

	it('2020-11-04: the deferred call\'s lambda lands in the subheap being removed; freeing the region faults', () => {
		const {kernel, lone, from} = loneSubheap('2020-11-04');
		const panic = panicOf(() => kernel.kfree(lone));
		expect(kernelLog(kernel, from)).toEqual([
			'kmalloc(): Queue removing memory from heap at V0xc0801000, bytes: 1048576',
			'kmalloc(): Queued memory region at V0xc0801000, bytes: 1048576 will be freed now',
			"Page fault in ring 0: write to the deferred call's OwnPtr at V0xc0801020, inside the region it just unmapped",
			'Crash in ring 0 :(',
			"(kmtop: the real kernel's crash text of this era may differ; this line is kmtop's)",
		]);
		expect(panic.kind).toBe('fault');
	});

	it('2020-09-09: the region is freed while still linked, and unlinking it reads unmapped memory', () => {
		const {kernel, lone, from} = loneSubheap('2020-09-09');
		const panic = panicOf(() => kernel.kfree(lone));
		expect(kernelLog(kernel, from)[0]).toBe('kmalloc(): Removing memory from heap at V0xc0801000, bytes: 1048576');
		expect(panic.lines[0]).toBe('[Kernel]: Page fault in ring 0: read of the SubHeap at V0xc0801000, which was unmapped');
	});

	it('2021-02-23: the allocation goes elsewhere: the heap expands inside the kfree (scenario 12)', () => {
		const {kernel, lone, from} = loneSubheap('2021-02-23');
		kernel.kfree(lone);
		expect(kernelLog(kernel, from)).toEqual([
			'kmalloc(): Queue removing memory from heap at V0xc0801000, bytes: 1048576',
			'kmalloc(): Adding memory to heap at V0xc0902000, bytes: 1048576',
			// The replacement backup was queued (by the expansion) before the lambda: it runs first.
			'kmalloc(): Queued memory region at V0xc0801000, bytes: 1048576 will be freed now',
		]);
		expect(kernel.halted).toBe(false);
	});
});

describe('§5.4: the backup replaced inside add_memory (before 22250780ffa)', () => {
	const triggering = (revision: string) => {
		const {kernel, events} = boot({revision});
		fillMainHeap(kernel);
		const address = kernel.kmalloc(100);
		const subheap = [...kernel.heap.subheaps()][1]!.heap;
		return {chunk: (address - 4 - subheap.chunkBase) / 32, events: events.slice(1).map((event) => event.kind)};
	};

	it('2020-12-26: the new backup\'s metadata is placed before the allocation that asked for memory', () => {
		// The vector at chunk 0, then VMObject 7 + page vector 33 + name 2 + purgeable ranges 1.
		expect(triggering('2020-12-26')).toEqual({
			chunk: 44,
			events: ['backup-consumed', 'subheap-added', 'region-allocated', 'backup-replaced'],
		});
	});

	it('2020-12-31: the allocation first, the backup when the lock is released', () => {
		expect(triggering('2020-12-31')).toEqual({
			chunk: 1,
			events: ['backup-consumed', 'subheap-added', 'deferred-call', 'region-allocated', 'backup-replaced'],
		});
	});

	it('2020-12-26: a full heap while the RangeAllocator holds its lock: #4675 hangs (the watchdog says so)', () => {
		const map = (kernel: ReturnType<typeof old>['kernel']) => kernel.allocateKernelRegion(16_384, 'E1000 RX buffer', 'allocate-now');
		for (const [revision, hangs] of [
			['2020-12-26', true],
			['2020-12-31', false],
		] as const) {
			const {kernel} = old(revision);
			map(kernel);
			map(kernel);
			map(kernel); // 5 ranges in a vector with room for 5
			fillMainHeap(kernel);
			const from = kernel.dmesg.tail().length;
			if (hangs) {
				const panic = panicOf(() => kernel.asProcess('NetworkTask(5:5)', () => map(kernel)));
				expect(kernelLog(kernel, from)[0]).toBe('kmalloc(): Adding memory to heap at V0xc0801000, bytes: 1048576');
				expect(panic).toEqual({
					tick: 0,
					kind: 'hang',
					lines: [
						'[NetworkTask(5:5)]: kmtop watchdog: RangeAllocator::allocate_anywhere: the RangeAllocator spinlock is already held on this CPU',
						'[NetworkTask(5:5)]: (kmtop: the real kernel hangs here; the simulation stopped it)',
					],
				});
			} else {
				expect(map(kernel)).toBeDefined();
				expect(kernel.halted).toBe(false);
			}
		}
	});
});

describe('small fixes that ride along', () => {
	it('kmalloc_eternal rounds to 4 bytes only from 2020-11-04 (656ffe36f20)', () => {
		const before = old('2020-09-09').kernel;
		const a = before.kmallocEternal(1);
		expect(before.kmallocEternal(1) - a).toBe(1);
		const after = old('2020-11-04').kernel;
		const b = after.kmallocEternal(1);
		expect(after.kmallocEternal(1) - b).toBe(4);
	});

	it('the klog prefix shows the CPU from 2021-01-27', () => {
		for (const [revision, prefix] of [
			['2020-12-31', '[Shell(34:34)]: '],
			['2021-02-23', '[#0 Shell(34:34)]: '],
		] as const) {
			const {kernel} = old(revision);
			kernel.log('hello', 'Shell(34:34)');
			expect(kernel.dmesg.tail(1)).toEqual([`${prefix}hello`]);
		}
	});
});
