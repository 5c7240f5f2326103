// A live session as data: how it started and every key that changed the simulation, with its
// tick (workload switches, reboots, revision changes; pauses and speed changes do not change
// what the kernel does and are not kept). The simulation is deterministic, so replaying the
// journal gives the same kernel at the same tick: how a session survives a hung workload (a new
// engine re-runs it to the tick before the hang).

import type {Simulation, WorkloadHook} from './simulation.js';
import type {Workload} from './workload-api.js';
import {isTraceWorkload} from './trace/is-trace-workload.js';
import type {TraceWorkload} from './trace/trace-workload.js';

export type JournalAction = {type: 'switch-workload'; workload: string} | {type: 'reboot'; revision: string};

/** An action at a tick of a boot (1 for the first kernel, one more after each reboot). */
export type JournalEntry = {boot: number; tick: number; action: JournalAction};

/** Where a workload hung: its hook at that tick of that boot (replays stop it there instead). */
export type HangSite = {boot: number; tick: number; hook: WorkloadHook; workload: string};

/** A hang found in an earlier run of the same session, to be recorded there, not run again. */
export type KnownHang = {site: HangSite; message: string};

export type RunTicksOptions = {
	/** Asked between slices; true ends the run early (Ctrl+C). */
	shouldStop?: () => boolean;
	/** Told every slice, with the tick reached. */
	onProgress?: (tick: number) => void;
	/** The event loop gets a turn at least this often (for signals and messages). */
	yieldEveryMs?: number;
	/** A trace replay's run ends when the replay is finished (or has stopped), whatever `tick` says. */
	untilTraceFinished?: boolean;
};

const SLICE = 500;

/** Lets the thread's event loop turn once (messages, timers) before a long run goes on. */
export const nextTurn = async (): Promise<void> =>
	new Promise((resolve) => {
		setImmediate(resolve);
	});

/**
A trace replay's share of the run, up to a slice of ticks: each tick runs once its records are in
hand (`isReady`), reading (`prepare`, a bounded amount at a time) when they are not, so every
record is replayed at its own tick whatever the trace's pace. Returns the ticks run, or -1 when the
replay is over (finished or stopped) and the run asked to end there.
*/
const stepTrace = async (simulation: Simulation, workload: TraceWorkload, tick: number, untilFinished: boolean): Promise<number> => {
	if (untilFinished && (workload.finished || simulation.workloadFailure)) {
		return -1;
	}

	if (!workload.isReady(simulation.tick + 1)) {
		await workload.prepare(simulation.tick + 1);
		return 0;
	}

	let ran = 0;
	while (ran < SLICE && simulation.tick < tick && workload.isReady(simulation.tick + 1) && !(untilFinished && workload.finished)) {
		if (simulation.step(1) === 0) {
			break;
		}

		ran++;
	}

	return ran;
};

/**
Runs the simulation to `tick` (or until it halts or `shouldStop` says so), awaiting a trace
replay's reading before each tick that needs it. Returns false when it was stopped early by
`shouldStop`.
*/
export const runTicksTo = async (simulation: Simulation, tick: number, options: RunTicksOptions = {}): Promise<boolean> => {
	const yieldEveryMs = options.yieldEveryMs ?? 100;
	let lastYield = performance.now();
	while (simulation.tick < tick && !simulation.halted) {
		const {workload} = simulation;
		let ran: number;
		if (isTraceWorkload(workload)) {
			ran = await stepTrace(simulation, workload, tick, options.untilTraceFinished ?? false);
			if (ran === -1) {
				break;
			}
		} else {
			ran = simulation.step(Math.min(SLICE, tick - simulation.tick));
			if (ran === 0) {
				break;
			}
		}

		const now = performance.now();
		if (now - lastYield > yieldEveryMs) {
			options.onProgress?.(simulation.tick);
			await nextTurn();
			lastYield = performance.now();
			if (options.shouldStop?.()) {
				return false;
			}
		}
	}

	options.onProgress?.(simulation.tick);
	return true;
};

export type ReplayHandlers = RunTicksOptions & {
	/** Applies one journal entry to the simulation (the live session's own switch and reboot). */
	apply(action: JournalAction): void;
};

/** Replays `entries` on a simulation booted as the journal's start, then runs on to `tick`. */
export const replayJournal = async (
	simulation: Simulation,
	entries: readonly JournalEntry[],
	tick: number,
	handlers: ReplayHandlers,
): Promise<boolean> => {
	for (const entry of entries) {
		if (!(await runTicksTo(simulation, entry.tick, handlers))) {
			return false;
		}

		handlers.apply(entry.action);
	}

	return runTicksTo(simulation, tick, handlers);
};

/**
Does what an entry says to a simulation: a switch to the named workload of `workloads` (a name
this session does not have is skipped), or a reboot into the revision.
*/
export const applyJournalAction = (simulation: Simulation, action: JournalAction, workloads: readonly Workload[]): void => {
	if (action.type === 'switch-workload') {
		const workload = workloads.find((candidate) => candidate.name === action.workload);
		if (workload) {
			simulation.switchWorkload(workload);
		}
	} else {
		simulation.reboot(action.revision);
	}
};

/** Whether an entry happens on the way to `target`: before it, or at its tick (a reboot there ends the boot, so it does not). */
export const isEntryDue = (entry: JournalEntry, target: {boot: number; tick: number}): boolean =>
	entry.boot < target.boot || (entry.boot === target.boot && (entry.tick < target.tick || (entry.tick === target.tick && entry.action.type !== 'reboot')));

export type TowardsTarget = {
	/** Journal entries applied so far. */
	index: number;
	/** At the target (or halted short of it, with nothing left to apply). */
	arrived: boolean;
};

/**
One bounded step of running `simulation` (which has applied `journal[0..index)`) towards
`target`: up to `maxTicks` ticks, or one journal entry applied where the journal says. Call
it until it arrives; between calls the caller may yield, draw progress or give up.
*/
export const stepTowards = (
	simulation: Simulation,
	journal: readonly JournalEntry[],
	index: number,
	target: {boot: number; tick: number},
	workloads: readonly Workload[],
	maxTicks: number,
): TowardsTarget => {
	const entry = journal[index];
	if (entry && isEntryDue(entry, target)) {
		if (simulation.tick < entry.tick && !simulation.halted && simulation.bootNumber === entry.boot) {
			simulation.step(Math.min(maxTicks, entry.tick - simulation.tick));
			return {index, arrived: false};
		}

		applyJournalAction(simulation, entry.action, workloads);
		return {index: index + 1, arrived: false};
	}

	if (simulation.bootNumber === target.boot && simulation.tick < target.tick && !simulation.halted) {
		simulation.step(Math.min(maxTicks, target.tick - simulation.tick));
		return {index, arrived: simulation.tick >= target.tick || simulation.halted};
	}

	return {index, arrived: true};
};
