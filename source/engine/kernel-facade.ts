// The workload-facing facade of a booted kernel (workloads.md): the kernel's calls with their
// arguments checked (a workload that passes garbage gets a TypeError, its own fault, not a kernel
// panic), and a ledger of what workloads hold, so `drain` and teardowns can give it back. One
// facade per boot, shared by every workload that runs on that kernel.

import type {Kernel} from '../kernel/kernel.js';
import type {Region} from '../kernel/region.js';
import type {AllocationStrategy, HeldItem, KernelFacade, RegionHandle} from './workload-api.js';

const MAX_U32 = 0xffff_ffff;

const checkU32 = (call: string, name: string, value: unknown): number => {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_U32) {
		throw new TypeError(`${call}: ${name} must be an integer from 0 to ${MAX_U32}, got ${describe(value)}`);
	}

	return value;
};

const describe = (value: unknown): string =>
	typeof value === 'string' ? JSON.stringify(value) : typeof value === 'object' && value !== null ? 'an object' : String(value);

/** What workloads hold on one kernel, and the facade that books it. */
export class FacadeLedger {
	readonly kernel: Kernel;
	readonly facade: KernelFacade;
	/** Whose allocations new items are booked to. */
	workload = '';
	readonly held = new Map<number | RegionHandle, HeldItem>();
	readonly regions = new Map<RegionHandle, Region>();

	constructor(kernel: Kernel) {
		this.kernel = kernel;
		this.facade = Object.freeze(new WorkloadFacade(this));
	}

	setWorkload(name: string): void {
		this.workload = name;
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

	constructor(ledger: FacadeLedger) {
		// Hidden from a workload that lists the facade's keys; read-only.
		Object.defineProperty(this, 'ledger', {value: ledger});
	}

	kmalloc(size: number): number {
		checkU32('kmalloc(size)', 'size', size);
		const {ledger} = this;
		const address = ledger.kernel.kmalloc(size);
		ledger.held.set(address, {kind: 'block', address, size, workload: ledger.workload});
		return address;
	}

	kfree(address: number): void {
		checkU32('kfree(address)', 'address', address);
		this.ledger.held.delete(address);
		this.ledger.kernel.kfree(address);
	}

	krealloc(address: number, size: number): number {
		checkU32('krealloc(address, size)', 'address', address);
		checkU32('krealloc(address, size)', 'size', size);
		const {ledger} = this;
		const previous = ledger.held.get(address);
		ledger.held.delete(address);
		const moved = ledger.kernel.krealloc(address, size);
		if (moved !== 0) {
			ledger.held.set(moved, {kind: 'block', address: moved, size, workload: previous?.workload ?? ledger.workload});
		}

		return moved;
	}

	kmallocEternal(size: number): number {
		checkU32('kmallocEternal(size)', 'size', size);
		return this.ledger.kernel.kmallocEternal(size);
	}

	allocateKernelRegion(bytes: number, name: string, options: {strategy?: AllocationStrategy} = {}): RegionHandle | null {
		checkU32('allocateKernelRegion(bytes, name)', 'bytes', bytes);
		if (typeof name !== 'string') {
			throw new TypeError(`allocateKernelRegion(bytes, name): name must be a string, got ${describe(name)}`);
		}

		const strategy: AllocationStrategy = options.strategy ?? 'allocate-now';
		if (strategy !== 'allocate-now' && strategy !== 'reserve') {
			throw new TypeError(`allocateKernelRegion: strategy must be "allocate-now" or "reserve", got ${describe(strategy)}`);
		}

		const {ledger} = this;
		const region = ledger.kernel.allocateKernelRegion(bytes, name, strategy);
		if (!region) {
			return null;
		}

		const handle: RegionHandle = Object.freeze({base: region.base, size: region.size, name: region.name});
		ledger.regions.set(handle, region);
		ledger.held.set(handle, {kind: 'region', region: handle, workload: ledger.workload});
		return handle;
	}

	freeRegion(handle: RegionHandle): void {
		const {ledger} = this;
		const region = ledger.regions.get(handle);
		if (!region) {
			throw new TypeError('freeRegion(region): not a live region from allocateKernelRegion on this kernel');
		}

		ledger.regions.delete(handle);
		ledger.held.delete(handle);
		ledger.kernel.freeRegion(region);
	}

	log(text: string, options: {process?: string} = {}): void {
		if (typeof text !== 'string') {
			throw new TypeError(`log(text): text must be a string, got ${describe(text)}`);
		}

		this.ledger.kernel.log(text, options.process);
	}

	asProcess<T>(process: string, fn: () => T): T {
		if (typeof process !== 'string' || typeof fn !== 'function') {
			throw new TypeError('asProcess(process, fn): a process name and a function');
		}

		return this.ledger.kernel.asProcess(process, fn);
	}

	withLock<T>(fn: () => T): T {
		if (typeof fn !== 'function') {
			throw new TypeError('withLock(fn): fn must be a function');
		}

		return this.ledger.kernel.withLock(fn);
	}

	memstat(): Record<string, number> {
		return this.ledger.kernel.memstat();
	}

	held(): HeldItem[] {
		return [...this.ledger.held.values()];
	}
}

export const createKernelFacade = (kernel: Kernel): FacadeLedger => new FacadeLedger(kernel);
