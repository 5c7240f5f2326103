import {describe, expect, it} from 'vitest';
import {createKernelFacade} from '../../source/engine/kernel-facade.js';
import {Kernel} from '../../source/kernel/kernel.js';

const facadeFor = () => {
	const kernel = new Kernel({debugAsserts: true});
	const ledger = createKernelFacade(kernel);
	ledger.setWorkload('first');
	return {kernel, ledger, facade: ledger.facade};
};

describe('the workload facade', () => {
	it('keeps what workloads hold, oldest first, with who allocated it', () => {
		const {facade, ledger} = facadeFor();
		const a = facade.kmalloc(10);
		const region = facade.allocateKernelRegion(8192, 'buffer', {strategy: 'reserve'})!;
		ledger.setWorkload('second');
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
		ledger.setWorkload('first');
		const {facade} = ledger;
		const expected: Array<{kind: string; workload: string; address?: number; size?: number; region?: object}> = [];
		for (let index = 0; index < 3000; index++) {
			if (index % 500 === 250) {
				const region = facade.allocateKernelRegion(4096, `buffer ${index}`, {strategy: 'reserve'})!;
				expected.push({kind: 'region', region, workload: 'first'});
			}

			const size = 16 + (index % 300);
			expected.push({kind: 'block', address: facade.kmalloc(size), size, workload: 'first'});
		}

		ledger.setWorkload('second');
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
});
