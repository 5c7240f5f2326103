// The live session's clock work (live-session.ts): the ticks a stretch of wall time owes at the
// rate, run in slices within a time budget, so a rate beyond the machine slows the simulation
// rather than freezing the screen. While the present waits (paused, halted, or shown the past),
// the time machine makes the first step back ready instead.

import type {TickPacer} from './pace-ticks.js';
import type {TraceReadAhead} from './read-trace-ahead.js';
import type {SessionComparison} from './session-comparison.js';
import type {Simulation} from './simulation.js';
import type {TimeMachine} from './time-machine.js';

/** What advancing needs of the live session (live-session.ts). */
export type AdvanceHost = {
	readonly simulation: Simulation;
	readonly timeMachine: TimeMachine | undefined;
	readonly comparing: SessionComparison;
	readonly pacer: TickPacer;
	readonly traceReading: TraceReadAhead;
	readonly budgetMs: number;
	readonly now: () => number;
	readonly paused: boolean;
	readonly inPast: boolean;
	readonly presentRuns: number;
	applyDueEntries(): void;
	ticksToNextEntry(): number;
};

/** Runs the ticks `elapsedMs` of wall time owes at the session's rate; returns how many ran. */
export const advanceSession = (session: AdvanceHost, elapsedMs: number): number => {
	const {simulation, pacer} = session;
	session.applyDueEntries();
	session.comparing.runOn(elapsedMs);
	session.comparing.advanceComparison();
	if (session.paused || simulation.halted || session.inPast) {
		pacer.drop();
		if (!session.inPast && session.presentRuns === 0) {
			// Waiting at the present: the first step back is made ready meanwhile.
			session.timeMachine?.prepareStepBack(session.budgetMs / 2);
		}

		return 0;
	}

	const owed = pacer.owe(elapsedMs);
	const started = session.now();
	let ran = 0;
	// In slices, so the time budget is checked often without reading the clock every tick.
	let sliceStarted = started;
	while (ran < owed && !simulation.halted) {
		const slice = Math.min(256, owed - ran, Math.max(1, session.ticksToNextEntry()));
		if (!session.traceReading.ready(simulation.workload, simulation.tick + slice)) {
			break;
		}

		ran += simulation.step(slice);
		session.applyDueEntries();
		session.comparing.advanceComparison();
		const now = session.now();
		session.timeMachine?.ran(now - sliceStarted);
		sliceStarted = session.now();
		if (now - started > session.budgetMs) {
			pacer.drop(); // falling behind
			break;
		}
	}

	return ran;
};
