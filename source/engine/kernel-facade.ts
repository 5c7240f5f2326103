// The workload-facing facade of a booted kernel (workloads.md): the kernel's calls with their
// arguments checked (a workload that passes garbage gets a TypeError, its own fault, not a kernel
// panic), and a ledger of what workloads hold, so `drain` and teardowns can give it back. One
// facade per boot, shared by every workload that runs on that kernel.
//
// The ledger is on the hot path of every workload (a trace replay makes 10,000 calls a tick), so
// blocks are booked in typed arrays (held-ledger.ts), not an object and a Map entry each; the
// kernel books each block to its holder (the thread, the purpose, the workload) on its own side.
// `held()` builds its objects only when called.
//
// Each workload gets its own facade, open only while one of its hooks runs: hooks are synchronous,
// so a call from after an `await`, a timer or a callback would reach the kernel between ticks (on
// the engine thread, maybe after a snapshot was taken, maybe after a switch to another workload).
// Such a call throws an Error naming the workload, and stops it as a throw inside a hook would.

import type {Kernel} from '../kernel/kernel.js';
import type {Region} from '../kernel/region.js';
import {HeldLedger} from './held-ledger.js';
import type {AllocationStrategy, HeldItem, KernelFacade, RegionHandle} from './workload-api.js';

const MAX_U32 = 0xffff_ffff;

const describe = (value: unknown): string =>
	typeof value === 'string' ? JSON.stringify(value) : typeof value === 'object' && value !== null ? 'an object' : String(value);

/** An integer from 0 to 2^32 − 1: exactly the numbers `>>> 0` leaves unchanged. */
const isU32 = (value: unknown): value is number => typeof value === 'number' && value >>> 0 === value;

const notU32 = (call: string, name: string, value: unknown): TypeError =>
	new TypeError(`${call}: ${name} must be an integer from 0 to ${MAX_U32}, got ${describe(value)}`);

const checkPurpose = (call: string, purpose: unknown): void => {
	if (purpose !== undefined && typeof purpose !== 'string') {
		throw new TypeError(`${call}: purpose must be a string, got ${describe(purpose)}`);
	}
};

/** Told when the current workload calls its facade outside its hooks. An object with a method, not a callback: the ledger is copied for time travel. */
export type OutsideHooksListener = {
	callOutsideHooks(message: string, ledger: FacadeLedger): void;
};

export type FacadeOptions = {
	outsideHooks?: OutsideHooksListener;
};

type HeldRegion = {region: Region; record: number};

const outsideHooks = (workload: string, call: string): string =>
	`workload "${workload}" called ${call} outside its hooks (after an await, or from a timer or callback once its hook had returned): ` +
	'kernel calls are only allowed while its setup, tick or teardown runs';

/**
What workloads hold on one kernel, and a facade per workload name that books it. Plain state and
classes, no closures: a simulation is copied whole for time travel (clone-graph.ts).
*/
export class FacadeLedger {
	readonly kernel: Kernel;
	/** Workload names by owner id (the ledger's OWNER field). */
	readonly owners: string[] = [];
	readonly held = new HeldLedger();
	readonly regions = new Map<RegionHandle, HeldRegion>();
	/** Live regions by their ledger record. */
	readonly regionsByRecord = new Map<number, RegionHandle>();
	/** One gate per workload name on this kernel: a workload switched back to gets its own again (the trace replay tells a switch from a reboot so). */
	private readonly gates = new Map<string, FacadeGate>();
	private current: FacadeGate;
	private readonly listener: OutsideHooksListener | undefined;

	constructor(kernel: Kernel, options: FacadeOptions = {}) {
		this.kernel = kernel;
		this.listener = options.outsideHooks;
		this.current = this.gateFor('');
	}

	/** The current workload's facade. */
	get facade(): KernelFacade {
		return this.current.facade;
	}

	/** Whose allocations new items are booked to: that workload's facade (the same one each time on this kernel), closed until `open`; the one before is closed. */
	setWorkload(name: string): void {
		this.current.open = false;
		this.current = this.gateFor(name);
	}

	/** Opens the current facade while a hook of its workload runs; `close` when the hook returns. */
	open(): void {
		this.current.open = true;
	}

	close(): void {
		this.current.open = false;
	}

	/** Throws unless a hook of this gate's workload is running. */
	enter(gate: FacadeGate, call: string): void {
		if (!gate.open) {
			const message = outsideHooks(gate.workload, call);
			if (gate === this.current) {
				this.listener?.callOutsideHooks(message, this);
			}

			throw new Error(message);
		}
	}

	private gateFor(name: string): FacadeGate {
		let gate = this.gates.get(name);
		if (!gate) {
			gate = new FacadeGate(this, name, this.owners.push(name) - 1);
			this.gates.set(name, gate);
		}

		return gate;
	}
}

/** One workload's facade and whether a hook of that workload is running. */
export class FacadeGate {
	readonly workload: string;
	readonly owner: number;
	open = false;
	readonly facade: KernelFacade;

	constructor(ledger: FacadeLedger, workload: string, owner: number) {
		this.workload = workload;
		this.owner = owner;
		this.facade = Object.freeze(new WorkloadFacade(ledger, this));
	}
}

/**
The facade a workload is handed: the kernel's calls, checked, booked in the ledger. Its methods
live on the prototype and find the ledger through `this`, not through a closure: a simulation
is copied whole for time travel (clone-graph.ts). So a workload calls them as methods,
`kernel.kmalloc(32)`, as every built-in does.
*/
class WorkloadFacade implements KernelFacade {
	declare private readonly ledger: FacadeLedger;
	declare private readonly gate: FacadeGate;

	constructor(ledger: FacadeLedger, gate: FacadeGate) {
		// Hidden from a workload that lists the facade's keys; read-only.
		Object.defineProperty(this, 'ledger', {value: ledger});
		Object.defineProperty(this, 'gate', {value: gate});
	}

	kmalloc(size: number, purpose?: string): number {
		const {ledger, gate} = this;
		ledger.enter(gate, 'kmalloc');
		if (!isU32(size)) {
			throw notU32('kmalloc(size)', 'size', size);
		}

		checkPurpose('kmalloc(size, purpose)', purpose);
		const address = ledger.kernel.kmalloc(size, purpose, gate.workload);
		ledger.held.addBlock(address, size, gate.owner);
		return address;
	}

	kfree(address: number): void {
		const {ledger} = this;
		ledger.enter(this.gate, 'kfree');
		if (!isU32(address)) {
			throw notU32('kfree(address)', 'address', address);
		}

		ledger.held.removeBlock(address);
		ledger.kernel.kfree(address);
	}

	krealloc(address: number, size: number): number {
		const {ledger, gate} = this;
		ledger.enter(gate, 'krealloc');
		if (!isU32(address)) {
			throw notU32('krealloc(address, size)', 'address', address);
		}

		if (!isU32(size)) {
			throw notU32('krealloc(address, size)', 'size', size);
		}

		const previous = ledger.held.removeBlock(address);
		const moved = ledger.kernel.krealloc(address, size, undefined, gate.workload);
		if (moved !== 0) {
			ledger.held.addBlock(moved, size, previous === -1 ? gate.owner : previous);
		}

		return moved;
	}

	kmallocEternal(size: number): number {
		const {ledger} = this;
		ledger.enter(this.gate, 'kmallocEternal');
		if (!isU32(size)) {
			throw notU32('kmallocEternal(size)', 'size', size);
		}

		return ledger.kernel.kmallocEternal(size);
	}

	allocateKernelRegion(bytes: number, name: string, options: {strategy?: AllocationStrategy} = {}): RegionHandle | null {
		const {ledger, gate} = this;
		ledger.enter(gate, 'allocateKernelRegion');
		if (!isU32(bytes)) {
			throw notU32('allocateKernelRegion(bytes, name)', 'bytes', bytes);
		}

		if (typeof name !== 'string') {
			throw new TypeError(`allocateKernelRegion(bytes, name): name must be a string, got ${describe(name)}`);
		}

		const strategy: AllocationStrategy = options.strategy ?? 'allocate-now';
		if (strategy !== 'allocate-now' && strategy !== 'reserve') {
			throw new TypeError(`allocateKernelRegion: strategy must be "allocate-now" or "reserve", got ${describe(strategy)}`);
		}

		const region = ledger.kernel.allocateKernelRegion(bytes, name, strategy);
		if (!region) {
			return null;
		}

		const handle: RegionHandle = Object.freeze({base: region.base, size: region.size, name: region.name});
		const record = ledger.held.addRegion(gate.owner);
		ledger.regions.set(handle, {region, record});
		ledger.regionsByRecord.set(record, handle);
		return handle;
	}

	freeRegion(handle: RegionHandle): void {
		const {ledger} = this;
		ledger.enter(this.gate, 'freeRegion');
		const held = ledger.regions.get(handle);
		if (!held) {
			throw new TypeError('freeRegion(region): not a live region from allocateKernelRegion on this kernel');
		}

		ledger.regions.delete(handle);
		ledger.regionsByRecord.delete(held.record);
		ledger.held.removeRecord(held.record);
		ledger.kernel.freeRegion(held.region);
	}

	log(text: string, options: {process?: string} = {}): void {
		const {ledger} = this;
		ledger.enter(this.gate, 'log');
		if (typeof text !== 'string') {
			throw new TypeError(`log(text): text must be a string, got ${describe(text)}`);
		}

		ledger.kernel.log(text, options.process);
	}

	asProcess<T>(process: string, fn: () => T): T {
		const {ledger} = this;
		ledger.enter(this.gate, 'asProcess');
		if (typeof process !== 'string' || typeof fn !== 'function') {
			throw new TypeError('asProcess(process, fn): a process name and a function');
		}

		return ledger.kernel.asProcess(process, fn);
	}

	withLock<T>(fn: () => T): T {
		const {ledger} = this;
		ledger.enter(this.gate, 'withLock');
		if (typeof fn !== 'function') {
			throw new TypeError('withLock(fn): fn must be a function');
		}

		return ledger.kernel.withLock(fn);
	}

	memstat(): Record<string, number> {
		const {ledger} = this;
		ledger.enter(this.gate, 'memstat');
		return ledger.kernel.memstat();
	}

	held(): HeldItem[] {
		const {ledger} = this;
		ledger.enter(this.gate, 'held');
		const {owners, regionsByRecord} = ledger;
		return ledger.held.toArray().map((item): HeldItem =>
			item.kind === 'block'
				? {kind: 'block', address: item.address, size: item.size, workload: owners[item.owner]!}
				: {kind: 'region', region: regionsByRecord.get(item.record)!, workload: owners[item.owner]!},
		);
	}
}

export const createKernelFacade = (kernel: Kernel, options: FacadeOptions = {}): FacadeLedger => new FacadeLedger(kernel, options);
