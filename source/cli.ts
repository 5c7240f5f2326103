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
import {runSnapshotThread, type SubheapOutcome} from './engine/run-snapshot-thread.js';
import type {SnapshotDocument} from './engine/snapshot-types.js';
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

const snapshotCommand = async (plan: RunPlan): Promise<number> => {
	const outputProblem = plan.output === null ? undefined : checkOutputPath(plan.output);
	if (outputProblem) {
		throw new BadInput(outputProblem);
	}

	// The run is on the engine's thread: Ctrl+C and the watchdog are heard here at once.
	const interrupt = new AbortController();
	const onInterrupt = () => {
		interrupt.abort();
	};

	// Until the run says how many ticks it runs, the bar shows a trace's reading (its counting pass).
	const started = performance.now();
	let progress = new ProgressBar(process.stderr, 0, started);
	process.once('SIGINT', onInterrupt);
	const outcome = await runSnapshotThread({
		run: runOptions(plan),
		workload: workloadSource(plan),
		ticks: plan.ticks,
		...(plan.panel === 'map' ? {subheap: plan.subheap ?? 0} : {}),
		tickTimeoutMs: plan.tickTimeoutMs,
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
	switch (outcome.kind) {
		case 'interrupted': {
			return 130;
		}

		case 'bad-input': {
			throw new BadInput(outcome.message);
		}

		case 'failed': {
			throw Object.assign(new Error(outcome.message), outcome.stack ? {stack: outcome.stack} : {});
		}

		case 'document': {
			break;
		}
	}

	const {document} = outcome;
	if (plan.panel === 'map') {
		await writeOutput(plan, `${await renderMapPanel(outcome.subheap, plan)}\n`);
		return 0;
	}

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

const liveCommand = async (plan: RunPlan): Promise<number> => {
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		throw new BadInput('the live dashboard needs a terminal on stdin and stdout; for a headless run use: kmtop snapshot');
	}

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
			run: runOptions(plan),
			workload: workloadSource(plan),
			rate: plan.rate,
			refreshMs: plan.refreshMs,
			advanceEveryMs: ADVANCE_EVERY_MS,
			tickTimeoutMs: plan.tickTimeoutMs,
		});
	} catch (error) {
		if (error instanceof EngineStartError && error.badInput) {
			throw new BadInput(error.message);
		}

		throw error;
	}

	try {
		return await runLiveDashboard(engine, {
			async saveSnapshot(document) {
				const file = `kmtop-${document.run.workload}-seed${document.run.seed}-tick${document.run.tick}.json`;
				await writeOutputFile(file, `${JSON.stringify(document, null, 2)}\n`);
				return file;
			},
		});
	} finally {
		await engine.close();
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
			return snapshotCommand(plan);
		}

		case 'live': {
			return liveCommand(plan);
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
