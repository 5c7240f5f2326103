// The snapshot document, schema `kmtop.snapshot/1` (docs/snapshot.md, source/snapshot.schema.json).
// Every panel of the live view and the text snapshot is a pure function of this document.
// Key order matters: builders must create objects in exactly the order declared here, so two
// snapshots of the same run serialize to byte-identical JSON.

import type {KernelEvent, KernelEventKind, PanicRecord} from '../kernel/events.js';
import type {Memstat, SystemMonitorLines} from '../kernel/memstat.js';
import type {RetiredSubheap, SubheapOrigin} from '../kernel/subheap-book.js';
import type {FreeRunBucket} from './measure-free-runs.js';
import type {WorkloadSource} from './engine-protocol.js';
import type {JournalEntry} from './session-journal.js';
import type {TraceSummary} from './trace/trace-workload.js';

export type {PanicKind, PanicRecord} from '../kernel/events.js';
export type {RetiredFate, RetiredSubheap, SubheapOrigin} from '../kernel/subheap-book.js';
export type {FreeRunBucket} from './measure-free-runs.js';

export const snapshotSchemaId = 'kmtop.snapshot/1';

/** `/proc/memstat` and SystemMonitor's lines are the kernel's own (source/kernel/memstat.ts). */
export type {Memstat, SystemMonitorLines} from '../kernel/memstat.js';

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
	/**
	 * Added to the schema: the bitmap's free runs by length, 1, 2–3, 4–7, … chunks, up to the
	 * largest run's bucket ([] when nothing is free).
	 */
	freeRuns: FreeRunBucket[];
	/** Added to the schema: 1 − largest free run / free chunks, from the bitmap; null when nothing is free. */
	fragmentationIndex: number | null;
};


export type SlabRow = {size: number; allocated: number; free: number};

/**
 * Added to the schema: who holds the heap, one row per holder (build-holders.ts). A holder is the
 * thread a kmalloc ran as, the purpose where the kernel knows it, and the workload that asked
 * through the facade, if one did. Holders with nothing live and no call in the last 1,000 ticks
 * are left out.
 */
export type HolderRow = {
	/**
	 * Stable while the row is listed; the chunk map's holder ids (build-subheap-document.ts) are
	 * these. A holder left out is retired by the kernel within 1,000 ticks and its id may go to a
	 * new holder (holder-book.ts).
	 */
	id: number;
	/** The thread, `Name(pid:tid)`; null for kernel context (`[Kernel]` in the log). */
	process: string | null;
	/** What the blocks are for (`VMObject`, `log buffer`, a trace's call site...); null when only the caller knew. */
	purpose: string | null;
	/** The workload that called kmalloc through the facade; null for the kernel's own blocks. */
	workload: string | null;
	liveBlocks: number;
	/** Chunk bytes (32 a chunk, header and rounding included): the rows add up to heap.allocatedBytes. */
	liveBytes: number;
	/** liveBytes / heap.allocatedBytes, to six decimals (0 when nothing is allocated). */
	share: number;
	/** kmalloc calls made for it since it got its id (with the holders left out and retired, memstat's kmalloc_call_count, unwrapped). */
	kmallocCount: number;
	/** kfree calls that freed one of its blocks since it got its id. */
	kfreeCount: number;
};

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
	/**
	Added to the schema: the heap's two series sampled ten times more sparsely (every 100 ticks,
	as many kept), for graphs of the last 50,000 ticks (`z` in the live view). Optional: older
	documents lack it.
	*/
	coarse?: {everyTicks: number; kmallocAllocated: number[]; kmallocAvailable: number[]};
};

/** How a document was made: a headless run, a live session, a replay of a recording, one side of a comparison. */
export type MadeBy = 'snapshot' | 'live' | 'replay' | 'compare';

/**
Added to the schema: how the document was made, so any figure in it can be made again. With
`run.seed` and `run.ramBytes`, `start` and `journal` are all a replay needs (`kmtop snapshot
--replay` reads a saved document as a recording); `rerun` is the command line that does it.
*/
export type DocumentMade = {
	by: MadeBy;
	/** How the run started (the revision and workload of its first boot). */
	start: {revision: string; workload: WorkloadSource; debugAsserts: boolean};
	/** Every key that changed the simulation before this document, with its boot and tick. */
	journal: JournalEntry[];
	/** The boot the document is of: 1, one more after each reboot. */
	boot: number;
	/** A command line that makes this document again. */
	rerun: string;
};

export type SnapshotDocument = {
	schema: typeof snapshotSchemaId;
	kmtop: {version: string};
	run: {seed: number; tick: number; workload: string; revision: string; ramBytes: number};
	/** Added by whoever hands the document out (the CLI, a saved live view); absent inside the live view. */
	made?: DocumentMade;
	memstat: Memstat;
	systemMonitor: SystemMonitorLines;
	heap: HeapSummary;
	backup: BackupSummary;
	subheaps: SubheapRow[];
	retiredSubheaps: RetiredSubheap[];
	regions: {count: number; bytes: number};
	slabs: SlabRow[];
	/**
	 * Always in a document kmtop writes; inside the live view, left out while no panel on screen
	 * shows it (LiveFacts.withheld), as in an older kmtop's snapshot that had no such table.
	 */
	holders?: HolderRow[];
	events: SnapshotEvent[];
	dmesg: string[];
	history: HistorySeries;
	panic: PanicRecord | null;
	/** Only when the workload is a Linux kmem trace replay (`--trace`). */
	trace?: TraceSummary;
};
