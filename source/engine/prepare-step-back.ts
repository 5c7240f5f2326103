// The step back made ready while the present waits (paused or halted) and the engine's thread
// is idle: a copy run from the nearest stored one towards the tick before the present, a slice
// at a time, leaving copies on the trail along the way, so that the first step back (and the
// ones after it) re-run little. Nothing is shown; the time machine takes the copy as its
// cursor when a travel passes it (time-machine.ts).

import {isBefore} from './checkpoint-store.js';
import type {TimePoint} from './count-timeline.js';
import {stepTowards, type JournalEntry} from './session-journal.js';
import type {Simulation} from './simulation.js';
import type {Workload} from './workload-api.js';

/** A copy that runs: where it is in the journal, and what it holds (it counts against the budget). */
export type Cursor = {simulation: Simulation; index: number; bytes: number};

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
	/** Whether `ms` of running since the last copy is enough for another. */
	due(ms: number): boolean;
	now(): number;
};

export const pointOf = (simulation: Simulation): TimePoint => ({boot: simulation.bootNumber, tick: simulation.tick});

export class StepBackPreparation {
	private preparing: {cursor: Cursor; journalLength: number; runSinceTrail: number} | undefined;
	private readonly host: PreparationHost;

	constructor(host: PreparationHost) {
		this.host = host;
	}

	/** The copy being made ready, whatever it was made for. */
	get cursor(): Cursor | undefined {
		return this.preparing?.cursor;
	}

	/** The copy being made ready, if it was made for the journal as it is now. */
	get current(): Cursor | undefined {
		return this.preparing?.journalLength === this.host.journal.length ? this.preparing.cursor : undefined;
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
		let {preparing} = this;
		if (!preparing || preparing.journalLength !== journalLength || isBefore(target, pointOf(preparing.cursor.simulation))) {
			preparing = {cursor: host.startFor(target), journalLength, runSinceTrail: 0};
		}

		this.preparing = preparing;
		const started = host.now();
		let sliceStarted = started;
		for (;;) {
			const step = stepTowards(preparing.cursor.simulation, host.journal, preparing.cursor.index, target, host.workloads, SLICE_TICKS);
			preparing.cursor = {...preparing.cursor, index: step.index};
			if (step.arrived) {
				return;
			}

			const now = host.now();
			preparing.runSinceTrail += now - sliceStarted;
			sliceStarted = now;
			if (host.due(preparing.runSinceTrail)) {
				host.leaveTrail(preparing.cursor);
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
