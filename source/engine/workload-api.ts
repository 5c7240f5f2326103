// The public workload API (docs/workloads.md): what a workload module's default export
// looks like, and the kernel facade and context it gets. Built-in workloads use only this.

import type {Rng} from './rng.js';

export type AllocationStrategy = 'allocate-now' | 'reserve';

/** A kernel region as a workload sees it: a handle to give back to `freeRegion`. */
export type RegionHandle = {
	readonly base: number;
	readonly size: number;
	readonly name: string;
};

export type HeldItem =
	| {kind: 'block'; address: number; size: number; workload: string}
	| {kind: 'region'; region: RegionHandle; workload: string};

export type KernelFacade = {
	/**
	 * `purpose` (optional) names what the block is for, where the kernel cannot know it (a trace
	 * replay passes the call site): it shows in the snapshot's `holders` table.
	 */
	kmalloc(size: number, purpose?: string): number;
	kfree(address: number): void;
	krealloc(address: number, size: number): number;
	kmallocEternal(size: number): number;
	allocateKernelRegion(bytes: number, name: string, options?: {strategy?: AllocationStrategy}): RegionHandle | null;
	freeRegion(region: RegionHandle): void;
	log(text: string, options?: {process?: string}): void;
	/** Runs the calls in `fn` as thread `process` (`Name(pid:tid)`): its kmalloc log lines carry that prefix. */
	asProcess<T>(process: string, fn: () => T): T;
	withLock<T>(fn: () => T): T;
	memstat(): Record<string, number>;
	/** Blocks and regions workloads allocated through the facade and have not freed, oldest first. */
	held(): HeldItem[];
};

export type WorkloadContext<State extends Record<string, unknown> = Record<string, unknown>> = {
	/** The simulation tick. */
	readonly tick: number;
	readonly rng: Rng;
	/** The workload's own state, kept across ticks. */
	state: State;
};

export type Workload<State extends Record<string, unknown> = any> = {
	name: string;
	description: string;
	setup?(kernel: KernelFacade, ctx: WorkloadContext<State>): void;
	tick(kernel: KernelFacade, ctx: WorkloadContext<State>): void;
	teardown?(kernel: KernelFacade, ctx: WorkloadContext<State>): void;
};
