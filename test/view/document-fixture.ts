// A hand-written snapshot document (figures taken from vmobject-churn, seed 1, tick 4000 on
// 2021-02-23, trimmed): view tests assert exact text against it without depending on how the
// engine's workloads behave today.

import type {SnapshotDocument} from '../../source/engine/snapshot-types.js';

export const baseDocument = (): SnapshotDocument => ({
	schema: 'kmtop.snapshot/1',
	kmtop: {version: '0.1.0'},
	run: {seed: 1, tick: 4000, workload: 'vmobject-churn', revision: '2021-02-23', ramBytes: 536_870_912},
	memstat: {
		kmalloc_allocated: 3_580_448,
		kmalloc_available: 2_552_032,
		kmalloc_eternal_allocated: 1_310_720,
		user_physical_allocated: 88_486,
		user_physical_available: 39_514,
		user_physical_committed: 0,
		user_physical_uncommitted: 39_514,
		super_physical_allocated: 5,
		super_physical_available: 1019,
		kmalloc_call_count: 454_280,
		kfree_call_count: 372_971,
		slab_16_num_allocated: 8192,
		slab_16_num_free: 0,
		slab_32_num_allocated: 0,
		slab_32_num_free: 4096,
		slab_64_num_allocated: 0,
		slab_64_num_free: 8192,
		slab_128_num_allocated: 240,
		slab_128_num_free: 3856,
	},
	systemMonitor: {kernelHeap: '3496K/5988K', callsKmalloc: 454_280, callsKfree: 372_971, difference: '+81309'},
	heap: {totalBytes: 5_083_904, allocatedBytes: 3_580_448, freeBytes: 1_503_456, largestFreeRunBytes: 492_448, subheapCount: 3},
	backup: {state: 'ready', base: '0xc1dcb000', bytes: 1_048_576, consumed: 3, replaced: 3, recycled: 0, failedReplacements: 0},
	subheaps: [
		{id: 0, origin: 'pool', base: '0xc0500000', memoryBytes: 2_097_152, totalChunks: 63_550, allocatedChunks: 63_021, freeChunks: 529, largestFreeRunChunks: 332, addedAtTick: 0},
		{id: 1, origin: 'backup', base: '0xc0801000', memoryBytes: 1_048_576, totalChunks: 31_774, allocatedChunks: 21_121, freeChunks: 10_653, largestFreeRunChunks: 2248, addedAtTick: 753},
		{id: 3, origin: 'backup', base: '0xcd547000', memoryBytes: 1_048_576, totalChunks: 31_774, allocatedChunks: 0, freeChunks: 31_774, largestFreeRunChunks: 31_774, addedAtTick: 3990},
	],
	retiredSubheaps: [{id: 4, base: '0xc4ba9000', memoryBytes: 2_105_344, addedAtTick: 2610, removedAtTick: 2847, fate: 'freed'}],
	regions: {count: 240, bytes: 361_484_288},
	slabs: [
		{size: 16, allocated: 8192, free: 0},
		{size: 32, allocated: 0, free: 4096},
		{size: 64, allocated: 0, free: 8192},
		{size: 128, allocated: 240, free: 3856},
	],
	events: [
		{tick: 753, kind: 'backup-consumed', message: 'Adding memory to heap at V0xc0801000, bytes: 1048576'},
		{tick: 753, kind: 'subheap-added', message: '#1 from backup at V0xc0801000, bytes: 1048576'},
		{tick: 753, kind: 'backup-replaced', message: 'backup at V0xc3630000, bytes: 1048576'},
		{tick: 2610, kind: 'subheap-added', message: '#4 from region at V0xc4ba9000, bytes: 2105344'},
		{tick: 2847, kind: 'subheap-removed', message: 'Queue removing memory from heap at V0xc4ba9000, bytes: 2105344'},
		{tick: 3900, kind: 'region-allocated', message: 'Taskbar: malloc heap at V0xc1cfb000, bytes: 786432'},
		{tick: 3990, kind: 'backup-consumed', message: 'Adding memory to heap at V0xcd547000, bytes: 1048576'},
		{tick: 3990, kind: 'subheap-added', message: '#3 from backup at V0xcd547000, bytes: 1048576'},
		{tick: 3990, kind: 'backup-replaced', message: 'backup at V0xc1dcb000, bytes: 1048576'},
	],
	dmesg: [
		'[#0 WebContent(43:43)]: kmalloc(): Adding memory to heap at V0xc0801000, bytes: 1048576',
		'[#0 WebContent(66:66)]: kmalloc(): Adding even more memory to heap at V0xc4ba9000, bytes: 2105344',
		'[#0 WebContent(66:66)]: kmalloc(): Queue removing memory from heap at V0xc4ba9000, bytes: 2105344',
		'[#0 Shell(12:12)]: hello from a workload',
		'[#0 WebContent(66:66)]: kmalloc(): Adding memory to heap at V0xcd547000, bytes: 1048576',
	],
	history: {
		everyTicks: 10,
		kmallocAllocated: [3_530_880, 3_633_312, 3_651_872, 3_602_016, 3_580_448],
		kmallocAvailable: [2_601_600, 2_499_168, 2_480_608, 2_530_464, 2_552_032],
		subheapCount: [3, 3, 3, 3, 3],
		kmallocCalls: [449_125, 453_593, 454_101, 454_205, 454_280],
		kfreeCalls: [369_221, 370_853, 370_865, 372_303, 372_971],
	},
	panic: null,
});

/** The same document after big-allocations' out-of-memory panic (lines as the console printed them). */
export const panicDocument = (): SnapshotDocument => {
	const document = baseDocument();
	const lines = [
		'[#0 ImageDecoder(45:45)]: KERNEL PANIC! :^(',
		'[#0 ImageDecoder(45:45)]: kmalloc: Out of memory (requested size: 1016768)',
		'[#0 ImageDecoder(45:45)]: at ../Kernel/Heap/kmalloc.cpp:251 in void* kmalloc_impl(size_t)',
	];
	return {
		...document,
		run: {...document.run, tick: 4001},
		backup: {...document.backup, state: 'consumed', base: null, bytes: null, consumed: 4},
		events: [
			...document.events,
			{tick: 4001, kind: 'expansion-failed', message: 'Cannot expand heap: no backup memory (request 1016768 bytes)'},
			{tick: 4001, kind: 'panic', message: lines.join(' / ')},
		],
		dmesg: [...document.dmesg, '[#0 ImageDecoder(45:45)]: kmalloc(): Cannot expand heap: no backup memory', ...lines],
		panic: {tick: 4001, kind: 'oom', lines},
	};
};
