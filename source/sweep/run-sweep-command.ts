// `kmtop sweep` and `kmtop sweep merge`: plan, run the combinations on worker threads (or read
// the shards' rows), write the rows or the summary. Ctrl+C (or SIGTERM) stops the workers at once
// and writes what finished (exit 130, or 143); a run that fails is a row that says so, not the
// end of the sweep.

import {readFile} from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import {checkOutputPath} from '../cli/check-output-path.js';
import {describeSystemError} from '../cli/describe-system-error.js';
import {ProgressBar} from '../cli/progress-bar.js';
import {writeOutputFile, writeStdout} from '../cli/write-output.js';
import {runSnapshotThread} from '../engine/run-snapshot-thread.js';
import {WorkloadLoadError} from '../engine/workload-loader.js';
import {compareWorkloads, type KnownNames} from './canonical-order.js';
import {listCombinations, type SweepSpace} from './expand-combinations.js';
import {formatCsv, formatJsonl} from './format-rows.js';
import {formatSummary} from './format-summary.js';
import {mergeRows} from './merge-rows.js';
import {SweepInputError, type SweepFormat, type SweepMergePlan, type SweepPlan, type SweepRunPlan} from './parse-sweep-arguments.js';
import {startSweep} from './start-sweep.js';
import {summarizeRows} from './summarize-rows.js';
import type {SweepCombination, SweepRow} from './sweep-row.js';

const PROGRESS_EVERY_MS = 500;

const formatOutput = (rows: SweepRow[], format: SweepFormat, known: KnownNames): string => {
	switch (format) {
		case 'jsonl': {
			return formatJsonl(rows);
		}

		case 'csv': {
			return formatCsv(rows);
		}

		case 'table': {
			return `${formatSummary(summarizeRows(rows, known))}\n`;
		}
	}
};

// stdout, or -o FILE as `kmtop snapshot` writes it (atomically; a pipe whose reader has gone is
// a quiet end): failures are OutputErrors, which the CLI turns into its exit codes.
const writeOutput = async (output: string | null, text: string): Promise<void> =>
	output === null ? writeStdout(text) : writeOutputFile(output, text);

/**
A module's own name. It is user code, which may loop at import: it is loaded on an engine thread
(a snapshot of tick 0), watched by --tick-timeout as `kmtop snapshot` watches it, never on this
one (until 2026-12-04 it was, and a module that looped at import hung the sweep for good).
*/
const readWorkloadName = async (file: string, plan: SweepRunPlan): Promise<string> => {
	const outcome = await runSnapshotThread({
		run: {seed: 1, revision: plan.revisions[0]!, ramBytes: plan.ramBytes[0]!, debugAsserts: plan.debugAsserts},
		workload: {kind: 'file', path: file},
		ticks: 0,
		tickTimeoutMs: plan.tickTimeoutMs,
		output: process.stderr,
	});
	switch (outcome.kind) {
		case 'document': {
			return outcome.document.run.workload;
		}

		case 'bad-input': {
			throw new WorkloadLoadError(outcome.message);
		}

		case 'failed': {
			throw new WorkloadLoadError(`${file}: failed to load: ${outcome.message}`);
		}

		default: {
			throw new WorkloadLoadError(`${file}: its loading was stopped`);
		}
	}
};

// Built-ins as planned; each module loaded once, so a bad one is bad input before any worker
// starts, and so its rows carry the name it gives itself.
const resolveWorkloads = async (plan: SweepRunPlan, known: KnownNames): Promise<SweepSpace['workloads']> => {
	const builtins = plan.workloads.flatMap((source) => (source.kind === 'builtin' ? [{name: source.name, source}] : []));
	const modules: Array<{name: string; source: {kind: 'path'; path: string}; typed: string}> = [];
	for (const source of plan.workloads) {
		if (source.kind === 'path') {
			if (modules.some((module) => module.source.path === path.resolve(source.path))) {
				continue; // the same file named twice
			}

			const name = await readWorkloadName(source.path, plan);
			const twin = modules.find((module) => module.name === name);
			if (twin) {
				throw new SweepInputError(`${twin.typed} and ${source.path} both call their workload "${name}"; a sweep tells workloads apart by name`);
			}

			modules.push({name, source: {kind: 'path', path: path.resolve(source.path)}, typed: source.path});
		}
	}

	const byName = compareWorkloads(known);
	return [...builtins, ...modules.sort((a, b) => byName(a.name, b.name)).map(({name, source}) => ({name, source}))];
};

/** `signal` is the one that stopped the sweep, if one did. */
type SweepOutcome = {rows: SweepRow[]; signal: 'SIGINT' | 'SIGTERM' | undefined};

// Ctrl+C, and SIGTERM (a batch system's time limit, a pod evicted): keep what finished.
const stopSignals = ['SIGINT', 'SIGTERM'] as const;
const signalExitCodes = {SIGINT: 130, SIGTERM: 143} as const;

const runCombinations = async (combinations: SweepCombination[], jobs: number, tickTimeoutMs: number): Promise<SweepOutcome> => {
	const started = performance.now();
	const progress = new ProgressBar(process.stderr, combinations.length, started, {unit: 'runs', rateUnit: 'runs/s', timeLeft: true});
	let finished = 0;
	const pool = startSweep(combinations, {
		jobs,
		tickTimeoutMs,
		onRow() {
			finished++;
			progress.update(finished, performance.now());
		},
	});
	// The rate and time left move on between runs too (a run can take minutes).
	const timer = setInterval(() => progress.update(finished, performance.now()), PROGRESS_EVERY_MS);
	let signal: SweepOutcome['signal'];
	const handlers = stopSignals.map((name) => [name, () => {
		signal ??= name;
		pool.stop();
	}] as const);
	for (const [name, handler] of handlers) {
		process.on(name, handler);
	}

	try {
		const {results} = await pool.done;
		return {rows: results.filter((row): row is SweepRow => row !== undefined), signal};
	} finally {
		for (const [name, handler] of handlers) {
			process.off(name, handler);
		}

		clearInterval(timer);
		progress.done();
		if (process.stderr.isTTY && signal === undefined && finished > 0) {
			const seconds = (performance.now() - started) / 1000;
			const workers = Math.min(jobs, combinations.length);
			process.stderr.write(`${finished.toLocaleString('en-US')} runs in ${seconds.toFixed(1)} s on ${workers} ${workers === 1 ? 'worker' : 'workers'}\n`);
		}
	}
};

const sweepCommand = async (plan: SweepRunPlan, known: KnownNames): Promise<number> => {
	const space: SweepSpace = {
		workloads: await resolveWorkloads(plan, known),
		revisions: plan.revisions,
		ramBytes: plan.ramBytes,
		seeds: plan.seeds,
		ticks: plan.ticks,
		debugAsserts: plan.debugAsserts,
		tickTimeoutMs: plan.tickTimeoutMs,
	};
	const combinations = listCombinations(space, plan.shard);
	if (combinations.length === 0 && plan.shard) {
		process.stderr.write(`kmtop: shard ${plan.shard.index}/${plan.shard.count} has no runs: the sweep has fewer than ${plan.shard.count}\n`);
	}

	const {rows, signal} = await runCombinations(combinations, plan.jobs, plan.tickTimeoutMs);
	await writeOutput(plan.output, formatOutput(rows, plan.format, known));
	if (signal) {
		const by = signal === 'SIGINT' ? 'interrupted' : 'terminated';
		// Counted as the progress line just above it counts them (`183/4,800 runs`).
		const count = (value: number) => value.toLocaleString('en-US');
		process.stderr.write(`kmtop: ${by}: ${count(rows.length)} of ${count(combinations.length)} runs finished, and are written\n`);
		return signalExitCodes[signal];
	}

	return 0;
};

const mergeCommand = async (plan: SweepMergePlan, known: KnownNames): Promise<number> => {
	const files = await Promise.all(
		plan.files.map(async (file) => {
			try {
				return {file, text: await readFile(file, 'utf8')};
			} catch (error) {
				throw new SweepInputError(`cannot read ${file}: ${describeSystemError(error)}`);
			}
		}),
	);
	const merged = mergeRows(files, known);
	if (!merged.ok) {
		throw new SweepInputError(merged.error);
	}

	await writeOutput(plan.output, formatOutput(merged.rows, plan.format, known));
	return 0;
};

/** Runs a sweep plan (parse-sweep-arguments.ts). Bad input throws SweepInputError or WorkloadLoadError. */
export const runSweepCommand = async (plan: SweepPlan, known: KnownNames): Promise<number> => {
	const outputProblem = plan.output === null ? undefined : checkOutputPath(plan.output);
	if (outputProblem) {
		throw new SweepInputError(outputProblem);
	}

	return plan.mode === 'merge' ? mergeCommand(plan, known) : sweepCommand(plan, known);
};
