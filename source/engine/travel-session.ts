// Time travel as the live session does it (`←` / `→`, `g`): into the past through the time
// machine (time-machine.ts), or on from the present by running it, paused, the rest of the way.

import {nextTurn} from './session-journal.js';
import {isTraceWorkload} from './trace/is-trace-workload.js';
import type {Simulation} from './simulation.js';
import type {TimeMachine} from './time-machine.js';

/** What travel needs of the live session (live-session.ts). */
export type TravelHost = {
	readonly simulation: Simulation;
	readonly timeMachine: TimeMachine | undefined;
	readonly inPast: boolean;
	readonly now: () => number;
	paused: boolean;
	/** Whether the pause is travel's, not the user's (live-session.ts: a reboot ends travel's). */
	pausedByTravel: boolean;
	/** Runs of the present towards a travel's target under way (while there are, it is not waiting). */
	presentRuns: number;
	/** The newest run's target, while one is under way. */
	presentTarget: {boot: number; tick: number} | undefined;
	/** Counts the stops asked for (Esc): a run under way ends at the next slice after one. */
	presentRunStops: number;
	applyDueEntries(): void;
	ticksToNextEntry(): number;
};

/**
Travel holds the present still while the view looks around it. A pause the user already had stays
the user's; one travel makes is travel's, so a reboot from there runs (live-session.ts).
*/
const pauseForTravel = (session: TravelHost): void => {
	if (!session.paused) {
		session.paused = true;
		session.pausedByTravel = true;
	}
};

/**
Shows the state `delta` ticks from what is shown (pausing first): back into the past, or on
towards the present and, past it, the present runs on (paused) the rest of the way.
*/
export const travelBy = async (session: TravelHost, delta: number): Promise<void> => {
	const machine = session.timeMachine;
	if (!machine || machine.unavailable !== undefined) {
		return;
	}

	pauseForTravel(session);
	const target = machine.orderOf(machine.destination) + delta;
	const present = machine.orderOf(machine.present);
	if (target < present) {
		await machine.travelTo(machine.pointAt(target));
		return;
	}

	machine.leave();
	await runPresent(session, target - present);
};

/** `g`: shows a tick of a boot, the past re-run from the nearest copy or the present run on to it. */
export const travelTo = async (session: TravelHost, target: {boot: number; tick: number}): Promise<void> => {
	const machine = session.timeMachine;
	if (!machine || machine.unavailable !== undefined) {
		return;
	}

	pauseForTravel(session);
	const present = machine.present;
	if (target.boot === present.boot && target.tick > present.tick) {
		machine.leave();
		await runPresent(session, target.tick - present.tick);
		return;
	}

	await machine.travelTo(target);
};

/** Runs the present `ticks` on (the `g` of a tick ahead, `→` at the present), in slices. */
const runPresent = async (session: TravelHost, ticks: number): Promise<void> => {
	session.presentRuns++;
	session.presentTarget = {boot: session.simulation.bootNumber, tick: session.simulation.tick + ticks};
	try {
		await runPresentSlices(session, ticks);
	} finally {
		session.presentRuns--;
		if (session.presentRuns === 0) {
			session.presentTarget = undefined;
		}
	}
};

const runPresentSlices = async (session: TravelHost, ticks: number): Promise<void> => {
	const target = session.simulation.tick + ticks;
	const boot = session.simulation.bootNumber;
	const stops = session.presentRunStops;
	let lastYield = session.now();
	while (session.simulation.tick < target && session.simulation.bootNumber === boot && !session.simulation.halted && session.presentRunStops === stops) {
		const slice = Math.min(256, target - session.simulation.tick, Math.max(1, session.ticksToNextEntry()));
		if (isTraceWorkload(session.simulation.workload)) {
			await session.simulation.workload.prepare(session.simulation.tick + slice);
		}

		const started = session.now();
		session.simulation.step(slice);
		session.applyDueEntries();
		session.timeMachine?.ran(session.now() - started);
		if (session.now() - lastYield > 30) {
			await nextTurn();
			lastYield = session.now();
			if (!session.paused || session.inPast) {
				return; // the user resumed or went back meanwhile
			}
		}
	}
};
