// Every key of the live view (source/view/live-keys.ts) on a real LiveSession, through ink-testing-library's stdin.

import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test, vi} from 'vitest';
import type {LiveSession} from '../../source/engine/live-session.js';
import type {SnapshotDocument} from '../../source/engine/snapshot-types.js';
import {LiveDashboard} from '../../source/ui/live-dashboard.js';
import {createSession, delay, frameLines, linkFor, waitFor} from './helpers.js';

afterEach(() => {
	cleanup();
});

type Options = {advanceEveryMs?: number; saveSnapshot?: (document: SnapshotDocument) => Promise<string>};

const mount = (session: LiveSession, options: Options = {}) => {
	const onQuit = vi.fn();
	const saveSnapshot = options.saveSnapshot ?? (() => Promise.resolve('unused.json'));
	const app = render(
		<LiveDashboard engine={linkFor(session, {advanceEveryMs: options.advanceEveryMs})} saveSnapshot={saveSnapshot} onQuit={onQuit} />,
	);
	const header = () => frameLines(app.lastFrame())[0]!;
	const screen = () => frameLines(app.lastFrame()).join('\n');
	// Ink reads a key inside the write (App's readable handler calls useInput's handler), so the
	// session has it on return; screens are read with waitFor. (A lone Escape is the exception:
	// Ink waits a turn for more of a sequence, and the tests wait for its effect.)
	const press = (key: string): Promise<void> => {
		app.stdin.write(key);
		return Promise.resolve();
	};

	return {app, onQuit, header, screen, press};
};

describe('keys', () => {
	test('1…9 switch workload (the kernel keeps running), w / W cycle', async () => {
		const session = await createSession();
		session.simulation.step(200);
		const {header, press, screen} = mount(session);
		expect(header()).toContain('2 vmobject-churn');
		await press('3');
		expect(session.simulation.workload.name).toBe('logging-burst');
		expect(session.simulation.tick).toBe(200);
		await waitFor(() => expect(header()).toContain('3 logging-burst'));
		expect(screen()).toContain('[3 logging-burst]');
		await press('w');
		expect(session.workloadIndex).toBe(3);
		await press('W');
		await press('W');
		expect(session.workloadIndex).toBe(1);
		await press('9');
		expect(session.workloadIndex).toBe(session.workloads.length >= 9 ? 8 : 1);
	});

	test('space pauses and resumes, . steps one tick while paused', async () => {
		const session = await createSession();
		const {header, press} = mount(session, {advanceEveryMs: 10});
		await waitFor(() => expect(session.simulation.tick).toBeGreaterThan(0));
		await press(' ');
		expect(session.paused).toBe(true);
		await waitFor(() => expect(header()).toContain('‖ PAUSED'));
		const tick = session.simulation.tick;
		// Not a wait for a screen: time passes (several engine periods) and nothing may happen.
		await delay(60);
		expect(session.simulation.tick).toBe(tick);
		await press('.');
		expect(session.simulation.tick).toBe(tick + 1);
		await waitFor(() => expect(header()).toContain(`tick ${(tick + 1).toLocaleString('en-US')}`));
		await press(' ');
		expect(session.paused).toBe(false);
		await waitFor(() => expect(header()).toContain('▸ RUNNING'));
	});

	test('. while running only says how it works', async () => {
		const session = await createSession();
		const {press, screen} = mount(session);
		await press('.');
		expect(session.simulation.tick).toBe(0);
		await waitFor(() => expect(screen()).toContain('. steps one tick while paused (space pauses)'));
	});

	test('+ and - change the rate in steps', async () => {
		const session = await createSession();
		const {header, press} = mount(session);
		await press('+');
		expect(session.rate).toBe(200);
		await waitFor(() => expect(header()).toContain('/200 t/s'));
		await press('-');
		await press('-');
		expect(session.rate).toBe(50);
		await waitFor(() => expect(header()).toContain('/50 t/s'));
	});

	test('keys that arrive in one read are each a key: ++ is four times the rate, .... four ticks', async () => {
		const session = await createSession();
		const {header, press} = mount(session);
		await press('++');
		expect(session.rate).toBe(400);
		await waitFor(() => expect(header()).toContain('/400 t/s'));
		await press(' ');
		const tick = session.simulation.tick;
		await press('....');
		expect(session.simulation.tick).toBe(tick + 4);
		await press('r---');
		expect(session.simulation.tick).toBe(0);
		expect(session.rate).toBe(50);
		await waitFor(() => expect(header()).toContain('/50 t/s'));
	});

	test('0 is the tenth workload\'s key', async () => {
		const session = await createSession();
		const {press} = mount(session);
		await press('0');
		expect(session.workloads.length).toBeGreaterThanOrEqual(10);
		expect(session.simulation.workload.name).toBe(session.workloads[9]!.name);
	});

	test('f freezes the display while the simulation goes on', async () => {
		const session = await createSession();
		session.simulation.step(100);
		const {header, press} = mount(session);
		await press('f');
		expect(session.frozen).toBe(true);
		session.simulation.step(50);
		await waitFor(() => expect(header()).toContain('≋ FROZEN live t150'));
		expect(header()).toContain('tick 100');
		await press('f');
		await waitFor(() => expect(header()).toContain('tick 150'));
		expect(header()).not.toContain('FROZEN');
	});

	test('v / V reboot into the next / previous revision, same seed; r reboots', async () => {
		const session = await createSession();
		session.simulation.step(300);
		const {header, press} = mount(session);
		await press('V');
		expect(session.simulation.revision).toBe('2020-12-31');
		expect(session.simulation.tick).toBe(0);
		expect(session.simulation.seed).toBe(1);
		await waitFor(() => expect(header()).toContain('rev 2020-12-31 (22250780ffa)'));
		await press('v');
		await waitFor(() => expect(header()).toContain('rev 2021-02-23 (5d180d1f996)'));
		session.simulation.step(20);
		await press('r');
		expect(session.simulation.tick).toBe(0);
		expect(session.simulation.revision).toBe('2021-02-23');
	});

	test('s saves the live document (even while frozen) and the status names the file', async () => {
		const session = await createSession();
		session.simulation.step(40);
		const saved: SnapshotDocument[] = [];
		const {press, screen} = mount(session, {
			saveSnapshot(document) {
				saved.push(document);
				return Promise.resolve(`kmtop-${document.run.workload}-tick${document.run.tick}.json`);
			},
		});
		await press('f');
		session.simulation.step(10);
		await press('s');
		expect(saved).toHaveLength(1);
		expect(saved[0]!.run.tick).toBe(50);
		await waitFor(() => expect(screen()).toContain('saved kmtop-vmobject-churn-tick50.json'));
	});

	test('a failed save says so', async () => {
		const session = await createSession();
		const {press, screen} = mount(session, {
			saveSnapshot() {
				return Promise.reject(new Error('EACCES: permission denied'));
			},
		});
		await press('s');
		await waitFor(() => expect(screen()).toContain('could not save: EACCES: permission denied'));
	});

	test('? opens the help, any key closes it (and does nothing else)', async () => {
		const session = await createSession();
		const {press, screen} = mount(session);
		await press('?');
		await waitFor(() => expect(screen()).toContain('┌ Help  any key closes'));
		expect(screen()).toContain('Kernel revisions  v / V reboot into the next / previous');
		await press('r');
		await waitFor(() => expect(screen()).toContain('┌ Kernel heap'));
		await press('?');
		await press('\u001B');
		await waitFor(() => expect(screen()).toContain('┌ Kernel heap'));
	});

	test('q quits with 0, Ctrl+C with 130', async () => {
		const first = mount(await createSession());
		await first.press('q');
		expect(first.onQuit).toHaveBeenCalledWith(0);
		const second = mount(await createSession());
		await second.press('\u0003');
		expect(second.onQuit).toHaveBeenCalledWith(130);
	});

	test('the panic screen: r, v / V, workload keys (switch and reboot) and q still work', async () => {
		const session = await createSession('big-allocations');
		session.simulation.step(6000);
		expect(session.simulation.halted).toBe(true);
		const {press, screen, onQuit} = mount(session);
		await waitFor(() => expect(screen()).toContain('KERNEL PANIC at tick 5,927: out of memory'));
		expect(screen()).toContain('!! [ImageDecoder(45:45)]: KERNEL PANIC! :^(');
		expect(screen()).toContain('× HALTED');
		// . does not pretend to step a halted kernel.
		await press('.');
		await waitFor(() => expect(screen()).toContain('. has no tick to step: the kernel has halted (r reboots)'));
		expect(session.simulation.tick).toBe(5927);
		await press('1');
		expect(session.simulation.halted).toBe(false);
		expect(session.simulation.workload.name).toBe('steady');
		await waitFor(() => expect(screen()).toContain('┌ Kernel heap'));
		await press('q');
		expect(onQuit).toHaveBeenCalledWith(0);
	});
});
