// The values `kmtop sweep` takes, one reader per option: what each must be, its defaults and
// limits, and the plan fields it sets, or the one-line error. Lists are comma-separated and come
// back in the canonical order (canonical-order.ts), each item once.

import {closestName} from '../cli/closest-name.js';
import {formatSize, parseSize} from '../cli/parse-size.js';
import {DEFAULT_TICK_TIMEOUT_MS} from '../engine/hook-watchdog.js';
import {PAGE_SIZE} from '../kernel/constants.js';
import {compareRevisions, compareWorkloads, orderNames} from './canonical-order.js';
import {normalizeSeeds, type SeedRange} from './expand-combinations.js';
import type {SweepContext, SweepFormat, SweepRunPlan, SweepToken} from './parse-sweep-arguments.js';
import type {WorkloadSource} from './sweep-row.js';

export const sweepDefaults = {
	seeds: [[1, 100]] as SeedRange[],
	ticks: 1000,
	ramBytes: 512 * 1024 * 1024,
	format: 'table',
	tickTimeoutMs: DEFAULT_TICK_TIMEOUT_MS,
} as const;
export const sweepLimits = {maxJobs: 256, maxRuns: 1_000_000} as const;

export type Patch = Partial<SweepRunPlan>;
export type Reader = {accepts: (context: SweepContext) => string; read: (text: string, flag: string, context: SweepContext) => Patch | string};

const list = (names: readonly string[]) => names.join(', ');
const mustBe = (flag: string, accepts: string, text: string) => `${flag} must be ${accepts}, got "${text}"`;
export const didYouMean = (typed: string, names: readonly string[], prefix = '') => {
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
const tickTimeoutAccepts = 'a number of seconds above 0, at most 3600';

export const readers: Record<string, Reader> = {
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
	// As `kmtop snapshot --tick-timeout` takes it, so a run's hang is recorded where the snapshot's is.
	'tick-timeout': {
		accepts: () => tickTimeoutAccepts,
		read(text, flag) {
			const seconds = Number(text);
			const ok = /^\d+(?:\.\d+)?$/.test(text) && seconds > 0 && seconds <= 3600;
			return ok ? {tickTimeoutMs: Math.round(seconds * 1000)} : mustBe(flag, tickTimeoutAccepts, text);
		},
	},
};

/** One option's contribution to the plan, or the error message. */
export const readSweepOption = (option: SweepToken & {kind: 'option'}, context: SweepContext): Patch | string => {
	const reader = readers[option.name];
	if (!reader) {
		return option.value === undefined ? (option.name === 'debug-asserts' ? {debugAsserts: true} : {}) : `${option.flag} takes no value, got "${option.value}"`;
	}

	// `--seeds=` is as good as no value at all.
	return option.value ? reader.read(option.value, option.flag, context) : `${option.flag} needs a value: ${reader.accepts(context)}`;
};
