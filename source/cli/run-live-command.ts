// `kmtop live` and `kmtop replay`: the dashboard on a terminal, the engine on its own thread,
// optionally recording the session's journal to a file.

import process from 'node:process';
import v8 from 'node:v8';
import type {ParseContext, RunPlan} from './parse-arguments.js';
import {BadInput, report} from './report-problem.js';
import {loadRecording, runOptions, startOf, workloadSource} from './resolve-run.js';
import {SessionRecorder} from './session-recorder.js';
import {writeOutputFile} from './write-output.js';
import {quoteArgument, THIS_DOCUMENT} from '../engine/describe-made.js';
import {ADVANCE_EVERY_MS} from '../engine/engine-protocol.js';
import {RECORDING_FORMAT} from '../engine/recording.js';
import type {JournalEntry} from '../engine/session-journal.js';
import {kmtopVersion} from '../engine/version.js';

export const liveCommand = async (plan: RunPlan, context: ParseContext): Promise<number> => {
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		const what = plan.command === 'replay' ? 'kmtop replay' : 'the live dashboard';
		throw new BadInput(`${what} needs a terminal on stdin and stdout; for a headless run use: kmtop snapshot${plan.command === 'replay' ? ' --replay FILE' : ''}`);
	}

	const recording = plan.replay === null ? undefined : loadRecording(plan.replay, context);
	const run = recording ? {seed: recording.seed, revision: recording.revision, ramBytes: recording.ramBytes, debugAsserts: recording.debugAsserts} : runOptions(plan);
	const workload = recording?.workload ?? workloadSource(plan);
	const start = recording ? {revision: recording.revision, workload: recording.workload, debugAsserts: recording.debugAsserts} : startOf(plan);
	// Opened before the screen is taken: a path that cannot be written is one line, exit 2.
	const recorder = plan.record === null ? undefined : new SessionRecorder(plan.record, {format: RECORDING_FORMAT, kmtop: kmtopVersion, ...run, workload: start.workload});
	// A live view runs for hours and redraws a few times a second: V8's default heap growth, made
	// for throughput, lets both threads' heaps swell to hundreds of MB between collections. Sized
	// for memory instead (measured: RSS about 110 MB at start and flat, at no cost in ticks per
	// second). Set before React, Ink and the engine's thread are loaded; flags are process-wide.
	v8.setFlagsFromString('--optimize-for-size');
	// The CI variables go before Ink loads (see the module). run-live-dashboard imports it first too,
	// but in the shipped bundle Ink sits in a chunk of its own, which runs before the module that
	// imports it: only an import finished before Ink's is certain to come first.
	await import('../ui/ignore-ci-variables.js');
	const [{startLiveEngineThread, EngineStartError}, {runLiveDashboard}] = await Promise.all([
		import('../engine/live-engine-thread.js'),
		import('../ui/run-live-dashboard.js'),
	]);
	let engine;
	try {
		// The workload loads (and may fail) before the screen is taken.
		engine = await startLiveEngineThread({
			run,
			workload,
			rate: plan.rate,
			refreshMs: plan.refreshMs,
			advanceEveryMs: ADVANCE_EVERY_MS,
			tickTimeoutMs: plan.tickTimeoutMs,
			made: {
				by: recording ? 'replay' : 'live',
				start,
				...(plan.replay === null ? {} : {recordingFile: plan.replay}),
				...(plan.record === null ? {} : {recordingFile: plan.record}),
			},
			...(recording ? {schedule: recording.journal} : {}),
			...(recorder ? {onJournal: (entry: JournalEntry) => recorder.entry(entry)} : {}),
		});
	} catch (error) {
		recorder?.close();
		if (error instanceof EngineStartError && error.badInput) {
			throw new BadInput(error.message);
		}

		throw error;
	}

	try {
		return await runLiveDashboard(engine, {
			async saveSnapshot(document) {
				const file = `kmtop-${document.run.workload}-seed${document.run.seed}-tick${document.run.tick}.json`;
				// A session's document replays from itself: its rerun names the file it is saved as.
				const saved = document.made ? {...document, made: {...document.made, rerun: document.made.rerun.replace(THIS_DOCUMENT, quoteArgument(file))}} : document;
				await writeOutputFile(file, `${JSON.stringify(saved, null, 2)}\n`);
				return file;
			},
		});
	} finally {
		const present = engine.current().facts.time?.present;
		await engine.close();
		if (recorder) {
			recorder.end(present ?? {boot: 1, tick: 0});
			if (recorder.problem) {
				report(recorder.problem);
			}
		}
	}
};
