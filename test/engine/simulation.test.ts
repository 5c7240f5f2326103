import {describe, expect, it, vi} from 'vitest';
import {buildSnapshot} from '../../source/engine/build-snapshot.js';
import {HISTORY_CAPACITY} from '../../source/engine/heap-history.js';
import type {Workload} from '../../source/engine/workload-api.js';
import {loadBuiltinWorkload} from '../../source/engine/workload-loader.js';
import {simulate, ticker} from './helpers.js';

const json = (simulation: ReturnType<typeof simulate>) => JSON.stringify(buildSnapshot(simulation));

describe('determinism', () => {
	it('the same seed, workload, revision and options give byte-identical snapshots; another seed differs', async () => {
		const workload = await loadBuiltinWorkload('vmobject-churn');
		const runs = [1, 1, 2].map((seed) => {
			const simulation = simulate(workload, {seed});
			simulation.step(3000);
			return json(simulation);
		});
		expect(runs[0]).toBe(runs[1]);
		expect(runs[0]).not.toBe(runs[2]);
	});

	it('does the same things on every revision (the stream does not depend on the revision)', async () => {
		const workload = await loadBuiltinWorkload('steady');
		const calls = ['2020-12-31', '2021-02-23'].map((revision) => {
			const simulation = simulate(workload, {revision});
			simulation.step(500);
			return simulation.kernel.kmallocCalls;
		});
		expect(calls[0]).toBe(calls[1]);
	});
});

describe('bounded memory', () => {
	it('history, events and dmesg stay within their bounds after 1,000,000 ticks', () => {
		const noisy: Workload = {
			...ticker,
			name: 'noisy',
			tick(kernel, ctx) {
				ticker.tick(kernel, ctx);
				if (ctx.tick % 1000 === 0) {
					kernel.log(`tick ${ctx.tick}`);
					kernel.freeRegion(kernel.allocateKernelRegion(4096, 'noise')!);
				}
			},
		};
		const simulation = simulate(noisy);
		simulation.step(1_000_000);
		const snapshot = buildSnapshot(simulation);
		expect(simulation.tick).toBe(1_000_000);
		expect(snapshot.history.kmallocAllocated).toHaveLength(HISTORY_CAPACITY);
		expect(snapshot.history.everyTicks).toBe(10);
		expect(snapshot.events.length).toBeLessThanOrEqual(256);
		expect(snapshot.dmesg.length).toBeLessThanOrEqual(100);
		// The boot's backup region, then 1,000 regions allocated and 1,000 freed.
		expect(simulation.events.count).toBe(2001);
	});
});

describe('faults are results, not crashes', () => {
	const throwing: Workload = {
		name: 'throws',
		description: 'fails at tick 3',
		tick(kernel, ctx) {
			kernel.kmalloc(64);
			if (ctx.tick === 3) {
				throw new Error('oops');
			}
		},
	};

	it('a workload that throws is stopped and recorded; the kernel keeps its state and time goes on', () => {
		const simulation = simulate(throwing);
		simulation.step(10);
		expect(simulation.tick).toBe(10);
		expect(simulation.workloadFailure).toEqual({workload: 'throws', tick: 3, message: 'oops'});
		expect(simulation.kernel.kmallocCalls - 6).toBe(3); // boot made 6
		const event = simulation.events.list().at(-1)!;
		expect(event).toEqual({tick: 3, kind: 'workload-error', message: 'workload throws failed at tick 3: oops'});
	});

	it('garbage arguments are the workload\'s fault: a TypeError, not a kernel panic', () => {
		const garbage: Workload = {name: 'garbage', description: 'x', tick: (kernel) => kernel.kmalloc('a lot' as unknown as number)};
		const simulation = simulate(garbage);
		simulation.step(1);
		expect(simulation.halted).toBe(false);
		expect(simulation.workloadFailure?.message).toBe('kmalloc(size): size must be an integer from 0 to 4294967295, got "a lot"');
	});

	it('a kernel call from a timer, after the tick returned, throws and stops the workload; the kernel is untouched', async () => {
		let thrown: unknown;
		const late: Workload = {
			name: 'late',
			description: 'calls the kernel from a timer',
			tick(kernel, ctx) {
				if (ctx.tick === 2) {
					setTimeout(() => {
						try {
							kernel.kmalloc(64);
						} catch (error) {
							thrown = error;
						}
					}, 0);
				}
			},
		};
		const simulation = simulate(late);
		simulation.step(2);
		const calls = simulation.kernel.kmallocCalls;
		await vi.waitFor(() => {
			expect(thrown).toBeInstanceOf(Error);
		});
		const message = 'workload "late" called kmalloc outside its hooks (after an await, or from a timer or callback once its hook had returned): kernel calls are only allowed while its setup, tick or teardown runs';
		expect((thrown as Error).message).toBe(message);
		expect(simulation.kernel.kmallocCalls).toBe(calls);
		expect(simulation.workloadFailure).toEqual({workload: 'late', tick: 2, message});
		simulation.step(3);
		expect(simulation.tick).toBe(5);
		expect(simulation.halted).toBe(false);
	});

	it('a kernel call after an await never reaches the kernel: the async hook is the recorded fault', async () => {
		let after: unknown;
		const awaiting: Workload = {
			name: 'awaiting',
			description: 'an async tick',
			async tick(kernel) {
				kernel.kmalloc(16);
				await null;
				try {
					kernel.kfree(0xc050_0000);
				} catch (error) {
					after = error;
				}
			},
		};
		const simulation = simulate(awaiting);
		simulation.step(1);
		const calls = simulation.kernel.memstat().kfree_call_count;
		await vi.waitFor(() => {
			expect(after).toBeInstanceOf(Error);
		});
		expect((after as Error).message).toMatch(/^workload "awaiting" called kfree outside its hooks /);
		expect(simulation.kernel.memstat().kfree_call_count).toBe(calls);
		expect(simulation.kernel.halted).toBe(false);
		expect(simulation.workloadFailure?.message).toBe('its tick returned a Promise: workload hooks must be synchronous (no async, no await)');
	});

	it('a kernel panic halts the kernel, is recorded with its tick, and stops time', () => {
		const badFree: Workload = {name: 'bad-free', description: 'x', tick: (kernel, ctx) => ctx.tick === 5 && kernel.kfree(12)};
		const simulation = simulate(badFree);
		expect(simulation.step(20)).toBe(5);
		expect(simulation.kernel.panic?.tick).toBe(5);
		expect(buildSnapshot(simulation).panic?.kind).toBe('verify');
		expect(simulation.events.list().at(-1)?.kind).toBe('panic');
	});
});

describe('switching and rebooting', () => {
	it('switches workloads without resetting the kernel', async () => {
		const simulation = simulate(await loadBuiltinWorkload('steady'));
		simulation.step(100);
		const calls = simulation.kernel.kmallocCalls;
		const kernel = simulation.kernel;
		simulation.switchWorkload(ticker);
		expect(simulation.kernel).toBe(kernel);
		expect(simulation.kernel.kmallocCalls).toBe(calls);
		expect(simulation.events.list().at(-1)).toEqual({tick: 100, kind: 'workload-switched', message: 'workload steady → ticker at tick 100'});
		simulation.step(1);
		expect(buildSnapshot(simulation).run.workload).toBe('ticker');
	});

	it('reboots with the same seed, or into another revision', () => {
		const simulation = simulate(ticker);
		simulation.step(50);
		simulation.reboot('2020-12-31');
		expect(simulation.tick).toBe(0);
		expect(simulation.revision).toBe('2020-12-31');
		expect(simulation.kernel.revision.id).toBe('2020-12-31');
		const reboots = () => simulation.events.list().filter((event) => event.kind === 'reboot');
		// A reboot starts the new boot's history: the old boot's events are gone.
		expect(simulation.events.list()[0]).toEqual({tick: 0, kind: 'reboot', message: 'boot 2 after a reboot at tick 50 (2021-02-23 → 2020-12-31)'});
		// The new kernel's boot follows: its first backup, at tick 0 of the new run.
		expect(simulation.events.list().at(-1)).toEqual({
			tick: 0,
			kind: 'region-allocated',
			message: 'kmalloc subheap at V0xc0801000, bytes: 1048576',
		});
		expect(simulation.history.samples.toArray().map((sample) => sample.tick)).toEqual([0]);
		simulation.reboot();
		expect(reboots()).toEqual([{tick: 0, kind: 'reboot', message: 'boot 3 after a reboot at tick 0 (2020-12-31)'}]);
	});
});
