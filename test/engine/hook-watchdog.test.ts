import {describe, expect, test} from 'vitest';
import {createHeartbeat, describeHang, readHookSite, startHookWatchdog, writeHeartbeat, type HookSite} from '../../source/engine/hook-watchdog.js';

describe('the hook watchdog', () => {
	const setup = (timeoutMs = 5000) => {
		const buffer = createHeartbeat();
		const clock = {now: 0};
		const hangs: HookSite[] = [];
		const beat = writeHeartbeat(buffer, () => ({boot: 2, workloadIndex: 7}));
		const dog = startHookWatchdog(buffer, {timeoutMs, now: () => clock.now, onHang: (site) => hangs.push(site)});
		return {buffer, clock, hangs, beat, dog};
	};

	test('a hook that runs past the limit is reported once, with where it hung', () => {
		const {clock, hangs, beat, dog} = setup();
		beat.enter('tick', 200);
		dog.check();
		clock.now = 4999;
		dog.check();
		expect(hangs).toEqual([]);
		clock.now = 5000;
		dog.check();
		clock.now = 9000;
		dog.check();
		expect(hangs).toEqual([{hook: 'tick', tick: 200, boot: 2, workloadIndex: 7}]);
		dog.stop();
	});

	test('many short hooks are not a hang, however long they run in all', () => {
		const {clock, hangs, beat, dog} = setup(1000);
		for (let tick = 1; tick <= 100; tick++) {
			beat.enter('tick', tick);
			clock.now += 100;
			dog.check();
			beat.leave();
		}

		expect(hangs).toEqual([]);
		dog.stop();
	});

	test('between hooks nothing runs: no site, no hang', () => {
		const {buffer, clock, hangs, beat, dog} = setup(10);
		beat.enter('setup', 0);
		expect(readHookSite(buffer)).toEqual({hook: 'setup', tick: 0, boot: 2, workloadIndex: 7});
		beat.leave();
		expect(readHookSite(buffer)).toBeUndefined();
		dog.check();
		clock.now = 1000;
		dog.check();
		expect(hangs).toEqual([]);
		dog.stop();
	});

	test.each([
		['tick', 5000, 'hung: its tick ran past the 5 s watchdog (--tick-timeout) and was stopped'],
		['setup', 250, 'hung: its setup ran past the 0.25 s watchdog (--tick-timeout) and was stopped'],
		['load', 1000, 'hung: its module ran past the 1 s watchdog (--tick-timeout) and was stopped'],
	] as const)('describeHang(%s, %d)', (hook, timeout, text) => {
		expect(describeHang(hook, timeout)).toBe(text);
	});
});
