// kmtop's command line: parse (a pure function), then dispatch. Bad input is one line per
// problem on stderr and exit 2; a simulated kernel panic is a result (exit 0, it is in the
// snapshot); anything else unexpected is exit 1 with a short message (the stack with DEBUG=kmtop).
// Output that cannot be written is one line and exit 1, or a quiet exit 0 when the reader of a
// pipe has gone (write-output.ts). Text from input is escaped before it reaches stderr.

import {availableParallelism} from 'node:os';
import process from 'node:process';
import {formatRevisionTable, formatWorkloadTable} from './cli/format-tables.js';
import {helpText} from './cli/help-text.js';
import {parseArguments, type ParseContext, type RunPlan} from './cli/parse-arguments.js';
import {BadInput, report} from './cli/report-problem.js';
import {compareCommand} from './cli/run-compare-command.js';
import {liveCommand} from './cli/run-live-command.js';
import {snapshotCommand} from './cli/run-snapshot-command.js';
import {guardStream, OutputError, writeStdout} from './cli/write-output.js';
import {describeThrown} from './engine/describe-thrown.js';
import {RecordingError} from './engine/recording.js';
import {TraceFileError, TraceFormatError} from './engine/trace/trace-errors.js';
import {kmtopVersion} from './engine/version.js';
import {WorkloadLoadError, builtinWorkloadNames, defaultWorkloadName, loadAllBuiltinWorkloads} from './engine/workload-loader.js';
import {MAX_RAM_BYTES, MIN_RAM_BYTES} from './kernel/constants.js';
import {defaultRevisionId, revisionIds, revisions} from './kernel/revisions.js';
import {SweepInputError, parseSweepArguments} from './sweep/parse-sweep-arguments.js';
import {escapeText} from './view/escape-text.js';

export {COMPARE_TICKS} from './cli/run-compare-command.js';

/** What the argument parser checks names and sizes against (built-in workloads, revisions, RAM bounds). */
export const parseContext = (): ParseContext => ({
	workloadNames: builtinWorkloadNames(),
	revisionIds: revisionIds(),
	defaultRevision: defaultRevisionId,
	defaultWorkload: defaultWorkloadName,
	minRamBytes: MIN_RAM_BYTES,
	maxRamBytes: MAX_RAM_BYTES,
});

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