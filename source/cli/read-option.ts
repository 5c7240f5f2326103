// The options kmtop takes, their defaults and limits, and how each value is checked and read.

import {MiB, PAGE_SIZE} from '../kernel/constants.js';
import {closestName} from './closest-name.js';
import type {ParseContext, RunPlan} from './parse-arguments.js';
import {formatSize, parseSize} from './parse-size.js';
import type {OptionTable, Token} from './tokenize-arguments.js';

/** The defaults that do not come from the context; the help text prints them. */
export const defaults = {seed: 1, ramBytes: 512 * MiB, rate: 100, refreshMs: 250, ticks: 1000, format: 'json', panel: 'dashboard', columns: 120, traceSize: 'req', tickTimeoutMs: 5000} as const;
export const limits = {maxRate: 1_000_000, refreshMs: [50, 5000], columns: [40, 1000]} as const;
export const formatList = (names: readonly string[]): string => names.join(', ');

type ValueOption = {
	short?: string;
	/** What the value must be, for the "needs a value" and "must be" messages. */
	accepts: (context: ParseContext) => string;
	/** The plan's fields this value sets, or the error message. */
	read: (text: string, flag: string, context: ParseContext) => Partial<RunPlan> | string;
};

const mustBe = (flag: string, accepts: string, text: string) => `${flag} must be ${accepts}, got "${text}"`;

const checked = <T>(accepts: string, read: (text: string) => T | undefined, patch: (value: T) => Partial<RunPlan>): ValueOption => ({
	accepts: () => accepts,
	read(text, flag) {
		const value = read(text);
		return value === undefined ? mustBe(flag, accepts, text) : patch(value);
	},
});

const oneOf = <T extends string>(...values: T[]) => (text: string) => values.find(value => value === text);

// `undefined` for bad syntax, `null` for an integer past the safe range. Decimal digits only:
// `1e3`, `0x10`, `1_000` and `1.0` are refused rather than guessed at.
const readInteger = (text: string, signed: boolean): number | null | undefined => {
	if (!(signed ? /^-?\d+$/ : /^\d+$/).test(text)) {
		return undefined;
	}

	const value = Number(text) + 0; // `+ 0` turns `-0` into 0
	return Number.isSafeInteger(value) ? value : null;
};

const integerIn = ([min, max]: readonly [number, number]) => (text: string) => {
	const value = readInteger(text, false);
	return typeof value === 'number' && value >= min && value <= max ? value : undefined;
};

const positiveUpTo = (max: number) => (text: string) => {
	const value = Number(text);
	return /^\d+(?:\.\d+)?$/.test(text) && Number.isFinite(value) && value > 0 && value <= max ? value : undefined;
};

const wholeNumber = (accepts: string, signed: boolean, patch: (value: number) => Partial<RunPlan>): ValueOption => ({
	accepts: () => accepts,
	read(text, flag) {
		const value = readInteger(text, signed);
		const range = `an integer from ${signed ? -Number.MAX_SAFE_INTEGER : 0} to ${Number.MAX_SAFE_INTEGER}`;
		return typeof value === 'number' ? patch(value) : mustBe(flag, value === null ? range : accepts, text);
	},
});

export const suggest = (typed: string, names: readonly string[], prefix = '') => {
	const name = closestName(typed, names);
	return name ? ` (did you mean ${prefix}${name}?)` : '';
};

const readWorkload = (text: string, context: ParseContext): Partial<RunPlan> | string => {
	if (context.workloadNames.includes(text)) {
		return {workload: {kind: 'builtin', name: text}};
	}

	// The loader checks that the file exists; here a path only has to look like one.
	if (/[/\\]|\.(?:[mc]?js|ts)$/.test(text)) {
		return {workload: {kind: 'path', path: text}};
	}

	return `unknown workload "${text}"${suggest(text, context.workloadNames)}; built-in workloads: ${formatList(context.workloadNames)}; or a path to a .js module`;
};

const ramAccepts = 'a size in bytes or with a K, M or G suffix, like 512M';

const readRam = (text: string, flag: string, context: ParseContext): Partial<RunPlan> | string => {
	const bytes = parseSize(text);
	if (bytes === null) {
		return mustBe(flag, ramAccepts, text);
	}

	if (bytes < context.minRamBytes) {
		return `${flag} "${text}" is too small to boot: at least ${formatSize(context.minRamBytes)}`;
	}

	if (bytes > context.maxRamBytes) {
		return `${flag} "${text}" is too large: at most ${formatSize(context.maxRamBytes)}`;
	}

	// Physical memory is counted in pages; rounding quietly would simulate a RAM nobody asked for.
	const spare = bytes % PAGE_SIZE;
	return spare === 0 ? {ramBytes: bytes} : `${flag} "${text}" is not a whole number of ${formatSize(PAGE_SIZE)} pages: try ${formatSize(bytes - spare)}`;
};

const valueOptions: Record<string, ValueOption> = {
	workload: {short: 'w', accepts: () => 'a built-in workload name or a path to a workload module', read: (text, _flag, context) => readWorkload(text, context)},
	seed: wholeNumber('an integer', true, seed => ({seed})),
	revision: {
		accepts: context => `one of ${formatList(context.revisionIds)}`,
		read: (text, _flag, {revisionIds}) => revisionIds.includes(text) ? {revision: text} : `unknown revision "${text}"; revisions: ${formatList(revisionIds)}`,
	},
	ram: {accepts: () => ramAccepts, read: readRam},
	rate: checked(`a number of ticks per second above 0, at most ${limits.maxRate}`, positiveUpTo(limits.maxRate), rate => ({rate})),
	refresh: checked(`an integer from ${limits.refreshMs.join(' to ')} (milliseconds)`, integerIn(limits.refreshMs), refreshMs => ({refreshMs})),
	ticks: wholeNumber('a non-negative integer', false, ticks => ({ticks})),
	format: checked('json or text', oneOf('json', 'text'), format => ({format})),
	panel: checked('dashboard or map', oneOf('dashboard', 'map'), panel => ({panel})),
	subheap: checked('a subheap number as the Subheaps panel shows it, 0 for the pool', text => readInteger(text, false) ?? undefined, subheap => ({subheap})),
	columns: checked(`an integer from ${limits.columns.join(' to ')}`, integerIn(limits.columns), columns => ({columns})),
	output: {short: 'o', ...checked('a file path, or - for stdout', text => text, output => ({output: output === '-' ? null : output}))},
	trace: checked('a trace file path', text => text, trace => ({trace})),
	'trace-size': checked('req or alloc', oneOf('req', 'alloc'), traceSize => ({traceSize})),
	'tick-timeout': checked('a number of seconds above 0, at most 3600', positiveUpTo(3600), seconds => ({tickTimeoutMs: Math.round(seconds * 1000)})),
	record: checked('a file path for the session\'s recording', text => text, record => ({record})),
	replay: checked('a recording (kmtop --record FILE) or a snapshot document saved from a session', text => text, replay => ({replay})),
	boot: checked('a boot number, 1 for the first kernel', text => {
		const value = readInteger(text, false);
		return typeof value === 'number' && value >= 1 ? value : undefined;
	}, boot => ({boot})),
	'trace-ms-per-tick': checked('a number of milliseconds above 0', positiveUpTo(Number.POSITIVE_INFINITY), traceMsPerTick => ({traceMsPerTick})),
};

const switches: Record<string, {short?: string; patch: Partial<RunPlan>}> = {
	help: {short: 'h', patch: {}},
	version: {short: 'v', patch: {}},
	strict: {patch: {strict: true}},
	'debug-asserts': {patch: {debugAsserts: true}},
	'no-color': {patch: {color: false}},
};

/** The options in the shape `node:util` parseArgs takes. */
export const optionTable: OptionTable = Object.fromEntries([
	// parseArgs refuses `short: undefined`, so a missing short is left out.
	...Object.entries(valueOptions).map(([name, {short}]) => [name, {type: 'string', ...(short && {short})}]),
	...Object.entries(switches).map(([name, {short}]) => [name, {type: 'boolean', ...(short && {short})}]),
]);

type OptionToken = Token & {kind: 'option'};

/** One option's contribution to the plan, or the error message. */
export const readOption = ({name, flag, value}: OptionToken, context: ParseContext): Partial<RunPlan> | string => {
	const option = valueOptions[name];
	if (!option) {
		return value === undefined ? switches[name].patch : `${flag} takes no value, got "${value}"`;
	}

	// `--seed=` and `--seed ''` are as good as no value at all.
	return value ? option.read(value, flag, context) : `${flag} needs a value: ${option.accepts(context)}`;
};
