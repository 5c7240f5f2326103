import {describe, expect, it} from 'vitest';
import {optionTable} from '../../source/cli/command-table.js';
import {sweepOnlyOptions, usesOption} from '../../source/cli/option-scope.js';
import {parseSweepArguments, sweepOptionTable, type SweepContext, type SweepPlan, type SweepRunPlan} from '../../source/sweep/parse-sweep-arguments.js';

const MiB = 1024 * 1024;

const context: SweepContext = {
	workloadNames: ['steady', 'vmobject-churn', 'logging-burst', 'big-allocations', 'leak'],
	revisionIds: ['2020-08-28', '2020-08-29', '2020-12-31', '2021-02-23'],
	defaultRevision: '2021-02-23',
	defaultWorkload: 'vmobject-churn',
	minRamBytes: 16 * MiB,
	maxRamBytes: 4096 * MiB,
	defaultJobs: 2,
};

// Written out rather than imported, so the defaults are pinned here.
const run = (changes: Partial<SweepRunPlan> = {}): SweepPlan => ({
	mode: 'run',
	workloads: [{kind: 'builtin', name: 'vmobject-churn'}],
	revisions: ['2021-02-23'],
	seeds: [[1, 100]],
	ramBytes: [512 * MiB],
	ticks: 1000,
	jobs: 2,
	format: 'table',
	output: null,
	shard: null,
	debugAsserts: false,
	tickTimeoutMs: 5000,
	...changes,
});

const builtin = (name: string) => ({kind: 'builtin', name}) as const;
const workloadList = 'built-in workloads: steady, vmobject-churn, logging-burst, big-allocations, leak; or all, or a path to a .js module';
const revisionList = 'revisions: 2020-08-28, 2020-08-29, 2020-12-31, 2021-02-23, or all';

const good: Array<[argv: string[], plan: SweepPlan]> = [
	[['sweep'], run()],
	[['sweep', '-w', 'big-allocations', '--revision', '2020-12-31,2021-02-23', '--seeds', '1..40', '--ticks', '8000'], run({
		workloads: [builtin('big-allocations')],
		revisions: ['2020-12-31', '2021-02-23'],
		seeds: [[1, 40]],
		ticks: 8000,
	})],
	// Canonical order whatever the order typed: workloads and revisions as listed, each once.
	[['sweep', '-w', 'leak,steady,leak', '--revision', '2021-02-23,2020-08-28'], run({
		workloads: [builtin('steady'), builtin('leak')],
		revisions: ['2020-08-28', '2021-02-23'],
	})],
	[['sweep', '-w', 'all', '--revision', 'all'], run({
		workloads: context.workloadNames.map((name) => builtin(name)),
		revisions: context.revisionIds,
	})],
	[['sweep', '-w', './mine.js,leak,all'], run({
		workloads: [...context.workloadNames.map((name) => builtin(name)), {kind: 'path', path: './mine.js'}],
	})],
	[['sweep', '--workload=./b.mjs,./a.mjs,./b.mjs'], run({workloads: [{kind: 'path', path: './b.mjs'}, {kind: 'path', path: './a.mjs'}]})],
	// Seeds: sorted, each once, ranges joined; negative seeds as snapshot takes them.
	[['sweep', '--seeds', '1,5,9'], run({seeds: [[1, 1], [5, 5], [9, 9]]})],
	[['sweep', '--seeds', '9,1..3,4,2'], run({seeds: [[1, 4], [9, 9]]})],
	[['sweep', '--seeds', '-5..-3,7..7'], run({seeds: [[-5, -3], [7, 7]]})],
	[['sweep', '--seeds=-0'], run({seeds: [[0, 0]]})],
	[['sweep', '--ram', '1G,256M,256M'], run({ramBytes: [256 * MiB, 1024 * MiB]})],
	[['sweep', '--ticks', '0', '--jobs', '256'], run({ticks: 0, jobs: 256})],
	[['sweep', '--shard', '3/3', '--format', 'jsonl', '-o', 'rows.jsonl'], run({shard: {index: 3, count: 3}, format: 'jsonl', output: 'rows.jsonl'})],
	[['sweep', '--format', 'csv', '-o', '-', '--debug-asserts', '--no-color'], run({format: 'csv', debugAsserts: true})],
	[['sweep', '--tick-timeout', '0.25'], run({tickTimeoutMs: 250})],
	[['sweep', '--tick-timeout=3600'], run({tickTimeoutMs: 3_600_000})],
	// The last of an option wins, as everywhere in kmtop.
	[['sweep', '--jobs', '1', '--jobs', '3'], run({jobs: 3})],
	[['--seeds', '1..2', 'sweep'], run({seeds: [[1, 2]]})],
	[['sweep', 'merge', 'a.jsonl', 'b.jsonl'], {mode: 'merge', files: ['a.jsonl', 'b.jsonl'], format: 'table', output: null}],
	[['sweep', 'merge', '--format', 'jsonl', 'a.jsonl', '-o', 'all.jsonl'], {mode: 'merge', files: ['a.jsonl'], format: 'jsonl', output: 'all.jsonl'}],
];

const bad: Array<[argv: string[], errors: string[]]> = [
	[['sweep', '--seeds', '5..1'], ['--seeds "5..1" is an empty range: the first seed comes first (1..5)']],
	[['sweep', '--seeds', '1,9..2'], ['--seeds "9..2" is an empty range: the first seed comes first (2..9)']],
	[['sweep', '--seeds', '1...5'], ['--seeds must be seeds like 1..1000 or 1,5,9 (integers; ranges with ..), got "1...5"']],
	[['sweep', '--seeds', '1,,2'], ['--seeds must be seeds like 1..1000 or 1,5,9 (integers; ranges with ..), got "1,,2"']],
	[['sweep', '--seeds', '1.5'], ['--seeds must be seeds like 1..1000 or 1,5,9 (integers; ranges with ..), got "1.5"']],
	[['sweep', '--seeds', '1..1e3'], ['--seeds must be seeds like 1..1000 or 1,5,9 (integers; ranges with ..), got "1..1e3"']],
	[['sweep', '--seeds', '1..99999999999999999'], ['--seeds "1..99999999999999999" is out of range: seeds are integers from -9007199254740991 to 9007199254740991']],
	[['sweep', '--seeds'], ['--seeds needs a value: seeds like 1..1000 or 1,5,9 (integers; ranges with ..)']],
	[['sweep', '--seeds='], ['--seeds needs a value: seeds like 1..1000 or 1,5,9 (integers; ranges with ..)']],
	[['sweep', '-w', 'big-alocations'], [`unknown workload "big-alocations" (did you mean big-allocations?); ${workloadList}`]],
	[['sweep', '-w', 'leak,nope'], [`unknown workload "nope"; ${workloadList}`]],
	[['sweep', '-w', 'leak,'], ['-w must be workload names or paths separated by commas, or all, got "leak,"']],
	[['sweep', '--revision', '2020-12-3'], [`unknown revision "2020-12-3" (did you mean 2020-12-31?); ${revisionList}`]],
	[['sweep', '--revision', '2021-02-23,latest'], [`unknown revision "latest"; ${revisionList}`]],
	[['sweep', '--jobs', '0'], ['--jobs must be an integer from 1 to 256, got "0"']],
	[['sweep', '--jobs', '257'], ['--jobs must be an integer from 1 to 256, got "257"']],
	[['sweep', '--jobs', '-1'], ['--jobs must be an integer from 1 to 256, got "-1"']],
	[['sweep', '--jobs', 'many'], ['--jobs must be an integer from 1 to 256, got "many"']],
	[['sweep', '--shard', '4/3'], ['--shard "4/3" is out of range: K must be from 1 to 3']],
	[['sweep', '--shard', '0/3'], ['--shard "0/3" is out of range: K must be from 1 to 3']],
	[['sweep', '--shard', '1/0'], ['--shard must be K/N, shard K of N (like 2/8), got "1/0"']],
	[['sweep', '--shard', '2'], ['--shard must be K/N, shard K of N (like 2/8), got "2"']],
	[['sweep', '--ticks', '-1'], ['--ticks must be a non-negative integer, got "-1"']],
	[['sweep', '--ram', '512M,8M'], ['--ram "8M" is too small to boot: at least 16M']],
	[['sweep', '--ram', '8G'], ['--ram "8G" is too large: at most 4G']],
	[['sweep', '--ram', '100001K'], ['--ram "100001K" is not a whole number of 4K pages: try 100000K']],
	[['sweep', '--ram', 'lots'], ['--ram must be sizes in bytes or with a K, M or G suffix, separated by commas, like 256M,512M, got "lots"']],
	[['sweep', '--format', 'json'], ['--format must be table, jsonl or csv, got "json"']],
	[['sweep', '--tick-timeout', '0'], ['--tick-timeout must be a number of seconds above 0, at most 3600, got "0"']],
	[['sweep', '--tick-timeout', '1h'], ['--tick-timeout must be a number of seconds above 0, at most 3600, got "1h"']],
	[['sweep', '--debug-asserts=yes'], ['--debug-asserts takes no value, got "yes"']],
	// kmtop's options that sweep does not read: refused as every command refuses them.
	[['sweep', '--seed', '5'], ['kmtop sweep does not use --seed (it is for the live view, kmtop snapshot and kmtop compare); sweep takes --seeds LIST']],
	[['sweep', '--trace', 'x.txt'], ['kmtop sweep does not use --trace (it is for the live view and kmtop snapshot)']],
	[['sweep', '--rate', '5', '--refresh=100'], [
		'kmtop sweep does not use --rate (it is for the live view and kmtop replay)',
		'kmtop sweep does not use --refresh (it is for the live view and kmtop replay)',
	]],
	[['sweep', '--columns', '80', '--panel', 'map', '--record', 'r.jsonl'], [
		'kmtop sweep does not use --columns (it is for kmtop snapshot and kmtop compare)',
		'kmtop sweep does not use --panel (it is for kmtop snapshot)',
		'kmtop sweep does not use --record (it is for the live view)',
	]],
	[['sweep', 'merge', 'a.jsonl', '--rate', '5'], ['kmtop sweep does not use --rate (it is for the live view and kmtop replay)']],
	[['sweep', 'extra'], ['unexpected argument "extra"; kmtop sweep takes options only (or: kmtop sweep merge FILES…)']],
	[['sweep', 'merge'], ['kmtop sweep merge needs the jsonl files to merge, like: kmtop sweep merge shard-*.jsonl']],
	[['sweep', 'merge', 'a.jsonl', '--seeds', '1..4'], ['--seeds is for running a sweep; kmtop sweep merge takes only --format and -o']],
	// Too big for one command: split it.
	[['sweep', '-w', 'all', '--seeds', '1..200001'], ['this sweep is 1,000,005 runs; one kmtop sweep does at most 1,000,000: split it with --shard K/N']],
	[['sweep', '--seeds', '-9007199254740991..9007199254740991', '--revision', 'all'], ['this sweep is too many runs to count; one kmtop sweep does at most 1,000,000: split it with --shard K/N']],
	// Every problem, one line each, in command-line order.
	[['sweep', '--jobs', '0', '--frob', '--seeds', '3..2', 'x'], [
		'--jobs must be an integer from 1 to 256, got "0"',
		'unknown option "--frob"; see kmtop --help',
		'--seeds "3..2" is an empty range: the first seed comes first (2..3)',
		'unexpected argument "x"; kmtop sweep takes options only (or: kmtop sweep merge FILES…)',
	]],
];

describe('parseSweepArguments', () => {
	it('takes exactly the options command-table.ts says sweep reads', () => {
		const sweepReads = Object.keys(optionTable).filter((name) => usesOption('sweep', name));
		expect(sweepReads.sort()).toEqual(Object.keys(sweepOptionTable).filter((name) => Object.hasOwn(optionTable, name)).sort());
	});

	it('its own options are the ones option-scope.ts names as sweep\'s to the other commands', () => {
		expect(Object.keys(sweepOptionTable).filter((name) => !Object.hasOwn(optionTable, name))).toEqual([...sweepOnlyOptions]);
	});

	it.each(good)('%j', (argv, plan) => {
		expect(parseSweepArguments(argv, context)).toEqual({ok: true, plan});
	});

	it.each(bad)('%j', (argv, errors) => {
		expect(parseSweepArguments(argv, context)).toEqual({ok: false, errors});
	});

	it('a sweep too big for one command is fine as shards of one', () => {
		const result = parseSweepArguments(['sweep', '-w', 'all', '--seeds', '1..200001', '--shard', '1/2'], context);
		expect(result.ok && result.plan.mode === 'run' && result.plan.shard).toEqual({index: 1, count: 2});
	});

	it('more cores than workers allowed: the default is capped too', () => {
		expect(parseSweepArguments(['sweep'], {...context, defaultJobs: 1000})).toEqual({ok: true, plan: run({jobs: 256})});
	});
});
