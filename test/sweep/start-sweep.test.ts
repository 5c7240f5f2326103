import {describe, expect, it} from 'vitest';
import {afterHang} from '../../source/sweep/start-sweep.js';
import {failedRow, type SweepCombination} from '../../source/sweep/sweep-row.js';

const combination: SweepCombination = {
	workload: 'loops',
	source: {kind: 'path', path: '/x/loops.mjs'},
	revision: '2021-02-23',
	seed: 4,
	ramBytes: 512 * 2 ** 20,
	ticks: 100,
	debugAsserts: false,
	tickTimeoutMs: 1500,
};

const hangAt5 = {site: {boot: 1, tick: 5, hook: 'tick' as const, workload: 'loops'}, message: 'hung: its tick ran past the 1.5 s watchdog (--tick-timeout) and was stopped'};

describe('afterHang', () => {
	it('a hook that hung: the run again, told where, as kmtop snapshot does', () => {
		expect(afterHang(combination, {hook: 'tick', tick: 5, boot: 1, workloadIndex: 0}, 1500)).toEqual({retry: {...combination, knownHangs: [hangAt5]}});
		const later = {hook: 'teardown', tick: 9, boot: 1, workloadIndex: 0} as const;
		expect(afterHang({...combination, knownHangs: [hangAt5]}, later, 1500)).toEqual({
			retry: {
				...combination,
				knownHangs: [hangAt5, {site: {boot: 1, tick: 9, hook: 'teardown', workload: 'loops'}, message: 'hung: its teardown ran past the 1.5 s watchdog (--tick-timeout) and was stopped'}],
			},
		});
	});

	it('a module that never finished loading, or a replay that hung where it was told not to run: a failed row', () => {
		expect(afterHang(combination, {hook: 'load', tick: 0, boot: 1, workloadIndex: 0}, 1500)).toEqual({
			result: failedRow(combination, 'the workload did not finish loading within 1.5 s (--tick-timeout); does it loop at import?'),
		});
		expect(afterHang({...combination, knownHangs: [hangAt5]}, {hook: 'tick', tick: 5, boot: 1, workloadIndex: 0}, 1500)).toEqual({
			result: failedRow({...combination, knownHangs: [hangAt5]}, 'the replay after a hang hung again at tick 5'),
		});
	});
});
