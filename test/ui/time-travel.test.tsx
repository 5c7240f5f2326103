// Time travel, the graphs' window and the split comparison through the keys of a real live
// session (ink-testing-library's stdin), against fresh headless runs.

import {spawn} from 'node:child_process';
import path from 'node:path';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test, vi} from 'vitest';
import {buildSnapshot} from '../../source/engine/build-snapshot.js';
import type {EngineLink} from '../../source/engine/engine-link.js';
import {isFrequentEvent} from '../../source/engine/event-log.js';
import {startLiveEngineThread} from '../../source/engine/live-engine-thread.js';
import {LiveSession} from '../../source/engine/live-session.js';
import type {SnapshotDocument} from '../../source/engine/snapshot-types.js';
import {Simulation} from '../../source/engine/simulation.js';
import {LiveDashboard} from '../../source/ui/live-dashboard.js';
import {builtinWorkloads, delay, frameLines, linkFor, waitFor} from './helpers.js';

afterEach(() => {
	cleanup();
});

const LEFT = '\u001B[D';
const RIGHT = '\u001B[C';
const SHIFT_LEFT = '\u001B[1;2D';
const SHIFT_RIGHT = '\u001B[1;2C';
const ENTER = '\r';
const ESCAPE = '\u001B';

const sessionAt = async (name: string, revision = '2021-02-23') => {
	const workloads = await builtinWorkloads();
	return new LiveSession({seed: 1, revision, ramBytes: 512 * 1024 * 1024, rate: 100, workloads, initialWorkload: workloads.find((workload) => workload.name === name)!});
};

const fresh = async (name: string, ticks: number, revision = '2021-02-23'): Promise<string> => {
	const workloads = await builtinWorkloads();
	const simulation = new Simulation({seed: 1, revision, ramBytes: 512 * 1024 * 1024, workload: workloads.find((workload) => workload.name === name)!});
	simulation.step(ticks);
	return JSON.stringify(buildSnapshot(simulation));
};

const mount = (session: LiveSession, advanceEveryMs = 0) => {
	const link: EngineLink = linkFor(session, {advanceEveryMs});
	const app = render(<LiveDashboard engine={link} saveSnapshot={() => Promise.resolve('unused.json')} onQuit={vi.fn()} />);
	const header = () => frameLines(app.lastFrame())[0]!;
	const screen = () => frameLines(app.lastFrame()).join('\n');
	const press = async (key: string) => {
		app.stdin.write(key);
		await delay(5);
	};

	// The document on the screen, once the engine has arrived where the header says, and what a
	// fresh document's JSON is without the sections no panel on this screen shows (LiveFacts.withheld).
	const shown = () => JSON.stringify(link.current().document);
	const onScreen = (document: string) => {
		const sections = JSON.parse(document) as SnapshotDocument;
		const withheld = link.current().facts.withheld ?? [];
		if (withheld.includes('holders')) {
			delete sections.holders;
		}

		if (withheld.includes('frequentEvents')) {
			sections.events = sections.events.filter((event) => !isFrequentEvent(event));
		}

		return JSON.stringify(sections);
	};

	return {link, header, screen, press, shown, onScreen};
};

describe('time travel in the live view', () => {
	// Each pause is a few ticks after a lifecycle event, so ten steps back cross it: a subheap
	// removed, one added, and a removal on the richest state (regions, VMObjects, slabs). That the
	// time machine shows what a fresh run gives on every workload is test/engine/time-machine.test.ts's
	// to prove; here, that ten keys get there and the screen shows it.
	test.each([
		['vmobject-churn', 2852, 'subheap-removed at 2,847'],
		['fragmentation', 387, 'subheap-removed at 382'],
		['leak', 665, 'subheap-added at 662'],
	])('%s: ← ten times from a pause at %i shows the document a fresh run to ten ticks before gives (%s)', async (name, present, _crossing) => {
		const session = await sessionAt(name);
		await session.travelTo({boot: 1, tick: present});
		const {header, press, shown, onScreen} = mount(session);
		await waitFor(() => expect(header()).toContain('‖ PAUSED'));
		for (let step = 0; step < 10; step++) {
			await press(LEFT);
		}

		const past = (present - 10).toLocaleString('en-US');
		await waitFor(() => expect(header()).toContain(`◀ t${past} (of ${present.toLocaleString('en-US')})`));
		expect(header()).not.toContain('PAUSED');
		expect(header()).toContain(`tick ${past}`);
		expect(shown()).toBe(onScreen(await fresh(name, present - 10)));
		// The present is where it was.
		expect(session.simulation.tick).toBe(present);
	});

	test('Shift+← / → and [ / ] move 100 ticks, → one, across the present and back', async () => {
		const session = await sessionAt('fragmentation');
		await session.travelTo({boot: 1, tick: 1000});
		const {header, press} = mount(session);
		await press(SHIFT_LEFT);
		await waitFor(() => expect(header()).toContain('◀ t900 (of 1,000)'));
		await press('[');
		await waitFor(() => expect(header()).toContain('◀ t800 (of 1,000)'));
		await press(RIGHT);
		await waitFor(() => expect(header()).toContain('◀ t801 (of 1,000)'));
		await press(']');
		await waitFor(() => expect(header()).toContain('◀ t901 (of 1,000)'));
		// Past the present: the present runs on, paused.
		await press(SHIFT_RIGHT);
		await waitFor(() => expect(header()).toContain('tick 1,001'));
		expect(header()).toContain('‖ PAUSED');
		expect(session.simulation.tick).toBe(1001);
	});

	test('g takes a tick typed in (its digits are not workload keys), Esc cancels, Enter goes', async () => {
		const session = await sessionAt('steady');
		await session.travelTo({boot: 1, tick: 3000});
		const {header, press, screen, shown, onScreen} = mount(session);
		await press('g');
		await press('1');
		await press('2');
		await press('3');
		await press('4');
		await waitFor(() => expect(screen()).toContain('go to tick 1,234▏ (Enter goes, Esc cancels)'));
		expect(session.simulation.workload.name).toBe('steady');
		await press(ENTER);
		await waitFor(() => expect(header()).toContain('◀ t1,234 (of 3,000)'));
		expect(shown()).toBe(onScreen(await fresh('steady', 1234)));
		await press('g');
		await press('5');
		await waitFor(() => expect(screen()).toContain('go to tick 5▏'));
		await press(ESCAPE);
		await waitFor(() => expect(screen()).not.toContain('go to tick'));
		expect(header()).toContain('◀ t1,234 (of 3,000)');
		// A tick ahead of the present: the present runs on to it.
		await press('g');
		await press('3500');
		await press(ENTER);
		await waitFor(() => expect(header()).toContain('tick 3,500'));
		expect(session.simulation.tick).toBe(3500);
	});

	test('g far ahead: the header says the present runs to that tick, with its rate, and Esc stops it there, paused', async () => {
		const session = await sessionAt('steady');
		const {header, press, link} = mount(session, 20);
		await press(' ');
		await waitFor(() => expect(header()).toContain('‖ PAUSED'));
		await press(`g90000000${ENTER}`);
		await waitFor(() => expect(header()).toContain('▸ RUNNING → t90,000,000 Esc stops'));
		// The rate it achieves, not the 0 of a pause (the figure before the rate asked for).
		await waitFor(() => expect(header()).toMatch(/ [1-9][\d,.]*k?\/100 t\/s /));
		await press(ESCAPE);
		await waitFor(() => expect(header()).toContain('‖ PAUSED'));
		expect(header()).not.toContain('→ t90,000,000');
		const stopped = session.simulation.tick;
		expect(stopped).toBeLessThan(90_000_000);
		await delay(100);
		expect(session.simulation.tick).toBe(stopped);
		expect(link.current().facts.time?.runningTo).toBeUndefined();
	});

	test('g, a tick and Enter in one read (typed fast, or pasted) go to that tick', async () => {
		const session = await sessionAt('steady');
		await session.travelTo({boot: 1, tick: 3000});
		const {header, press, screen} = mount(session);
		await press(`g1234${ENTER}`);
		await waitFor(() => expect(header()).toContain('◀ t1,234 (of 3,000)'));
		expect(screen()).not.toContain('go to tick');
		// The Enter of a read with digits before it, the prompt opened by a read of its own.
		await press('g');
		await press(`2000${ENTER}`);
		await waitFor(() => expect(header()).toContain('◀ t2,000 (of 3,000)'));
		expect(screen()).not.toContain('go to tick');
	});

	// A terminal hands keys typed fast (or pasted) to Ink as one read: `1234\r` is one input, split
	// into its characters by the dashboard. The return among them is Enter, the DEL a backspace.
	test('g with the tick and Enter in one read goes there; a backspace in the read takes a digit back', async () => {
		const session = await sessionAt('steady');
		await session.travelTo({boot: 1, tick: 3000});
		const {header, press, screen} = mount(session);
		await press('g');
		await press('1235\u007F4\r');
		await waitFor(() => expect(header()).toContain('◀ t1,234 (of 3,000)'));
		expect(screen()).not.toContain('go to tick');
	});

	test('in the past, keys that change the simulation wait; space resumes from the present', async () => {
		const session = await sessionAt('steady');
		await session.travelTo({boot: 1, tick: 500});
		const {header, press, screen} = mount(session);
		await press(LEFT);
		await waitFor(() => expect(header()).toContain('◀ t499 (of 500)'));
		await press('r');
		await waitFor(() => expect(screen()).toContain('t499 is the past: space goes back to the present first'));
		expect(session.journal).toEqual([]);
		await press('c');
		await waitFor(() => expect(screen()).toContain('c compares at the present: space returns to it'));
		await press(' ');
		await waitFor(() => expect(header()).toContain('▸ RUNNING'));
		expect(session.inPast).toBe(false);
		// Back at the present the hint says what no longer holds: it goes at once, not after its
		// seconds. A frame drawn after that (z, the graphs' window: its axis label moves) shows the
		// status line without it.
		const axis = () => frameLines(screen()).find((line) => line.startsWith('└') && line.includes(' t'))!;
		const before = axis();
		await press('z');
		await waitFor(() => expect(axis()).not.toBe(before));
		expect(screen()).not.toContain('space returns to it');
		expect(screen()).not.toContain('space goes back to the present first');
	});

	test('z cycles the graphs between the last 500, 5,000 and 50,000 ticks: the axis says which', async () => {
		const session = await sessionAt('fragmentation');
		await session.travelTo({boot: 1, tick: 60_000});
		const {screen, press} = mount(session);
		// The Kernel heap panel's bottom edge carries the axis; its label names the tick the last
		// cell begins at. 100 columns give the sparkline 14 samples a cell, so a cell is 140 ticks
		// of the fine history for 5,000 (the last begins at 59,920), 1,400 of the coarse one for
		// 50,000 (58,800) and 2 samples, 20 ticks, for 500 (60,000).
		const axis = () => frameLines(screen()).find((line) => line.startsWith('└') && line.includes(' t'))!;
		const label = () => / t([\d,]+) /.exec(axis())?.[1];
		expect(label()).toBe('59,920');
		for (const expected of ['58,800', '60,000', '59,920']) {
			await press('z');
			await waitFor(() => expect(label()).toBe(expected));
		}
	});
});

describe('time travel on the engine thread, as kmtop runs it', () => {
	const cli = path.resolve(import.meta.dirname, '..', '..', 'cli.js');

	/** `kmtop ARGS`, spawned without blocking this thread (the engine's views keep arriving meanwhile). */
	const runKmtop = (args: string[]) => {
		const child = spawn(process.execPath, [cli, ...args], {env: {...process.env, NO_COLOR: '', FORCE_COLOR: ''}});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			stdout += chunk;
		});
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
			stderr += chunk;
		});
		const done = new Promise<{code: number | null; stdout: string; stderr: string}>((resolve) => {
			child.on('close', (code) => {
				resolve({code, stdout, stderr});
			});
		});
		return {done, stop: () => child.kill()};
	};

	// What `s` saves in the past is what `kmtop snapshot` prints for the tick shown, byte for
	// byte but for `made.by` (live, not snapshot); its `rerun` is that very command.
	test.each([
		['vmobject-churn', 2852, 'subheap-removed at 2,847'],
		['leak', 665, 'subheap-added at 662'],
	])('%s: paused at %i, ← ten times, the document equals kmtop snapshot --ticks T-10 (%s)', async (name, present, _crossing) => {
		const past = present - 10;
		const rerun = `kmtop snapshot -w ${name} --seed 1 --revision 2021-02-23 --ram 512M --ticks ${past}`;
		// The command the saved document will name, run from the start: it computes on the other
		// core while the engine thread runs to the present.
		const printed = runKmtop(rerun.split(' ').slice(1));
		const link = await startLiveEngineThread({
			run: {seed: 1, revision: '2021-02-23', ramBytes: 512 * 1024 * 1024, debugAsserts: false},
			workload: {kind: 'builtin', name},
			rate: 100,
			// As kmtop publishes: a few times a second (a test renderer in React's development
			// mode falls behind views every 50 ms on a busy machine).
			refreshMs: 250,
			advanceEveryMs: 20,
			tickTimeoutMs: 10_000,
		});
		try {
			const app = render(<LiveDashboard engine={link} saveSnapshot={() => Promise.resolve('unused.json')} onQuit={vi.fn()} />);
			const header = () => frameLines(app.lastFrame())[0]!;
			link.send({type: 'travel-to', tick: present});
			// The header's tick climbs while the present runs there: the wait lasts as long as it climbs.
			await waitFor(() => expect(header()).toContain(`tick ${present.toLocaleString('en-US')}`), {progress: () => / tick ([\d,]+)/.exec(header())?.[1]});
			expect(header()).toContain('‖ PAUSED');
			for (let step = 0; step < 10; step++) {
				app.stdin.write(LEFT);
				await delay(5);
			}

			await waitFor(() => expect(header()).toContain(`◀ t${past.toLocaleString('en-US')} (of ${present.toLocaleString('en-US')})`));
			const document = await link.liveDocument();
			expect(document.made?.rerun).toBe(rerun);
			const {code, stdout, stderr} = await printed.done;
			expect({code, stderr}).toEqual({code: 0, stderr: ''});
			expect(`${JSON.stringify({...document, made: {...document.made, by: 'snapshot'}}, null, 2)}\n`).toBe(stdout);
		} finally {
			printed.stop();
			await link.close();
		}
	});
});

describe('c: this revision beside the next', () => {
	/** How far the pair has caught up with the present, as its title line says while it does. */
	const catchingUp = (screen: string) => /catching up (\d+)%/.exec(screen)?.[1];

	test('2020-09-09 beside 2020-11-04 on vmobject-churn: they part at 2,847, where the older page-faults on its own side', async () => {
		const session = await sessionAt('vmobject-churn', '2020-09-09');
		await session.travelTo({boot: 1, tick: 3000});
		expect(session.simulation.tick).toBe(2847);
		expect(session.simulation.halted).toBe(true);
		const {press, screen} = mount(session, 20);
		await press('c');
		// The pair catches up with the halted present: both at 2,847, one of them halted.
		await waitFor(() => expect(screen()).toContain('in step with the present'), {progress: () => catchingUp(screen())});
		let text = screen();
		expect(text).toContain(' 2020-09-09 beside 2020-11-04  ·  parted first at tick 2,847  ·  in step with the present');
		expect(text).toContain('the next  2020-11-04, same seed and workload');
		// Wrapped in its column, not cut.
		expect(text).toContain('│ panic at tick 2,847 (fault)                    ││ no panic by tick 2,847                         │');
		expect(text).toContain('│   [WebContent(66:66)]: Page fault in ring 0:   ││');
		expect(text).toContain('│   read of the SubHeap at V0xc4ba9000, which    ││');
		// The differing figures are marked on both sides, level with each other.
		const row = (label: string) => frameLines(screen()).find((line) => line.includes(`│ ${label}`))!;
		expect(row('tick')).toBe('│ tick                          2,847 (halted) ≠ ││ tick                                   2,847 ≠ │');
		expect(row('heap total')).toBe('│ heap total                        6958K in 5 ≠ ││ heap total                        4964K in 4 ≠ │');
		expect(row('backup ')).toBe('│ backup                     ready V0xc1dcb000   ││ backup                     ready V0xc1dcb000   │');
		// Subheaps level by id: the region subheap #4 only the older kept linked faces a dash. Sized
		// by their chunks as the Subheaps panel sizes them: each side's add up to its heap total
		// (1985K + 3 × 993K + 1994K = 6958K; 4964K without #4).
		const lines = frameLines(screen());
		expect(lines).toContain('│                          #3 backup 993K 0.0%   ││                          #3 backup 993K 0.0%   │');
		expect(lines).toContain('│                         #4 region 1994K 0.0% ≠ ││                                            — ≠ │');
		// Resumed, the next revision goes on alone past the older one's panic.
		await press(' ');
		await waitFor(() => expect(row('tick')).toMatch(/│ tick +2,(8[5-9]\d|9\d\d) ≠ │$/));
		text = screen();
		expect(text).toContain('parted first at tick 2,847');
		await press('c');
		await waitFor(() => expect(screen()).not.toContain('beside'));
		expect(session.comparing.comparison).toBeUndefined();
	});

	test('2020-12-31 beside 2021-02-23 on big-allocations: each panics on its own side at 5,927, the lines that differ marked', async () => {
		const session = await sessionAt('big-allocations', '2020-12-31');
		await session.travelTo({boot: 1, tick: 8000});
		expect(session.simulation.tick).toBe(5927);
		const {press, screen} = mount(session, 20);
		await press('c');
		await waitFor(() => expect(screen()).toContain('both halted'), {progress: () => catchingUp(screen())});
		const text = screen();
		expect(text).toContain(' 2020-12-31 beside 2021-02-23  ·  parted first at tick ');
		const lines = frameLines(text);
		expect(lines).toContain('│ panic at tick 5,927 (oom)                      ││ panic at tick 5,927 (oom)                      │');
		// The panic's first line differs (the older kernel's words against the newer's), marked on both sides.
		expect(lines).toContain('│ ≠ [ImageDecoder(45:45)]: kmalloc(): PANIC! Out ││ ≠ [ImageDecoder(45:45)]: KERNEL PANIC! :^(     │');
		expect(lines).toContain('│                                                ││ ≠ [ImageDecoder(45:45)]: kmalloc: Out of       │');
		// The same state otherwise: no figure marked.
		const row = (label: string) => lines.find((line) => line.includes(`│ ${label}`))!;
		expect(row('tick')).toBe('│ tick                          5,927 (halted)   ││ tick                          5,927 (halted)   │');
		expect(row('heap total')).toBe('│ heap total                      66938K in 49   ││ heap total                      66938K in 49   │');
		// 49 subheaps do not fit: those that do, then a count of the rest.
		expect(lines).toContain('│                     … 39 more                  ││                     … 39 more                  │');
		// Its keys in the footer; Esc closes it as c does.
		expect(text).toContain('c Esc close comparison');
		await press('\u001B');
		await waitFor(() => expect(screen()).not.toContain('beside'));
		expect(session.comparing.comparison).toBeUndefined();
	});
});
