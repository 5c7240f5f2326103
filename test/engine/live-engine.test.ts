import {describe, expect, test} from 'vitest';
import {buildSnapshot} from '../../source/engine/build-snapshot.js';
import {LiveEngine} from '../../source/engine/live-engine.js';
import {createSession, createTraceSession} from '../ui/helpers.js';

/** A session whose wall clock the test moves by hand. */
const engineAt = async (workload = 'vmobject-churn') => {
	const clock = {now: 0};
	const session = await createSession(workload, {rate: 1000});
	return {engine: new LiveEngine(session, () => clock.now), session, clock};
};

describe('LiveEngine', () => {
	test('rates are measured against the wall clock: what ran, not what was asked', async () => {
		const {engine, session, clock} = await engineAt();
		// Asked for 1,000 t/s; each 100 ms the engine runs the 100 ticks owed.
		for (let step = 1; step <= 20; step++) {
			clock.now = step * 100;
			engine.advance();
		}

		const facts = engine.facts();
		expect(facts.achievedRate).toBe(1000);
		const calls = session.simulation.kernel.kmallocCalls;
		expect(facts.kmallocPerSecond).toBeGreaterThan(0);
		expect(facts.kmallocPerSecond).toBeLessThan(calls);
	});

	test('paused: 0 t/s, kmalloc 0/s, kfree 0/s at once', async () => {
		const {engine, clock} = await engineAt();
		for (let step = 1; step <= 10; step++) {
			clock.now = step * 100;
			engine.advance();
		}

		expect(engine.facts().kmallocPerSecond).toBeGreaterThan(0);
		engine.apply({type: 'toggle-pause'});
		const facts = engine.facts();
		expect([facts.achievedRate, facts.kmallocPerSecond, facts.kfreePerSecond]).toEqual([0, 0, 0]);
	});

	test('g to a tick ahead: the facts say the present runs to it, at the rate it achieves, and stop-run (Esc) stops it where it got to', async () => {
		const {engine, session, clock} = await engineAt('steady');
		const turn = async () => new Promise((resolve) => {
			setImmediate(resolve);
		});
		engine.apply({type: 'travel-to', tick: 50_000_000});
		// The run goes on in slices, a turn of the event loop each 30 ms; the engine measured the
		// tick it had reached as the command returned, at its clock's 0.
		const measuredAt = session.simulation.tick;
		while (session.simulation.tick < measuredAt + 2000) {
			await turn();
		}

		clock.now = 1000;
		engine.advance();
		const running = engine.facts();
		expect(running.time?.runningTo).toEqual({boot: 1, tick: 50_000_000});
		expect(running.paused).toBe(true);
		// What ran in the engine's second, not the 0 of a pause.
		expect(running.achievedRate).toBe(session.simulation.tick - measuredAt);
		engine.apply({type: 'stop-run'});
		while (engine.facts().time?.runningTo !== undefined) {
			await turn();
		}

		const stopped = session.simulation.tick;
		expect(stopped).toBeLessThan(50_000_000);
		for (let wait = 0; wait < 20; wait++) {
			await turn();
		}

		expect(session.simulation.tick).toBe(stopped);
		expect(engine.facts().paused).toBe(true);
	});

	test('frozen (f): the measured figures stay those of the frozen document while the simulation goes on, and are measured again after', async () => {
		const {engine, session, clock} = await engineAt();
		for (let step = 1; step <= 10; step++) {
			clock.now = step * 100;
			engine.advance();
		}

		engine.apply({type: 'toggle-freeze'});
		const frozen = engine.facts();
		expect(frozen.achievedRate).toBe(1000);
		session.rate = 100;
		for (let step = 11; step <= 40; step++) {
			clock.now = step * 100;
			engine.advance();
		}

		const later = engine.facts();
		expect(later.liveTick).toBeGreaterThan(frozen.liveTick);
		expect([later.achievedRate, later.kmallocPerSecond, later.kfreePerSecond, later.recentSinceTick]).toEqual([frozen.achievedRate, frozen.kmallocPerSecond, frozen.kfreePerSecond, frozen.recentSinceTick]);
		engine.apply({type: 'toggle-freeze'});
		expect(engine.facts().achievedRate).toBe(100);
	});

	test('"new" lasts 3 s of wall time at any rate', async () => {
		// A light workload: what is measured is time, not what the ticks do.
		const {engine, session, clock} = await engineAt('steady');
		session.rate = 1_000_000;
		for (let step = 1; step <= 50; step++) {
			clock.now = step * 100;
			// A host that manages 200 ticks per 100 ms of the 100,000 owed (the budget caps it).
			session.simulation.step(200);
			engine.advance();
		}

		// 5 s in, 3 s ago was 2 s in: the tick then.
		const {recentSinceTick, liveTick} = engine.facts();
		expect(recentSinceTick).toBeGreaterThan(0);
		expect(recentSinceTick).toBeLessThan(liveTick);
	});

	test('a reboot starts a new event history and new rates', async () => {
		const {engine, session, clock} = await engineAt();
		session.simulation.step(4000);
		expect(session.simulation.events.list().length).toBeGreaterThan(5);
		clock.now = 1000;
		engine.apply({type: 'reboot'});
		const {document, facts} = engine.view();
		expect(facts.boot).toBe(2);
		expect(document.run.tick).toBe(0);
		// The new kernel's boot (its backup region), nothing of the old one.
		expect(document.events.map((event) => [event.tick, event.kind, event.message])).toEqual([
			[0, 'reboot', 'boot 2 after a reboot at tick 4,000 (2021-02-23)'],
			[0, 'region-allocated', 'kmalloc subheap at V0xc0801000, bytes: 1048576'],
		]);
		expect(facts.kmallocPerSecond).toBe(0);
	});

	test('every switch and reboot goes to the journal with its tick; pauses and speeds do not', async () => {
		const {engine, session} = await engineAt();
		session.simulation.step(10);
		engine.apply({type: 'faster'});
		engine.apply({type: 'switch-workload', index: 0});
		session.simulation.step(5);
		engine.apply({type: 'toggle-pause'});
		engine.apply({type: 'cycle-revision', direction: -1});
		expect(session.journal).toEqual([
			{boot: 1, tick: 10, action: {type: 'switch-workload', workload: 'steady'}},
			{boot: 1, tick: 15, action: {type: 'reboot', revision: '2020-12-31'}},
		]);
	});

	test('the holders table stays out of the views while no panel shows it, and comes back whole with its rates', async () => {
		const {engine, session, clock} = await engineAt();
		for (let step = 1; step <= 10; step++) {
			clock.now = step * 100;
			engine.advance();
		}

		const {holders, ...rest} = buildSnapshot(session.simulation);
		engine.shown = {holders: false, frequentEvents: true};
		const hidden = engine.view();
		// Everything else exactly as a snapshot has it; no table, no rates, and the facts say why.
		expect(hidden.document).toEqual(rest);
		expect('holders' in hidden.document).toBe(false);
		expect(hidden.facts.withheld).toEqual(['holders']);
		expect(hidden.facts.holderRates).toEqual([]);
		engine.shown = {holders: true, frequentEvents: true};
		const shown = engine.view();
		expect(shown.document).toEqual({...rest, holders});
		expect(shown.facts.withheld).toBeUndefined();
		expect(shown.facts.holderRates!.length).toBeGreaterThan(0);
		// Frozen: the frozen document, without its table while no panel shows it.
		engine.apply({type: 'toggle-freeze'});
		session.simulation.step(50);
		engine.shown = {holders: false, frequentEvents: true};
		expect(engine.view().document).toEqual(rest);
		engine.shown = {holders: true, frequentEvents: true};
		expect(engine.view().document).toEqual({...rest, holders});
	});

	test('without the region and deferred-call events the views keep every other event, and the facts say so', async () => {
		const {engine, session} = await engineAt();
		session.simulation.step(4000);
		const whole = buildSnapshot(session.simulation);
		engine.shown = {holders: true, frequentEvents: false};
		const {document, facts} = engine.view();
		const frequent = new Set(['region-allocated', 'region-freed', 'deferred-call']);
		expect(whole.events.some((event) => frequent.has(event.kind))).toBe(true);
		expect(document).toEqual({...whole, events: whole.events.filter((event) => !frequent.has(event.kind))});
		expect(document.events.filter((event) => event.kind === 'subheap-added').length).toBeGreaterThan(0);
		expect(facts.withheld).toEqual(['frequentEvents']);
		// Frozen likewise.
		engine.apply({type: 'toggle-freeze'});
		session.simulation.step(50);
		expect(engine.view().document).toEqual(document);
		engine.shown = {holders: false, frequentEvents: false};
		expect(engine.view().facts.withheld).toEqual(['holders', 'frequentEvents']);
	});

	test('c on a trace replay says why not in one line that fits an 80-column footer', async () => {
		const session = await createTraceSession();
		const engine = new LiveEngine(session, () => 0);
		engine.apply({type: 'toggle-comparison'});
		expect(session.comparing.comparison).toBeUndefined();
		expect(engine.facts().notice?.text).toBe('a trace replay cannot be compared live: it reads its file once');
	});
	test('calm (the engine advances once a view, no timer): running at 25 ticks a view or fewer, or waiting with nothing left to prepare', async () => {
		const {engine, session, clock} = await engineAt();
		// 1,000 t/s: 250 ticks a 250 ms view, 25 a 25 ms one.
		expect([engine.calm(250), engine.calm(25)]).toEqual([false, true]);
		for (let step = 1; step <= 10; step++) {
			clock.now = step * 100;
			engine.advance();
		}

		// Paused at tick 1,000: the step back to tick 999 is made ready by advancing, then nothing is left to do.
		engine.apply({type: 'toggle-pause'});
		expect(session.simulation.tick).toBe(1000);
		expect(engine.calm(250)).toBe(false);
		let advances = 0;
		while (!engine.calm(250) && advances < 1000) {
			clock.now += 33;
			engine.advance();
			advances++;
		}

		expect(session.timeMachine?.stepBackReady).toEqual({boot: 1, tick: 999});
		expect(engine.calm(250)).toBe(true);
		// A step ahead moves the present on: a new step back to make ready.
		engine.apply({type: 'step'});
		expect(session.simulation.tick).toBe(1001);
		expect(engine.calm(250)).toBe(false);
	});
});
