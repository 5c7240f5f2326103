// kmtop's command line: parse (a pure function), then dispatch. Bad input is one line per
// problem on stderr and exit 2; a simulated kernel panic is a result (exit 0, it is in the
// snapshot); anything else unexpected is exit 1 with a short message (the stack with DEBUG=kmtop).

import process from 'node:process';
import {checkOutputPath} from './cli/check-output-path.js';
import {formatRevisionTable, formatWorkloadTable} from './cli/format-tables.js';
import {formatTraceProgress} from './cli/format-trace-progress.js';
import {helpText} from './cli/help-text.js';
import {parseArguments, type ParseContext, type RunPlan} from './cli/parse-arguments.js';
import {ProgressBar} from './cli/progress-bar.js';
import {runSnapshot} from './cli/run-snapshot.js';
import {writeFileAtomically} from './cli/write-file-atomically.js';
import {TraceFileError, TraceFormatError} from './engine/trace/trace-errors.js';
import {createTraceWorkload} from './engine/trace/trace-workload.js';
import {kmtopVersion} from './engine/version.js';
import type {Workload} from './engine/workload-api.js';
import {
	WorkloadLoadError,
	builtinWorkloadNames,
	defaultWorkloadName,
	loadAllBuiltinWorkloads,
	loadBuiltinWorkload,
	loadWorkloadFile,
} from './engine/workload-loader.js';
import {MAX_RAM_BYTES, MIN_RAM_BYTES} from './kernel/constants.js';
import {defaultRevisionId, revisionIds, revisions} from './kernel/revisions.js';

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

/** A trace is read (a regular file counted) before the run: its progress shows on a terminal. */
const loadTrace = async (plan: RunPlan & {trace: string}): Promise<Workload> => {
	const started = performance.now();
	const bar = new ProgressBar(process.stderr, 0, started);
	try {
		return await createTraceWorkload(plan.trace, {
			size: plan.traceSize,
			msPerTick: plan.traceMsPerTick,
			strict: plan.strict,
			onProgress(progress) {
				const now = performance.now();
				const {fraction, label} = formatTraceProgress(progress, 0, now - started);
				bar.show(fraction, label, now);
			},
		});
	} finally {
		bar.done();
	}
};

const loadWorkload = async (plan: RunPlan): Promise<Workload> => {
	if (plan.trace !== null) {
		return loadTrace({...plan, trace: plan.trace});
	}

	return plan.workload.kind === 'builtin' ? loadBuiltinWorkload(plan.workload.name) : loadWorkloadFile(plan.workload.path);
};

const writeOutput = async (plan: RunPlan, text: string): Promise<void> => {
	if (plan.output === null) {
		process.stdout.write(text);
		return;
	}

	try {
		await writeFileAtomically(plan.output, text);
	} catch (error) {
		throw new BadInput(`cannot write ${plan.output}: ${(error as Error).message}`);
	}
};

const snapshotCommand = async (plan: RunPlan): Promise<number> => {
	const outputProblem = plan.output === null ? undefined : checkOutputPath(plan.output);
	if (outputProblem) {
		throw new BadInput(outputProblem);
	}

	const workload = await loadWorkload(plan);
	let interrupted = false;
	const onInterrupt = () => {
		interrupted = true;
	};

	process.once('SIGINT', onInterrupt);
	const document = await runSnapshot({
		seed: plan.seed,
		revision: plan.revision,
		ramBytes: plan.ramBytes,
		debugAsserts: plan.debugAsserts,
		workload,
		// A trace runs to its last event unless --ticks says otherwise.
		ticks: plan.ticks,
		progress: process.stderr,
		interrupted: () => interrupted,
	});
	process.off('SIGINT', onInterrupt);
	if (!document) {
		return 130;
	}

	if (plan.format === 'json') {
		await writeOutput(plan, `${JSON.stringify(document, null, 2)}\n`);
	} else {
		const {renderTextSnapshot} = await import('./ui/render-text-snapshot.js');
		await writeOutput(plan, `${renderTextSnapshot(document, {columns: plan.columns})}\n`);
	}

	// A replay cut short that nobody asked to cut short is not a success (a panic is a result: exit 0).
	const {trace} = document;
	if (trace && !trace.finished && plan.ticks === null && document.panic === null) {
		process.stderr.write(`kmtop: the trace replay stopped after ${trace.eventsSeen.toLocaleString('en-US')} events: ${trace.stopped ?? 'before its end'}\n`);
		return 1;
	}

	return 0;
};

const liveCommand = async (plan: RunPlan): Promise<number> => {
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		throw new BadInput('the live dashboard needs a terminal on stdin and stdout; for a headless run use: kmtop snapshot');
	}

	const [workloads, initialWorkload] = await Promise.all([loadAllBuiltinWorkloads(), loadWorkload(plan)]);
	const {LiveSession} = await import('./engine/live-session.js');
	const {runLiveDashboard} = await import('./ui/run-live-dashboard.js');
	const session = new LiveSession({
		seed: plan.seed,
		revision: plan.revision,
		ramBytes: plan.ramBytes,
		rate: plan.rate,
		debugAsserts: plan.debugAsserts,
		workloads,
		initialWorkload: workloads.find((workload) => workload.name === initialWorkload.name) ?? initialWorkload,
	});
	return runLiveDashboard(session, {
		refreshMs: plan.refreshMs,
		async saveSnapshot(document) {
			const file = `kmtop-${document.run.workload}-seed${document.run.seed}-tick${document.run.tick}.json`;
			await writeFileAtomically(file, `${JSON.stringify(document, null, 2)}\n`);
			return file;
		},
	});
};

const dispatch = async (plan: RunPlan, context: ParseContext): Promise<number> => {
	switch (plan.command) {
		case 'help': {
			process.stdout.write(`${helpText(context, {version: kmtopVersion, columns: Math.min(process.stdout.columns ?? 80, 100)})}\n`);
			return 0;
		}

		case 'version': {
			process.stdout.write(`${kmtopVersion}\n`);
			return 0;
		}

		case 'workloads': {
			process.stdout.write(`${formatWorkloadTable(await loadAllBuiltinWorkloads(), defaultWorkloadName)}\n`);
			return 0;
		}

		case 'revisions': {
			process.stdout.write(`${formatRevisionTable(revisions, defaultRevisionId)}\n`);
			return 0;
		}

		case 'snapshot': {
			return snapshotCommand(plan);
		}

		case 'live': {
			return liveCommand(plan);
		}
	}
};

const isBadInput = (error: unknown): error is Error =>
	error instanceof BadInput ||
	error instanceof WorkloadLoadError ||
	error instanceof TraceFileError ||
	error instanceof TraceFormatError;

export const main = async (argv: string[]): Promise<number> => {
	const context = parseContext();
	const parsed = parseArguments(argv, context);
	if (!parsed.ok) {
		for (const error of parsed.errors) {
			process.stderr.write(`kmtop: ${error}\n`);
		}

		return 2;
	}

	try {
		return await dispatch(parsed.plan, context);
	} catch (error) {
		if (isBadInput(error)) {
			process.stderr.write(`kmtop: ${error.message}\n`);
			return 2;
		}

		const message = error instanceof Error ? error.message : String(error);
		process.stderr.write(`kmtop: internal error: ${message}\n`);
		if ((process.env.DEBUG ?? '').split(',').includes('kmtop') && error instanceof Error) {
			process.stderr.write(`${error.stack}\n`);
		}

		return 1;
	}
};
