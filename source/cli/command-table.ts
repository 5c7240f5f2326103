// Every command and option kmtop takes, in one table: the parser (scan, meow, validation) and
// `kmtop --help` are both built from it, so they cannot drift apart.
//
// To add an option: one entry in `optionTable` (its section decides where --help lists it, its
// `usedBy` which commands take it: the parser refuses it for any other), and its field in RunPlan
// with a default in parse-arguments.ts. To add a command: one entry in
// `commandTable`. A command whose options are its own, read by its own parser (kmtop sweep, with
// tokenizeArguments from tokenize-arguments.ts), lists them for --help in its entry and section.

import {MiB, PAGE_SIZE} from '../kernel/constants.js';
import type {ParseContext, RunPlan} from './parse-arguments.js';
import {formatSize} from './parse-size.js';
import {COMPARE_MIN_COLUMNS} from '../view/compare-columns.js';
import {
	type ValueReader,
	checked,
	integerIn,
	oneOf,
	positiveUpTo,
	readRam,
	readRevision,
	readWorkload,
	wholeNumber,
} from './read-value.js';

/** The defaults that do not come from the context; the help text prints them. */
export const defaults = {seed: 1, ramBytes: 512 * MiB, rate: 100, refreshMs: 250, ticks: 1000, format: 'json', panel: 'dashboard', columns: 120, traceSize: 'req', tickTimeoutMs: 5000} as const;
export const limits = {maxRate: 1_000_000, refreshMs: [50, 5000], columns: [40, 1000]} as const;

/** The sections of --help that list options, in order. */
export const optionSections = {
	common: 'Options',
	live: 'Live view options (--rate, --refresh also for kmtop replay)',
	snapshot: 'Snapshot options',
	compare: 'Compare options (--ticks, --format, --columns, -o as for a snapshot)',
	sweep: 'Sweep options (--ticks, -o as for a snapshot)',
	trace: 'Trace replay options (the live view and kmtop snapshot)',
} as const;

type SectionId = keyof typeof optionSections;

/** An option as --help lists it: `--seeds LIST`, what it does, its default. */
export type HelpRow = {label: string; describe: string; byDefault?: string};

export type CommandSpec = {
	name: string;
	/** What is typed; the live view has none. */
	word?: string;
	/** --help's usage lines: the command as typed, and what it does. */
	usage: ReadonlyArray<readonly [string, string]>;
	/** Options that only the command's own parser reads, listed in `section` of --help. */
	ownOptions?: {section: SectionId; rows: readonly HelpRow[]};
};

/** The commands, in the order --help lists them. */
export const commandTable = [
	{name: 'live', usage: [['kmtop [options]', 'the live dashboard (needs a terminal)']]},
	{name: 'snapshot', word: 'snapshot', usage: [['kmtop snapshot [options]', 'run headless, write one snapshot, exit']]},
	{name: 'replay', word: 'replay', usage: [['kmtop replay FILE', 'play back a session recorded with --record, all live keys working']]},
	{
		name: 'compare',
		word: 'compare',
		usage: [['kmtop compare [options]', 'two --revision on the same seed and workload, side by side, and the first tick they part']],
		// --revision given twice: parse-arguments.ts reads both for compare.
		ownOptions: {section: 'compare', rows: [{label: '--revision ID, twice', describe: 'the two revisions, in order; --ticks', byDefault: '10000'}]},
	},
	{
		name: 'sweep',
		word: 'sweep',
		usage: [
			['kmtop sweep [options]', 'runs on every core: seeds × workloads × revisions'],
			['kmtop sweep merge FILES…', "the summary of shards' --format jsonl rows"],
		],
		// Read by source/sweep/parse-sweep-arguments.ts.
		ownOptions: {section: 'sweep', rows: [
			{label: '-w, --revision, --ram', describe: 'take comma lists; -w and --revision also all'},
			{label: '--seeds LIST', describe: 'seeds like 1..1000 or 1,5,9', byDefault: '1..100'},
			{label: '--jobs N', describe: 'worker threads', byDefault: 'one per core'},
			{label: '--shard K/N', describe: 'run only the K-th of N slices (docs/sweep.md)'},
			{label: '--format table|jsonl|csv', describe: 'the summary, or one row per run', byDefault: 'table'},
		]},
	},
	{name: 'workloads', word: 'workloads', usage: [['kmtop workloads', 'list the workloads']]},
	{name: 'revisions', word: 'revisions', usage: [['kmtop revisions', 'list the kernel revisions']]},
] as const satisfies readonly CommandSpec[];

export type CommandName = (typeof commandTable)[number]['name'];

type Help = {
	section: SectionId;
	/**
	The commands whose runners read the option (run-*-command.ts, sweep's own parser): given to any
	other, it is refused rather than silently ignored. `every` is for what no command can ignore:
	help, version, and --no-color, a promise every command keeps (only the live view and a replay
	draw colour).
	*/
	usedBy: readonly CommandName[] | 'every';
	/** What --help says the option does. */
	describe: (context: ParseContext) => string;
	/** The default, as --help shows it after the description. */
	byDefault?: (context: ParseContext) => string | number;
};

export type OptionSpec = Help & {short?: string} & (
	| ({type: 'string'; /** The value's name in --help: `--seed N`. */ valueName: string} & ValueReader)
	| {type: 'boolean'; patch: Partial<RunPlan>}
);

/** Every option, by its long name (what follows `--`), in the order --help lists them. */
export const optionTable: Record<string, OptionSpec> = {
	workload: {
		type: 'string', short: 'w', valueName: 'NAME|PATH', section: 'common', usedBy: ['live', 'snapshot', 'compare', 'sweep'], ...readWorkload,
		describe: () => 'a built-in workload, or a path to a workload module (.js, or .ts on a Node that strips types: 22.18+)',
		byDefault: context => context.defaultWorkload,
	},
	seed: {
		type: 'string', valueName: 'N', section: 'common', usedBy: ['live', 'snapshot', 'compare'], ...wholeNumber('an integer', true, seed => ({seed})),
		describe: () => 'integer seed; same seed, same run',
		byDefault: () => defaults.seed,
	},
	revision: {
		type: 'string', valueName: 'ID', section: 'common', usedBy: ['live', 'snapshot', 'compare', 'sweep'], ...readRevision,
		describe: () => 'kernel revision, see kmtop revisions',
		byDefault: context => context.defaultRevision,
	},
	ram: {
		type: 'string', valueName: 'SIZE', section: 'common', usedBy: ['live', 'snapshot', 'compare', 'sweep'], ...readRam,
		describe: context => `simulated RAM in bytes or with a K, M or G suffix, whole ${formatSize(PAGE_SIZE)} pages from ${formatSize(context.minRamBytes)} to ${formatSize(context.maxRamBytes)}`,
		byDefault: () => formatSize(defaults.ramBytes),
	},
	'tick-timeout': {
		type: 'string', valueName: 'SECONDS', section: 'common', usedBy: ['live', 'replay', 'snapshot', 'compare', 'sweep'],
		...checked('a number of seconds above 0, at most 3600', positiveUpTo(3600), seconds => ({tickTimeoutMs: Math.round(seconds * 1000)})),
		describe: () => 'a workload hook running longer is stopped as hung',
		byDefault: () => defaults.tickTimeoutMs / 1000,
	},
	'debug-asserts': {type: 'boolean', section: 'common', usedBy: ['live', 'snapshot', 'compare', 'sweep'], patch: {debugAsserts: true}, describe: () => 'check the whole heap after every kernel call (slow)'},
	'no-color': {type: 'boolean', section: 'common', usedBy: 'every', patch: {color: false}, describe: () => 'no colours (also NO_COLOR, FORCE_COLOR, TERM=dumb)'},
	// Help and version set nothing: the parser answers them before reading anything else.
	help: {type: 'boolean', short: 'h', section: 'common', usedBy: 'every', patch: {}, describe: () => 'show this help'},
	version: {type: 'boolean', short: 'v', section: 'common', usedBy: 'every', patch: {}, describe: () => 'show the version'},
	rate: {
		type: 'string', valueName: 'N', section: 'live', usedBy: ['live', 'replay'],
		...checked(`a number of ticks per second above 0, at most ${limits.maxRate}`, positiveUpTo(limits.maxRate), rate => ({rate})),
		describe: () => `ticks per second, up to ${limits.maxRate}`,
		byDefault: () => defaults.rate,
	},
	refresh: {
		type: 'string', valueName: 'MS', section: 'live', usedBy: ['live', 'replay'],
		...checked(`an integer from ${limits.refreshMs.join(' to ')} (milliseconds)`, integerIn(limits.refreshMs), refreshMs => ({refreshMs})),
		describe: () => `redraw every MS ms, ${limits.refreshMs.join(' to ')}`,
		byDefault: () => defaults.refreshMs,
	},
	ticks: {
		type: 'string', valueName: 'N', section: 'snapshot', usedBy: ['snapshot', 'compare', 'sweep'], ...wholeNumber('a non-negative integer', false, ticks => ({ticks})),
		describe: () => 'ticks to run, 0 to only boot',
		byDefault: () => `${defaults.ticks}, or a whole --trace`,
	},
	format: {
		type: 'string', valueName: 'json|text', section: 'snapshot', usedBy: ['snapshot', 'compare', 'sweep'], ...checked('json or text', oneOf('json', 'text'), format => ({format})),
		describe: () => 'JSON, or the dashboard as plain text',
		byDefault: () => defaults.format,
	},
	columns: {
		type: 'string', valueName: 'N', section: 'snapshot', usedBy: ['snapshot', 'compare'],
		...checked(`an integer from ${limits.columns.join(' to ')}`, integerIn(limits.columns), columns => ({columns})),
		describe: () => `width for --format text, ${limits.columns.join(' to ')}; ${COMPARE_MIN_COLUMNS} up for compare`,
		byDefault: () => defaults.columns,
	},
	panel: {
		type: 'string', valueName: 'dashboard|map', section: 'snapshot', usedBy: ['snapshot'], ...checked('dashboard or map', oneOf('dashboard', 'map'), panel => ({panel})),
		describe: () => 'with --format text: the dashboard, or one subheap\'s chunk map, free runs and fragmentation index',
		byDefault: () => defaults.panel,
	},
	subheap: {
		type: 'string', valueName: 'N', section: 'snapshot', usedBy: ['snapshot'],
		...checked('a subheap number as the Subheaps panel shows it, 0 for the pool', integerIn([0, Number.MAX_SAFE_INTEGER]), subheap => ({subheap})),
		describe: () => 'the subheap --panel map draws, numbered as in the Subheaps panel',
		byDefault: () => '0, the pool',
	},
	output: {
		type: 'string', short: 'o', valueName: 'FILE', section: 'snapshot', usedBy: ['snapshot', 'compare', 'sweep'],
		...checked('a file path, or - for stdout', text => text, output => ({output: output === '-' ? null : output})),
		describe: () => 'write to FILE, atomically',
		byDefault: () => '- for stdout',
	},
	record: {
		type: 'string', valueName: 'FILE', section: 'live', usedBy: ['live'], ...checked('a file path for the session\'s recording', text => text, record => ({record})),
		describe: () => 'write the session to FILE as it goes: its start and every key that changed the simulation, with its tick',
	},
	replay: {
		type: 'string', valueName: 'FILE', section: 'snapshot', usedBy: ['snapshot'],
		...checked('a recording (kmtop --record FILE) or a snapshot document saved from a session', text => text, replay => ({replay})),
		describe: () => "a recording's run, to --ticks of its last boot (or of --boot N); the recording's end by default",
	},
	boot: {
		type: 'string', valueName: 'N', section: 'snapshot', usedBy: ['snapshot'], ...checked('a boot number, 1 for the first kernel', integerIn([1, Number.MAX_SAFE_INTEGER]), boot => ({boot})),
		describe: () => 'with --replay: the boot --ticks counts in',
	},
	trace: {
		type: 'string', valueName: 'FILE', section: 'trace', usedBy: ['live', 'snapshot'], ...checked('a trace file path', text => text, trace => ({trace})),
		describe: () => 'replay a Linux kmem trace (ftrace or perf script text, or .gz; - or a pipe is read once) as the workload',
	},
	'trace-size': {
		type: 'string', valueName: 'req|alloc', section: 'trace', usedBy: ['live', 'snapshot'], ...checked('req or alloc', oneOf('req', 'alloc'), traceSize => ({traceSize})),
		describe: () => 'size allocations by bytes_req or bytes_alloc',
		byDefault: () => defaults.traceSize,
	},
	'trace-ms-per-tick': {
		type: 'string', valueName: 'N', section: 'trace', usedBy: ['live', 'snapshot'],
		...checked('a number of milliseconds above 0', positiveUpTo(Number.POSITIVE_INFINITY), traceMsPerTick => ({traceMsPerTick})),
		describe: () => 'trace milliseconds per tick',
		byDefault: () => 'automatic; 0.05 for a pipe',
	},
	strict: {type: 'boolean', section: 'trace', usedBy: ['live', 'snapshot'], patch: {strict: true}, describe: () => 'stop at the first malformed trace line, not skip it'},
};

/** The option as --help shows it: `-w, --workload NAME|PATH`. */
export const optionLabel = (name: string, option: OptionSpec): string =>
	`${option.short ? `-${option.short}, ` : ''}--${name}${option.type === 'string' ? ` ${option.valueName}` : ''}`;
