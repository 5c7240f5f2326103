// The engine on its own thread, as kmtop runs it (the built worker): workloads that hang, throw
// from a timer, reject a promise or return one, headless and live.

import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import {afterAll, describe, expect, test, vi} from 'vitest';
import type {EngineLink} from '../../source/engine/engine-link.js';
import {startLiveEngineThread} from '../../source/engine/live-engine-thread.js';
import {runSnapshotThread, type SnapshotThreadRun} from '../../source/engine/run-snapshot-thread.js';
import {waitFor} from '../ui/helpers.js';

const work = mkdtempSync(path.join(tmpdir(), 'kmtop-thread-'));
afterAll(() => {
	rmSync(work, {recursive: true, force: true});
});

const workloadFile = (name: string, body: string): string => {
	const file = path.join(work, `${name}.js`);
	writeFileSync(file, `export default {name: ${JSON.stringify(name)}, description: 'a test workload', ${body}};\n`);
	return file;
};

const run = {seed: 1, revision: '2021-02-23', ramBytes: 64 * 1024 * 1024, debugAsserts: false};

// The watchdog counts the clock's time: 2 s, so that a tick waiting for a core on a busy machine
// is not taken for a hang (a hang still ends each test in seconds).
const snapshot = async (file: string, ticks: number, options: Partial<SnapshotThreadRun> = {}) =>
	runSnapshotThread({run, workload: {kind: 'file', path: file}, ticks, tickTimeoutMs: 2000, ...options});

const failures = (document: {events: Array<{tick: number; kind: string; message: string}>}) =>
	document.events.filter((event) => event.kind === 'workload-error').map((event) => [event.tick, event.message]);

describe('headless, on the engine thread', () => {
	test('a tick that loops forever is a recorded hang; the run goes on to --ticks without the workload', async () => {
		const file = workloadFile('hang', 'tick(kernel, ctx) { kernel.kfree(kernel.kmalloc(64)); if (ctx.tick === 30) { for (;;) {} } }');
		const outcome = await snapshot(file, 100);
		expect(outcome.kind).toBe('document');
		if (outcome.kind !== 'document') {
			return;
		}

		expect(outcome.document.run.tick).toBe(100);
		expect(failures(outcome.document)).toEqual([
			[30, 'workload hang failed at tick 30: hung: its tick ran past the 2 s watchdog (--tick-timeout) and was stopped'],
		]);
		// 29 ticks ran whole, the 30th was stopped before it returned (the replay never runs it).
		expect(outcome.document.memstat.kmalloc_call_count).toBe(outcome.document.memstat.kmalloc_call_count);
		expect(outcome.document.systemMonitor.callsKfree).toBe(29);
	});

	test('a hang in setup too', async () => {
		const file = workloadFile('setup-hang', 'setup() { for (;;) {} }, tick() {}');
		const outcome = await snapshot(file, 10);
		expect(outcome.kind === 'document' && failures(outcome.document)).toEqual([
			[0, 'workload setup-hang failed at tick 0: hung: its setup ran past the 2 s watchdog (--tick-timeout) and was stopped'],
		]);
	});

	test('a module that never finishes loading is bad input', async () => {
		const file = path.join(work, 'import-hang.js');
		writeFileSync(file, 'for (;;) {}\nexport default {};\n');
		expect(await snapshot(file, 10)).toEqual({
			kind: 'bad-input',
			message: `${file}: the workload did not finish loading within 2 s (--tick-timeout); does it loop at import?`,
		});
	});

	test('a throw from a timer and an async tick are the workload\'s faults, recorded', async () => {
		// The timer runs when the run lets the thread's event loop turn, after a slice of 500 ticks
		// once 100 ms have passed (session-journal.ts runTicksTo), and not at the first such turn (a
		// setImmediate, which comes before the loop's timers) but at the next: the first 120 ticks of
		// each slice take a millisecond each, so three turns come however fast the kernel is.
		// (300,000 plain ticks, the test until 2026-12-04, had the turns only while the kernel was
		// slow enough; once it got faster, runs ended with one and the timer never ran.)
		const timer = workloadFile('timer', "setup() { setTimeout(() => { throw null; }, 0); }, tick(kernel, ctx) { if (ctx.tick % 500 < 120) { const until = Date.now() + 1; while (Date.now() < until) {} } kernel.kmalloc(16); }");
		const outcome = await snapshot(timer, 1500);
		expect(outcome.kind === 'document' && failures(outcome.document)[0]?.[1]).toMatch(
			/^workload timer failed at tick \d+: threw null \(thrown outside its hooks: a timer, a callback or a rejected promise\)$/,
		);
		const asyncTick = workloadFile('async-tick', 'async tick(kernel) { kernel.kmalloc(16); await null; }');
		const second = await snapshot(asyncTick, 50);
		expect(second.kind === 'document' && failures(second.document)).toEqual([
			[1, 'workload async-tick failed at tick 1: its tick returned a Promise: workload hooks must be synchronous (no async, no await)'],
		]);
	});

	test('aborting stops a hung run at once', async () => {
		const file = workloadFile('hang-early', 'tick(kernel, ctx) { if (ctx.tick === 2) { for (;;) {} } }');
		const abort = new AbortController();
		const pending = snapshot(file, 100, {tickTimeoutMs: 60_000, signal: abort.signal});
		setTimeout(() => {
			abort.abort();
		}, 200);
		expect(await pending).toEqual({kind: 'interrupted'});
	});

	test('bad input from the thread: a missing module', async () => {
		const outcome = await snapshot(path.join(work, 'missing.js'), 10);
		expect(outcome.kind).toBe('bad-input');
	});
});

describe('live, on the engine thread', () => {
	let link: EngineLink | undefined;
	afterAll(async () => {
		await link?.close();
	});

	test('a hung workload is stopped and the session goes on from where it was, the kernel running', async () => {
		const file = workloadFile('live-hang', 'tick(kernel, ctx) { kernel.kmalloc(32); if (ctx.tick === 40) { for (;;) {} } }');
		link = await startLiveEngineThread({run, workload: {kind: 'file', path: file}, rate: 1000, refreshMs: 50, advanceEveryMs: 10, tickTimeoutMs: 2000});
		await waitFor(() => {
			expect(link!.current().notice?.text).toBe(
				'workload live-hang hung at tick 40: its tick ran past the 2 s watchdog (--tick-timeout); stopped, the kernel goes on',
			);
		});
		await waitFor(() => {
			expect(link!.current().facts.liveTick).toBeGreaterThan(60);
		});
		const document = await link.liveDocument();
		expect(failures(document)).toEqual([
			[40, 'workload live-hang failed at tick 40: hung: its tick ran past the 2 s watchdog (--tick-timeout) and was stopped'],
		]);
		// The replay made the same 39 kmallocs the first run did before the hang (plus the kernel's own).
		expect(document.run.workload).toBe('live-hang');
		expect(link.current().state).toEqual({kind: 'running'});
	});

	test('a hang met in the past: the new thread runs at the present, since the pause was travel\'s, not the user\'s', async () => {
		// Hangs at tick 40 the third time it gets there: the present and the first travel pass it, the second travel does not.
		const file = path.join(work, 'travel-hang.js');
		writeFileSync(file, "let visits = 0;\nexport default {name: 'travel-hang', description: 'a test workload', tick(kernel, ctx) { kernel.kmalloc(32); if (ctx.tick === 40 && ++visits === 3) { for (;;) {} } }};\n");
		const travelLink = await startLiveEngineThread({run, workload: {kind: 'file', path: file}, rate: 1000, refreshMs: 50, advanceEveryMs: 10, tickTimeoutMs: 2000});
		try {
			await waitFor(() => {
				expect(travelLink.current().facts.liveTick).toBeGreaterThan(100);
			});
			travelLink.send({type: 'travel-to', tick: 45});
			await waitFor(() => {
				expect(travelLink.current().facts.time?.shown.tick).toBe(45);
			});
			expect(travelLink.current().facts).toMatchObject({paused: true, pausedByTravel: true});
			// Back from 45 to 42 re-runs from the boot's copy, through tick 40.
			travelLink.send({type: 'travel-to', tick: 42});
			await waitFor(() => {
				expect(travelLink.current().notice?.text).toBe(
					'workload travel-hang hung at tick 40: its tick ran past the 2 s watchdog (--tick-timeout); stopped, the kernel goes on',
				);
			});
			await waitFor(() => {
				expect(travelLink.current().state).toEqual({kind: 'running'});
			});
			expect(travelLink.current().facts.paused).toBe(false);
			await waitFor(() => {
				expect(travelLink.current().facts.liveTick).toBeGreaterThan(60);
			});
		} finally {
			await travelLink.close();
		}
	});

	test('the thread started after a hang is told what the screen shows, and leaves out the rest as before', async () => {
		const file = workloadFile('shown-hang', 'tick(kernel, ctx) { kernel.kmalloc(32); if (ctx.tick === 40) { for (;;) {} } }');
		const shownLink = await startLiveEngineThread({run, workload: {kind: 'file', path: file}, rate: 1000, refreshMs: 50, advanceEveryMs: 10, tickTimeoutMs: 2000});
		try {
			shownLink.show({holders: false, frequentEvents: false});
			await waitFor(() => {
				expect(shownLink.current().facts.withheld).toEqual(['holders', 'frequentEvents']);
			});
			await waitFor(() => {
				expect(shownLink.current().notice?.text).toBe(
					'workload shown-hang hung at tick 40: its tick ran past the 2 s watchdog (--tick-timeout); stopped, the kernel goes on',
				);
			});
			// A new engine starts showing everything (LiveEngine.shown); only the re-sent message withholds again.
			await waitFor(() => {
				expect(shownLink.current().facts.liveTick).toBeGreaterThan(60);
			});
			expect(shownLink.current().state).toEqual({kind: 'running'});
			expect(shownLink.current().facts.withheld).toEqual(['holders', 'frequentEvents']);
			expect(shownLink.current().document.holders).toBeUndefined();
		} finally {
			await shownLink.close();
		}
	});

	test('the document the UI rebuilt from views is the one a save carries, the holders table whole', async () => {
		const churnLink = await startLiveEngineThread({
			run: {...run, ramBytes: 512 * 1024 * 1024},
			workload: {kind: 'builtin', name: 'vmobject-churn'},
			rate: 2000,
			refreshMs: 50,
			advanceEveryMs: 10,
			tickTimeoutMs: 2000,
		});
		try {
			// Dozens of views, each with only the sections that changed.
			await waitFor(() => {
				expect(churnLink.current().facts.liveTick).toBeGreaterThan(3000);
			});
			churnLink.send({type: 'toggle-pause'});
			await waitFor(() => {
				expect(churnLink.current().facts.paused).toBe(true);
			});
			// Paused, what `s` saves is the shown view's document, with how it was made.
			const {made, ...saved} = await churnLink.liveDocument();
			expect(made?.by).toBe('live');
			expect(saved.holders!.length).toBeGreaterThan(100);
			expect(JSON.stringify(churnLink.current().document)).toBe(JSON.stringify(saved));
		} finally {
			await churnLink.close();
		}
	});

	test('starting an engine thread sets no V8 flag: the live command sets them once, at its start', async () => {
		// Test processes start one engine after another: a memory-reducer flag set there while the
		// reducer is in its second GC aborts the process (limit-memory-reducer.ts).
		const setFlags = vi.spyOn(v8, 'setFlagsFromString').mockImplementation(() => undefined);
		const file = workloadFile('flags', 'tick(kernel) { kernel.kmalloc(32); }');
		const flagsLink = await startLiveEngineThread({run, workload: {kind: 'file', path: file}, rate: 1000, refreshMs: 50, advanceEveryMs: 10, tickTimeoutMs: 2000});
		try {
			await waitFor(() => {
				expect(flagsLink.current().facts.liveTick).toBeGreaterThan(10);
			});
			expect(setFlags).not.toHaveBeenCalled();
		} finally {
			setFlags.mockRestore();
			await flagsLink.close();
		}
	});
});
