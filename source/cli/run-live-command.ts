// `kmtop live` and `kmtop replay`: the dashboard on a terminal, the engine on its own thread,
// optionally recording the session's journal to a file.

import process from 'node:process';
import v8 from 'node:v8';
import type {ParseContext, RunPlan} from './parse-arguments.js';
import {BadInput, report} from './report-problem.js';
import {loadRecording, runOptions, startOf, workloadSource} from './resolve-run.js';
import {nameSavedSnapshot} from './name-saved-snapshot.js';
import {SessionRecorder} from './session-recorder.js';
import {writeOutputFile} from './write-output.js';
import {quoteArgument, THIS_DOCUMENT} from '../engine/describe-made.js';
import {holdBackTurbofan} from '../engine/hold-back-turbofan.js';
import {limitMemoryReducer} from '../engine/limit-memory-reducer.js';
import {ADVANCE_EVERY_MS} from '../engine/engine-protocol.js';
import {RECORDING_FORMAT} from '../engine/recording.js';
import type {JournalEntry} from '../engine/session-journal.js';
import {kmtopVersion} from '../engine/version.js';

/**
A live view runs for hours and redraws a few times a second: V8's default heap growth, made for
throughput, lets both threads' heaps swell to hundreds of MB between collections. Sized for memory
instead (RSS about 100-110 MB and flat, at no cost in ticks per second); the flag is the process's
and read at each collection, so it holds for both threads.

Set once the first frame is on the screen, not before the app loads: while the bundle, Ink, React
and the workloads load and the first frame is drawn, the UI's old generation fills faster than
incremental marking keeps up, and the full collection that forces ran, with the flag, in reduce
mode, which shrinks the young generation to its minimum and keeps every scavenge in reduce mode
(no growth) until the next full cycle some 8 s later: a scavenge each frame on the UI thread and
V8's helper threads (--trace-gc, UI thread, 3-9 s after the first frame: 11 scavenges each 3 s,
against 2-5 with the flag set here). The cycles after the start are incremental and size the heaps
for memory as before.
*/
const sizeHeapsForMemory = (): void => {
	v8.setFlagsFromString('--optimize-for-size');
};

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
	// The CI variables go before Ink loads (see the module). run-live-dashboard imports it first too,
	// but in the shipped bundle Ink sits in a chunk of its own, which runs before the module that
	// imports it: only an import finished before Ink's is certain to come first.
	await import('../ui/ignore-ci-variables.js');
	const [{startLiveEngineThread, EngineStartError}, {runLiveDashboard}] = await Promise.all([
		import('../engine/live-engine-thread.js'),
		import('../ui/run-live-dashboard.js'),
	]);
	// The process's V8 flags for the live view, once, before the engine's isolate exists and the
	// dashboard renders: here, at the start of the process, not each time an engine thread starts
	// (a flag that limits the memory reducer, set late in a process whose reducer is mid-cycle,
	// aborts it: limit-memory-reducer.ts).
	holdBackTurbofan();
	limitMemoryReducer();
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
			onStarted: sizeHeapsForMemory,
			async saveSnapshot(document) {
				const file = nameSavedSnapshot(document);
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
