// Two kernel revisions on the same seed and workload, tick for tick (`kmtop compare`, and the
// live view's `c`). The workload's stream does not depend on the revision (simulation.ts), so
// both kernels are asked for the same things until their answers differ: the first tick where
// /proc/memstat or the event stream parts is where a commit changed what the kernel does.
// Each side runs until it panics, the other goes on alone.

import {findRevision} from '../kernel/revisions.js';
import type {Memstat} from '../kernel/memstat.js';
import type {PanicRecord, SnapshotDocument, SnapshotEvent} from './snapshot-types.js';
import type {Simulation} from './simulation.js';

export type MemstatDifference = {key: string; values: [number | null, number | null]};

/** The first tick the two runs part, and how: memstat's keys that differ, and both sides' events then. */
export type FirstDifference = {
	tick: number;
	memstat: MemstatDifference[];
	events: [SnapshotEvent[], SnapshotEvent[]];
};

export type CompareSideSummary = {
	revision: string;
	commit: string | null;
	/** Ticks the side ran (fewer than asked when it panicked). */
	tick: number;
	memstat: Memstat;
	heap: {totalBytes: number; allocatedBytes: number; subheapCount: number};
	subheaps: {added: number; removed: number};
	backup: {consumed: number; replaced: number; recycled: number; failedReplacements: number};
	panic: PanicRecord | null;
};

/** Where two panics' lines differ: index, and each side's line (null where one has fewer). */
export type PanicLineDifference = {line: number; lines: [string | null, string | null]};

export type PanicComparison = {sameTick: boolean; sameKind: boolean; differingLines: PanicLineDifference[]};

/**
The keys both memstats have whose values differ. A key only one revision prints (the committed
page counts came later) is a difference of format, not of behaviour: `memstatKeys` lists those.
*/
const memstatDifferences = (a: Memstat, b: Memstat): MemstatDifference[] =>
	Object.keys(a).flatMap((key) => {
		const left = (a as Record<string, number | undefined>)[key];
		const right = (b as Record<string, number | undefined>)[key];
		return right === undefined || left === right ? [] : [{key, values: [left ?? null, right] as [number | null, number | null]}];
	});

/** Memstat keys one side prints and the other does not. */
export const memstatKeyDifferences = (a: Memstat, b: Memstat): [string[], string[]] => [
	Object.keys(a).filter((key) => !(key in b)),
	Object.keys(b).filter((key) => !(key in a)),
];

const sameEvents = (a: SnapshotEvent[], b: SnapshotEvent[]): boolean =>
	a.length === b.length && a.every((event, index) => event.kind === b[index]!.kind && event.message === b[index]!.message);

/** Counts of subheap lifecycle events since boot, from the kernel's own counters and the book. */
const countSubheapEvents = (simulation: Simulation): {added: number; removed: number} => {
	const {book} = simulation.kernel.global;
	// Every subheap ever added took an id (the pool is #0); every removal retired one.
	return {added: book.addedCount, removed: book.retiredCount};
};

export const summarizeSide = (simulation: Simulation): CompareSideSummary => {
	const {kernel} = simulation;
	const memstat = kernel.memstat();
	let subheapCount = 0;
	for (const _subheap of kernel.heap.subheaps()) {
		subheapCount++;
	}

	const totalChunks = kernel.heap.totalChunks();
	return {
		revision: simulation.revision,
		commit: findRevision(simulation.revision)?.commit ?? null,
		tick: simulation.tick,
		memstat,
		heap: {totalBytes: totalChunks * 32, allocatedBytes: kernel.heap.allocatedBytes(), subheapCount},
		subheaps: countSubheapEvents(simulation),
		backup: {...kernel.global.counts},
		panic: kernel.panic ? {tick: kernel.panic.tick, kind: kernel.panic.kind, lines: [...kernel.panic.lines]} : null,
	};
};

export const comparePanics = (a: PanicRecord | null, b: PanicRecord | null): PanicComparison | null => {
	if (!a && !b) {
		return null;
	}

	const left = a?.lines ?? [];
	const right = b?.lines ?? [];
	const differingLines: PanicLineDifference[] = [];
	for (let line = 0; line < Math.max(left.length, right.length); line++) {
		if (left[line] !== right[line]) {
			differingLines.push({line, lines: [left[line] ?? null, right[line] ?? null]});
		}
	}

	return {sameTick: a?.tick === b?.tick, sameKind: a?.kind === b?.kind, differingLines};
};

/** Two simulations stepped together; `firstDifference` is set at the first tick they part. */
export class ComparedRuns {
	readonly sides: [Simulation, Simulation];
	firstDifference: FirstDifference | undefined;
	/** Told which side is about to run (the engine thread's watchdog says where a hang was). */
	onSide: ((side: 0 | 1) => void) | undefined;

	constructor(sides: [Simulation, Simulation]) {
		this.sides = sides;
		this.check([[], []]);
	}

	get tick(): number {
		return Math.max(this.sides[0].tick, this.sides[1].tick);
	}

	get halted(): boolean {
		return this.sides[0].halted && this.sides[1].halted;
	}

	/** Up to `count` ticks of each side still running; returns the ticks the comparison moved on. */
	step(count: number): number {
		let ran = 0;
		while (ran < count && !this.halted) {
			const before = this.sides.map((side) => side.events.count);
			for (const [index, side] of this.sides.entries()) {
				this.onSide?.(index as 0 | 1);
				side.step(1);
			}

			ran++;
			if (!this.firstDifference) {
				this.check(this.sides.map((side, index) => side.events.since(before[index]!)) as [SnapshotEvent[], SnapshotEvent[]]);
			}
		}

		return ran;
	}

	private check(events: [SnapshotEvent[], SnapshotEvent[]]): void {
		const [a, b] = this.sides;
		const memstat = memstatDifferences(a.kernel.memstat(), b.kernel.memstat());
		if (memstat.length > 0 || !sameEvents(events[0], events[1])) {
			this.firstDifference = {tick: this.tick, memstat, events};
		}
	}
}

export const compareSchemaId = 'kmtop.compare/1';

/** What `kmtop compare --format json` prints (source/compare.schema.json). */
export type CompareDocument = {
	schema: typeof compareSchemaId;
	kmtop: {version: string};
	run: {seed: number; workload: string; ramBytes: number; ticks: number; revisions: [string, string]};
	made: {by: 'compare'; rerun: string};
	/** Each side, as the report's table shows it. */
	sides: [CompareSideSummary, CompareSideSummary];
	/** Memstat keys only one revision prints (a difference of format, not of behaviour). */
	memstatKeys: [string[], string[]];
	/** The first tick where memstat or the event stream differ, with both sides' events then. */
	firstDifference: FirstDifference | null;
	/** Both panics against each other, line by line (null when neither side panicked). */
	panics: PanicComparison | null;
	/** Each side's whole snapshot document, made by compare (its `made.rerun` is that side alone). */
	documents: [SnapshotDocument, SnapshotDocument];
};
