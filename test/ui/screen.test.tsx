// The live dashboard on a terminal: what Ink writes, fed into a headless xterm at 120×40 and
// 80×24, read back as the user sees it. Resizes, the too-small screen, the alternate screen,
// and a frame that never reaches the terminal's height (Ink would redraw the whole screen).

import {afterEach, beforeAll, describe, expect, test} from 'vitest';
import type {LiveSession} from '../../source/engine/live-session.js';
import {FakeStdin, FakeStdout} from './fake-terminal.js';
import {createSession, createTraceSession, delay, linkFor, waitFor} from './helpers.js';

let runLiveDashboard: typeof import('../../source/ui/run-live-dashboard.js').runLiveDashboard;

beforeAll(async () => {
	({runLiveDashboard} = await import('../../source/ui/run-live-dashboard.js'));
});

type Running = {stdout: FakeStdout; stdin: FakeStdin; exit: Promise<number>; session: LiveSession};

const running: Running[] = [];

afterEach(async () => {
	for (const {stdin, exit} of running.splice(0)) {
		stdin.type('q');
		await exit;
	}
});

const start = async (columns: number, rows: number, options: {session?: LiveSession; advanceEveryMs?: number} = {}): Promise<Running> => {
	const session = options.session ?? (await createSession());
	const stdout = new FakeStdout(columns, rows);
	const stdin = new FakeStdin();
	const exit = runLiveDashboard(linkFor(session, {advanceEveryMs: options.advanceEveryMs ?? 0}), {
		saveSnapshot: () => Promise.resolve('unused.json'),
		stdout,
		stdin: stdin as unknown as NodeJS.ReadStream,
		stderr: new FakeStdout(columns, rows) as unknown as NodeJS.WriteStream,
		handleProcessEvents: false,
	});
	const run = {stdout, stdin, exit, session};
	running.push(run);
	// The first whole frame: the header, and when the engine is not advancing, the session's own
	// tick in it (the published view caught up).
	await waitFor(async () => {
		const header = (await stdout.screen())[0];
		expect(header).toContain('kmtop');
		if (!options.advanceEveryMs) {
			expect(header).toContain(`tick ${session.simulation.tick.toLocaleString('en-US')}`);
		}
	});
	return run;
};

const stop = async (run: Running, key = 'q'): Promise<number> => {
	running.splice(running.indexOf(run), 1);
	run.stdin.type(key);
	return run.exit;
};

describe('runLiveDashboard start', () => {
	test('tells onStarted once, when the first frame has been written', async () => {
		const session = await createSession();
		const stdout = new FakeStdout(120, 40);
		const stdin = new FakeStdin();
		const writtenAtStart: string[][] = [];
		const exit = runLiveDashboard(linkFor(session), {
			saveSnapshot: () => Promise.resolve('unused.json'),
			stdout,
			stdin: stdin as unknown as NodeJS.ReadStream,
			stderr: new FakeStdout(120, 40) as unknown as NodeJS.WriteStream,
			handleProcessEvents: false,
			onStarted() {
				writtenAtStart.push([...stdout.writes]);
			},
		});
		await waitFor(async () => {
			expect((await stdout.screen())[0]).toContain('kmtop');
		});
		stdin.type('q');
		expect(await exit).toBe(0);
		expect(writtenAtStart).toHaveLength(1);
		expect(writtenAtStart[0]!.join('')).toContain('Kernel heap');
	});
});

/** A session that already ran a while and then paused, so the screen holds still. */
const pausedSession = async (ticks = 3000): Promise<LiveSession> => {
	const session = await createSession();
	session.simulation.step(ticks);
	session.paused = true;
	return session;
};

describe('on a terminal', () => {
	test('120×40: the full layout in the alternate screen, one line short of the terminal', async () => {
		const session = await pausedSession();
		const run = await start(120, 40, {session});
		expect(await run.stdout.bufferType()).toBe('alternate');
		const screen = await run.stdout.screen();
		const document = session.snapshot();
		expect(screen[0]).toMatch(/^ kmtop {2}rev 2021-02-23 \(5d180d1f996\) {2}workload 2 vmobject-churn {2}seed 1 {4}0\/100 t\/s {2}tick 3,000 +‖ PAUSED {2}\? help$/);
		expect(screen[1]).toMatch(/^┌ Kernel heap {2}\d+ subheaps? ─+┐┌ Backup region ─+┐$/);
		// SystemMonitor's label column and right-aligned values, with the document's own figures.
		const monitor = (label: string, value: string | number) => `│ ${label.padEnd(15)}${String(value).padStart(13)}  `;
		expect(screen[2]).toContain(monitor('Kernel heap:', document.systemMonitor.kernelHeap));
		expect(screen[3]).toContain(monitor('Calls kmalloc:', document.systemMonitor.callsKmalloc));
		expect(screen[4]).toContain(monitor('Calls kfree:', document.systemMonitor.callsKfree));
		expect(screen[5]).toContain(monitor('Difference:', document.systemMonitor.difference));
		expect(screen[10]).toMatch(/^┌ Subheaps {2}\d+ linked/);
		expect(screen.findIndex((line) => line.startsWith('┌ Kernel log'))).toBe(26);
		expect(screen[37]).toContain('[2 vmobject-churn]');
		expect(screen[38]).toMatch(/^ space resume {2}\. step .* q quit$/);
		expect(screen[39]).toBe('');
		expect(screen.every((line) => [...line].length <= 120)).toBe(true);
		expect(await stop(run)).toBe(0);
		expect(await run.stdout.bufferType()).toBe('normal');
		// Mouse reports off, the cursor back, the normal screen: in one write.
		expect(run.stdout.writes.at(-1)).toBe('\u001B[?1006l\u001B[?1000l\u001B[?25h\u001B[?1049l');
	});

	test('80×24: the compact layout, the essentials, Physical memory & slabs in a line', async () => {
		const run = await start(80, 24, {session: await pausedSession()});
		const screen = await run.stdout.screen();
		expect(screen[0]).toMatch(/^ kmtop {2}rev 2021-02-23 .* {2}tick 3,000 +‖ PAUSED$/);
		expect(screen[1]).toMatch(/^┌ Kernel heap/);
		expect(screen[6]).toMatch(/^│ Backup [●○◐✕] /);
		expect(screen[7]).toMatch(/^│ Physical memory: \d+K\/516096K {2}slab 16 +\d+% {2}32 +\d+% {2}64 +\d+% {2}128 +\d+% +│$/);
		expect(screen[9]).toMatch(/^┌ Subheaps/);
		expect(screen.findIndex((line) => line.startsWith('┌ Kernel log'))).toBe(16);
		expect(screen[22]).toMatch(/^ \[2 vmobject-churn\] {2}0-9 w\/W {2}space resume/);
		expect(screen[23]).toBe('');
	});

	test('120×40, a trace replay: its figures beside its call sites, and the frames stay put while another workload runs', async () => {
		const session = await createTraceSession();
		session.simulation.step(200);
		session.paused = true;
		const run = await start(120, 40, {session});
		const screen = await run.stdout.screen();
		expect(screen[0]).toMatch(/ {2}workload trace {2}/);
		expect(screen[10]).toMatch(/^┌ Subheaps/);
		expect(screen[17]).toMatch(/^┌ Trace replay {2}ftrace {2}linux-ftrace-kmem-excerpt\.txt {2}0\.05 ms\/tick ─+┐$/);
		expect(screen[18]).toMatch(/^│ events {4}\d+\/1,000 +[█▒░]{25} +\d+\.\d% +─ top call sites by size requested ─+ {2}in all {2}calls │$/);
		expect(screen[25]).toMatch(/^┌ Kernel log {2}dmesg ─+┐┌ Physical memory & slabs ─+┐$/);
		expect(screen[36]).toMatch(/^└─+┘└─+┘$/);
		expect(screen[37]).toBe('  1 steady  2 vmobjec…  3 logging…  4 fragmen…  5 big-all…  6 leak  7 drain  8 expansi…  9 unlink-…  0 backup-…  [trace]');
		expect(screen[39]).toBe('');
		const frames = (lines: string[]) => lines.map((line) => line.replaceAll(/[^┌┐└┘]/g, ''));
		run.stdin.type('1');
		await waitFor(async () => {
			expect((await run.stdout.screen())[18]).toContain('the replay waits while steady runs');
		});
		const switched = await run.stdout.screen();
		expect(frames(switched)).toEqual(frames(screen));
		expect(switched[19]).toMatch(/^│ w \/ W cycle back to it +│$/);
	});

	test('80×24, a trace replay: its line and Physical memory\'s in the Kernel heap panel', async () => {
		const session = await createTraceSession();
		session.simulation.step(200);
		session.paused = true;
		const run = await start(80, 24, {session});
		const screen = await run.stdout.screen();
		expect(screen[6]).toMatch(/^│ Backup [●○◐✕] /);
		expect(screen[7]).toMatch(/^│ Trace \d+\/1,000 +[█▒░]{16} +\d+\.\d% {2}skipped unknown \d+ +│$/);
		expect(screen[8]).toMatch(/^│ Physical memory: \d+K\/516096K {2}slab 16 /);
		// The bottom edge carries the graphs' time axis.
	expect(screen[9]).toMatch(/^└─+(?: t[\d,]+ ─+)+┘$/);
		expect(screen[10]).toMatch(/^┌ Subheaps/);
		expect(screen.findIndex((line) => line.startsWith('┌ Kernel log'))).toBe(17);
		expect(screen[22]).toMatch(/^ \[trace\] {2}0-9 w\/W {2}space resume/);
		expect(screen[23]).toBe('');
	});

	test('a resize relayouts: the screen is the same as a fresh start at the new size', async () => {
		const session = await pausedSession();
		const run = await start(120, 40, {session});
		const fresh = await start(80, 24, {session});
		const expected = await fresh.stdout.screen();
		run.stdout.resize(80, 24);
		await waitFor(async () => {
			expect(await run.stdout.screen()).toEqual(expected);
		});
		run.stdout.resize(120, 40);
		await waitFor(async () => {
			const back = await run.stdout.screen();
			expect(back[1]).toMatch(/┐┌ Backup region ─+┐$/);
			expect(back[39]).toBe('');
		});
	});

	test('too small: one message, and q still quits', async () => {
		const run = await start(120, 40, {session: await pausedSession(10)});
		run.stdout.resize(50, 10);
		await waitFor(async () => {
			expect((await run.stdout.screen()).slice(0, 3)).toEqual(['terminal too small: need 60x16, have 50x10', 'q quits', '']);
		});
		expect(await stop(run)).toBe(0);
		expect(await run.stdout.bufferType()).toBe('normal');
	});

	test('running: the frame never reaches the terminal height, nothing scrolls, no full-screen redraws', async () => {
		const run = await start(120, 40, {advanceEveryMs: 10});
		// Samples while it runs, not a wait for a screen: every frame must keep to these.
		for (let sample = 0; sample < 15; sample++) {
			await delay(25);
			const screen = await run.stdout.screen();
			expect(screen[0]).toMatch(/^ kmtop {2}rev/);
			expect(screen[39]).toBe('');
		}

		expect(run.session.simulation.tick).toBeGreaterThan(0);
		// Ink's fallback for a frame as high as the terminal clears everything (ESC[3J) every time.
		expect(run.stdout.writes.join('')).not.toContain('\u001B[3J');
		expect(await stop(run, '\u0003')).toBe(130);
		expect(run.stdin.rawMode).toBe(false);
	});
});
