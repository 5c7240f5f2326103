// The copies time travel runs from: when to take one, taking it, and where it is kept (the
// store of copies of the present, and the trail a travel leaves along its long runs). A copy
// that cannot be made (a workload's state holds a function) turns travel off for good.
//
// Memory: one budget for every copy, the store's, the trail's and those running outside both
// (the past being shown, the step back made ready while paused), so that pausing or travelling
// does not add to what running holds. A copy of the present shares with the copy before it
// every buffer whose bytes did not change (most of a big heap's subheaps between two copies;
// all of a halted kernel's): stored copies are never run, only copied again, so a shared buffer
// is never written.

import {Buffer} from 'node:buffer';
import {CheckpointStore, type Checkpoint} from './checkpoint-store.js';
import {copySimulation, type SimulationCopy} from './clone-simulation.js';
import {CloneError} from './locate-uncopyable.js';
import type {Simulation} from './simulation.js';

/** Copies are at least this much running apart. */
const MIN_COPY_EVERY_MS = 20;
/** Running time per copying time: copies take at most 1 / (1 + this) of the engine's time. */
const RUN_PER_COPY = 9;

/** Where a copy is of: its point, its place on the timeline, the journal entries it had applied. */
export type CopyPlace = Omit<Checkpoint, 'simulation' | 'bytes' | 'buffers'>;

/** Whether two buffers hold the same bytes (a memcmp, many times faster than copying one). */
const sameBytes = (a: ArrayBuffer, b: ArrayBuffer): boolean =>
	a.byteLength === b.byteLength && Buffer.compare(new Uint8Array(a), new Uint8Array(b)) === 0;

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
	/** The present's buffers and the newest stored copy's, which the next copy may share. */
	private lastBuffers = new Map<ArrayBuffer, ArrayBuffer>();

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
		const {store} = this;
		const last = this.lastBuffers;
		const copy = this.copy(simulation, (source) => {
			const earlier = last.get(source);
			return earlier && store.holds(earlier) && sameBytes(source, earlier) ? earlier : undefined;
		});
		if (!copy) {
			return;
		}

		this.lastBuffers = copy.buffers;
		this.lastCopyBytes = copy.bytes;
		this.shareStore();
		this.store.add({...place, ...checkpointOf(copy)}, place.order);
		this.lastCopyMs = this.now() - started;
		this.runSinceCopyMs = 0;
	}

	/** Leaves a copy on the trail, dropping what an earlier travel left further on. */
	leaveTrail(simulation: Simulation, place: CopyPlace): void {
		// A copy bigger than the trail's whole share would be kept anyway (a store keeps its
		// newest): on a heap that big (a panicked big-allocations: 23 MiB) the trail stays empty
		// and a step back re-runs from the store's copies.
		if (this.lastCopyBytes > this.trail.budgetBytes) {
			return;
		}

		const copy = this.copy(simulation);
		if (copy) {
			this.trail.dropAfter({boot: place.boot, tick: place.tick - 1});
			this.trail.add({...place, ...checkpointOf(copy)}, place.order);
			this.fit(place.order);
		}
	}

	/** A copy to run (or to keep: `sameAs` shares an earlier copy's unchanged buffers), or undefined when travel is off. */
	copy(simulation: Simulation, sameAs?: (source: ArrayBuffer) => ArrayBuffer | undefined): SimulationCopy | undefined {
		try {
			return copySimulation(simulation, this.shared, sameAs);
		} catch (error) {
			if (!(error instanceof CloneError)) {
				throw error;
			}

			this.unavailable = `time travel needs a workload whose state can be copied: ${error.message} (docs/time-travel.md)`;
			this.store.clear();
			this.trail.clear();
			this.lastBuffers = new Map();
			return undefined;
		}
	}
}

const checkpointOf = (copy: SimulationCopy): Pick<Checkpoint, 'simulation' | 'bytes' | 'buffers'> => ({
	simulation: copy.simulation,
	bytes: copy.bytes,
	buffers: [...copy.buffers.values()],
});
