// The `rerun` of a document: the command that makes the same document again.

import {describe, expect, it} from 'vitest';
import {describeMade, THIS_DOCUMENT} from '../../source/engine/describe-made.js';
import type {JournalEntry} from '../../source/engine/session-journal.js';

// The session of s.jsonl: steady, logging-burst at tick 1,109, a reboot at 2,130, ended at boot 2 tick 967.
const journal: JournalEntry[] = [
	{boot: 1, tick: 1109, action: {type: 'switch-workload', workload: 'logging-burst'}},
	{boot: 1, tick: 2130, action: {type: 'reboot', revision: '2021-02-23'}},
];
const start = {revision: '2021-02-23', workload: {kind: 'builtin' as const, name: 'steady'}, debugAsserts: false};
const made = (boot: number, tick: number, recordingFile?: string) =>
	describeMade({by: 'replay', seed: 1, ramBytes: 512 * 1024 * 1024, start, journal, boot, tick, ...(recordingFile === undefined ? {} : {recordingFile})});

describe('describeMade', () => {
	it('names boot 1 of a recording that goes on into boot 2: without --boot the rerun would count in boot 2', () => {
		expect(made(1, 2130, 's.jsonl').rerun).toBe('kmtop snapshot --replay s.jsonl --boot 1 --ticks 2130');
		expect(made(2, 967, 's.jsonl').rerun).toBe('kmtop snapshot --replay s.jsonl --boot 2 --ticks 967');
	});

	it('a saved document ends at its own boot, so boot 1 needs no --boot; a run with nothing to replay is a plain snapshot', () => {
		expect(made(1, 2000).rerun).toBe(`kmtop snapshot --replay ${THIS_DOCUMENT} --ticks 2000`);
		expect(made(1, 500, 's.jsonl').rerun).toBe('kmtop snapshot -w steady --seed 1 --revision 2021-02-23 --ram 512M --ticks 500');
	});
});
