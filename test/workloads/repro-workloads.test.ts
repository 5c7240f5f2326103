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
		broken: '2020-08-29',
		tick: 1,
		line: '[ImageDecoder(45:45)]: kmalloc(): PANIC! Out of memory (no suitable block for size 1020516)',
	},
	{
		name: 'unlink-race',
		broken: '2020-11-04',
		tick: 3,
		line: "[FileManager(41:41)]: Page fault in ring 0: write to the deferred call's OwnPtr at V0xc0801020, inside the region it just unmapped",
	},
	{
		name: 'backup-deadlock',
		broken: '2020-12-26',
		tick: 2,
		line: '[NetworkTask(5:5)]: kmtop watchdog: RangeAllocator::allocate_anywhere: the RangeAllocator spinlock is already held on this CPU',
	},
])('$name', ({name, broken, tick, line}) => {
	it(`breaks ${broken} at tick ${tick}`, async () => {
		const simulation = await run(name, broken, 2000);
		expect(simulation.kernel.panic?.tick).toBe(tick);
		expect(firstLine(simulation)).toBe(line);
	});

	it('runs on the default revision without a panic, through several rounds', async () => {
		const simulation = await run(name, '2021-02-23', 2000);
		expect(simulation.halted).toBe(false);
		expect(simulation.kernel.global.counts.consumed).toBeGreaterThan(1);
	});
});
