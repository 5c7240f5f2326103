// Runs a kernel with a workload, tick by tick: boot, switch workloads without resetting the
// kernel, reboot (same or another revision), and keep the history and events the views draw.
// Faults inside the simulation are results, not crashes: a kernel panic halts the kernel and
// is recorded; a workload that throws is stopped and recorded; the program goes on.

import type {Kernel} from '../kernel/kernel.js';
import {isKernelHalt} from '../kernel/panic.js';
import {describeThrown} from './describe-thrown.js';
import {EventLog} from './event-log.js';
import {HeapHistory} from './heap-history.js';
import {createKernelFacade, type FacadeLedger} from './kernel-facade.js';
import {createRng, hashSeed} from './rng.js';
import type {KnownHang} from './session-journal.js';
import type {EventKind, SnapshotEvent} from './snapshot-types.js';
import {PlacementTrackingKernel} from './track-placements.js';
import type {Rng} from './rng.js';
import type {Workload, WorkloadContext} from './workload-api.js';

export type SimulationOptions = {
	seed: number;
	revision: string;
	ramBytes: number;
	workload: Workload;
	debugAsserts?: boolean;
	watch?: HookWatch;
	knownHangs?: KnownHang[];
	/** Sees every event as it happens, kernel and engine alike (the event log keeps only the newest). */
	onEvent?: (event: SnapshotEvent, simulation: Simulation) => void;
	/**
	false: the history keeps only each boot's first sample. A sweep reads none of it, and a sample
	every 10 ticks (a whole memstat) was ~4 % of a big-allocations run's CPU time.
	*/
	sampleHistory?: boolean;
};

export type WorkloadFailure = {workload: string; tick: number; message: string};

/**
Told when a workload hook starts and ends: the live engine's watchdog (a hook that never returns
is a hung workload, stopped from outside) reads what this writes.
*/
export type HookWatch = {
	enter(hook: WorkloadHook, tick: number): void;
	leave(): void;
};

export type WorkloadHook = 'setup' | 'tick' | 'teardown';

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
	(typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as {then?: unknown}).then === 'function';


/**
What a workload's hooks get: the tick (the simulation's), its random stream and its state. A
class with a getter on its prototype, not an object literal whose getter closes over the
simulation: a simulation is copied whole for time travel (clone-simulation.ts).
*/
class SimulationContext implements WorkloadContext {
	declare private readonly simulation: Simulation;
	readonly rng: Rng;
	state: Record<string, unknown> = {};

	constructor(simulation: Simulation, rng: Rng) {
		// Hidden from a workload that lists its context's keys.
		Object.defineProperty(this, 'simulation', {value: simulation});
		this.rng = rng;
	}

	get tick(): number {
		return this.simulation.tick;
	}
}

/**
The kernel's events, to the simulation that runs it (its log of the boot, and `onEvent`). An
object with a method, not a closure: a simulation is copied whole for time travel.
*/
class SimulationEvents {
	declare private readonly simulation: Simulation;

	constructor(simulation: Simulation) {
		Object.defineProperty(this, 'simulation', {value: simulation});
	}

	add(event: SnapshotEvent): void {
		this.simulation.noteEvent(event);
	}
}

export class Simulation {
	readonly seed: number;
	readonly ramBytes: number;
	readonly debugAsserts: boolean;
	readonly sampleHistory: boolean;
	revision: string;
	kernel!: Kernel;
	tick = 0;
	workload: Workload;
	/** Set when the running workload threw: it is stopped, the kernel goes on. */
	workloadFailure: WorkloadFailure | undefined;
	history = new HeapHistory();
	/** This boot's events: a reboot starts a new history (its first event says which boot it is). */
	events = new EventLog();
	/** 1 for the first kernel, one more for each reboot. */
	bootNumber = 0;
	/** Set by the live engine: its watchdog's view of the workload hooks. */
	watch: HookWatch | undefined;
	/**
	Hooks known to hang (a watchdog stopped them in an earlier run of the same session): a replay
	records each hang where it happened instead of running the hook again.
	*/
	knownHangs: KnownHang[];
	private ledger!: FacadeLedger;
	private context!: WorkloadContext;
	private readonly onEvent: SimulationOptions['onEvent'];

	constructor(options: SimulationOptions) {
		this.seed = options.seed;
		this.ramBytes = options.ramBytes;
		this.debugAsserts = options.debugAsserts ?? false;
		this.sampleHistory = options.sampleHistory ?? true;
		this.revision = options.revision;
		this.workload = options.workload;
		this.watch = options.watch;
		this.knownHangs = options.knownHangs ?? [];
		this.onEvent = options.onEvent;
		this.boot();
	}

	get halted(): boolean {
		return this.kernel.halted;
	}

	/** Runs up to `count` ticks; stops early when the kernel halts. Returns the ticks run. */
	step(count = 1): number {
		let ran = 0;
		while (ran < count && !this.kernel.halted) {
			this.tick++;
			this.kernel.now = this.tick;
			if (!this.workloadFailure) {
				this.runHook('tick');
			}

			if (this.sampleHistory && this.tick % this.history.everyTicks === 0 && !this.kernel.halted) {
				this.history.sample(this.kernel, this.tick);
			}

			ran++;
		}

		return ran;
	}

	/** Another workload on the same kernel: nothing is reset (a `workload-switched` event). */
	switchWorkload(workload: Workload): void {
		if (!this.workloadFailure && !this.kernel.halted) {
			this.runHook('teardown');
		}

		const previous = this.workload.name;
		this.workload = workload;
		this.workloadFailure = undefined;
		this.record('workload-switched', `workload ${previous} → ${workload.name} at tick ${this.tick}`);
		this.startWorkload();
	}

	/** A fresh kernel, same seed; the revision may change (`v` / `V` in the live view). */
	reboot(revision = this.revision): void {
		const from = this.revision;
		this.revision = revision;
		const change = revision === from ? revision : `${from} → ${revision}`;
		this.boot(`boot ${this.bootNumber + 1} after a reboot at tick ${this.tick.toLocaleString('en-US')} (${change})`);
	}

	/**
	The workload stopped from outside (the live engine's watchdog, a fault it raised after its hook
	returned): recorded like a throw; the kernel goes on without it.
	*/
	failWorkload(message: string, tick = this.tick): void {
		if (this.workloadFailure || this.kernel.halted) {
			return;
		}

		this.workloadFailure = {workload: this.workload.name, tick, message};
		this.noteEvent({tick, kind: 'workload-error', message: `workload ${this.workload.name} failed at tick ${tick}: ${message}`});
	}

	private boot(reason?: string): void {
		this.tick = 0;
		this.bootNumber++;
		this.workloadFailure = undefined;
		// Each boot has its own history: events of the kernel before would read as this one's.
		this.events = new EventLog();
		if (reason) {
			this.record('reboot', reason);
		}

		// The kernel, plus a note of where each block went, for the chunk map's "last placed".
		this.kernel = new PlacementTrackingKernel({
			revision: this.revision,
			ramBytes: this.ramBytes,
			debugAsserts: this.debugAsserts,
			events: new SimulationEvents(this),
		});
		// A workload's facade is open only while its hooks run; a call from outside (a timer, after
		// an await) stops the workload, as a throw inside a hook would.
		this.ledger = createKernelFacade(this.kernel, {outsideHooks: this});
		this.history = new HeapHistory();
		this.history.sample(this.kernel, 0);
		this.startWorkload();
	}

	private startWorkload(): void {
		this.ledger.setWorkload(this.workload.name);
		// The stream depends on the seed, the workload and when it started, not on the revision:
		// the same workload does the same things on every revision, so their bugs can be compared.
		this.context = new SimulationContext(this, createRng(hashSeed(this.seed, this.workload.name, this.tick)));
		if (!this.kernel.halted) {
			this.runHook('setup');
		}
	}

	private runHook(hook: WorkloadHook): void {
		// eslint-disable-next-line @typescript-eslint/unbound-method -- called below with its workload as `this` (fn.call)
		const fn = this.workload[hook];
		if (!fn) {
			return;
		}

		const hang = this.knownHangs.find(
			({site}) => site.boot === this.bootNumber && site.tick === this.tick && site.hook === hook && site.workload === this.workload.name,
		);
		if (hang) {
			this.failWorkload(hang.message);
			return;
		}

		this.watch?.enter(hook, this.tick);
		this.ledger.open();
		try {
			const result: unknown = fn.call(this.workload, this.ledger.facade, this.context);
			if (isThenable(result)) {
				// Its code after an `await` would run after the tick, even after a snapshot was
				// taken: hooks are synchronous (docs/workloads.md), so an async one is refused.
				Promise.resolve(result).catch(() => undefined);
				this.failWorkload(`its ${hook} returned a Promise: workload hooks must be synchronous (no async, no await)`);
			}
		} catch (error) {
			if (isKernelHalt(error) || this.kernel.halted) {
				return; // The kernel recorded its panic; the run is over.
			}

			this.failWorkload(describeThrown(error));
		} finally {
			this.ledger.close();
			this.watch?.leave();
		}
	}

	/** The facade's OutsideHooksListener: a late call from this boot's current workload stops it. */
	callOutsideHooks(message: string, ledger: FacadeLedger): void {
		if (this.ledger === ledger) {
			this.failWorkload(message);
		}
	}

	private record(kind: EventKind, message: string): void {
		this.noteEvent({tick: this.tick, kind, message});
	}

	/** Every event, the kernel's and the engine's: to this boot's log, and to `onEvent` when set. */
	noteEvent(event: SnapshotEvent): void {
		this.events.add(event);
		this.onEvent?.(event, this);
	}
}
