// A simulation copied whole, for time travel: the kernel, the facade's ledger, the workload's
// context (its state and its random stream), the history, the events. The copy runs on exactly
// as the original would (the simulation is deterministic), so a copy taken at tick T and run to
// T + n gives the document the original gave at T + n.
//
// Shared, not copied: the kernel revisions' table (immutable), the workload modules (their code;
// a workload's state is in ctx.state, copied with the rest) and the engine thread's watchdog.
// A workload that keeps state in its module's own variables is shared with it, so its copy is
// not exact: docs/time-travel.md says so. None of the built-ins does.

import {revisions} from '../kernel/revisions.js';
import {cloneGraph} from './clone-graph.js';
import type {Simulation} from './simulation.js';

const tables = new Set<object>(revisions);

export type SimulationCopy = {
	simulation: Simulation;
	bytes: number;
	/** Each buffer of the original and the one the copy uses (clone-graph.ts). */
	buffers: Map<ArrayBuffer, ArrayBuffer>;
};

/**
Copies `simulation`; `shared` are more objects to keep by reference (every workload of a
session); `sameAs` may hand back an earlier copy's buffer with the same bytes, to share it.
*/
export const copySimulation = (
	simulation: Simulation,
	shared: ReadonlySet<object> = new Set(),
	sameAs?: (source: ArrayBuffer) => ArrayBuffer | undefined,
): SimulationCopy => {
	const {value, bytes, buffers} = cloneGraph(simulation, {
		shared: (value) => value === simulation.workload || value === simulation.watch || tables.has(value) || shared.has(value),
		sameAs,
	});
	return {simulation: value, bytes, buffers};
};
