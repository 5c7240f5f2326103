// A hand-written snapshot document (figures taken from vmobject-churn, seed 1, tick 4000 on
// 2021-02-23, the events trimmed; the subheaps add up to the heap's figures): view tests assert
// exact text against it without depending on how the engine's workloads behave today.

import type {FreeRunBucket, SnapshotDocument} from '../../source/engine/snapshot-types.js';

/** Free-run buckets (1, 2–3, 4–7, … chunks) for free runs of these lengths. */
const bucketsOf = (runs: number[]): FreeRunBucket[] =>
	Array.from({length: Math.floor(Math.log2(Math.max(...runs))) + 1}, (_, bucket) => {
		const inBucket = runs.filter((run) => run >= 2 ** bucket && run < 2 ** (bucket + 1));
		return {minChunks: 2 ** bucket, maxChunks: 2 ** (bucket + 1) - 1, count: inBucket.length, bytes: 32 * inBucket.reduce((sum, run) => sum + run, 0)};
	});

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
	heap: {totalBytes: 5_083_904, allocatedBytes: 3_580_448, freeBytes: 1_503_456, largestFreeRunBytes: 492_448, subheapCount: 4},
	backup: {state: 'ready', base: '0xc1dcb000', bytes: 1_048_576, consumed: 3, replaced: 3, recycled: 0, failedReplacements: 0},
	subheaps: [
		{id: 0, origin: 'pool', base: '0xc0500000', memoryBytes: 2_097_152, totalChunks: 63_550, allocatedChunks: 63_021, freeChunks: 529, largestFreeRunChunks: 332, addedAtTick: 0, freeRuns: bucketsOf([47, 150, 332]), fragmentationIndex: 1 - 332 / 529},
		{id: 1, origin: 'backup', base: '0xc0801000', memoryBytes: 1_048_576, totalChunks: 31_774, allocatedChunks: 21_121, freeChunks: 10_653, largestFreeRunChunks: 2248, addedAtTick: 753, freeRuns: bucketsOf([1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 5, 6, 8, 12, 20, 100, 300, 400, 1000, 1500, 1600, 1700, 1737, 2248]), fragmentationIndex: 1 - 2248 / 10_653},
		{id: 2, origin: 'backup', base: '0xc3630000', memoryBytes: 1_048_576, totalChunks: 31_774, allocatedChunks: 27_747, freeChunks: 4027, largestFreeRunChunks: 1190, addedAtTick: 982, freeRuns: bucketsOf([37, 200, 600, 900, 1100, 1190]), fragmentationIndex: 1 - 1190 / 4027},
		{id: 3, origin: 'backup', base: '0xcd547000', memoryBytes: 1_048_576, totalChunks: 31_774, allocatedChunks: 0, freeChunks: 31_774, largestFreeRunChunks: 31_774, addedAtTick: 3990, freeRuns: bucketsOf([31_774]), fragmentationIndex: 0},
	],
	retiredSubheaps: [{id: 4, base: '0xc4ba9000', memoryBytes: 2_105_344, addedAtTick: 2610, removedAtTick: 2847, fate: 'freed'}],
	regions: {count: 240, bytes: 361_484_288},
	slabs: [
		{size: 16, allocated: 8192, free: 0},
		{size: 32, allocated: 0, free: 4096},
		{size: 64, allocated: 0, free: 8192},
		{size: 128, allocated: 240, free: 3856},
	],
	// The run's two biggest holders; the third row stands in for the other 253, so the live bytes
	// still add up to the heap's allocated bytes.
	holders: [
		{id: 344, process: 'Browser(80:80)', purpose: null, workload: 'vmobject-churn', liveBlocks: 6, liveBytes: 526_336, share: 0.147003, kmallocCount: 6, kfreeCount: 0},
		{id: 100, process: 'SystemMonitor(42:42)', purpose: 'PhysicalPage (slab full)', workload: null, liveBlocks: 9774, liveBytes: 312_768, share: 0.087354, kmallocCount: 24_364, kfreeCount: 14_590},
		{id: 45, process: 'Browser(30:30)', purpose: 'PhysicalPage (slab full)', workload: null, liveBlocks: 85_661, liveBytes: 2_741_344, share: 0.765643, kmallocCount: 429_910, kfreeCount: 358_381},
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
		subheapCount: [4, 4, 4, 4, 4],
		kmallocCalls: [449_125, 453_593, 454_101, 454_205, 454_280],
		kfreeCalls: [369_221, 370_853, 370_865, 372_303, 372_971],
	},
	panic: null,
});

/** The same document after big-allocations' out-of-memory panic (lines as the console printed them). */
export const panicDocument = (): SnapshotDocument => {
	const document = baseDocument();
	const lines = [
		'[ImageDecoder(45:45)]: KERNEL PANIC! :^(',
		'[ImageDecoder(45:45)]: kmalloc: Out of memory (requested size: 1016768)',
		'[ImageDecoder(45:45)]: at ../Kernel/Heap/kmalloc.cpp:251 in void* kmalloc_impl(size_t)',
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

/**
A replay of test/fixtures/linux-ftrace-kmem-excerpt.txt (the `trace` key as `kmtop snapshot
--trace` wrote it at the end) over the base document's kernel figures.
*/
export const traceDocument = (): SnapshotDocument => ({
	...baseDocument(),
	run: {...baseDocument().run, tick: 566, workload: 'trace'},
	trace: {
		file: 'test/fixtures/linux-ftrace-kmem-excerpt.txt',
		format: 'ftrace',
		msPerTick: 0.05,
		eventsTotal: 1000,
		eventsCounted: true,
		eventsSeen: 1000,
		eventsReplayed: 947,
		kmallocReplayed: 538,
		kfreeReplayed: 409,
		skipped: {kfreeUnknownPointer: 53, kfreeNull: 0, failedInTrace: 0, unrepresentableSize: 0, ignored: 0, malformed: 0},
		reusedLivePointer: 0,
		malformedLines: [],
		linesRead: 1012,
		liveBlocks: 129,
		liveBytes: 12_898,
		largestRequest: {bytes: 4096, callSite: 'seq_read_iter+0x38e/0x490'},
		topCallSites: [
			{callSite: 'ext4_htree_store_dirent+0x34/0x120', bytes: 21_650, count: 370},
			{callSite: 'alloc_fdtable+0x84/0x140', bytes: 18_432, count: 9},
			{callSite: 'do_getxattr+0x55/0x180', bytes: 16_065, count: 63},
			{callSite: 'load_elf_phdrs+0x49/0xc0', bytes: 8624, count: 14},
			{callSite: 'seq_read_iter+0x38e/0x490', bytes: 8192, count: 2},
		],
		finished: true,
		stopped: null,
	},
});

/** The same replay a fifth of the way in, from a copy of the file with three lines broken. */
export const traceDocumentMidway = (): SnapshotDocument => {
	const document = traceDocument();
	document.run.tick = 120;
	document.trace = {
		...document.trace!,
		file: '/tmp/kmem-broken.txt.gz',
		eventsSeen: 214,
		eventsReplayed: 190,
		kmallocReplayed: 118,
		kfreeReplayed: 72,
		skipped: {kfreeUnknownPointer: 22, kfreeNull: 1, failedInTrace: 1, unrepresentableSize: 0, ignored: 4, malformed: 3},
		reusedLivePointer: 2,
		malformedLines: [
			{line: 41, text: '            bash-9465    [000] .....   583.847594: kmalloc: call_site=alloc_fdtable+0x55/0x140 pointer=0000000060a92b63'},
			{line: 301, text: '         python3-9421    [001] .....   583.864962: kmalloc: call_site=ext4_htree_store_dirent+0x34/0x120'},
			{line: 701, text: '              ls-9473    [001] .....   583.868261: kfree: call_site=do_getxattr+0xc0/0x180 pointer=0000'},
		],
		linesRead: 1015,
		liveBlocks: 44,
		liveBytes: 9523,
		largestRequest: {bytes: 2048, callSite: 'alloc_fdtable+0x84/0x140'},
		topCallSites: [
			{callSite: 'alloc_fdtable+0x84/0x140', bytes: 12_288, count: 6},
			{callSite: 'load_elf_phdrs+0x49/0xc0', bytes: 3696, count: 6},
			{callSite: 'alloc_pipe_info+0xd7/0x230', bytes: 1280, count: 2},
		],
		finished: false,
	};
	return document;
};
