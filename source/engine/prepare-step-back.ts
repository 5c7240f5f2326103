// The step back made ready while the present waits (paused or halted) and the engine's thread
// is idle: a copy run from the nearest stored one towards the tick before the present, a slice
// at a time, leaving copies on the trail along the way, so that the first step back (and the
// ones after it) re-run little. Once there, a big one is stored compact like the store's copies
// (a running copy is a whole kernel: 77 MiB of a long vmobject-churn), so that waiting holds
// little more than running; the first step back expands it and re-runs nothing. Nothing is
// shown; the time machine takes the copy as its cursor when a travel passes it (time-machine.ts).

import {isBefore} from './checkpoint-store.js';
import type {StoredSimulation} from './clone-simulation.js';
import type {TimePoint} from './count-timeline.js';
import type {Origins} from './keep-checkpoints.js';
import {stepTowards, type JournalEntry} from './session-journal.js';
import type {Simulation} from './simulation.js';
import type {Workload} from './workload-api.js';

/**
A copy that runs: where it is in the journal, what it holds (it counts against the budget), and
the compact forms its buffers came from (a copy of it to store shares their blocks).
*/
export type Cursor = {simulation: Simulation; index: number; bytes: number; origins: Origins};

/** A copy stored compact, to be expanded into a cursor: a checkpoint, or the step back made ready. */
export type StoredCursor = {simulation: StoredSimulation; journalLength: number; bytes: number};

/** Ticks a re-run makes between looks at the clock (and the trail). */
export const SLICE_TICKS = 256;

/** What the preparation needs of the time machine. */
export type PreparationHost = {
	present(): TimePoint;
	readonly journal: readonly JournalEntry[];
	readonly workloads: readonly Workload[];
	orderOf(point: TimePoint): number;
	pointAt(order: number): TimePoint;
	/** A cursor to run towards `point` from (a copy of the nearest copy, or one already running). */
	startFor(point: TimePoint): Cursor;
	leaveTrail(cursor: Cursor): void;
	/** What to keep of the cursor once it is there: itself, or a copy of it stored compact. */
	settle(cursor: Cursor): Cursor | StoredCursor;
	/** Whether `ms` of running since the last copy is enough for another. */
	due(ms: number): boolean;
	now(): number;
};

export const pointOf = (simulation: Pick<Simulation, 'bootNumber' | 'tick'>): TimePoint => ({boot: simulation.bootNumber, tick: simulation.tick});

export class StepBackPreparation {
	/** The copy on its way (`cursor`), or arrived and stored (`stowed`); made for the journal as it was. */
	private preparing: {cursor?: Cursor; stowed?: StoredCursor; journalLength: number; runSinceTrail: number} | undefined;
	private readonly host: PreparationHost;

	constructor(host: PreparationHost) {
		this.host = host;
	}

	/** The copy being made ready or made ready, whatever it was made for. */
	get held(): Cursor | StoredCursor | undefined {
		return this.preparing?.cursor ?? this.preparing?.stowed;
	}

	/** The copy being made ready or made ready, if it was made for the journal as it is now. */
	get current(): Cursor | StoredCursor | undefined {
		return this.preparing?.journalLength === this.host.journal.length ? this.held : undefined;
	}

	/** The time machine took the copy as its cursor: it is not to be run again from here. */
	taken(): void {
		this.preparing = undefined;
	}

	/** Runs the copy towards the tick before the present for up to `budgetMs`. */
	run(budgetMs: number): void {
		const {host} = this;
		const order = host.orderOf(host.present());
		if (order === 0) {
			return;
		}

		const target = host.pointAt(order - 1);
		const journalLength = host.journal.length;
		const held = this.current;
		if (held && !('index' in held) && host.orderOf(pointOf(held.simulation)) === order - 1) {
			return; // made ready, stored
		}

		let {preparing} = this;
		if (!preparing?.cursor || preparing.journalLength !== journalLength || isBefore(target, pointOf(preparing.cursor.simulation))) {
			// From the nearest copy (the stored step back itself, if the present has moved on since).
			preparing = {cursor: host.startFor(target), journalLength, runSinceTrail: 0};
		}

		this.preparing = preparing;
		const started = host.now();
		let sliceStarted = started;
		for (;;) {
			const running = preparing.cursor!;
			const step = stepTowards(running.simulation, host.journal, running.index, target, host.workloads, SLICE_TICKS);
			const cursor = {...running, index: step.index};
			preparing.cursor = cursor;
			if (step.arrived) {
				const settled = host.settle(cursor);
				if (!('index' in settled)) {
					this.preparing = {stowed: settled, journalLength, runSinceTrail: 0};
				}

				return;
			}

			const now = host.now();
			preparing.runSinceTrail += now - sliceStarted;
			sliceStarted = now;
			if (host.due(preparing.runSinceTrail)) {
				host.leaveTrail(cursor);
				preparing.runSinceTrail = 0;
				sliceStarted = host.now();
			}

			if (now - started >= budgetMs) {
				return;
			}
		}
	}

	/** Where the copy has got to, once it is at the tick before the present. */
	get ready(): TimePoint | undefined {
		const cursor = this.current;
		if (!cursor) {
			return undefined;
		}

		const point = pointOf(cursor.simulation);
		const order = this.host.orderOf(this.host.present());
		return order > 0 && this.host.orderOf(point) === order - 1 ? point : undefined;
	}
}
