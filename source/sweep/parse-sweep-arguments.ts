// `kmtop sweep` and `kmtop sweep merge`: their options checked and read into a plan, or every
// problem with them, one line each in command-line order. Pure: it reads nothing but its
// arguments. The CLI's tokenizer splits the command line; which options there are, which go with
// merge, and the plan are here; what each value must be is in read-sweep-option.ts.

import {optionTable} from '../cli/command-table.js';
import {unusedOption} from '../cli/option-scope.js';
import {tokenizeArguments, type OptionTable} from '../cli/tokenize-arguments.js';
import {countSeeds, countShard, type SeedRange, type Shard} from './expand-combinations.js';
import {didYouMean, readSweepOption, readers, sweepDefaults, sweepLimits} from './read-sweep-option.js';
import type {WorkloadSource} from './sweep-row.js';

export type SweepContext = {
	/** Built-in workloads, in list order. */
	workloadNames: string[];
	/** Revisions, oldest first. */
	revisionIds: string[];
	defaultWorkload: string;
	defaultRevision: string;
	minRamBytes: number;
	maxRamBytes: number;
	/** The number of cores (os.availableParallelism()). */
	defaultJobs: number;
};

/** A problem with what the user asked for, found after parsing (a file, a module): one line, exit 2. */
export class SweepInputError extends Error {
	override name = 'SweepInputError';
}

export type SweepFormat = 'table' | 'jsonl' | 'csv';

export type SweepRunPlan = {
	mode: 'run';
	/** Built-ins in list order, then modules in the order given. */
	workloads: WorkloadSource[];
	revisions: string[];
	seeds: SeedRange[];
	ramBytes: number[];
	ticks: number;
	jobs: number;
	format: SweepFormat;
	/** `null` is stdout. */
	output: string | null;
	shard: Shard | null;
	debugAsserts: boolean;
	tickTimeoutMs: number;
};

export type SweepMergePlan = {mode: 'merge'; files: string[]; format: SweepFormat; output: string | null};

export type SweepPlan = SweepRunPlan | SweepMergePlan;

export type SweepParseResult = {ok: true; plan: SweepPlan} | {ok: false; errors: string[]};

/** A token of the command line, as the CLI's tokenizer gives it. */
export type SweepToken =
	| {kind: 'option'; name: string; flag: string; value: string | undefined}
	| {kind: 'unknown'; flag: string}
	| {kind: 'word'; value: string};

const switches = ['debug-asserts', 'no-color', 'help', 'version'];
const shortFlags: Record<string, string> = {workload: 'w', output: 'o', help: 'h', version: 'v'};
/** What `kmtop sweep merge` takes besides its files; every other option is for running a sweep. */
const mergeOptions = new Set(['format', 'output', 'no-color', 'help', 'version']);

/** The options of `kmtop sweep`, in the shape `node:util` parseArgs takes. */
const optionEntry = (name: string, type: OptionTable[string]['type']): [string, OptionTable[string]] => {
	const short = shortFlags[name];
	return [name, short === undefined ? {type} : {type, short}];
};

export const sweepOptionTable: OptionTable = Object.fromEntries([
	...Object.keys(readers).map((name) => optionEntry(name, 'string')),
	...switches.map((name) => optionEntry(name, 'boolean')),
]);

const defaultPlan = (context: SweepContext): SweepRunPlan => ({
	mode: 'run',
	workloads: [{kind: 'builtin', name: context.defaultWorkload}],
	revisions: [context.defaultRevision],
	seeds: [...sweepDefaults.seeds],
	ramBytes: [sweepDefaults.ramBytes],
	ticks: sweepDefaults.ticks,
	jobs: Math.min(context.defaultJobs, sweepLimits.maxJobs),
	format: sweepDefaults.format,
	output: null,
	shard: null,
	debugAsserts: false,
	tickTimeoutMs: sweepDefaults.tickTimeoutMs,
});

// Past the sizes the plan can hold, a sweep is split into shards rather than refused outright.
const checkSize = (plan: SweepRunPlan): string | undefined => {
	const total = plan.workloads.length * plan.revisions.length * plan.ramBytes.length * countSeeds(plan.seeds);
	const runs = countShard(total, plan.shard);
	if (!Number.isSafeInteger(total) || runs > sweepLimits.maxRuns) {
		const size = Number.isSafeInteger(runs) ? `${runs.toLocaleString('en-US')} runs` : 'too many runs to count';
		return `this sweep is ${size}; one kmtop sweep does at most ${sweepLimits.maxRuns.toLocaleString('en-US')}: split it with --shard K/N`;
	}

	return undefined;
};

type Issue = {position: number; message: string};

// What sweep takes in the place of an option of kmtop's it does not use.
const sweepInstead: Record<string, string> = {seed: '--seeds LIST'};

// An option of kmtop's that sweep does not read is refused as the other commands refuse one
// (option-scope.ts), not called unknown; anything else is unknown, with a suggestion.
const refuseOption = (flag: string, merge: boolean): string => {
	const name = flag.replace(/^--/, '');
	if (flag.startsWith('--') && Object.hasOwn(optionTable, name)) {
		const instead = sweepInstead[name];
		return `${unusedOption('sweep', name, flag)}${instead ? `; sweep takes ${instead}` : ''}`;
	}

	const known = Object.keys(sweepOptionTable).filter((option) => !merge || mergeOptions.has(option));
	return `unknown option "${flag}"${didYouMean(flag.replace(/^-+/, ''), known, '--') || '; see kmtop --help'}`;
};

/** The plan of `kmtop sweep` from its tokens (the first word is `sweep`), or every problem with them, in command-line order. */
export const validateSweepArguments = (tokens: readonly SweepToken[], context: SweepContext): SweepParseResult => {
	const positioned = tokens.map((token, position) => ({...token, position}));
	const words = positioned.filter((token) => token.kind === 'word').slice(1);
	const merge = words[0]?.value === 'merge';
	const issues: Issue[] = [];
	// The last occurrence of an option wins (a shell alias can be overridden), so only it is read.
	const latest = new Map<string, SweepToken & {kind: 'option'; position: number}>();
	for (const token of positioned) {
		if (token.kind === 'unknown') {
			issues.push({position: token.position, message: refuseOption(token.flag, merge)});
		} else if (token.kind === 'option') {
			latest.set(token.name, token);
		}
	}

	const plan = defaultPlan(context);
	for (const option of latest.values()) {
		const result = merge && !mergeOptions.has(option.name)
			? `${option.flag} is for running a sweep; kmtop sweep merge takes only --format and -o`
			: readSweepOption(option, context);
		if (typeof result === 'string') {
			issues.push({position: option.position, message: result});
		} else {
			Object.assign(plan, result);
		}
	}

	if (merge && words.length === 1) {
		issues.push({position: tokens.length, message: 'kmtop sweep merge needs the jsonl files to merge, like: kmtop sweep merge shard-*.jsonl'});
	}

	if (!merge) {
		for (const {value, position} of words) {
			issues.push({position, message: `unexpected argument "${value}"; kmtop sweep takes options only (or: kmtop sweep merge FILES…)`});
		}
	}

	const tooBig = issues.length === 0 && !merge ? checkSize(plan) : undefined;
	if (tooBig) {
		issues.push({position: tokens.length, message: tooBig});
	}

	if (issues.length > 0) {
		// The sort is stable, so issues that share a position keep their order.
		return {ok: false, errors: issues.sort((a, b) => a.position - b.position).map((issue) => issue.message)};
	}

	return {ok: true, plan: merge ? {mode: 'merge', files: words.slice(1).map((word) => word.value), format: plan.format, output: plan.output} : plan};
};

/** `kmtop sweep …` as typed (without `node` and the script) into a plan, or every problem with it. */
export const parseSweepArguments = (argv: string[], context: SweepContext): SweepParseResult =>
	validateSweepArguments(tokenizeArguments(argv, sweepOptionTable), context);
