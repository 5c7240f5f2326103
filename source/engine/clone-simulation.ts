// A simulation copied whole, for time travel: the kernel, the facade's ledger, the workload's
// context (its state and its random stream), the history, the events. The copy runs on exactly
// as the original would (the simulation is deterministic), so a copy taken at tick T and run to
// T + n gives the document the original gave at T + n.
//
// Shared, not copied: the kernel revisions' table (immutable), the workload modules (their code;
// a workload's state is in ctx.state, copied with the rest) and the engine thread's watchdog.
// A workload that keeps state in its module's own variables is shared with it, so its copy is
// not exact: docs/time-travel.md says so. None of the built-ins does.

import {ChunkBitmap} from '../kernel/bitmap.js';
import {revisions} from '../kernel/revisions.js';
import {cloneGraph} from './clone-graph.js';
import type {CompactBuffer} from './compact-buffer.js';
import type {Simulation} from './simulation.js';

const tables = new Set<object>(revisions);

/**
A copy kept to be copied again, never run (keep-checkpoints.ts): the graph of a simulation whose
buffers are compact and whose typed arrays stand for views of them, without its derived fields
(below). Only where it is can be read.
*/
export type StoredSimulation = Pick<Simulation, 'bootNumber' | 'tick'> & {readonly [storedBrand]: true};

declare const storedBrand: unique symbol;

export type SimulationCopy = {
	simulation: Simulation;
	bytes: number;
	/** Each buffer of the original (a compact one when it was a stored copy) and the one the copy runs on. */
	buffers: Map<ArrayBuffer | CompactBuffer, ArrayBuffer>;
};

export type StoredCopy = {
	stored: StoredSimulation;
	bytes: number;
	/** Each buffer of the original and the compact form stored for it. */
	buffers: Map<ArrayBuffer, CompactBuffer>;
};

/**
A copy of `simulation` (or of a stored copy) to run; `shared` are more objects to keep by
reference (every workload of a session).
*/
export const copySimulation = (simulation: Simulation | StoredSimulation, shared: ReadonlySet<object> = new Set()): SimulationCopy => {
	const {value, bytes, buffers} = cloneGraph(simulation as Simulation, {shared: sharedBy(simulation as Simulation, shared)});
	return {simulation: value, bytes, buffers: buffers as SimulationCopy['buffers']};
};

/** A copy of `simulation` to store, each buffer in the form `compact` gives (compact-buffer.ts). */
export const storeSimulation = (simulation: Simulation, shared: ReadonlySet<object>, compact: (source: ArrayBuffer) => CompactBuffer): StoredCopy => {
	const {value, bytes, buffers} = cloneGraph(simulation, {shared: sharedBy(simulation, shared), compact, derived: derivedFields});
	return {stored: value as unknown as StoredSimulation, bytes, buffers: buffers as StoredCopy['buffers']};
};

/**
What a stored copy leaves out: fields a kernel class derives from its other fields and builds
again on demand (a bitmap's search tree, ChunkBitmap.derivedFields), 15-20 % of the blocks a
copy adds in vmobject-churn, fragmentation and big-allocations. A copy run from it builds the tree at its
first search, exactly as it was: placement reads only the words (bitmap.ts).
*/
const derivedFields = (prototype: object): readonly string[] | undefined =>
	prototype === ChunkBitmap.prototype ? ChunkBitmap.derivedFields : undefined;

const sharedBy = (simulation: Simulation, shared: ReadonlySet<object>) => (value: object): boolean =>
	value === simulation.workload || value === simulation.watch || tables.has(value) || shared.has(value);
