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

export type FacadeLedger = {
	facade: KernelFacade;
	/** Whose allocations new items are booked to. */
	setWorkload(name: string): void;
};

export const createKernelFacade = (kernel: Kernel): FacadeLedger => {
	let workload = '';
	const held = new Map<number | RegionHandle, HeldItem>();
	const regions = new Map<RegionHandle, Region>();

	const facade: KernelFacade = {
		kmalloc(size) {
			checkU32('kmalloc(size)', 'size', size);
			const address = kernel.kmalloc(size);
			held.set(address, {kind: 'block', address, size, workload});
			return address;
		},
		kfree(address) {
			checkU32('kfree(address)', 'address', address);
			held.delete(address);
			kernel.kfree(address);
		},
		krealloc(address, size) {
			checkU32('krealloc(address, size)', 'address', address);
			checkU32('krealloc(address, size)', 'size', size);
			const previous = held.get(address);
			held.delete(address);
			const moved = kernel.krealloc(address, size);
			if (moved !== 0) {
				held.set(moved, {kind: 'block', address: moved, size, workload: previous?.workload ?? workload});
			}

			return moved;
		},
		kmallocEternal(size) {
			checkU32('kmallocEternal(size)', 'size', size);
			return kernel.kmallocEternal(size);
		},
		allocateKernelRegion(bytes, name, options = {}) {
			checkU32('allocateKernelRegion(bytes, name)', 'bytes', bytes);
			if (typeof name !== 'string') {
				throw new TypeError(`allocateKernelRegion(bytes, name): name must be a string, got ${describe(name)}`);
			}

			const strategy: AllocationStrategy = options.strategy ?? 'allocate-now';
			if (strategy !== 'allocate-now' && strategy !== 'reserve') {
				throw new TypeError(`allocateKernelRegion: strategy must be "allocate-now" or "reserve", got ${describe(strategy)}`);
			}

			const region = kernel.allocateKernelRegion(bytes, name, strategy);
			if (!region) {
				return null;
			}

			const handle: RegionHandle = Object.freeze({base: region.base, size: region.size, name: region.name});
			regions.set(handle, region);
			held.set(handle, {kind: 'region', region: handle, workload});
			return handle;
		},
		freeRegion(handle) {
			const region = regions.get(handle);
			if (!region) {
				throw new TypeError('freeRegion(region): not a live region from allocateKernelRegion on this kernel');
			}

			regions.delete(handle);
			held.delete(handle);
			kernel.freeRegion(region);
		},
		log(text, options = {}) {
			if (typeof text !== 'string') {
				throw new TypeError(`log(text): text must be a string, got ${describe(text)}`);
			}

			kernel.log(text, options.process);
		},
		asProcess(process, fn) {
			if (typeof process !== 'string' || typeof fn !== 'function') {
				throw new TypeError('asProcess(process, fn): a process name and a function');
			}

			return kernel.asProcess(process, fn);
		},
		withLock(fn) {
			if (typeof fn !== 'function') {
				throw new TypeError('withLock(fn): fn must be a function');
			}

			return kernel.withLock(fn);
		},
		memstat() {
			return kernel.memstat();
		},
		held() {
			return [...held.values()];
		},
	};

	return {
		facade: Object.freeze(facade),
		setWorkload(name) {
			workload = name;
		},
	};
};
