// kmtop's command line: parse (a pure function), then dispatch. Bad input is one line per
// problem on stderr and exit 2; a simulated kernel panic is a result (exit 0, it is in the
// snapshot); anything else unexpected is exit 1 with a short message (the stack with DEBUG=kmtop).
// Output that cannot be written is one line and exit 1, or a quiet exit 0 when the reader of a
// pipe has gone (write-output.ts). Text from input is escaped before it reaches stderr.

import {availableParallelism} from 'node:os';
import process from 'node:process';
import v8 from 'node:v8';
import {checkOutputPath} from './cli/check-output-path.js';
import {formatRevisionTable, formatWorkloadTable} from './cli/format-tables.js';
import {helpText} from './cli/help-text.js';
import {parseArguments, type ParseContext, type RunPlan} from './cli/parse-arguments.js';
import {formatTraceProgress} from './cli/format-trace-progress.js';
import {ProgressBar} from './cli/progress-bar.js';
import {guardStream, OutputError, writeOutputFile, writeStdout} from './cli/write-output.js';
import {describeThrown} from './engine/describe-thrown.js';
import {ADVANCE_EVERY_MS, type RunOptions, type WorkloadSource} from './engine/engine-protocol.js';
import {runSnapshotThread, type SnapshotOutcome, type SnapshotThreadRun, type SubheapOutcome} from './engine/run-snapshot-thread.js';
import {compareSchemaId, type CompareDocument} from './engine/compare-runs.js';
import {describeMade, quoteArgument, runArguments, THIS_DOCUMENT, withMade} from './engine/describe-made.js';
import {RECORDING_FORMAT, RecordingError, type Recording} from './engine/recording.js';
import type {JournalEntry} from './engine/session-journal.js';
import type {DocumentMade, SnapshotDocument} from './engine/snapshot-types.js';
import {readRecording, recordedSource, replayTarget} from './cli/read-recording.js';
import {SessionRecorder} from './cli/session-recorder.js';
import {TraceFileError, TraceFormatError} from './engine/trace/trace-errors.js';
import {kmtopVersion} from './engine/version.js';
import {WorkloadLoadError, builtinWorkloadNames, defaultWorkloadName, loadAllBuiltinWorkloads} from './engine/workload-loader.js';
import {MAX_RAM_BYTES, MIN_RAM_BYTES} from './kernel/constants.js';
import {defaultRevisionId, revisionIds, revisions} from './kernel/revisions.js';
import {SweepInputError, parseSweepArguments} from './sweep/parse-sweep-arguments.js';
import {escapeText} from './view/escape-text.js';

/** A problem with what the user asked for: one line, exit 2. */
class BadInput extends Error {}

const parseContext = (): ParseContext => ({
	workloadNames: builtinWorkloadNames(),
	revisionIds: revisionIds(),
	defaultRevision: defaultRevisionId,
	defaultWorkload: defaultWorkloadName,
	minRamBytes: MIN_RAM_BYTES,
	maxRamBytes: MAX_RAM_BYTES,
});

/** Where the engine's thread finds the run's workload (it loads it itself). */
const workloadSource = (plan: RunPlan): WorkloadSource => {
	if (plan.trace !== null) {
		return {kind: 'trace', path: plan.trace, size: plan.traceSize, msPerTick: plan.traceMsPerTick, strict: plan.strict};
	}

	return plan.workload.kind === 'builtin' ? {kind: 'builtin', name: plan.workload.name} : {kind: 'file', path: plan.workload.path};
};

const runOptions = (plan: RunPlan): RunOptions => ({seed: plan.seed, revision: plan.revision, ramBytes: plan.ramBytes, debugAsserts: plan.debugAsserts});

const writeOutput = async (plan: RunPlan, text: string): Promise<void> =>
	plan.output === null ? writeStdout(text) : writeOutputFile(plan.output, text);

/** A recording to replay, read and checked against this kmtop (read-recording.ts). */
const loadRecording = (file: string, context: ParseContext): Recording =>
	readRecording(file, {version: kmtopVersion, revisionIds: context.revisionIds, workloadNames: context.workloadNames});

/** How a run started, as the `made` section and a recording say it. */
const startOf = (plan: RunPlan): DocumentMade['start'] => ({revision: plan.revision, workload: recordedSource(workloadSource(plan)), debugAsserts: plan.debugAsserts});

/**
A headless run on the engine's thread, with a progress bar on stderr: Ctrl+C and the watchdog
are heard here at once whatever the workload does.
*/
const runHeadless = async (request: Omit<SnapshotThreadRun, 'output' | 'onStarted' | 'onProgress' | 'signal'>): Promise<SnapshotOutcome> => {
	const interrupt = new AbortController();
	const onInterrupt = () => {
		interrupt.abort();
	};

	// Until the run says how many ticks it runs, the bar shows a trace's reading (its counting pass).
	const started = performance.now();
	let progress = new ProgressBar(process.stderr, 0, started);
	process.once('SIGINT', onInterrupt);
	const outcome = await runSnapshotThread({
		...request,
		output: process.stderr,
		onStarted(ticks) {
			progress.done();
			progress = new ProgressBar(process.stderr, ticks ?? 0, performance.now());
		},
		onProgress(tick, trace) {
			const now = performance.now();
			if (trace) {
				const {fraction, label} = formatTraceProgress(trace, tick, now - started);
				progress.show(fraction, label, now);
			} else {
				progress.update(tick, now);
			}
		},
		signal: interrupt.signal,
	}).finally(() => {
		progress.done();
		process.off('SIGINT', onInterrupt);
	});
	if (outcome.kind === 'bad-input') {
		throw new BadInput(outcome.message);
	}

	if (outcome.kind === 'failed') {
		throw Object.assign(new Error(outcome.message), outcome.stack ? {stack: outcome.stack} : {});
	}

	return outcome;
};

const checkOutput = (plan: RunPlan): void => {
	const outputProblem = plan.output === null ? undefined : checkOutputPath(plan.output);
	if (outputProblem) {
		throw new BadInput(outputProblem);
	}
};

const snapshotCommand = async (plan: RunPlan, context: ParseContext): Promise<number> => {
	checkOutput(plan);
	const recording = plan.replay === null ? undefined : loadRecording(plan.replay, context);
	const target = recording ? replayTarget(recording, plan.replay!, plan.boot, plan.ticks) : undefined;
	const run = recording ? {seed: recording.seed, revision: recording.revision, ramBytes: recording.ramBytes, debugAsserts: recording.debugAsserts} : runOptions(plan);
	const outcome = await runHeadless({
		run,
		workload: recording?.workload ?? workloadSource(plan),
		ticks: target?.tick ?? plan.ticks,
		...(plan.panel === 'map' ? {subheap: plan.subheap ?? 0} : {}),
		...(recording ? {journal: recording.journal, boot: target!.boot} : {}),
		tickTimeoutMs: plan.tickTimeoutMs,
	});
	if (outcome.kind !== 'document') {
		return 130;
	}

	if (plan.panel === 'map') {
		await writeOutput(plan, `${await renderMapPanel(outcome.subheap, plan)}\n`);
		return 0;
	}

	const made = describeMade({
		by: recording ? 'replay' : 'snapshot',
		seed: run.seed,
		ramBytes: run.ramBytes,
		start: recording ? {revision: recording.revision, workload: recording.workload, debugAsserts: recording.debugAsserts} : startOf(plan),
		journal: recording?.journal ?? [],
		boot: target?.boot ?? 1,
		tick: outcome.document.run.tick,
		...(recording ? {recordingFile: plan.replay!} : {}),
	});
	const document = withMade(outcome.document, made);
	if (plan.format === 'json') {
		await writeOutput(plan, `${JSON.stringify(document, null, 2)}\n`);
	} else {
		const {renderTextSnapshot} = await import('./ui/render-text-snapshot.js');
		await writeOutput(plan, `${renderTextSnapshot(document, {columns: plan.columns})}\n`);
	}

	return traceCutShort(document, plan) ? 1 : 0;
};

/**
A trace replay that stopped before its end without being asked to (no --ticks) is not a success,
though the document was written and says why; a kernel panic is a result, exit 0 (its `panic`).
*/
const traceCutShort = (document: SnapshotDocument, plan: RunPlan): boolean => {
	const {trace} = document;
	if (!trace || trace.finished || plan.ticks !== null || document.panic !== null) {
		return false;
	}

	process.stderr.write(`kmtop: ${escapeText(`the trace replay stopped after ${trace.eventsSeen.toLocaleString('en-US')} events: ${trace.stopped ?? 'before its end'}`)}\n`);
	return true;
};

/** Ticks `kmtop compare` runs without --ticks: enough to reach the README's panics (the last at 5927). */
export const COMPARE_TICKS = 10_000;

/** `kmtop compare`: two revisions, same seed and workload, side by side (compare-runs.ts). */
const compareCommand = async (plan: RunPlan): Promise<number> => {
	checkOutput(plan);
	const revisions = plan.compareRevisions as [string, string];
	const ticks = plan.ticks ?? COMPARE_TICKS;
	const outcome = await runHeadless({run: runOptions(plan), workload: workloadSource(plan), ticks, compare: revisions, tickTimeoutMs: plan.tickTimeoutMs});
	if (outcome.kind !== 'compared') {
		return 130;
	}

	const {result} = outcome;
	const start = startOf(plan);
	// The run's options with both revisions in the place of the one.
	const options = runArguments({seed: plan.seed, ramBytes: plan.ramBytes, start});
	const at = options.indexOf('--revision');
	options.splice(at, 2, '--revision', revisions[0], '--revision', revisions[1]);
	const words = ['kmtop', 'compare', ...options, '--ticks', String(ticks)];
	const sideDocument = (index: 0 | 1): SnapshotDocument =>
		withMade(result.documents[index], {
			...describeMade({by: 'compare', seed: plan.seed, ramBytes: plan.ramBytes, start: {...start, revision: revisions[index]}, journal: [], boot: 1, tick: result.documents[index].run.tick}),
		});
	const report: CompareDocument = {
		schema: compareSchemaId,
		kmtop: {version: kmtopVersion},
		run: {seed: plan.seed, workload: result.documents[0].run.workload, ramBytes: plan.ramBytes, ticks, revisions},
		made: {by: 'compare', rerun: words.map((word) => quoteArgument(word)).join(' ')},
		sides: result.sides,
		memstatKeys: result.memstatKeys,
		firstDifference: result.firstDifference,
		panics: result.panics,
		documents: [sideDocument(0), sideDocument(1)],
	};
	if (plan.format === 'json') {
		await writeOutput(plan, `${JSON.stringify(report, null, 2)}\n`);
	} else {
		const {describeCompare} = await import('./view/describe-compare.js');
		await writeOutput(plan, `${describeCompare(report, plan.columns).join('\n')}\n`);
	}

	return 0;
};

/** `--panel map`: one subheap's chunk map, free runs and index, as text. */
const renderMapPanel = async (subheap: SubheapOutcome | undefined, plan: RunPlan): Promise<string> => {
	const id = plan.subheap ?? 0;
	if (!subheap || 'missing' in subheap) {
		const {tick, linked} = subheap?.missing ?? {tick: 0, linked: []};
		throw new BadInput(`--subheap ${id}: no subheap #${id} is linked at tick ${tick}; linked subheaps: ${linked.join(', ')}`);
	}

	const {renderTextMap} = await import('./ui/render-text-map.js');
	return renderTextMap(subheap.document, {columns: plan.columns});
};

const liveCommand = async (plan: RunPlan, context: ParseContext): Promise<number> => {
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
	const [{startLiveEngineThread, EngineStartError}, {runLiveDashboard}] = await Promise.all([
		import('./engine/live-engine-thread.js'),
		import('./ui/run-live-dashboard.js'),
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

/** One line on stderr; values from input inside `message` cannot move the cursor or start a line. */
const report = (message: string): void => {
	process.stderr.write(`kmtop: ${escapeText(message)}\n`);
};

const dispatch = async (plan: RunPlan, context: ParseContext, argv: string[]): Promise<number> => {
	switch (plan.command) {
		case 'help': {
			await writeStdout(`${helpText(context, {version: kmtopVersion, columns: Math.min(process.stdout.columns ?? 80, 100)})}\n`);
			return 0;
		}

		case 'version': {
			await writeStdout(`${kmtopVersion}\n`);
			return 0;
		}

		case 'workloads': {
			await writeStdout(`${formatWorkloadTable(await loadAllBuiltinWorkloads(), defaultWorkloadName)}\n`);
			return 0;
		}

		case 'revisions': {
			await writeStdout(`${formatRevisionTable(revisions, defaultRevisionId)}\n`);
			return 0;
		}

		case 'snapshot': {
			return snapshotCommand(plan, context);
		}

		case 'compare': {
			return compareCommand(plan);
		}

		case 'live':
		case 'replay': {
			return liveCommand(plan, context);
		}

		case 'sweep': {
			// Its own options (source/sweep/parse-sweep-arguments.ts), read the same way: pure, every problem one line.
			const parsed = parseSweepArguments(argv, {...context, defaultJobs: availableParallelism()});
			if (!parsed.ok) {
				for (const error of parsed.errors) {
					report(error);
				}

				return 2;
			}

			const {runSweepCommand} = await import('./sweep/run-sweep-command.js');
			return runSweepCommand(parsed.plan, context);
		}
	}
};

const isBadInput = (error: unknown): error is Error =>
	error instanceof BadInput ||
	error instanceof RecordingError ||
	error instanceof SweepInputError ||
	error instanceof WorkloadLoadError ||
	error instanceof TraceFileError ||
	error instanceof TraceFormatError;

export const main = async (argv: string[]): Promise<number> => {
	guardStream(process.stderr);
	const context = parseContext();
	const parsed = parseArguments(argv, context);
	if (!parsed.ok) {
		for (const error of parsed.errors) {
			report(error);
		}

		return 2;
	}

	try {
		return await dispatch(parsed.plan, context, argv);
	} catch (error) {
		if (error instanceof OutputError) {
			if (error.exitCode !== 0) {
				report(error.message);
			}

			return error.exitCode;
		}

		if (isBadInput(error)) {
			report(error.message);
			return 2;
		}

		report(`internal error: ${describeThrown(error)}`);
		if ((process.env.DEBUG ?? '').split(',').includes('kmtop') && error instanceof Error) {
			process.stderr.write(`${error.stack?.split('\n').map((line) => escapeText(line)).join('\n')}\n`);
		}

		return 1;
	}
};
