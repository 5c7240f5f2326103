// /proc/memstat and SystemMonitor's memory lines (reference §8). memstat's keys come in the order
// procfs$memstat writes them; `kmalloc_available` counts the backup region, which is why the heap
// "grows as soon as the reported utilization is less than 1 MiB". Counters are size_t: they wrap
// at 2^32 like the kernel's. This reads the counters directly (get_kmalloc_stats and the MM
// counters); a real read of the file also allocated a KBufferBuilder region (§8.1, not modelled).

import type {Slab} from './slab-allocator.js';

export type Memstat = Record<string, number>;

export type MemstatInput = {
	allocatedBytes: number;
	freeBytes: number;
	backupBytes: number;
	eternalBytes: number;
	userUsed: number;
	userTotal: number;
	userCommitted: number;
	userUncommitted: number;
	superUsed: number;
	superTotal: number;
	kmallocCalls: number;
	kfreeCalls: number;
	slabs: readonly Slab[];
	withCommitted: boolean;
};

const sizeT = (value: number): number => value % 2 ** 32;

/** Whether `slabs` are the kernel's four classes, in order (slab-allocator.ts). */
const standardSlabs = (slabs: readonly Slab[]): boolean =>
	slabs.length === 4 && slabs[0]!.size === 16 && slabs[1]!.size === 32 && slabs[2]!.size === 64 && slabs[3]!.size === 128;

export const buildMemstat = (input: MemstatInput): Memstat => {
	const memstat: Memstat = {
		kmalloc_allocated: input.allocatedBytes,
		kmalloc_available: input.freeBytes + input.backupBytes,
		kmalloc_eternal_allocated: input.eternalBytes,
		user_physical_allocated: input.userUsed,
		user_physical_available: input.userTotal - input.userUsed,
	};
	if (input.withCommitted) {
		memstat.user_physical_committed = input.userCommitted;
		memstat.user_physical_uncommitted = input.userUncommitted;
	}

	memstat.super_physical_allocated = input.superUsed;
	memstat.super_physical_available = input.superTotal - input.superUsed;
	memstat.kmalloc_call_count = sizeT(input.kmallocCalls);
	memstat.kfree_call_count = sizeT(input.kfreeCalls);
	const {slabs} = input;
	if (standardSlabs(slabs)) {
		// Named stores, the same keys in the same order as the loop below: vmobject-churn reads
		// memstat before every mapping, and a store under a computed key took V8's generic path.
		memstat.slab_16_num_allocated = slabs[0]!.numAllocated;
		memstat.slab_16_num_free = slabs[0]!.numFree;
		memstat.slab_32_num_allocated = slabs[1]!.numAllocated;
		memstat.slab_32_num_free = slabs[1]!.numFree;
		memstat.slab_64_num_allocated = slabs[2]!.numAllocated;
		memstat.slab_64_num_free = slabs[2]!.numFree;
		memstat.slab_128_num_allocated = slabs[3]!.numAllocated;
		memstat.slab_128_num_free = slabs[3]!.numFree;
		return memstat;
	}

	for (const slab of slabs) {
		memstat[`slab_${slab.size}_num_allocated`] = slab.numAllocated;
		memstat[`slab_${slab.size}_num_free`] = slab.numFree;
	}

	return memstat;
};

export type SystemMonitorLines = {
	/** `{kmalloc_allocated/1024}K/{(kmalloc_allocated + kmalloc_available)/1024}K` */
	kernelHeap: string;
	callsKmalloc: number;
	callsKfree: number;
	/** `{:+}` of the unsigned difference: always with a sign, e.g. `+6116` */
	difference: string;
};

/** MemoryStatsWidget (§8.2): K is 1024 bytes, integer division; the difference always signed. */
export const systemMonitorLines = (memstat: Memstat): SystemMonitorLines => {
	const allocated = memstat.kmalloc_allocated!;
	const total = allocated + memstat.kmalloc_available!;
	const calls = memstat.kmalloc_call_count!;
	const frees = memstat.kfree_call_count!;
	return {
		kernelHeap: `${Math.floor(allocated / 1024)}K/${Math.floor(total / 1024)}K`,
		callsKmalloc: calls,
		callsKfree: frees,
		difference: `+${(calls - frees) >>> 0}`,
	};
};
