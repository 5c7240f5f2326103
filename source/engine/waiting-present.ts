// A present that waits (paused, halted, or the view in the past) costs next to nothing: the engine's
// timer stops once the step back is made ready, and while nothing happens a view reuses the last
// document. A paused kmtop used to run the timer on at 30 Hz with nothing to prepare and make the
// whole document four times a second only to find every section the same.

import type {LiveSession} from './live-session.js';
import type {ShownSections} from './engine-protocol.js';
import type {SnapshotDocument} from './snapshot-types.js';
import {isTraceWorkload} from './trace/is-trace-workload.js';

/**
What a document was made from: the simulation shown, where it was, its kernel's calls and its
workload's fault (a workload's timer can call the kernel while it waits, which is a fault, kept
on the simulation: kernel-facade.ts), the sections asked for, and the commands applied by then.
*/
type Made = {simulation: object; boot: number; tick: number; calls: number; failure: unknown; shown: ShownSections; commands: number};

const sameMade = (a: Made, b: Made): boolean =>
	a.simulation === b.simulation && a.boot === b.boot && a.tick === b.tick && a.calls === b.calls && a.failure === b.failure
	&& a.shown === b.shown && a.commands === b.commands;

/** The present waits: paused, halted, or the view is in the past. */
const waits = (session: LiveSession): boolean => session.paused || session.simulation.halted || session.inPast;

/**
Whether the document can change with nothing done: the present runs, a recording's entries or a
comparison are under way, or a trace replay reads its file on while it waits.
*/
const mayChangeAlone = (session: LiveSession): boolean =>
	!waits(session)
	|| session.schedule.length > 0
	|| session.comparing.comparison !== undefined
	|| isTraceWorkload(session.simulation.workload);

/** The view's document: the last one while nothing has happened since (`commands` counts what the engine applied), else a new one. */
export const createWaitingDocument = () => {
	let last: {made: Made; document: SnapshotDocument} | undefined;
	return (session: LiveSession, shown: ShownSections, commands: number): SnapshotDocument => {
		const simulation = session.shownSimulation;
		const {kernel} = simulation;
		const made: Made = {
			simulation,
			boot: simulation.bootNumber,
			tick: simulation.tick,
			calls: kernel.kmallocCalls + kernel.kfreeCalls,
			failure: session.simulation.workloadFailure,
			shown,
			commands,
		};
		if (last && !mayChangeAlone(session) && sameMade(last.made, made)) {
			return last.document;
		}

		const document = session.snapshot(shown);
		last = {made, document};
		return document;
	};
};

/** The most ticks a view may bring for the engine to advance only once a view (`isCalm`). */
export const CALM_TICKS_PER_VIEW = 25;

/**
Whether advancing right before each view is enough, rather than every few dozen milliseconds:
nothing is under way that advancing drives (a travel, a comparison, a recording's entries, a
run of the present towards a travel's target), and either the present runs on at most
CALM_TICKS_PER_VIEW ticks a view (the default 100 t/s at 250 ms) or it waits (paused, halted,
or the view is in the past) with its step back made ready (prepare-step-back.ts) or none to make.
The ticks are the same, computed in one go; the engine's thread wakes four times a second
instead of thirty (about half a percent of a core less at the defaults, and paused about one
percent: the timer used to run on while a paused present had nothing left to prepare).
*/
export const isCalm = (session: LiveSession, refreshMs: number): boolean => {
	if (
		session.presentRuns !== 0
		|| session.comparing.comparison !== undefined
		|| session.schedule.length > 0
		|| session.timeMachine?.travelling !== undefined
	) {
		return false;
	}

	// In the past nothing is made ready (live-session.ts advance); at the present, the step back.
	if (waits(session)) {
		return session.inPast || !(session.timeMachine?.stepBackPending ?? false);
	}

	return (session.rate * refreshMs) / 1000 <= CALM_TICKS_PER_VIEW;
};
