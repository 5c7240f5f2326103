// A paused kmtop made the whole document four times a second only to find every section the same
// (about 1 ms a view on the engine's thread, and garbage for V8's helpers). While the present
// waits and nothing has happened since the last view, the last document is the view's again.

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

/**
Whether the document can change with nothing done: the present runs, a recording's entries or a
comparison are under way, or a trace replay reads its file on while it waits.
*/
const mayChangeAlone = (session: LiveSession): boolean =>
	!(session.paused || session.simulation.halted || session.inPast)
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
