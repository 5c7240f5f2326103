// The copies time travel runs from: when to take one, taking it, and where it is kept (the
// store of copies of the present, and the trail a travel leaves along its long runs). A copy
// that cannot be made (a workload's state holds a function) turns travel off for good.

import {CheckpointStore, type Checkpoint} from './checkpoint-store.js';
import {copySimulation} from './clone-simulation.js';
import {CloneError} from './locate-uncopyable.js';
import type {Simulation} from './simulation.js';

/** Copies are at least this much running apart. */
const MIN_COPY_EVERY_MS = 20;
/** Running time per copying time: copies take at most 1 / (1 + this) of the engine's time. */
const RUN_PER_COPY = 9;

/** Where a copy is of: its point, its place on the timeline, the journal entries it had applied. */
export type CopyPlace = Omit<Checkpoint, 'simulation' | 'bytes'>;

export class CheckpointKeeper {
	readonly store: CheckpointStore;
	/** Copies a travel leaves on its way, so the next step back re-runs little. */
	readonly trail: CheckpointStore;
	/** Why copies cannot be made (a workload's state holds a function): travel is off. */
	unavailable: string | undefined;
	private readonly shared: Set<object>;
	private readonly now: () => number;
	private runSinceCopyMs = 0;
	private lastCopyMs = 0;

	constructor(budgetBytes: number, shared: Set<object>, now: () => number) {
		this.store = new CheckpointStore(budgetBytes);
		this.trail = new CheckpointStore(Math.floor(budgetBytes / 8));
		this.shared = shared;
		this.now = now;
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
		const copy = this.copy(simulation);
		if (!copy) {
			return;
		}

		this.store.add({...place, ...copy}, place.order);
		this.lastCopyMs = this.now() - started;
		this.runSinceCopyMs = 0;
	}

	/** Leaves a copy on the trail, dropping what an earlier travel left further on. */
	leaveTrail(simulation: Simulation, place: CopyPlace): void {
		const copy = this.copy(simulation);
		if (copy) {
			this.trail.dropAfter({boot: place.boot, tick: place.tick - 1});
			this.trail.add({...place, ...copy}, place.order);
		}
	}

	copy(simulation: Simulation): {simulation: Simulation; bytes: number} | undefined {
		try {
			return copySimulation(simulation, this.shared);
		} catch (error) {
			if (!(error instanceof CloneError)) {
				throw error;
			}

			this.unavailable = `time travel needs a workload whose state can be copied: ${error.message} (docs/time-travel.md)`;
			this.store.clear();
			this.trail.clear();
			return undefined;
		}
	}
}
