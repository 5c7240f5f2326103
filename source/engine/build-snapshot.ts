// The snapshot document (snapshot.md) of a simulation, keys in the declared order so that equal
// runs serialize to byte-identical JSON.

import {CHUNK_SIZE, formatAddress} from '../kernel/constants.js';
import type {Kernel} from '../kernel/kernel.js';
import type {RetiredSubheap, SubheapBook} from '../kernel/subheap-book.js';
import {systemMonitorLines} from '../kernel/memstat.js';
import {holderRows} from './build-holders.js';
import {isFrequentEvent} from './event-log.js';
import {measureFreeRuns} from './measure-free-runs.js';
import {buildHistorySection} from './build-history-section.js';
import type {Simulation} from './simulation.js';
import {snapshotSchemaId, type BackupSummary, type SnapshotDocument, type SubheapRow} from './snapshot-types.js';
import {isTraceWorkload} from './trace/is-trace-workload.js';
import {kmtopVersion} from './version.js';

export const SNAPSHOT_DMESG_LINES = 100;

/** One object for every document (not to be changed): the live view's writer sees it unchanged at a glance. */
const kmtopSection: SnapshotDocument['kmtop'] = Object.freeze({version: kmtopVersion});

/**
The retired subheaps as last copied, for each book, with the book's count of changes then. The
copy is reused while the count stands, so the live view's document keeps the very array between
the few retirements a minute and its writer sees it unchanged without reading it (document-delta.ts).
*/
const retiredCopies = new WeakMap<SubheapBook, {changes: number; records: RetiredSubheap[]}>();

const retiredSubheaps = (book: SubheapBook): RetiredSubheap[] => {
	const copied = retiredCopies.get(book);
	if (copied?.changes === book.retiredChanges) {
		return copied.records;
	}

	const records = book.retiredSubheaps.map((record) => ({...record}));
	retiredCopies.set(book, {changes: book.retiredChanges, records});
	return records;
};

const backupSummary = (kernel: Kernel): BackupSummary => {
	const {global} = kernel;
	const backup = global.backup;
	const state = backup ? 'ready' : global.replacementRunning ? 'replacing' : global.replacementPending ? 'consumed' : 'none';
	return {
		state,
		base: backup ? formatAddress(backup.base) : null,
		bytes: backup ? backup.size : null,
		consumed: global.counts.consumed,
		replaced: global.counts.replaced,
		recycled: global.counts.recycled,
		failedReplacements: global.counts.failedReplacements,
	};
};

const subheapRows = (kernel: Kernel): SubheapRow[] =>
	[...kernel.heap.subheaps()].map((subheap) => {
		const label = kernel.global.book.label(subheap);
		const {heap} = subheap;
		const runs = measureFreeRuns(heap.bitmap.words, heap.totalChunks);
		return {
			id: label.id,
			origin: label.origin,
			base: formatAddress(subheap.base),
			memoryBytes: label.memoryBytes,
			totalChunks: heap.totalChunks,
			allocatedChunks: heap.allocatedChunks,
			freeChunks: heap.freeChunks,
			largestFreeRunChunks: Math.min(runs.largestRunChunks, heap.freeChunks),
			addedAtTick: label.addedAtTick,
			freeRuns: runs.buckets,
			fragmentationIndex: runs.fragmentationIndex,
		};
	});

export type SnapshotOptions = {
	/** Holders with nothing live are listed when they made a call at this tick or later (build-holders.ts). */
	holdersActiveSince?: number;
	/** False: no holders table (the live view while no panel shows it; LiveFacts.withheld). */
	holders?: boolean;
	/** False: no region or deferred-call events (event-log.ts), only the lifecycle's (the live view; LiveFacts.withheld). */
	frequentEvents?: boolean;
};

export const buildSnapshot = (simulation: Simulation, options: SnapshotOptions = {}): SnapshotDocument => {
	const {kernel} = simulation;
	const memstat = kernel.memstat();
	const subheaps = subheapRows(kernel);
	const totalChunks = subheaps.reduce((sum, row) => sum + row.totalChunks, 0);
	const allocatedChunks = subheaps.reduce((sum, row) => sum + row.allocatedChunks, 0);
	let regionBytes = 0;
	for (const region of kernel.mm.regions) {
		regionBytes += region.size;
	}

	const document: SnapshotDocument = {
		schema: snapshotSchemaId,
		kmtop: kmtopSection,
		run: {
			seed: simulation.seed,
			tick: simulation.tick,
			workload: simulation.workload.name,
			revision: simulation.revision,
			ramBytes: simulation.ramBytes,
		},
		memstat,
		systemMonitor: systemMonitorLines(memstat),
		heap: {
			totalBytes: totalChunks * CHUNK_SIZE,
			allocatedBytes: allocatedChunks * CHUNK_SIZE,
			freeBytes: (totalChunks - allocatedChunks) * CHUNK_SIZE,
			largestFreeRunBytes: subheaps.reduce((largest, row) => Math.max(largest, row.largestFreeRunChunks), 0) * CHUNK_SIZE,
			subheapCount: subheaps.length,
		},
		backup: backupSummary(kernel),
		subheaps,
		retiredSubheaps: retiredSubheaps(kernel.global.book),
		regions: {count: kernel.mm.regions.size, bytes: regionBytes},
		slabs: kernel.slabs.map((slab) => ({size: slab.size, allocated: slab.numAllocated, free: slab.numFree})),
		holders: options.holders === false ? undefined : holderRows(kernel, allocatedChunks * CHUNK_SIZE, options.holdersActiveSince),
		events: options.frequentEvents === false ? simulation.events.lifecycleEvents() : simulation.events.list(),
		dmesg: kernel.dmesg.tail(SNAPSHOT_DMESG_LINES),
		history: buildHistorySection(simulation.history),
		panic: kernel.panic ? {tick: kernel.panic.tick, kind: kernel.panic.kind, lines: [...kernel.panic.lines]} : null,
	};
	if (document.holders === undefined) {
		delete document.holders;
	}

	// An addition to the schema's keys, present only for a trace replay.
	if (isTraceWorkload(simulation.workload)) {
		document.trace = simulation.workload.summary();
	}

	return document;
};

/**
A document made whole (the frozen one) without what `options` leaves out, as buildSnapshot would
have made it: keys in their place (a copy, the holders deleted, the events replaced where they
stand), so the JSON text is the one buildSnapshot writes.
*/
export const leaveOutSections = (document: SnapshotDocument, options: Pick<SnapshotOptions, 'holders' | 'frequentEvents'>): SnapshotDocument => {
	if (options.holders !== false && options.frequentEvents !== false) {
		return document;
	}

	const kept = {...document};
	if (options.holders === false) {
		delete kept.holders;
	}

	if (options.frequentEvents === false) {
		kept.events = lifecycleEventsOf(document.events);
	}

	return kept;
};

/**
The lifecycle events of each events array filtered so far. A frozen document is given out four
times a second with the same events; filtered anew each time, they were a new array the view's
writer had to make into JSON text only to find it unchanged (document-delta.ts). An events array
handed out is never changed (event-log.ts), so its filtered copy stands as long as it does.
*/
const filteredEvents = new WeakMap<SnapshotDocument['events'], SnapshotDocument['events']>();

/** `events` without the frequent ones: the same array for the same events. */
const lifecycleEventsOf = (events: SnapshotDocument['events']): SnapshotDocument['events'] => {
	let lifecycle = filteredEvents.get(events);
	if (lifecycle === undefined) {
		lifecycle = events.filter((event) => !isFrequentEvent(event));
		filteredEvents.set(events, lifecycle);
	}

	return lifecycle;
};
