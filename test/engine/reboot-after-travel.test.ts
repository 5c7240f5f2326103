// Travel pauses the present; a reboot ends that pause but not the user's. `r` after a panic boots
// a kernel that runs at the rate, travelled or not, unless the user paused it with space.
import {describe, expect, test} from 'vitest';
import {LiveSession} from '../../source/engine/live-session.js';
import {builtinWorkloads} from '../ui/helpers.js';

type Key = (session: LiveSession) => void | Promise<void>;

const keys: Record<string, Key> = {
	space(session) {
		session.togglePause();
	},
	async '←'(session) {
		await session.travelBy(-1);
	},
	async '→'(session) {
		await session.travelBy(1);
	},
	async 'g 10'(session) {
		await session.travelTo({boot: session.simulation.bootNumber, tick: 10});
	},
	r(session) {
		session.reboot();
	},
	v(session) {
		session.cycleRevision(1);
	},
	'1'(session) {
		session.switchWorkload(0);
	},
};

/** 2020-08-29 on big-allocations: the ASSERT panic at tick 16 (README's revision table). */
const panicked = async (): Promise<LiveSession> => {
	const workloads = await builtinWorkloads();
	const session = new LiveSession({
		seed: 1,
		revision: '2020-08-29',
		ramBytes: 512 * 1024 * 1024,
		rate: 100,
		workloads,
		initialWorkload: workloads.find((workload) => workload.name === 'big-allocations')!,
	});
	session.simulation.step(100);
	return session;
};

describe('a reboot after time travel', () => {
	test.each<[keys: string, paused: boolean]>([
		['r', false],
		['← → r', false],
		['← ← → → r', false],
		['← → v', false],
		['← → 1', false],
		['space r', true],
		['space ← → r', true],
		['← space space r', true],
		['← → space space r', true],
		['← → space r', false],
	])('after a panic, %s: the new kernel is paused %s', async (sequence, paused) => {
		const session = await panicked();
		expect(session.simulation.halted).toBe(true);
		for (const key of sequence.split(' ')) {
			await keys[key]!(session);
		}

		expect(session.inPast).toBe(false);
		expect(session.simulation.halted).toBe(false);
		expect(session.simulation.bootNumber).toBe(2);
		expect(session.paused).toBe(paused);
		// Not paused, the new kernel runs at the rate.
		expect(session.advance(100)).toBe(paused ? 0 : 10);
	});

	test('a running kernel travelled: r runs too; the present it came back to waited, paused by travel', async () => {
		const session = await panicked();
		session.reboot();
		session.simulation.step(5);
		await keys['g 10']!(session);
		expect(session.simulation.tick).toBe(10);
		await keys['←']!(session);
		await keys['→']!(session);
		expect(session.paused).toBe(true);
		expect(session.advance(100)).toBe(0);
		session.reboot();
		expect(session.paused).toBe(false);
		expect(session.simulation.bootNumber).toBe(3);
	});
});
