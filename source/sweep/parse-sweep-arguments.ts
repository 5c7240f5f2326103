// `kmtop sweep` and `kmtop sweep merge`: their options checked and read into a plan, or every
// problem with them, one line each in command-line order. Pure: it reads nothing but its
// arguments. The command line is split into tokens by the CLI's tokenizer; everything after
// that (what a value must be, the defaults, the plan) is here.

import {closestName} from '../cli/closest-name.js';
import {formatSize, parseSize} from '../cli/parse-size.js';
import {tokenizeArguments, type OptionTable} from '../cli/tokenize-arguments.js';
import {PAGE_SIZE} from '../kernel/constants.js';
import {compareRevisions, compareWorkloads, orderNames} from './canonical-order.js';
import {countSeeds, countShard, normalizeSeeds, type SeedRange, type Shard} from './expand-combinations.js';
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
};

export type SweepMergePlan = {mode: 'merge'; files: string[]; format: SweepFormat; output: string | null};

export type SweepPlan = SweepRunPlan | SweepMergePlan;

export type SweepParseResult = {ok: true; plan: SweepPlan} | {ok: false; errors: string[]};

/** A token of the command line, as the CLI's tokenizer gives it. */
export type SweepToken =
	| {kind: 'option'; name: string; flag: string; value: string | undefined}
	| {kind: 'unknown'; flag: string}
	| {kind: 'word'; value: string};

export const sweepDefaults = {seeds: '1..100', ticks: 1000, ramBytes: 512 * 1024 * 1024, format: 'table'} as const;
export const sweepLimits = {maxJobs: 256, maxRuns: 1_000_000} as const;

type Patch = Partial<SweepRunPlan>;
type Reader = {accepts: (context: SweepContext) => string; read: (text: string, flag: string, context: SweepContext) => Patch | string};

const list = (names: readonly string[]) => names.join(', ');
const mustBe = (flag: string, accepts: string, text: string) => `${flag} must be ${accepts}, got "${text}"`;
const didYouMean = (typed: string, names: readonly string[], prefix = '') => {
	const name = closestName(typed, names);
	return name ? ` (did you mean ${prefix}${name}?)` : '';
};

const integer = /^-?\d+$/;

// Comma-separated items, none empty; `read` gives each item's values or an error.
const readItems = <T>(text: string, read: (item: string) => T[] | string): T[] | string => {
	const values: T[] = [];
	for (const item of text.split(',')) {
		const result = read(item);
		if (typeof result === 'string') {
			return result;
		}

		values.push(...result);
	}

	return values;
};

const readWorkloads = (text: string, flag: string, context: SweepContext): Patch | string => {
	const items = readItems<WorkloadSource>(text, (item) => {
		if (item === 'all') {
			return context.workloadNames.map((name) => ({kind: 'builtin', name}));
		}

		if (context.workloadNames.includes(item)) {
			return [{kind: 'builtin', name: item}];
		}

		// The loader checks that the file exists; here a path only has to look like one.
		if (/[/\\]|\.(?:[mc]?js|ts)$/.test(item)) {
			return [{kind: 'path', path: item}];
		}

		return item === ''
			? mustBe(flag, 'workload names or paths separated by commas, or all', text)
			: `unknown workload "${item}"${didYouMean(item, context.workloadNames)}; built-in workloads: ${list(context.workloadNames)}; or all, or a path to a .js module`;
	});
	if (typeof items === 'string') {
		return items;
	}

	const builtins = items.flatMap((source) => (source.kind === 'builtin' ? [source.name] : []));
	const paths = [...new Set(items.flatMap((source) => (source.kind === 'path' ? [source.path] : [])))];
	return {
		workloads: [
			...orderNames(builtins, compareWorkloads({workloadNames: context.workloadNames, revisionIds: []})).map((name): WorkloadSource => ({kind: 'builtin', name})),
			...paths.map((path): WorkloadSource => ({kind: 'path', path})),
		],
	};
};

const readRevisions = (text: string, _flag: string, context: SweepContext): Patch | string => {
	const ids = readItems(text, (item) => {
		if (item === 'all') {
			return context.revisionIds;
		}

		return context.revisionIds.includes(item)
			? [item]
			: `unknown revision "${item}"${didYouMean(item, context.revisionIds)}; revisions: ${list(context.revisionIds)}, or all`;
	});
	return typeof ids === 'string' ? ids : {revisions: orderNames(ids, compareRevisions({workloadNames: [], revisionIds: context.revisionIds}))};
};

const seedsAccepts = 'seeds like 1..1000 or 1,5,9 (integers; ranges with ..)';

const readSeeds = (text: string, flag: string): Patch | string => {
	const ranges = readItems<SeedRange>(text, (item) => {
		const [first = '', last = first, ...more] = item.split('..');
		if (more.length > 0 || !integer.test(first) || !integer.test(last)) {
			return mustBe(flag, seedsAccepts, text);
		}

		const range: SeedRange = [Number(first) + 0, Number(last) + 0]; // `+ 0` turns -0 into 0
		if (!range.every((seed) => Number.isSafeInteger(seed))) {
			return `${flag} "${item}" is out of range: seeds are integers from ${-Number.MAX_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}`;
		}

		return range[0] > range[1] ? `${flag} "${item}" is an empty range: the first seed comes first (${range[1]}..${range[0]})` : [range];
	});
	return typeof ranges === 'string' ? ranges : {seeds: normalizeSeeds(ranges)};
};

const ramAccepts = 'sizes in bytes or with a K, M or G suffix, separated by commas, like 256M,512M';

const readRam = (text: string, flag: string, context: SweepContext): Patch | string => {
	const sizes = readItems(text, (item) => {
		const bytes = parseSize(item);
		if (bytes === null) {
			return mustBe(flag, ramAccepts, text);
		}

		if (bytes < context.minRamBytes) {
			return `${flag} "${item}" is too small to boot: at least ${formatSize(context.minRamBytes)}`;
		}

		if (bytes > context.maxRamBytes) {
			return `${flag} "${item}" is too large: at most ${formatSize(context.maxRamBytes)}`;
		}

		const spare = bytes % PAGE_SIZE;
		return spare === 0 ? [bytes] : `${flag} "${item}" is not a whole number of ${formatSize(PAGE_SIZE)} pages: try ${formatSize(bytes - spare)}`;
	});
	return typeof sizes === 'string' ? sizes : {ramBytes: [...new Set(sizes)].sort((a, b) => a - b)};
};

const readWhole = (accepts: string, min: number, max: number, patch: (value: number) => Patch): Reader => ({
	accepts: () => accepts,
	read(text, flag) {
		const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
		return value >= min && value <= max ? patch(value) : mustBe(flag, accepts, text);
	},
});

const readShard = (text: string, flag: string): Patch | string => {
	const match = /^(\d+)\/(\d+)$/.exec(text);
	const [index, count] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
	if (!match || !Number.isSafeInteger(count) || count < 1) {
		return mustBe(flag, 'K/N, shard K of N (like 2/8)', text);
	}

	return index >= 1 && index <= count ? {shard: {index, count}} : `${flag} "${text}" is out of range: K must be from 1 to ${count}`;
};

const formats: SweepFormat[] = ['table', 'jsonl', 'csv'];

const readers: Record<string, Reader> = {
	workload: {accepts: () => 'workload names or paths separated by commas, or all', read: readWorkloads},
	revision: {accepts: (context) => `revisions separated by commas, or all: ${list(context.revisionIds)}`, read: readRevisions},
	seeds: {accepts: () => seedsAccepts, read: readSeeds},
	ram: {accepts: () => ramAccepts, read: readRam},
	ticks: readWhole('a non-negative integer', 0, Number.MAX_SAFE_INTEGER, (ticks) => ({ticks})),
	jobs: readWhole(`an integer from 1 to ${sweepLimits.maxJobs}`, 1, sweepLimits.maxJobs, (jobs) => ({jobs})),
	shard: {accepts: () => 'K/N, shard K of N (like 2/8)', read: readShard},
	format: {
		accepts: () => 'table, jsonl or csv',
		read: (text, flag) => (formats.includes(text as SweepFormat) ? {format: text as SweepFormat} : mustBe(flag, 'table, jsonl or csv', text)),
	},
	output: {accepts: () => 'a file path, or - for stdout', read: (text) => ({output: text === '-' ? null : text})},
};

const switches = ['debug-asserts', 'no-color', 'help', 'version'];
const shortFlags: Record<string, string> = {workload: 'w', output: 'o', help: 'h', version: 'v'};
/** What `kmtop sweep merge` takes besides its files; every other option is for running a sweep. */
const mergeOptions = new Set(['format', 'output', 'no-color', 'help', 'version']);

/** The options of `kmtop sweep`, in the shape `node:util` parseArgs takes. */
export const sweepOptionTable: OptionTable = Object.fromEntries([
	...Object.keys(readers).map((name) => [name, {type: 'string', ...(shortFlags[name] && {short: shortFlags[name]})}]),
	...switches.map((name) => [name, {type: 'boolean', ...(shortFlags[name] && {short: shortFlags[name]})}]),
]);

const defaultPlan = (context: SweepContext): SweepRunPlan => ({
	mode: 'run',
	workloads: [{kind: 'builtin', name: context.defaultWorkload}],
	revisions: [context.defaultRevision],
	seeds: [[1, 100]],
	ramBytes: [sweepDefaults.ramBytes],
	ticks: sweepDefaults.ticks,
	jobs: Math.min(context.defaultJobs, sweepLimits.maxJobs),
	format: sweepDefaults.format,
	output: null,
	shard: null,
	debugAsserts: false,
});

const readValue = (option: SweepToken & {kind: 'option'}, context: SweepContext): Patch | string => {
	const reader = readers[option.name];
	if (!reader) {
		return option.value === undefined ? (option.name === 'debug-asserts' ? {debugAsserts: true} : {}) : `${option.flag} takes no value, got "${option.value}"`;
	}

	// `--seeds=` is as good as no value at all.
	return option.value ? reader.read(option.value, option.flag, context) : `${option.flag} needs a value: ${reader.accepts(context)}`;
};

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
			const known = Object.keys(sweepOptionTable).filter((name) => !merge || mergeOptions.has(name));
			const hint = didYouMean(token.flag.replace(/^-+/, ''), known, '--') || '; see kmtop --help';
			issues.push({position: token.position, message: `unknown option "${token.flag}"${hint}`});
		} else if (token.kind === 'option') {
			latest.set(token.name, token);
		}
	}

	const plan = defaultPlan(context);
	for (const option of latest.values()) {
		const result = merge && !mergeOptions.has(option.name)
			? `${option.flag} is for running a sweep; kmtop sweep merge takes only --format and -o`
			: readValue(option, context);
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
