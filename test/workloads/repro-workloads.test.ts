// The three repro workloads each break exactly the revisions whose bug they set up, and the
// default revision survives them.
import {describe, expect, it} from 'vitest';
import {Simulation} from '../../source/engine/simulation.js';
import {loadBuiltinWorkload} from '../../source/engine/workload-loader.js';

const run = async (name: string, revision: string, ticks: number) => {
	const simulation = new Simulation({seed: 1, revision, ramBytes: 512 * 1024 * 1024, workload: await loadBuiltinWorkload(name)});
	simulation.step(ticks);
	return simulation;
};

const firstLine = (simulation: Simulation) => simulation.kernel.panic?.lines[0];

describe.each([
	{
		name: 'expansion-loop',
		/** Linked at a round's end on the default revision: after backup-deadlock's first round, the RangeAllocator's vector and the subheap list it grew live in a subheap of their own for good. */
		subheaps: 1,
		round: 300,
		broken: '2020-08-29',
		tick: 1,
		line: '[ImageDecoder(45:45)]: kmalloc(): PANIC! Out of memory (no suitable block for size 1020516)',
	},
	{
		name: 'unlink-race',
		subheaps: 1,
		round: 500,
		broken: '2020-11-04',
		tick: 3,
		line: "[FileManager(41:41)]: Page fault in ring 0: write to the deferred call's OwnPtr at V0xc0801020, inside the region it just unmapped",
	},
	{
		name: 'backup-deadlock',
		subheaps: 2,
		round: 400,
		broken: '2020-12-26',
		tick: 2,
		line: '[NetworkTask(5:5)]: kmtop watchdog: RangeAllocator::allocate_anywhere: the RangeAllocator spinlock is already held on this CPU',
	},
])('$name', ({name, round, subheaps, broken, tick, line}) => {
	it(`breaks ${broken} at tick ${tick}`, async () => {
		const simulation = await run(name, broken, 2000);
		expect(simulation.kernel.panic?.tick).toBe(tick);
		expect(firstLine(simulation)).toBe(line);
	});

	it('runs on the default revision through several rounds: no panic, no workload error, no growth', async () => {
		// Whole rounds: what is checked is a round's end, not the middle of one.
		const simulation = await run(name, '2021-02-23', 2 * round);
		const heapAfter = () => ({subheaps: [...simulation.kernel.heap.subheaps()].length, allocated: simulation.kernel.memstat().kmalloc_allocated});
		const afterTwo = heapAfter();
		simulation.step(3 * round);
		expect(simulation.halted).toBe(false);
		expect(simulation.workloadFailure).toBeUndefined();
		expect(simulation.events.list().filter((event) => event.kind === 'workload-error')).toEqual([]);
		expect(simulation.kernel.global.counts.consumed).toBeGreaterThan(1);
		// Every round fills the heap to the last chunk: a round that left anything behind (a subheap
		// pinned by region metadata) would make the next one dearer.
		expect(heapAfter()).toEqual(afterTwo);
		expect(afterTwo.subheaps).toBe(subheaps);
	});
});
