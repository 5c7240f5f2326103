// A live session on the engine thread, as kmtop runs it, recorded as `kmtop --record` records
// it (two workload switches and a reboot), then `kmtop snapshot --replay` spawned on the
// recording: the same document at the session's last tick.

import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, expect, test} from 'vitest';
import {SessionRecorder} from '../../source/cli/session-recorder.js';
import {startLiveEngineThread} from '../../source/engine/live-engine-thread.js';
import {RECORDING_FORMAT} from '../../source/engine/recording.js';
import {kmtopVersion} from '../../source/engine/version.js';
import {waitFor} from '../ui/helpers.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'cli.js');
const work = mkdtempSync(path.join(tmpdir(), 'kmtop-record-'));
afterAll(() => {
	rmSync(work, {recursive: true, force: true});
});

test('a session with two workload switches and a reboot replays to the same document at its last tick', async () => {
	const file = path.join(work, 'session.jsonl');
	const run = {seed: 3, revision: '2020-12-26', ramBytes: 256 * 1024 * 1024, debugAsserts: false};
	const start = {revision: run.revision, workload: {kind: 'builtin', name: 'steady'} as const, debugAsserts: false};
	const recorder = new SessionRecorder(file, {format: RECORDING_FORMAT, kmtop: kmtopVersion, seed: run.seed, revision: run.revision, ramBytes: run.ramBytes, workload: start.workload, debugAsserts: false});
	const link = await startLiveEngineThread({
		run,
		workload: start.workload,
		rate: 100,
		refreshMs: 50,
		advanceEveryMs: 20,
		tickTimeoutMs: 10_000,
		made: {by: 'live', start, recordingFile: file},
		onJournal(entry) {
			recorder.entry(entry);
		},
	});
	try {
		// The present runs on to a tick (and waits there, paused), then a key changes the simulation.
		const runTo = async (boot: number, tick: number) => {
			link.send({type: 'travel-to', boot, tick});
			// As long as the present's tick moves, the run is under way, however busy the machine.
			await waitFor(
				() => {
					expect(link.current().facts.time?.present).toEqual({boot, tick});
				},
				{progress: () => link.current().facts.time?.present.tick},
			);
		};

		const workloadIndex = (name: string) => link.current().facts.workloads.indexOf(name);
		await runTo(1, 1500);
		link.send({type: 'switch-workload', index: workloadIndex('fragmentation')});
		await runTo(1, 2500);
		link.send({type: 'reboot'});
		await runTo(2, 700);
		link.send({type: 'switch-workload', index: workloadIndex('leak')});
		await runTo(2, 1200);
		const live = await link.liveDocument();
		recorder.end({boot: 2, tick: 1200});
		expect(live.run).toMatchObject({tick: 1200, workload: 'leak', revision: '2020-12-26'});
		expect(live.made?.journal).toEqual([
			{boot: 1, tick: 1500, action: {type: 'switch-workload', workload: 'fragmentation'}},
			{boot: 1, tick: 2500, action: {type: 'reboot', revision: '2020-12-26'}},
			{boot: 2, tick: 700, action: {type: 'switch-workload', workload: 'leak'}},
		]);
		// Pauses and travels are not in the recording: its start, three entries, its end.
		expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(5);

		const replayed = spawnSync(process.execPath, [cli, 'snapshot', '--replay', file], {encoding: 'utf8', env: {...process.env, NO_COLOR: '', FORCE_COLOR: ''}, timeout: 300_000});
		expect(replayed.stderr).toBe('');
		expect(replayed.status).toBe(0);
		const document = JSON.parse(replayed.stdout) as typeof live;
		expect(document.made?.by).toBe('replay');
		expect(document.made?.rerun).toBe(`kmtop snapshot --replay ${file} --boot 2 --ticks 1200`);
		// Byte for byte but for how it was made.
		const {made: _liveMade, ...liveRest} = live;
		const {made: _replayMade, ...replayRest} = document;
		expect(JSON.stringify(replayRest)).toBe(JSON.stringify(liveRest));
		expect(document.made?.journal).toEqual(live.made?.journal);
	} finally {
		await link.close();
	}
});
