// The snapshot document, schema `kmtop.snapshot/1` (../shared/spec/snapshot.md).
// Every panel of the live view and the text snapshot is a pure function of this document.
// Key order matters: builders must create objects in exactly the order declared here, so two
// snapshots of the same run serialize to byte-identical JSON.

import type {KernelEvent, KernelEventKind, PanicRecord} from '../kernel/events.js';
import type {RetiredSubheap, SubheapOrigin} from '../kernel/subheap-book.js';
import type {TraceSummary} from './trace/trace-workload.js';

export type {PanicKind, PanicRecord} from '../kernel/events.js';
export type {RetiredFate, RetiredSubheap, SubheapOrigin} from '../kernel/subheap-book.js';

export const snapshotSchemaId = 'kmtop.snapshot/1';

/** `/proc/memstat` as SerenityOS emits it (reference §8.1): keys and order as the kernel writes them. */
export type Memstat = Record<string, number>;

export type SystemMonitorLines = {
	/** `{kmalloc_allocated/1024}K/{(kmalloc_allocated + kmalloc_available)/1024}K` */
	kernelHeap: string;
	callsKmalloc: number;
	callsKfree: number;
	/** `{:+}` of the unsigned difference: always with a sign, e.g. `+6116` */
	difference: string;
};

export type HeapSummary = {
	totalBytes: number;
	allocatedBytes: number;
	freeBytes: number;
	largestFreeRunBytes: number;
	subheapCount: number;
};

export type BackupState = 'ready' | 'consumed' | 'replacing' | 'none';

export type BackupSummary = {
	state: BackupState;
	base: string | null;
	bytes: number | null;
	consumed: number;
	replaced: number;
	recycled: number;
	failedReplacements: number;
};


export type SubheapRow = {
	id: number;
	origin: SubheapOrigin;
	base: string;
	memoryBytes: number;
	totalChunks: number;
	allocatedChunks: number;
	freeChunks: number;
	largestFreeRunChunks: number;
	addedAtTick: number;
};


export type SlabRow = {size: number; allocated: number; free: number};

export type EventKind = KernelEventKind | 'workload-switched' | 'workload-error' | 'reboot';

export type SnapshotEvent = KernelEvent<EventKind>;

export type HistorySeries = {
	everyTicks: number;
	kmallocAllocated: number[];
	kmallocAvailable: number[];
	subheapCount: number[];
	/** Added to the schema's required keys: the call counters at each sample, for rates. */
	kmallocCalls: number[];
	kfreeCalls: number[];
};

export type SnapshotDocument = {
	schema: typeof snapshotSchemaId;
	kmtop: {version: string};
	run: {seed: number; tick: number; workload: string; revision: string; ramBytes: number};
	memstat: Memstat;
	systemMonitor: SystemMonitorLines;
	heap: HeapSummary;
	backup: BackupSummary;
	subheaps: SubheapRow[];
	retiredSubheaps: RetiredSubheap[];
	regions: {count: number; bytes: number};
	slabs: SlabRow[];
	events: SnapshotEvent[];
	dmesg: string[];
	history: HistorySeries;
	panic: PanicRecord | null;
	/** Only when the workload is a Linux kmem trace replay (`--trace`). */
	trace?: TraceSummary;
};
