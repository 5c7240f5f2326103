import {describe, expect, test} from 'vitest';
import {buildSnapshot} from '../../source/engine/build-snapshot.js';
import {CheckpointKeeper} from '../../source/engine/keep-checkpoints.js';
import {LiveSession} from '../../source/engine/live-session.js';
import {Simulation} from '../../source/engine/simulation.js';
import type {Workload} from '../../source/engine/workload-api.js';
import {builtinWorkloads} from '../ui/helpers.js';

const run = {seed: 1, revision: '2021-02-23', ramBytes: 512 * 1024 * 1024};
const MiB = 1024 * 1024;

const byName = (workloads: Workload[], name: string): Workload => workloads.find((workload) => workload.name === name)!;

const place = (tick: number) => ({boot: 1, tick, order: tick, journalLength: 0});

describe('copies share what did not change', () => {
	test('a copy shares with the one before it each block whose bytes are the same, counted once, never one that changed', async () => {
		const workloads = await builtinWorkloads();
		const simulation = new Simulation({...run, workload: byName(workloads, 'fragmentation')});
		simulation.step(400); // past the first expansion: several subheaps
		const keeper = new CheckpointKeeper(64 * MiB, new Set(workloads), () => 0);
		keeper.keep(simulation, place(400));
		simulation.step(20);
		keeper.keep(simulation, place(420));
		const [first, second] = keeper.store.all;
		const shared = second!.blocks.filter((block) => first!.blocks.includes(block));
		const sharedBytes = shared.reduce((sum, block) => sum + block.byteLength, 0);
		// Twenty ticks change a few 4 KiB blocks of the heap's buffers (where they allocate and
		// free, the ledger's): 151 of the copy's 169 blocks of its own are the first copy's (chunk
		// states four to a byte: chunk-states.ts; the facade's ledger one table of 16-byte cells,
		// held-ledger.ts; no bitmap search trees, which a stored copy leaves out, clone-simulation.ts:
		// they were 16 blocks, 5 of them changed).
		expect([shared.length, second!.blocks.length]).toEqual([151, 169]);
		expect(keeper.store.bytes).toBe(first!.bytes + second!.bytes - sharedBytes);
		// The copy of tick 420 runs on exactly, from what it shares and what it does not.
		const rerun = new Simulation({...run, workload: byName(workloads, 'fragmentation')});
		const copy = keeper.copy(second!.simulation)!.simulation;
		rerun.step(420);
		expect(JSON.stringify(buildSnapshot(copy))).toBe(JSON.stringify(buildSnapshot(rerun)));
		copy.step(500);
		rerun.step(500);
		expect(JSON.stringify(buildSnapshot(copy))).toBe(JSON.stringify(buildSnapshot(rerun)));
		// Dropping the second gives back only what the first does not hold.
		keeper.store.dropAfter({boot: 1, tick: 400});
		expect(keeper.store.bytes).toBe(first!.bytes);
	});

	test('copies are stored compact: a panicked big-allocations kernel in under half its size, and each copy after the panic shares all of it', async () => {
		const workloads = await builtinWorkloads();
		const simulation = new Simulation({...run, workload: byName(workloads, 'big-allocations')});
		simulation.step(8000);
		expect([simulation.halted, simulation.tick]).toEqual([true, 5927]);
		const keeper = new CheckpointKeeper(64 * MiB, new Set(workloads), () => 0);
		keeper.keep(simulation, place(5927));
		keeper.keep(simulation, place(5928));
		const [first, second] = keeper.store.all;
		const running = keeper.copy(simulation)!.bytes;
		// 49 subheaps, most of each one allocation: its chunk states one byte over and over, its
		// header words those of its first 1,024 chunks, and no bitmap search tree for the ones never searched
		// (bitmap.ts) (running, the chunk arrays cover only the chunks written, their states four
		// to a byte: heap-memory.ts). The workload's own state is its blocks filed by due tick, in
		// typed arrays (big-allocations.ts). (8 bytes more since the Simulation has sampleHistory:
		// a slot is 8 bytes, clone-graph.ts; 196,632 and 83,128 bytes fewer since the facade's ledger
		// is one table of 16-byte cells, three quarters full at most, held-ledger.ts; 5,495,680 and
		// 33,208 fewer since a block's words cover its first chunk alone, not its interior,
		// heap-memory.ts; 8 bytes more since the ExpandableHeap keeps the holder of its last run of
		// frees, expandable-heap.ts; 32 more since the event log and the dmesg buffer keep the lists
		// they last handed out and the subheap book counts its changes to the retired ones: four slots;
		// 64 more since the subheap list is an object of its own, subheap-list.ts: one object, two slots;
		// 18 fewer since a 2021-02-23 panic's three lines have no '#0 ', kernel-machine.ts dmesgln;
		// 784 fewer running and 68,848 more stored since a search tree's nodes above a changed word
		// are updated at once, not at its next search, bitmap.ts: two slots fewer in each of 49
		// bitmaps, and the stored trees hold nodes brought up to date instead of nodes left waiting;
		// 541,216 fewer stored since a stored copy leaves the search trees out, clone-simulation.ts.)
		expect([running, first!.bytes]).toEqual([4_854_489, 2_938_357]);
		expect(second!.blocks.every((block) => first!.blocks.includes(block))).toBe(true);
		const ownBytes = second!.blocks.reduce((sum, block) => sum + block.byteLength, 0);
		expect(keeper.store.bytes).toBe(first!.bytes + second!.bytes - ownBytes);
		// Copied again, it runs as the kernel it was copied from: same document.
		expect(JSON.stringify(buildSnapshot(keeper.copy(second!.simulation)!.simulation))).toBe(JSON.stringify(buildSnapshot(simulation)));
	});

	test('a stored copy leaves the bitmaps\' search trees out; a copy run from it builds them again and runs on exactly', async () => {
		const workloads = await builtinWorkloads();
		const simulation = new Simulation({...run, workload: byName(workloads, 'fragmentation')});
		simulation.step(400);
		const trees = () => [...simulation.kernel.heap.subheaps()].map((subheap) => subheap.heap.bitmap.hasTree);
		expect(trees()).toContain(true);
		const keeper = new CheckpointKeeper(64 * MiB, new Set(workloads), () => 0);
		keeper.keep(simulation, place(400));
		const copy = keeper.copy(keeper.store.newest!.simulation)!.simulation;
		const copyTrees = () => [...copy.kernel.heap.subheaps()].map((subheap) => subheap.heap.bitmap.hasTree);
		expect(copyTrees().every((hasTree) => !hasTree)).toBe(true);
		expect(trees()).toContain(true); // the original keeps its own
		copy.step(300);
		simulation.step(300);
		expect(copyTrees()).toContain(true);
		expect(JSON.stringify(buildSnapshot(copy))).toBe(JSON.stringify(buildSnapshot(simulation)));
	});

	test('a copy made to run never uses a stored copy\'s buffer, so running it writes none of them', async () => {
		const workloads = await builtinWorkloads();
		const simulation = new Simulation({...run, workload: byName(workloads, 'fragmentation')});
		simulation.step(400);
		const keeper = new CheckpointKeeper(64 * MiB, new Set(workloads), () => 0);
		keeper.keep(simulation, place(400));
		const stored = keeper.store.newest!;
		const running = keeper.copy(stored.simulation)!;
		expect(running.origins.size).toBeGreaterThan(0);
		expect([...running.origins.keys()].filter((buffer) => keeper.store.holds(buffer))).toEqual([]);
	});
});

describe('one budget for every copy', () => {
	test('the trail keeps no copy bigger than its share of the budget (it would stay, as a store keeps its newest)', async () => {
		const workloads = await builtinWorkloads();
		const simulation = new Simulation({...run, workload: byName(workloads, 'fragmentation')});
		simulation.step(400);
		const trails = [];
		for (const budget of [64 * MiB, 1 * MiB]) {
			const keeper = new CheckpointKeeper(budget, new Set(workloads), () => 0);
			keeper.keep(simulation, place(400));
			keeper.leaveTrail({simulation, origins: new Map()}, place(400));
			trails.push([keeper.store.newest!.bytes > budget / 8, keeper.trail.count]);
		}

		expect(trails).toEqual([[false, 1], [true, 0]]);
	});

	test('paused and travelling, the copies outside the store make it smaller: all of them stay within the budget', async () => {
		const workloads = await builtinWorkloads();
		let clock = 0;
		const budget = 4 * MiB;
		const session = new LiveSession({...run, rate: 100, workloads, initialWorkload: byName(workloads, 'fragmentation'), checkpointBudgetBytes: budget, now: () => ++clock});
		await session.travelTo({boot: 1, tick: 80_000});
		const machine = session.timeMachine!;
		const running = machine.store.bytes;
		expect(machine.bytes).toBe(running);
		// Paused, the step back is made ready: a copy that runs outside the store.
		for (let look = 0; look < 200 && !machine.stepBackReady; look++) {
			session.advance(33);
		}

		expect(machine.stepBackReady).toEqual({boot: 1, tick: 79_999});
		expect(machine.bytes).toBeGreaterThan(machine.store.bytes);
		await session.travelBy(-10);
		expect(session.snapshot().run.tick).toBe(79_990);
		// Every copy counts: with the cursor one of them, the store holds less than when running.
		expect(machine.store.bytes).toBeLessThan(running);
		expect(machine.bytes).toBeLessThanOrEqual(budget + machine.store.newest!.bytes);
	});
});
