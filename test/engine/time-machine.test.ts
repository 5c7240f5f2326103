import {describe, expect, test} from 'vitest';
import {buildSnapshot} from '../../source/engine/build-snapshot.js';
import {copySimulation} from '../../source/engine/clone-simulation.js';
import {LiveSession} from '../../source/engine/live-session.js';
import {stepTowards, type JournalEntry} from '../../source/engine/session-journal.js';
import {Simulation} from '../../source/engine/simulation.js';
import {DEFAULT_CHECKPOINT_BUDGET_BYTES} from '../../source/engine/time-machine.js';
import type {Workload} from '../../source/engine/workload-api.js';
import {builtinWorkloads} from '../ui/helpers.js';

const run = {seed: 1, revision: '2021-02-23', ramBytes: 512 * 1024 * 1024};

const sessionOn = async (name: string, options: {budgetBytes?: number; now?: () => number} = {}) => {
	const workloads = await builtinWorkloads();
	return new LiveSession({...run, rate: 100, workloads, initialWorkload: byName(workloads, name), checkpointBudgetBytes: options.budgetBytes, now: options.now});
};

const byName = (workloads: Workload[], name: string): Workload => workloads.find((workload) => workload.name === name)!;

/** The document a fresh run gives at `tick`, the journal applied on the way (what `kmtop snapshot` computes). */
const freshDocument = async (name: string, target: {boot: number; tick: number}, journal: JournalEntry[] = []): Promise<string> => {
	const workloads = await builtinWorkloads();
	const simulation = new Simulation({...run, workload: byName(workloads, name)});
	let index = 0;
	for (;;) {
		const step = stepTowards(simulation, journal, index, target, workloads, 10_000);
		index = step.index;
		if (step.arrived) {
			return JSON.stringify(buildSnapshot(simulation));
		}
	}
};

const shown = (session: LiveSession): string => JSON.stringify(session.snapshot());

describe('time travel', () => {
	// Each present tick is a few ticks after an event, so ten steps back cross it.
	test.each([
		['fragmentation', 350, 'subheap-added at 346'],
		['fragmentation', 387, 'subheap-removed at 382'],
		['vmobject-churn', 757, 'subheap-added at 753'],
		['vmobject-churn', 2852, 'subheap-removed at 2847'],
		['steady', 2000, 'no lifecycle event'],
		['leak', 665, 'subheap-added at 662'],
	])('%s: paused at %i, ten steps back show the document a fresh run to ten ticks before gives (%s)', async (name, present, _crossing) => {
		const session = await sessionOn(name);
		await session.travelTo({boot: 1, tick: present});
		expect(session.simulation.tick).toBe(present);
		expect(session.inPast).toBe(false);
		const presentDocument = shown(session);
		for (let step = 1; step <= 10; step++) {
			await session.travelBy(-1);
		}

		expect(session.inPast).toBe(true);
		expect(session.snapshot().run.tick).toBe(present - 10);
		expect(shown(session)).toBe(await freshDocument(name, {boot: 1, tick: present - 10}));
		// The present is as it was, and → ten times comes back to it.
		expect(session.simulation.tick).toBe(present);
		for (let step = 1; step <= 10; step++) {
			await session.travelBy(1);
		}

		expect(session.inPast).toBe(false);
		expect(shown(session)).toBe(presentDocument);
	});

	test('a halted kernel: back from the panic and forward to it again', async () => {
		const session = await sessionOn('big-allocations');
		await session.travelTo({boot: 1, tick: 8000});
		expect(session.simulation.halted).toBe(true);
		const halt = session.simulation.tick;
		await session.travelBy(-100);
		expect(session.snapshot().run.tick).toBe(halt - 100);
		expect(session.snapshot().panic).toBeNull();
		expect(shown(session)).toBe(await freshDocument('big-allocations', {boot: 1, tick: halt - 100}));
		await session.travelBy(100);
		expect(session.inPast).toBe(false);
		expect(session.snapshot().panic?.tick).toBe(halt);
	});

	test('jumps anywhere across workload switches and a reboot, and steps across the reboot', async () => {
		const session = await sessionOn('steady');
		await session.travelTo({boot: 1, tick: 1500});
		session.switchWorkload(session.workloads.findIndex((workload) => workload.name === 'fragmentation'));
		await session.travelTo({boot: 1, tick: 2500});
		session.reboot();
		await session.travelTo({boot: 2, tick: 700});
		session.switchWorkload(session.workloads.findIndex((workload) => workload.name === 'leak'));
		await session.travelTo({boot: 2, tick: 1200});
		const journal = session.journal.map((entry) => ({...entry}));
		expect(journal).toEqual([
			{boot: 1, tick: 1500, action: {type: 'switch-workload', workload: 'fragmentation'}},
			{boot: 1, tick: 2500, action: {type: 'reboot', revision: '2021-02-23'}},
			{boot: 2, tick: 700, action: {type: 'switch-workload', workload: 'leak'}},
		]);
		for (const target of [
			{boot: 1, tick: 1499},
			{boot: 1, tick: 1500},
			{boot: 2, tick: 900},
			{boot: 1, tick: 2100},
			{boot: 2, tick: 0},
			{boot: 1, tick: 2500},
		]) {
			await session.travelTo(target);
			expect(session.timeMachine!.shown).toEqual(target);
			expect(shown(session)).toBe(await freshDocument('steady', target, journal));
		}

		// One step back from boot 2's first tick is boot 1's last: the state just before the reboot.
		await session.travelTo({boot: 2, tick: 0});
		await session.travelBy(-1);
		expect(session.timeMachine!.shown).toEqual({boot: 1, tick: 2500});
		await session.travelBy(2);
		expect(session.timeMachine!.shown).toEqual({boot: 2, tick: 1});
	});

	test('space in the past resumes from the present; keys that change the simulation wait for it', async () => {
		const session = await sessionOn('steady');
		await session.travelTo({boot: 1, tick: 500});
		await session.travelBy(-100);
		expect(session.inPast).toBe(true);
		expect(session.paused).toBe(true);
		session.togglePause();
		expect(session.inPast).toBe(false);
		expect(session.paused).toBe(false);
		expect(session.snapshot().run.tick).toBe(500);
	});

	test('waiting at the present, the engine makes the first step back ready: it then re-runs nothing', async () => {
		let clock = 0;
		const session = await sessionOn('fragmentation', {now: () => ++clock});
		await session.travelTo({boot: 1, tick: 30_000});
		expect(session.paused).toBe(true);
		const machine = session.timeMachine!;
		expect(machine.stepBackReady).toBeUndefined();
		// The engine's timer, while paused: each call runs a little (20 ms of this clock).
		let calls = 0;
		while (!machine.stepBackReady && calls < 10_000) {
			session.advance(33);
			calls++;
		}

		expect(machine.stepBackReady).toEqual({boot: 1, tick: 29_999});
		expect(session.simulation.tick).toBe(30_000);
		const before = clock;
		await session.travelBy(-1);
		// No run from an older copy: a look or two at the clock, not thousands of slices.
		expect(clock - before).toBeLessThan(5);
		expect(shown(session)).toBe(await freshDocument('fragmentation', {boot: 1, tick: 29_999}));
		await session.travelBy(-1);
		expect(shown(session)).toBe(await freshDocument('fragmentation', {boot: 1, tick: 29_998}));
		// A switch at the present makes what was ready stale.
		session.togglePause();
		session.paused = true;
		session.switchWorkload(session.workloads.findIndex((workload) => workload.name === 'leak'));
		expect(machine.stepBackReady).toBeUndefined();
	});

	test('while g runs the present on, the engine\'s timer prepares no step back: its time goes to the run asked for', async () => {
		let clock = 0;
		const session = await sessionOn('fragmentation', {now: () => ++clock});
		const machine = session.timeMachine!;
		let arrived = false;
		const going = session.travelTo({boot: 1, tick: 8000}).then(() => {
			arrived = true;
		});
		// The engine's timer, between the travel's slices: paused, but not waiting.
		let calls = 0;
		while (!arrived) {
			session.advance(33);
			calls++;
			// Every byte the copies hold is the store's: no copy runs beside the present.
			expect(machine.bytes).toBe(machine.store.bytes);
			await new Promise((resolve) => {
				setImmediate(resolve);
			});
		}

		await going;
		expect(calls).toBeGreaterThan(2);
		expect(session.simulation.tick).toBe(8000);
		// There, waiting: the first step back is made ready, a copy running beside the store.
		session.advance(33);
		expect(machine.bytes).toBeGreaterThan(machine.store.bytes);
	});

	// 3/8 of the default: the step back of this test's kernel holds more than a quarter of it. (Half
	// the default until stored copies left the search trees out: the step back, copied from a
	// stored copy, holds none until its first search, 3.9 MiB, under a quarter of half.)
	const STEP_BACK_BUDGET = (DEFAULT_CHECKPOINT_BUDGET_BYTES * 3) / 8;
	test('the step back made ready is stored compact: a halted big heap waits holding a few blocks more, and steps back exactly', async () => {
		let clock = 0;
		const session = await sessionOn('big-allocations', {budgetBytes: STEP_BACK_BUDGET, now: () => ++clock});
		await session.travelTo({boot: 1, tick: 8000});
		const halt = session.simulation.tick;
		const machine = session.timeMachine!;
		for (let calls = 0; !machine.stepBackReady && calls < 10_000; calls++) {
			session.advance(33);
		}

		expect(machine.stepBackReady).toEqual({boot: 1, tick: halt - 1});
		// What waits outside the store and the trail: the step back, compact. A running copy of
		// this kernel holds about 4.6 MiB (49 subheaps, most of them one allocation's repeats; 3.9
		// without search trees), over the quarter of this budget past which it waits compact. (It held 10 MiB, over a quarter of
		// the default budget, until a block's words stopped covering its interior: heap-memory.ts.)
		const waiting = machine.bytes - machine.store.bytes - machine.trail.bytes;
		const running = copySimulation(session.simulation, new Set(session.workloads)).bytes;
		expect(running).toBeGreaterThan(STEP_BACK_BUDGET / 4);
		expect(waiting).toBeGreaterThan(0);
		expect(waiting).toBeLessThan(running * 0.75); // about 2.8 MiB of 4.6: the blocks that do not repeat, and the tables
		await session.travelBy(-1);
		expect(shown(session)).toBe(await freshDocument('big-allocations', {boot: 1, tick: halt - 1}));
		await session.travelBy(-1);
		expect(shown(session)).toBe(await freshDocument('big-allocations', {boot: 1, tick: halt - 2}));
	});

	test('copies stay within their byte budget, dense near the present and sparse far back', async () => {
		// When copies are taken depends on the clock (running time against copying time): a clock
		// that moves a millisecond a look makes them the same on a busy machine as on a quiet one.
		let clock = 0;
		const session = await sessionOn('fragmentation', {budgetBytes: 4 * 1024 * 1024, now: () => ++clock});
		await session.travelTo({boot: 1, tick: 80_000});
		const store = session.timeMachine!.store;
		expect(store.bytes).toBeLessThanOrEqual(4 * 1024 * 1024);
		// A copy every 5,120 ticks on this clock (a holder id beside each chunk's header, chunk states
		// four to a byte, less the buffers it shares with the copy before); 4 MiB keeps the boot's
		// and five more, each gap no wider than the one before, the narrowest next to the present.
		expect(store.all.map((checkpoint) => checkpoint.tick)).toEqual([0, 40_960, 61_440, 66_560, 71_680, 76_800]);
		await session.travelBy(-1);
		expect(shown(session)).toBe(await freshDocument('fragmentation', {boot: 1, tick: 79_999}));
	});
});
