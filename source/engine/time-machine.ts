// Time travel for the live view (`←` / `→`, `[` / `]`, `g`). The simulation is deterministic,
// so the state at any past tick is the state a copy taken before it reaches when run on to it.
// While the present runs, copies of the whole simulation are taken now and then (kept in a
// store bounded by bytes, checkpoint-store.ts); to show tick T, the latest copy at or before T
// is copied once more and run to T, applying the session's journal (workload switches, reboots)
// where it says. That copy is the cursor: stepping on from it costs a tick, stepping back costs
// a run from the nearest copy, and copies made along long runs (the trail) keep the next step
// back short. The present is never touched: space goes back to it as it was.
//
// Copies take time in proportion to the heap's size: one is taken once the simulation has run
// nine times as long as the last copy took (at most a tenth of the engine's time), and never
// sooner than every 20 ms of running, so a step back re-runs at most a few dozen milliseconds.

import {isBefore, type CheckpointStore} from './checkpoint-store.js';
import {CheckpointKeeper} from './keep-checkpoints.js';
import {pointOf, SLICE_TICKS, StepBackPreparation, type Cursor, type StoredCursor} from './prepare-step-back.js';
import {nextTurn, stepTowards, type JournalEntry} from './session-journal.js';
import type {Simulation} from './simulation.js';
import {orderOnTimeline, pointOnTimeline, type TimePoint} from './count-timeline.js';
import type {Workload} from './workload-api.js';

export type {TimePoint} from './count-timeline.js';

/**
Memory every copy together may hold (keep-checkpoints.ts). 32 MiB keeps the live view within
200 MB on the soak run (`npm run bench -- --soak`): at 48 the panic screen of big-allocations,
whose copies weighed 23 MiB each before they were stored compact (4.3 MiB now), ended at 231 MiB;
at 32, 195.
*/
export const DEFAULT_CHECKPOINT_BUDGET_BYTES = 32 * 1024 * 1024;
/** The share of the budget a step back made ready may hold running; a bigger one waits compact. */
const SETTLE_RUNNING_SHARE = 1 / 4;
/** How long a travel runs before it lets the engine's thread answer messages again. */
const YIELD_EVERY_MS = 30;

export type TimeSession = {
	readonly simulation: Simulation;
	readonly journal: readonly JournalEntry[];
	readonly workloads: readonly Workload[];
};

export type TimeMachineOptions = {
	budgetBytes?: number;
	now?: () => number;
};

export type TravelOutcome = 'arrived' | 'present' | 'superseded';

export class TimeMachine {
	/** A travel under way: where to and how far it got (for the header). */
	travelling: {target: TimePoint; reached: TimePoint} | undefined;
	private readonly session: TimeSession;
	private readonly keeper: CheckpointKeeper;
	private readonly now: () => number;
	private cursor: Cursor | undefined;
	/** The step back from a waiting present, made ready while it waits. */
	private readonly preparation: StepBackPreparation;
	private generation = 0;

	constructor(session: TimeSession, options: TimeMachineOptions = {}) {
		this.session = session;
		const budget = options.budgetBytes ?? DEFAULT_CHECKPOINT_BUDGET_BYTES;
		this.now = options.now ?? (() => performance.now());
		this.keeper = new CheckpointKeeper(budget, new Set(session.workloads), this.now, () => this.runningBytes());
		this.preparation = new StepBackPreparation({
			present: () => this.present,
			journal: session.journal,
			workloads: session.workloads,
			orderOf: (point) => this.orderOf(point),
			pointAt: (order) => this.pointAt(order),
			startFor: (point) => this.startFor(point),
			leaveTrail: (cursor) => {
				this.leaveTrail(cursor);
			},
			settle: (cursor) => this.settle(cursor),
			due: (ms) => this.keeper.due(ms),
			now: this.now,
		});
		this.checkpoint();
	}

	/** The copies of the present (keep-checkpoints.ts). */
	get store(): CheckpointStore {
		return this.keeper.store;
	}

	/** The copies a travel left on its way (keep-checkpoints.ts). */
	get trail(): CheckpointStore {
		return this.keeper.trail;
	}

	/** What every copy holds together: the store, the trail and the copies running outside them. */
	get bytes(): number {
		return this.store.bytes + this.keeper.trail.bytes + this.runningBytes();
	}

	/** What every copy together may hold. */
	get budgetBytes(): number {
		return this.keeper.budgetBytes;
	}

	/** Why copies cannot be made (a workload's state holds a function): travel is off. */
	get unavailable(): string | undefined {
		return this.keeper.unavailable;
	}

	/** Where the present is. */
	get present(): TimePoint {
		const {simulation} = this.session;
		return {boot: simulation.bootNumber, tick: simulation.tick};
	}

	/** The past being shown, or undefined at the present. */
	get past(): Simulation | undefined {
		return this.cursor?.simulation;
	}

	/** Where the view is: the cursor in the past, else the present. */
	get shown(): TimePoint {
		const simulation = this.cursor?.simulation ?? this.session.simulation;
		return {boot: simulation.bootNumber, tick: simulation.tick};
	}

	/** Where the view is going: a travel's target while one is under way, else what is shown. */
	get destination(): TimePoint {
		return this.travelling?.target ?? this.shown;
	}

	/** Journal entries applied by what is shown. */
	get shownJournalLength(): number {
		return this.cursor?.index ?? this.session.journal.length;
	}

	/** The present ran for `ms` (a slice of `LiveSession.advance`): maybe time for a copy. */
	ran(ms: number): void {
		if (this.keeper.ran(ms)) {
			this.checkpoint();
		}
	}

	/** A copy of the present, unless the newest copy is of this very point. */
	checkpoint(): void {
		const point = this.present;
		const newest = this.store.newest;
		if (this.unavailable !== undefined || (newest && !isBefore(newest, point))) {
			return;
		}

		this.keeper.keep(this.session.simulation, {...point, order: this.orderOf(point), journalLength: this.session.journal.length});
	}

	/**
	The present waits (paused or halted), the engine's thread is idle: the first step back is
	made ready for up to `budgetMs` (prepare-step-back.ts). Nothing is shown.
	*/
	prepareStepBack(budgetMs: number): void {
		if (this.unavailable === undefined && !this.cursor && !this.travelling) {
			this.preparation.run(budgetMs);
		}
	}

	/** Whether prepareStepBack has running left to do: the step back is neither ready nor out of reach. */
	get stepBackPending(): boolean {
		return this.unavailable === undefined && !this.cursor && !this.travelling && this.orderOf(this.present) > 0 && this.preparation.ready === undefined;
	}

	/** Where the prepared step back has got to, once it is at the tick before the present. */
	get stepBackReady(): TimePoint | undefined {
		return this.preparation.ready;
	}

	/** Back to the present: the cursor and its trail are dropped, a travel under way stops. */
	leave(): void {
		this.cursor = undefined;
		this.keeper.trail.clear();
		this.travelling = undefined;
		this.generation++;
	}

	/** `delta` ticks from where the view is going, across reboots (a boot's last tick, then the next boot's first). */
	offset(delta: number): TimePoint {
		return this.pointAt(this.orderOf(this.destination) + delta);
	}

	/**
	Shows `target`: the present when it is there or beyond (the caller runs the present on, if it
	wants), else the past, re-run from the nearest copy. Runs in slices, letting the thread answer
	in between; a newer travel or `leave` supersedes it.
	*/
	async travelTo(target: TimePoint): Promise<TravelOutcome> {
		if (this.unavailable !== undefined) {
			throw new Error(this.unavailable);
		}

		const present = this.present;
		const point = this.pointAt(this.orderOf(target));
		if (!isBefore(point, present)) {
			this.leave();
			return 'present';
		}

		const generation = ++this.generation;
		let cursor = this.startFor(point);
		this.travelling = {target: point, reached: {boot: cursor.simulation.bootNumber, tick: cursor.simulation.tick}};
		let lastYield = this.now();
		let runSinceTrail = 0;
		for (;;) {
			const started = this.now();
			const step = stepTowards(cursor.simulation, this.session.journal, cursor.index, point, this.session.workloads, SLICE_TICKS);
			cursor = {...cursor, index: step.index};
			if (step.arrived) {
				break;
			}

			const now = this.now();
			runSinceTrail += now - started;
			if (this.keeper.due(runSinceTrail)) {
				this.leaveTrail(cursor);
				runSinceTrail = 0;
			}

			if (now - lastYield >= YIELD_EVERY_MS) {
				this.cursor = cursor;
				this.travelling = {target: point, reached: this.shown};
				await nextTurn();
				lastYield = this.now();
				if (generation !== this.generation) {
					return 'superseded';
				}
			}
		}

		this.cursor = cursor;
		this.travelling = undefined;
		return 'arrived';
	}

	/** The session's timeline as one count: each boot's ticks, and one step across each reboot. */
	orderOf(point: TimePoint): number {
		return orderOnTimeline(this.session.journal, this.session.simulation.tick, point);
	}

	pointAt(order: number): TimePoint {
		return pointOnTimeline(this.session.journal, this.session.simulation.tick, order);
	}

	/** The cursor to run from: the current one when it is on the way, else a copy of the nearest stored copy. */
	private startFor(point: TimePoint): Cursor {
		// The latest of: the nearest copies in the store and the trail, the cursor shown and the
		// step back made ready, those of them not beyond the point.
		const prepared = this.preparation.current;
		let best: Cursor | StoredCursor | undefined;
		for (const candidate of [this.store.atOrBefore(point), this.keeper.trail.atOrBefore(point), this.cursor, prepared]) {
			if (candidate && !isBefore(point, pointOf(candidate.simulation)) && (!best || isBefore(pointOf(best.simulation), pointOf(candidate.simulation)))) {
				best = candidate;
			}
		}

		if (!best) {
			throw new Error(`time travel: no copy at or before boot ${point.boot} tick ${point.tick}`); // the first copy is never dropped
		}

		if (best === prepared) {
			this.preparation.taken(); // runs on as the cursor now
		}

		if ('index' in best) {
			return best;
		}

		const copy = this.keeper.copy(best.simulation)!;
		const cursor = {simulation: copy.simulation, index: best.journalLength, bytes: copy.bytes, origins: copy.origins};
		this.keeper.fit(this.orderOf(this.present), cursor.bytes); // the store makes room for it
		return cursor;
	}

	/** What the copies running outside the store hold: the past shown, the step back made ready. */
	private runningBytes(): number {
		const prepared = this.preparation.held;
		return (this.cursor?.bytes ?? 0) + (prepared && prepared !== this.cursor ? prepared.bytes : 0);
	}

	/**
	The step back made ready waits as it is when small (the first ← then costs nothing), else
	stored compact (← then expands it, as long as a copy takes), not to hold a whole kernel more.
	*/
	private settle(cursor: Cursor): Cursor | StoredCursor {
		if (cursor.bytes <= this.budgetBytes * SETTLE_RUNNING_SHARE) {
			return cursor;
		}

		const copy = this.keeper.stow(cursor.simulation, cursor.origins);
		return copy ? {simulation: copy.stored, journalLength: cursor.index, bytes: copy.bytes} : cursor;
	}

	private leaveTrail(cursor: Cursor): void {
		const point = pointOf(cursor.simulation);
		this.keeper.leaveTrail(cursor, {...point, order: this.orderOf(point), journalLength: cursor.index});
	}
}
