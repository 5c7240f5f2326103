import {describe, expect, it} from 'vitest';
import {createKernelFacade} from '../../source/engine/kernel-facade.js';
import type {KernelFacade} from '../../source/engine/workload-api.js';
import {Kernel} from '../../source/kernel/kernel.js';

const facadeFor = () => {
	const kernel = new Kernel({debugAsserts: true});
	const ledger = createKernelFacade(kernel);
	ledger.setWorkload('first');
	ledger.open();
	return {kernel, ledger, facade: ledger.facade};
};

/** A new workload's facade, opened as its hook would be. */
const switchTo = (ledger: ReturnType<typeof facadeFor>['ledger'], name: string) => {
	ledger.setWorkload(name);
	ledger.open();
	return ledger.facade;
};

describe('the workload facade', () => {
	it('keeps what workloads hold, oldest first, with who allocated it', () => {
		const {facade: first, ledger} = facadeFor();
		const a = first.kmalloc(10);
		const region = first.allocateKernelRegion(8192, 'buffer', {strategy: 'reserve'})!;
		const facade = switchTo(ledger, 'second');
		const b = facade.kmalloc(20);
		facade.kfree(a);
		const c = facade.krealloc(b, 200);
		expect(facade.held()).toEqual([
			{kind: 'region', region, workload: 'first'},
			{kind: 'block', address: c, size: 200, workload: 'second'},
		]);
		expect(region).toEqual({base: 0xc090_2000, size: 8192, name: 'buffer'});
		facade.freeRegion(region);
		expect(facade.held()).toHaveLength(1);
	});

	it.each([
		['kmalloc(-1)', (f: ReturnType<typeof facadeFor>['facade']) => f.kmalloc(-1), 'kmalloc(size): size must be an integer from 0 to 4294967295, got -1'],
		['kmalloc(1.5)', (f: ReturnType<typeof facadeFor>['facade']) => f.kmalloc(1.5), 'got 1.5'],
		['kmalloc(2**32)', (f: ReturnType<typeof facadeFor>['facade']) => f.kmalloc(2 ** 32), 'got 4294967296'],
		['kfree("x")', (f: ReturnType<typeof facadeFor>['facade']) => f.kfree('x' as unknown as number), 'kfree(address): address must be an integer'],
		['strategy', (f: ReturnType<typeof facadeFor>['facade']) => f.allocateKernelRegion(4096, 'x', {strategy: 'lazy' as 'reserve'}), 'strategy must be "allocate-now" or "reserve", got "lazy"'],
		['freeRegion({})', (f: ReturnType<typeof facadeFor>['facade']) => f.freeRegion({base: 0, size: 0, name: ''}), 'not a live region'],
		['log(5)', (f: ReturnType<typeof facadeFor>['facade']) => f.log(5 as unknown as string), 'log(text): text must be a string, got 5'],
		['kmalloc(8, 5)', (f: ReturnType<typeof facadeFor>['facade']) => f.kmalloc(8, 5 as unknown as string), 'kmalloc(size, purpose): purpose must be a string, got 5'],
		['krealloc(NaN)', (f: ReturnType<typeof facadeFor>['facade']) => f.krealloc(Number.NaN, 8), 'krealloc(address, size): address must be an integer from 0 to 4294967295, got NaN'],
	])('%s is a TypeError that names the call', (_name, call, message) => {
		const {facade, kernel} = facadeFor();
		expect(() => call(facade)).toThrow(TypeError);
		expect(() => call(facade)).toThrow(message);
		expect(kernel.halted).toBe(false);
	});

	it('keeps thousands of blocks and regions oldest first, and forgets a block krealloc lost', () => {
		const kernel = new Kernel({ramBytes: 64 * 1024 * 1024});
		const ledger = createKernelFacade(kernel);
		const first = switchTo(ledger, 'first');
		const expected: Array<{kind: string; workload: string; address?: number; size?: number; region?: object}> = [];
		for (let index = 0; index < 3000; index++) {
			if (index % 500 === 250) {
				const region = first.allocateKernelRegion(4096, `buffer ${index}`, {strategy: 'reserve'})!;
				expected.push({kind: 'region', region, workload: 'first'});
			}

			const size = 16 + (index % 300);
			expected.push({kind: 'block', address: first.kmalloc(size), size, workload: 'first'});
		}

		const facade = switchTo(ledger, 'second');
		// Every third block goes back; the rest stay in order.
		for (const item of expected.filter((item, index) => item.kind === 'block' && index % 3 === 0)) {
			facade.kfree(item.address!);
		}

		const kept = expected.filter((item, index) => item.kind !== 'block' || index % 3 !== 0);
		expect(facade.held()).toEqual(kept);
		// krealloc's data-loss quirk (§1.5): no room for the new block, the old one is freed anyway.
		const lost = kept.find((item) => item.kind === 'block')!;
		expect(facade.krealloc(lost.address!, 200 * 1024 * 1024)).toBe(0);
		expect(kernel.halted).toBe(false);
		expect(facade.held()).toEqual(kept.filter((item) => item !== lost));
	});

	it('books its blocks in the kernel to the workload, the thread and the purpose given', () => {
		const {facade, kernel} = facadeFor();
		const block = facade.asProcess('tar(9466:9466)', () => facade.kmalloc(100, 'ext4_htree_store_dirent+0x34/0x120'));
		const holder = kernel.heap.findHeap(block)!.holderAt(block);
		expect(kernel.holders.keys[holder]).toEqual({process: 'tar(9466:9466)', purpose: 'ext4_htree_store_dirent+0x34/0x120', workload: 'first'});
		expect([kernel.holders.liveBlocks[holder], kernel.holders.kmallocs[holder]]).toEqual([1, 1]);
	});

	it('a region freed twice is the workload\'s error, not a double free in the kernel', () => {
		const {facade} = facadeFor();
		const region = facade.allocateKernelRegion(4096, 'once')!;
		facade.freeRegion(region);
		expect(() => facade.freeRegion(region)).toThrow('not a live region');
	});

	it('a bad pointer is the kernel\'s business: its own VERIFY', () => {
		const {facade, kernel} = facadeFor();
		expect(() => facade.kfree(0x1234)).toThrow('ASSERTION FAILED: false');
		expect(kernel.panic?.kind).toBe('verify');
	});

	it('withLock releases the lock when the workload throws inside it, so deferred calls still run', () => {
		const {facade, kernel} = facadeFor();
		expect(() =>
			facade.withLock(() => {
				throw new Error('inside');
			}),
		).toThrow('inside');
		expect(kernel.processor.inCritical).toBe(0);
	});

	describe('open only during a hook of its workload', () => {
		const calls: Array<[string, (facade: KernelFacade) => unknown]> = [
			['kmalloc', (facade) => facade.kmalloc(16)],
			['kfree', (facade) => facade.kfree(0xc050_0000)],
			['krealloc', (facade) => facade.krealloc(0xc050_0000, 16)],
			['kmallocEternal', (facade) => facade.kmallocEternal(16)],
			['allocateKernelRegion', (facade) => facade.allocateKernelRegion(4096, 'late')],
			['freeRegion', (facade) => facade.freeRegion({base: 0, size: 0, name: ''})],
			['log', (facade) => facade.log('late')],
			['asProcess', (facade) => facade.asProcess('Late(1:1)', () => 0)],
			['withLock', (facade) => facade.withLock(() => 0)],
			['memstat', (facade) => facade.memstat()],
			['held', (facade) => facade.held()],
		];

		it.each(calls)('%s after the hook returned is an Error naming the workload; the kernel is not called', (call, make) => {
			const {facade, ledger, kernel} = facadeFor();
			const told: string[] = [];
			const gated = createKernelFacade(kernel, {outsideHooks: {callOutsideHooks: (message) => told.push(message)}});
			gated.setWorkload('late-caller');
			const before = [kernel.kmallocCalls, kernel.memstat().kfree_call_count];
			ledger.close();
			const message = `workload "late-caller" called ${call} outside its hooks (after an await, or from a timer or callback once its hook had returned): kernel calls are only allowed while its setup, tick or teardown runs`;
			expect(() => make(gated.facade)).toThrow(new Error(message));
			expect(told).toEqual([message]);
			expect(() => make(facade)).toThrow('workload "first" called');
			expect([kernel.kmallocCalls, kernel.memstat().kfree_call_count]).toEqual(before);
			expect(kernel.halted).toBe(false);
		});

		it('opens and closes with the hook; a switched-away workload\'s facade stays closed and is not reported', () => {
			const kernel = new Kernel({debugAsserts: true});
			const told: string[] = [];
			const ledger = createKernelFacade(kernel, {outsideHooks: {callOutsideHooks: (message) => told.push(message)}});
			ledger.setWorkload('first');
			const first = ledger.facade;
			ledger.open();
			const block = first.kmalloc(16);
			ledger.close();
			expect(() => first.kfree(block)).toThrow('workload "first" called kfree outside its hooks');
			ledger.open();
			first.kfree(block);
			ledger.setWorkload('second');
			ledger.open();
			// The new workload's hook is running, but a timer of the first still finds its facade closed.
			expect(() => first.kmalloc(16)).toThrow('workload "first" called kmalloc outside its hooks');
			expect(ledger.facade.kmalloc(16)).toBeGreaterThan(0);
			expect(told).toEqual(['workload "first" called kfree outside its hooks (after an await, or from a timer or callback once its hook had returned): kernel calls are only allowed while its setup, tick or teardown runs']);
			// Switched back to, a workload gets its own facade again: a trace replay tells a switch from a reboot by it.
			ledger.setWorkload('first');
			expect(ledger.facade).toBe(first);
			expect(() => first.kmalloc(16)).toThrow('workload "first" called kmalloc outside its hooks');
			expect(told).toHaveLength(2);
			ledger.open();
			expect(first.kmalloc(16)).toBeGreaterThan(0);
		});
	});
});
