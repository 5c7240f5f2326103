// Each built-in workload, at seed 1, visibly provokes what it is named for (workloads.md).
import {describe, expect, it} from 'vitest';
import {buildSnapshot} from '../../source/engine/build-snapshot.js';
import {Simulation} from '../../source/engine/simulation.js';
import {loadBuiltinWorkload} from '../../source/engine/workload-loader.js';

const MiB = 1024 * 1024;

const run = async (name: string, ticks: number, ramBytes = 512 * MiB) => {
	const simulation = new Simulation({seed: 1, revision: '2021-02-23', ramBytes, workload: await loadBuiltinWorkload(name)});
	simulation.step(ticks);
	return simulation;
};

const kinds = (simulation: Simulation) => simulation.events.list().map((event) => event.kind);

describe('vmobject-churn (the default)', () => {
	it('within 5,000 ticks: expansions, a subheap removal, the backup consumed and replaced, no panic', async () => {
		const simulation = await run('vmobject-churn', 5000);
		const snapshot = buildSnapshot(simulation);
		expect(snapshot.panic).toBeNull();
		expect(simulation.tick).toBe(5000);
		expect(snapshot.backup.consumed).toBe(4);
		expect(snapshot.backup.replaced).toBe(4);
		expect(snapshot.retiredSubheaps.map((record) => record.fate)).toEqual(['freed', 'freed', 'freed', 'freed']);
		expect(snapshot.dmesg.some((line) => line.includes('Queue removing memory from heap at'))).toBe(true);
		expect(snapshot.systemMonitor.kernelHeap).toBe('1260K/4995K');
	});
});

describe('logging-burst', () => {
	it('bursts of long lines, each allocating its log buffer, and quiet in between', async () => {
		const simulation = await run('logging-burst', 3000);
		const samples = simulation.history.samples.toArray();
		const callsPer10 = samples.slice(1).map((sample, index) => sample.kmallocCalls - samples[index]!.kmallocCalls);
		const quiet = callsPer10.filter((calls) => calls === 0).length;
		const busy = callsPer10.filter((calls) => calls >= 100).length;
		expect(quiet).toBeGreaterThan(150); // most 10-tick windows: not one kmalloc
		expect(busy).toBeGreaterThan(20); // bursts: a string and a log buffer per line
		const longLines = simulation.kernel.dmesg.tail().filter((line) => line.length + 11 + 1 > 128);
		expect(longLines.length).toBeGreaterThan(0);
		expect(buildSnapshot(simulation).panic).toBeNull();
	});
});

describe('fragmentation', () => {
	it('adds a second subheap while more than 1 MiB of the pool is still free', async () => {
		const simulation = new Simulation({seed: 1, revision: '2021-02-23', ramBytes: 512 * MiB, workload: await loadBuiltinWorkload('fragmentation')});
		while ([...simulation.kernel.heap.subheaps()].length < 2) {
			simulation.step(1);
		}

		expect(simulation.tick).toBe(346);
		expect(simulation.kernel.heap.main.heap.freeBytes).toBe(1_652_768);
	});
});

describe('big-allocations', () => {
	it('takes the "Adding even more memory" path within 5,000 ticks', async () => {
		const simulation = await run('big-allocations', 5000);
		expect(simulation.halted).toBe(false);
		const events = simulation.events.list();
		expect(events.some((event) => event.kind === 'subheap-added' && event.message.includes('from region'))).toBe(true);
	});

	it('then hits the 1,016,768-byte edge panic', async () => {
		const simulation = await run('big-allocations', 20_000);
		expect(simulation.kernel.panic).toEqual({
			tick: 5927,
			kind: 'oom',
			lines: [
				'[ImageDecoder(45:45)]: KERNEL PANIC! :^(',
				'[ImageDecoder(45:45)]: kmalloc: Out of memory (requested size: 1016768)',
				'[ImageDecoder(45:45)]: at ../Kernel/Heap/kmalloc.cpp:251 in void* kmalloc_impl(size_t)',
			],
		});
		expect(simulation.kernel.dmesg.tail(5).slice(0, 2)).toEqual([
			'[#0 ImageDecoder(45:45)]: kmalloc(): Adding memory to heap at V0xc2e15000, bytes: 1048576',
			'[#0 ImageDecoder(45:45)]: kmalloc(): Cannot expand heap: no backup memory',
		]);
	});
});

describe('leak', () => {
	it('at --ram 64M runs the machine out of memory well before 200,000 ticks', async () => {
		const simulation = await run('leak', 200_000, 64 * MiB);
		expect(simulation.kernel.panic?.kind).toBe('oom');
		expect(simulation.tick).toBe(15_978);
		expect(simulation.kernel.global.counts.failedReplacements).toBe(1);
	});
});

describe('drain', () => {
	it('frees what earlier workloads hold, so subheaps empty and are removed', async () => {
		const simulation = await run('vmobject-churn', 4000);
		const before = buildSnapshot(simulation);
		simulation.switchWorkload(await loadBuiltinWorkload('drain'));
		simulation.step(600);
		const after = buildSnapshot(simulation);
		expect(simulation.kernel.global.book.retiredSubheaps.length).toBeGreaterThan(before.retiredSubheaps.length);
		expect(after.heap.subheapCount).toBeLessThan(before.heap.subheapCount);
		expect(simulation.events.list().filter((event) => event.kind === 'workload-switched')).toHaveLength(1);
		// Workload blocks and regions all gone: what is left is the kernel's own.
		expect(after.regions.count).toBe(3); // the two subheaps still linked and the backup
		expect(after.systemMonitor.kernelHeap).toBe('35K/4995K');
	});
});

describe('steady', () => {
	it('runs 100,000 ticks without a panic, inside its pool', async () => {
		const simulation = await run('steady', 100_000);
		expect(simulation.halted).toBe(false);
		expect(simulation.tick).toBe(100_000);
		expect(simulation.kernel.global.counts.consumed).toBe(0);
		expect(kinds(simulation).includes('panic')).toBe(false);
	});
});
