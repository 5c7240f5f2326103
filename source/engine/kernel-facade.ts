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

export type FacadeOptions = {
	/** Told when the current workload calls its facade outside its hooks (the Error's message). */
	onCallOutsideHooks?: (message: string) => void;
};

export type FacadeLedger = {
	/** The current workload's facade. */
	readonly facade: KernelFacade;
	/** Whose allocations new items are booked to: that workload's facade (the same one each time on this kernel), closed until `open`; the one before is closed. */
	setWorkload(name: string): void;
	/** Opens the current facade while a hook of its workload runs; `close` when the hook returns. */
	open(): void;
	close(): void;
};

type HeldRegion = {region: Region; record: number};

const outsideHooks = (workload: string, call: string): string =>
	`workload "${workload}" called ${call} outside its hooks (after an await, or from a timer or callback once its hook had returned): ` +
	'kernel calls are only allowed while its setup, tick or teardown runs';

export const createKernelFacade = (kernel: Kernel, options: FacadeOptions = {}): FacadeLedger => {
	const owners: string[] = [];
	const ledger = new HeldLedger();
	const regions = new Map<RegionHandle, HeldRegion>();
	/** Live regions by their ledger record. */
	const regionsByRecord = new Map<number, RegionHandle>();
	let current: {facade: KernelFacade; open: boolean};

	const createFacade = (workload: string, owner: number) => {
		const gate = {facade: undefined as unknown as KernelFacade, open: false};
		/** Throws unless a hook of this facade's workload is running. */
		const enter = (call: string): void => {
			if (!gate.open) {
				const message = outsideHooks(workload, call);
				if (gate === current) {
					options.onCallOutsideHooks?.(message);
				}

				throw new Error(message);
			}
		};

		gate.facade = Object.freeze<KernelFacade>({
			kmalloc(size, purpose) {
				enter('kmalloc');
				if (!isU32(size)) {
					throw notU32('kmalloc(size)', 'size', size);
				}

				checkPurpose('kmalloc(size, purpose)', purpose);
				const address = kernel.kmalloc(size, purpose, workload);
				ledger.addBlock(address, size, owner);
				return address;
			},
			kfree(address) {
				enter('kfree');
				if (!isU32(address)) {
					throw notU32('kfree(address)', 'address', address);
				}

				ledger.removeBlock(address);
				kernel.kfree(address);
			},
			krealloc(address, size) {
				enter('krealloc');
				if (!isU32(address)) {
					throw notU32('krealloc(address, size)', 'address', address);
				}

				if (!isU32(size)) {
					throw notU32('krealloc(address, size)', 'size', size);
				}

				const previous = ledger.removeBlock(address);
				const moved = kernel.krealloc(address, size, undefined, workload);
				if (moved !== 0) {
					ledger.addBlock(moved, size, previous === -1 ? owner : previous);
				}

				return moved;
			},
			kmallocEternal(size) {
				enter('kmallocEternal');
				if (!isU32(size)) {
					throw notU32('kmallocEternal(size)', 'size', size);
				}

				return kernel.kmallocEternal(size);
			},
			allocateKernelRegion(bytes, name, regionOptions = {}) {
				enter('allocateKernelRegion');
				if (!isU32(bytes)) {
					throw notU32('allocateKernelRegion(bytes, name)', 'bytes', bytes);
				}

				if (typeof name !== 'string') {
					throw new TypeError(`allocateKernelRegion(bytes, name): name must be a string, got ${describe(name)}`);
				}

				const strategy: AllocationStrategy = regionOptions.strategy ?? 'allocate-now';
				if (strategy !== 'allocate-now' && strategy !== 'reserve') {
					throw new TypeError(`allocateKernelRegion: strategy must be "allocate-now" or "reserve", got ${describe(strategy)}`);
				}

				const region = kernel.allocateKernelRegion(bytes, name, strategy);
				if (!region) {
					return null;
				}

				const handle: RegionHandle = Object.freeze({base: region.base, size: region.size, name: region.name});
				const record = ledger.addRegion(owner);
				regions.set(handle, {region, record});
				regionsByRecord.set(record, handle);
				return handle;
			},
			freeRegion(handle) {
				enter('freeRegion');
				const held = regions.get(handle);
				if (!held) {
					throw new TypeError('freeRegion(region): not a live region from allocateKernelRegion on this kernel');
				}

				regions.delete(handle);
				regionsByRecord.delete(held.record);
				ledger.removeRecord(held.record);
				kernel.freeRegion(held.region);
			},
			log(text, logOptions = {}) {
				enter('log');
				if (typeof text !== 'string') {
					throw new TypeError(`log(text): text must be a string, got ${describe(text)}`);
				}

				kernel.log(text, logOptions.process);
			},
			asProcess(process, fn) {
				enter('asProcess');
				if (typeof process !== 'string' || typeof fn !== 'function') {
					throw new TypeError('asProcess(process, fn): a process name and a function');
				}

				return kernel.asProcess(process, fn);
			},
			withLock(fn) {
				enter('withLock');
				if (typeof fn !== 'function') {
					throw new TypeError('withLock(fn): fn must be a function');
				}

				return kernel.withLock(fn);
			},
			memstat() {
				enter('memstat');
				return kernel.memstat();
			},
			held() {
				enter('held');
				return ledger.toArray().map((item): HeldItem =>
					item.kind === 'block'
						? {kind: 'block', address: item.address, size: item.size, workload: owners[item.owner]!}
						: {kind: 'region', region: regionsByRecord.get(item.record)!, workload: owners[item.owner]!},
				);
			},
		});
		return gate;
	};

	/** One facade per workload name on this kernel: a workload switched back to gets its own again (the trace replay tells a switch from a reboot so). */
	const facades = new Map<string, typeof current>();
	const setWorkload = (name: string): void => {
		current.open = false;
		let facade = facades.get(name);
		if (!facade) {
			facade = createFacade(name, owners.push(name) - 1);
			facades.set(name, facade);
		}

		current = facade;
	};

	current = createFacade('', owners.push('') - 1);
	facades.set('', current);
	return {
		get facade() {
			return current.facade;
		},
		setWorkload,
		open() {
			current.open = true;
		},
		close() {
			current.open = false;
		},
	};
};
