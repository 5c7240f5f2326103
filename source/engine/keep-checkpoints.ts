// The copies time travel runs from: when to take one, taking it, and where it is kept (the
// store of copies of the present, and the trail a travel leaves along its long runs). A copy
// that cannot be made (a workload's state holds a function) turns travel off for good.
//
// Memory: one budget for every copy, the store's, the trail's and those running outside both
// (the past being shown, the step back made ready while paused), so that pausing or travelling
// does not add to what running holds. Stored copies are never run, only copied again, so they
// keep their buffers compact (compact-buffer.ts): what repeats as 16 bytes, and blocks of their
// own shared with the copy they were made after wherever the bytes did not change (most of a big
// heap between two copies; all of a halted kernel's). A copy to run expands them afresh.

import {CheckpointStore, type Checkpoint} from './checkpoint-store.js';
import {copySimulation, storeSimulation, type SimulationCopy, type StoredCopy, type StoredSimulation} from './clone-simulation.js';
import {compactBuffer, type CompactBuffer} from './compact-buffer.js';
import {CloneError} from './locate-uncopyable.js';
import type {Simulation} from './simulation.js';

/** Copies are at least this much running apart. */
const MIN_COPY_EVERY_MS = 20;
/** Running time per copying time: copies take at most 1 / (1 + this) of the engine's time. */
const RUN_PER_COPY = 9;

/** Where a copy is of: its point, its place on the timeline, the journal entries it had applied. */
export type CopyPlace = Omit<Checkpoint, 'simulation' | 'bytes' | 'blocks'>;

/** Each buffer a simulation runs on, and the compact form it was last stored as or made from (its next stored form shares blocks with that). */
export type Origins = Map<ArrayBuffer, CompactBuffer>;

/** A copy made to run: what it holds, and where its buffers came from. */
export type RunningCopy = {simulation: Simulation; bytes: number; origins: Origins};

export class CheckpointKeeper {
	readonly store: CheckpointStore;
	/** Copies a travel leaves on its way, so the next step back re-runs little. */
	readonly trail: CheckpointStore;
	/** Why copies cannot be made (a workload's state holds a function): travel is off. */
	unavailable: string | undefined;
	/** What every copy together may hold. */
	readonly budgetBytes: number;
	private readonly shared: Set<object>;
	private readonly now: () => number;
	/** The bytes of the copies running outside the store and the trail (the time machine's cursors). */
	private readonly running: () => number;
	private runSinceCopyMs = 0;
	private lastCopyMs = 0;
	/** What the last copy of the present weighed (a copy of the past weighs about as much). */
	private lastCopyBytes = 0;
	/** The present's buffers and their forms in the newest stored copy, which the next copy shares blocks with. */
	private presentOrigins: Origins = new Map();

	constructor(budgetBytes: number, shared: Set<object>, now: () => number, running: () => number = () => 0) {
		this.budgetBytes = budgetBytes;
		this.store = new CheckpointStore(budgetBytes);
		this.trail = new CheckpointStore(Math.floor(budgetBytes / 8));
		this.shared = shared;
		this.now = now;
		this.running = running;
	}

	/** Makes room in the store for what runs outside it and the trail, and `more` about to run. */
	fit(presentOrder: number, more = 0): void {
		this.shareStore(more);
		this.store.fit(presentOrder);
	}

	/** The store's share: the budget less the trail and the copies running outside it. */
	private shareStore(more = 0): void {
		this.store.budgetBytes = Math.max(0, this.budgetBytes - this.trail.bytes - this.running() - more);
	}

	/** Whether `ms` of running since the last copy is enough for another. */
	due(ms: number): boolean {
		return ms >= Math.max(MIN_COPY_EVERY_MS, RUN_PER_COPY * this.lastCopyMs);
	}

	/** The present ran for `ms`: whether it is time for a copy of it. */
	ran(ms: number): boolean {
		this.runSinceCopyMs += ms;
		return this.due(this.runSinceCopyMs);
	}

	/** Stores a copy of the present, timing it (the next copy waits in proportion). */
	keep(simulation: Simulation, place: CopyPlace): void {
		const started = this.now();
		const copy = this.stow(simulation, this.presentOrigins);
		if (!copy) {
			return;
		}

		this.presentOrigins = copy.buffers;
		this.lastCopyBytes = copy.bytes;
		this.shareStore();
		this.store.add({...place, ...checkpointOf(copy)}, place.order);
		this.lastCopyMs = this.now() - started;
		this.runSinceCopyMs = 0;
	}

	/** Leaves a copy of a running one on the trail, dropping what an earlier travel left further on. */
	leaveTrail(running: {simulation: Simulation; origins: Origins}, place: CopyPlace): void {
		// A copy bigger than the trail's whole share would be kept anyway (a store keeps its
		// newest): on a heap that big the trail stays empty and a step back re-runs from the
		// store's copies.
		if (this.lastCopyBytes > this.trail.budgetBytes) {
			return;
		}

		const copy = this.stow(running.simulation, running.origins);
		if (copy) {
			renewOrigins(running.origins, copy.buffers);
			this.trail.dropAfter({boot: place.boot, tick: place.tick - 1});
			this.trail.add({...place, ...checkpointOf(copy)}, place.order);
			this.fit(place.order);
		}
	}

	/** A copy to run, of a stored copy or of a running simulation; undefined when travel is off. */
	copy(simulation: Simulation | StoredSimulation): RunningCopy | undefined {
		const copy = this.attempt(() => copySimulation(simulation, this.shared));
		return copy && {simulation: copy.simulation, bytes: copy.bytes, origins: originsOf(copy)};
	}

	/**
	A copy to store, its buffers compact, sharing the blocks of `origins`' forms that did not
	change; undefined when travel is off.
	*/
	stow(simulation: Simulation, origins: Origins = new Map()): StoredCopy | undefined {
		return this.attempt(() => storeSimulation(simulation, this.shared, (source) => compactBuffer(source, origins.get(source))));
	}

	private attempt<T>(copy: () => T): T | undefined {
		try {
			return copy();
		} catch (error) {
			if (!(error instanceof CloneError)) {
				throw error;
			}

			this.unavailable = `time travel needs a workload whose state can be copied: ${error.message} (docs/time-travel.md)`;
			this.store.clear();
			this.trail.clear();
			this.presentOrigins = new Map();
			return undefined;
		}
	}
}

/** Where each buffer of a copy made to run came from: the compact form it was expanded from. */
const originsOf = (copy: SimulationCopy): Origins => {
	const origins: Origins = new Map();
	for (const [from, to] of copy.buffers) {
		if (!(from instanceof ArrayBuffer)) {
			origins.set(to, from);
		}
	}

	return origins;
};

/** A running copy was stored again: its buffers' latest forms are the new ones (the old may go). */
const renewOrigins = (origins: Origins, stored: Map<ArrayBuffer, CompactBuffer>): void => {
	origins.clear();
	for (const [buffer, compact] of stored) {
		origins.set(buffer, compact);
	}
};

const checkpointOf = (copy: StoredCopy): Pick<Checkpoint, 'simulation' | 'bytes' | 'blocks'> => {
	const blocks = new Set<ArrayBuffer>();
	for (const compact of new Set(copy.buffers.values())) {
		for (const block of compact.ownBlocks()) {
			blocks.add(block);
		}
	}

	return {simulation: copy.stored, bytes: copy.bytes, blocks: [...blocks]};
};
