import {describe, expect, it} from 'vitest';
import {nameSavedSnapshot} from '../../source/cli/name-saved-snapshot.js';

const run = (revision: string, tick: number) => ({seed: 1, tick, workload: 'big-allocations', revision, ramBytes: 536_870_912});
const made = (boot: number) => ({by: 'live' as const, start: {revision: '2021-02-23', workload: {kind: 'builtin' as const, name: 'big-allocations'}, debugAsserts: false}, journal: [], boot, rerun: ''});

describe('nameSavedSnapshot', () => {
	it('names the revision, so `s` on two revisions at the same tick keeps both', () => {
		// big-allocations halts at tick 16 on 2020-08-28 and on 2020-08-29: v between the two, s on each.
		const first = nameSavedSnapshot({run: run('2020-08-28', 16), made: made(2)});
		const second = nameSavedSnapshot({run: run('2020-08-29', 16), made: made(3)});
		expect([first, second]).toEqual(['kmtop-big-allocations-2020-08-28-seed1-boot2-tick16.json', 'kmtop-big-allocations-2020-08-29-seed1-boot3-tick16.json']);
	});

	it('names the boot after a reboot only (r on the same revision reaches the same tick again)', () => {
		expect(nameSavedSnapshot({run: run('2021-02-23', 4000), made: made(1)})).toBe('kmtop-big-allocations-2021-02-23-seed1-tick4000.json');
		expect(nameSavedSnapshot({run: run('2021-02-23', 4000), made: made(2)})).toBe('kmtop-big-allocations-2021-02-23-seed1-boot2-tick4000.json');
		expect(nameSavedSnapshot({run: run('2021-02-23', 4000)})).toBe('kmtop-big-allocations-2021-02-23-seed1-tick4000.json');
	});
});
