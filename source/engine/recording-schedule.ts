// `kmtop replay`: a recording's entries (session-journal.ts), applied to the live session when
// its present reaches their boot and tick. The session runs in slices that end at the next
// entry, so each is applied at its own tick, as it was recorded; a key that changes the
// simulation during the replay leaves the recording (the rest of it would no longer fit).

import type {JournalAction, JournalEntry} from './session-journal.js';
import type {Simulation} from './simulation.js';

/** What the schedule needs of the live session (live-session.ts). */
export type ScheduleHost = {
	readonly simulation: Simulation;
	/** Does what an entry says, and keeps it in the session's journal. */
	apply(action: JournalAction): void;
};

export class RecordingSchedule {
	/** The entries still to come, oldest first. */
	readonly schedule: JournalEntry[];
	private readonly session: ScheduleHost;

	constructor(session: ScheduleHost, entries: readonly JournalEntry[]) {
		this.session = session;
		this.schedule = [...entries];
	}

	/** Applies the recording's entries due at the present's boot and tick (several may share one). */
	applyDueEntries(): void {
		const {simulation} = this.session;
		while (this.schedule.length > 0) {
			const next = this.schedule[0]!;
			const due = next.boot < simulation.bootNumber || (next.boot === simulation.bootNumber && (next.tick <= simulation.tick || simulation.halted));
			if (!due) {
				return;
			}

			this.schedule.shift();
			this.session.apply(next.action);
		}
	}

	/** Ticks until the next recorded entry in this boot (Infinity when there is none). */
	ticksToNextEntry(): number {
		const next = this.schedule[0];
		const {simulation} = this.session;
		return next && next.boot === simulation.bootNumber ? Math.max(0, next.tick - simulation.tick) : Number.POSITIVE_INFINITY;
	}

	/** A key changed the simulation during a replay: the recording's remaining entries are dropped. */
	leaveRecording(): number {
		const dropped = this.schedule.length;
		this.schedule.length = 0;
		return dropped;
	}
}
