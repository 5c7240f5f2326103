import {readFileSync} from 'node:fs';
import process from 'node:process';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {parseArguments, type RunPlan} from '../../source/cli/parse-arguments.js';
import {context, MiB} from './parse-context.js';

// Written out rather than imported, so the defaults are pinned here.
const plan = (changes: Partial<RunPlan> = {}): RunPlan => ({
	command: 'live',
	workload: {kind: 'builtin', name: 'vmobject-churn'},
	seed: 1,
	revision: '2021-02-23',
	ramBytes: 512 * MiB,
	rate: 100,
	refreshMs: 250,
	ticks: null,
	format: 'json',
	panel: 'dashboard',
	subheap: null,
	columns: 120,
	output: null,
	trace: null,
	traceSize: 'req',
	traceMsPerTick: null,
	strict: false,
	debugAsserts: false,
	tickTimeoutMs: 5000,
	color: true,
	record: null,
	replay: null,
	boot: null,
	compareRevisions: [],
	...changes,
});

const workloadList = 'built-in workloads: vmobject-churn, logging-burst, fragmentation, big-allocations, leak, drain, steady; or a path to a .js module';
const revisionList = '2020-08-28, 2020-08-29, 2020-09-02, 2020-09-09, 2020-11-04, 2020-12-26, 2020-12-31, 2021-02-23';
const commandList = 'commands: snapshot, replay, compare, sweep, workloads, revisions (none for the live view)';
const ramSize = 'a size in bytes or with a K, M or G suffix, like 512M';

const goodLines: Array<{argv: string[]; changes: Partial<RunPlan>}> = [
	{argv: [], changes: {}},
	{argv: ['snapshot'], changes: {command: 'snapshot'}},
	// Its options are its own (source/sweep/parse-sweep-arguments.ts), read after this.
	{argv: ['sweep', '--seeds', '1..40', '--revision', 'all'], changes: {command: 'sweep'}},
	{argv: ['--jobs', '2', 'sweep', 'merge', 'a.jsonl'], changes: {command: 'sweep'}},
	{argv: ['workloads'], changes: {command: 'workloads'}},
	{argv: ['revisions'], changes: {command: 'revisions'}},
	{argv: ['--record', 's.jsonl', '-w', 'steady'], changes: {record: 's.jsonl', workload: {kind: 'builtin', name: 'steady'}}},
	{argv: ['replay', 's.jsonl', '--rate', '500'], changes: {command: 'replay', replay: 's.jsonl', rate: 500}},
	{argv: ['snapshot', '--replay', 's.jsonl', '--boot', '2', '--ticks', '1200'], changes: {command: 'snapshot', replay: 's.jsonl', boot: 2, ticks: 1200}},
	{argv: ['compare', '--revision', '2020-09-09', '--revision', '2021-02-23', '-w', 'vmobject-churn'], changes: {command: 'compare', revision: '2021-02-23', compareRevisions: ['2020-09-09', '2021-02-23'], workload: {kind: 'builtin', name: 'vmobject-churn'}}},
	{argv: ['--', 'snapshot'], changes: {command: 'snapshot'}},
	{argv: ['-w', 'logging-burst', '--seed', '7'], changes: {workload: {kind: 'builtin', name: 'logging-burst'}, seed: 7}},
	{argv: ['--workload', 'steady'], changes: {workload: {kind: 'builtin', name: 'steady'}}},
	{argv: ['--workload=steady'], changes: {workload: {kind: 'builtin', name: 'steady'}}},
	{argv: ['-w=steady'], changes: {workload: {kind: 'builtin', name: 'steady'}}},
	{argv: ['-wsteady'], changes: {workload: {kind: 'builtin', name: 'steady'}}},
	{argv: ['-w', './my-load.js'], changes: {workload: {kind: 'path', path: './my-load.js'}}},
	{argv: ['-w', 'loads/churn'], changes: {workload: {kind: 'path', path: 'loads/churn'}}},
	{argv: ['-w', 'C:\\loads\\churn'], changes: {workload: {kind: 'path', path: 'C:\\loads\\churn'}}},
	{argv: ['-w', 'churn.mjs'], changes: {workload: {kind: 'path', path: 'churn.mjs'}}},
	{argv: ['-w', 'churn.cjs'], changes: {workload: {kind: 'path', path: 'churn.cjs'}}},
	{argv: ['-w', 'churn.ts'], changes: {workload: {kind: 'path', path: 'churn.ts'}}},
	{argv: ['--seed', '0'], changes: {seed: 0}},
	{argv: ['--seed', '-5'], changes: {seed: -5}},
	{argv: ['--seed=-5'], changes: {seed: -5}},
	{argv: ['--seed', '-0'], changes: {seed: 0}},
	{argv: ['--seed', '007'], changes: {seed: 7}},
	{argv: ['--seed', '9007199254740991'], changes: {seed: Number.MAX_SAFE_INTEGER}},
	{argv: ['--seed', '-9007199254740991'], changes: {seed: -Number.MAX_SAFE_INTEGER}},
	{argv: ['--revision', '2020-08-29'], changes: {revision: '2020-08-29'}},
	{argv: ['--ram', '16M'], changes: {ramBytes: 16 * MiB}},
	{argv: ['--ram', '16777216'], changes: {ramBytes: 16 * MiB}},
	{argv: ['--ram', '65536K'], changes: {ramBytes: 64 * MiB}},
	{argv: ['--ram', '512MiB'], changes: {ramBytes: 512 * MiB}},
	{argv: ['--ram', '1g'], changes: {ramBytes: 1024 * MiB}},
	{argv: ['--ram', '2.5G'], changes: {ramBytes: 2560 * MiB}},
	{argv: ['--ram=4G'], changes: {ramBytes: 4096 * MiB}},
	{argv: ['--rate', '0.5'], changes: {rate: 0.5}},
	{argv: ['--rate', '1000000'], changes: {rate: 1_000_000}},
	{argv: ['--refresh', '50'], changes: {refreshMs: 50}},
	{argv: ['--refresh', '5000'], changes: {refreshMs: 5000}},
	{argv: ['snapshot', '--ticks', '0'], changes: {command: 'snapshot', ticks: 0}},
	{argv: ['snapshot', '--ticks=5'], changes: {command: 'snapshot', ticks: 5}},
	{argv: ['snapshot', '--format', 'text', '--columns', '40'], changes: {command: 'snapshot', format: 'text', columns: 40}},
	{argv: ['snapshot', '--format=text', '--columns=1000'], changes: {command: 'snapshot', format: 'text', columns: 1000}},
	{argv: ['snapshot', '-o', 'run.json'], changes: {command: 'snapshot', output: 'run.json'}},
	{argv: ['snapshot', '-o=run.json'], changes: {command: 'snapshot', output: 'run.json'}},
	{argv: ['snapshot', '--output', 'out dir/run.json'], changes: {command: 'snapshot', output: 'out dir/run.json'}},
	{argv: ['snapshot', '-o', '-'], changes: {command: 'snapshot', output: null}},
	// Values as typed, quotes and all (meow's parser would strip a pair).
	{argv: ['snapshot', '-o', '"run".json'], changes: {command: 'snapshot', output: '"run".json'}},
	{argv: ['snapshot', '-o', '"run.json"'], changes: {command: 'snapshot', output: '"run.json"'}},
	{argv: ['snapshot', "--output='"], changes: {command: 'snapshot', output: "'"}},
	{argv: ['-w', 'steady=x.js'], changes: {workload: {kind: 'path', path: 'steady=x.js'}}},
	{
		argv: ['snapshot', '--trace', 'kmem.txt.gz', '--trace-size', 'alloc', '--trace-ms-per-tick', '2.5', '--strict'],
		changes: {command: 'snapshot', trace: 'kmem.txt.gz', traceSize: 'alloc', traceMsPerTick: 2.5, strict: true},
	},
	{argv: ['--debug-asserts', '--no-color'], changes: {debugAsserts: true, color: false}},
	{argv: ['--tick-timeout', '0.5'], changes: {tickTimeoutMs: 500}},
	{argv: ['snapshot', '--tick-timeout=30'], changes: {command: 'snapshot', tickTimeoutMs: 30_000}},
	// Options and the command in any order.
	{argv: ['--seed', '3', 'snapshot', '--ticks', '10'], changes: {command: 'snapshot', seed: 3, ticks: 10}},
	// The last occurrence wins, and an overridden bad value is not an error.
	{argv: ['--seed', '1', '--seed', '2'], changes: {seed: 2}},
	{argv: ['--seed', 'abc', '--seed=3'], changes: {seed: 3}},
	{argv: ['-w', 'leak', '--workload', 'drain'], changes: {workload: {kind: 'builtin', name: 'drain'}}},
	// Each command takes the options its runner reads (command-table.ts, usedBy), and --no-color.
	{argv: ['replay', 's.jsonl', '--refresh', '100', '--tick-timeout', '9', '--no-color'], changes: {command: 'replay', replay: 's.jsonl', refreshMs: 100, tickTimeoutMs: 9000, color: false}},
	{argv: ['--trace', 'k.txt', '--trace-size', 'alloc', '--strict', '--tick-timeout', '9'], changes: {trace: 'k.txt', traceSize: 'alloc', strict: true, tickTimeoutMs: 9000}},
	{
		argv: ['compare', '--revision', '2020-09-09', '--revision', '2021-02-23', '--ticks', '50', '--format', 'text', '--columns', '77', '-o', 'c.txt', '--debug-asserts', '--tick-timeout', '9'],
		changes: {command: 'compare', revision: '2021-02-23', compareRevisions: ['2020-09-09', '2021-02-23'], ticks: 50, format: 'text', columns: 77, output: 'c.txt', debugAsserts: true, tickTimeoutMs: 9000},
	},
	{argv: ['workloads', '--no-color'], changes: {command: 'workloads', color: false}},
	{argv: ['revisions', '--no-color'], changes: {command: 'revisions', color: false}},
];

describe('parseArguments: good lines', () => {
	it.each(goodLines)('$argv', ({argv, changes}) => {
		expect(parseArguments(argv, context)).toEqual({ok: true, plan: plan(changes)});
	});
});

describe('parseArguments: help and version win, anywhere before --', () => {
	it.each([
		{argv: ['--help'], command: 'help'},
		{argv: ['-h'], command: 'help'},
		{argv: ['--help=no'], command: 'help'},
		{argv: ['snapshot', '--ticks', '5', '--help'], command: 'help'},
		{argv: ['-w', 'steady', '-h'], command: 'help'},
		{argv: ['--seed', 'abc', '--bogus', 'nonsense', '-h'], command: 'help'},
		{argv: ['--version'], command: 'version'},
		{argv: ['-v'], command: 'version'},
		{argv: ['snapshot', '-v'], command: 'version'},
		{argv: ['--ram', '1K', '--version'], command: 'version'},
		{argv: ['-v', '-h'], command: 'help'},
		{argv: ['--version', '--help'], command: 'help'},
		{argv: ['-hv'], command: 'help'},
		{argv: ['-hw', 'steady'], command: 'help'},
	] as const)('$argv → $command, with the default plan', ({argv, command}) => {
		expect(parseArguments([...argv], context)).toEqual({ok: true, plan: plan({command})});
	});
});

const badLines: Array<{argv: string[]; errors: string[]}> = [
	// Unknown options, with a suggestion when one is close.
	{argv: ['--sed', '5'], errors: ['unknown option "--sed" (did you mean --seed?)']},
	{argv: ['--sed=5'], errors: ['unknown option "--sed" (did you mean --seed?)']},
	{argv: ['--SEED', '5'], errors: ['unknown option "--SEED" (did you mean --seed?)']},
	{argv: ['-seed', '5'], errors: ['unknown option "-seed" (did you mean --seed?)']},
	{argv: ['---seed', '5'], errors: ['unknown option "---seed" (did you mean --seed?)']},
	{argv: ['--no-colour'], errors: ['unknown option "--no-colour" (did you mean --no-color?)']},
	{argv: ['--debug-assert'], errors: ['unknown option "--debug-assert" (did you mean --debug-asserts?)']},
	{argv: ['--frobnicate'], errors: ['unknown option "--frobnicate"; see kmtop --help']},
	{argv: ['-x'], errors: ['unknown option "-x"; see kmtop --help']},
	{argv: ['-xh'], errors: ['unknown option "-xh"; see kmtop --help']},
	{argv: ['-hx'], errors: ['unknown option "-hx"; see kmtop --help']},
	{argv: ['--constructor', '--__proto__'], errors: ['unknown option "--constructor"; see kmtop --help', 'unknown option "--__proto__"; see kmtop --help']},
	// Commands and stray words.
	{argv: ['foo'], errors: [`unknown command "foo"; ${commandList}`]},
	{argv: ['snapshto'], errors: [`unknown command "snapshto" (did you mean snapshot?); ${commandList}`]},
	{argv: ['swep'], errors: [`unknown command "swep" (did you mean sweep?); ${commandList}`]},
	{argv: ['--', '--help'], errors: [`unknown command "--help"; ${commandList}`]},
	{argv: ['snapshot', 'run.json'], errors: ['unexpected argument "run.json"; kmtop snapshot takes options only']},
	{argv: ['workloads', 'a', 'b'], errors: ['unexpected argument "a"; kmtop workloads takes options only', 'unexpected argument "b"; kmtop workloads takes options only']},
	// A missing value, at the end, before another option, or empty.
	{argv: ['--seed'], errors: ['--seed needs a value: an integer']},
	{argv: ['--seed='], errors: ['--seed needs a value: an integer']},
	{argv: ['--seed', ''], errors: ['--seed needs a value: an integer']},
	{argv: ['snapshot', '--seed', '--ticks', '5'], errors: ['--seed needs a value: an integer']},
	{argv: ['-w', '--seed', 'x'], errors: ['-w needs a value: a built-in workload name or a path to a workload module', '--seed must be an integer, got "x"']},
	{argv: ['--revision'], errors: [`--revision needs a value: one of ${revisionList}`]},
	{argv: ['--ram'], errors: [`--ram needs a value: ${ramSize}`]},
	{argv: ['snapshot', '--format'], errors: ['--format needs a value: json or text']},
	{argv: ['snapshot', '-o'], errors: ['-o needs a value: a file path, or - for stdout']},
	{argv: ['--trace'], errors: ['--trace needs a value: a trace file path']},
	// Seeds: decimal integers only.
	{argv: ['--seed', 'abc'], errors: ['--seed must be an integer, got "abc"']},
	{argv: ['help'], errors: ['unknown command "help"; did you mean kmtop --help?']},
	{argv: ['version'], errors: ['unknown command "version"; did you mean kmtop --version?']},
	{argv: ['replay'], errors: ['kmtop replay needs the recording to play: kmtop replay FILE (made with kmtop --record FILE)']},
	{argv: ['replay', 's.jsonl', '--seed', '2'], errors: ['--seed comes from the recording that kmtop replay plays; leave it out']},
	{argv: ['snapshot', '--boot', '2'], errors: ['--boot picks a boot of a recording: add --replay FILE']},
	{argv: ['--replay', 's.jsonl'], errors: ['--replay is for kmtop snapshot; to watch a recording: kmtop replay FILE']},
	{argv: ['compare', '--revision', '2020-09-09'], errors: ['kmtop compare needs two --revision options, the kernels to compare (got 1); e.g. --revision 2020-09-09 --revision 2021-02-23']},
	{argv: ['compare', '--revision', '2021-02-23', '--revision', '2021-02-23'], errors: ['kmtop compare needs two different revisions, got 2021-02-23 twice']},
	{
		argv: ['compare', '--revision', '2020-12-31', '--revision', '2021-02-23', '--trace', 'kmem.txt'],
		errors: ['kmtop compare cannot replay --trace: a trace is read once, by one kernel (replay it with kmtop snapshot --trace FILE --revision ID, once per revision)'],
	},
	{argv: ['--seed', '1.5'], errors: ['--seed must be an integer, got "1.5"']},
	{argv: ['--seed', '1e3'], errors: ['--seed must be an integer, got "1e3"']},
	{argv: ['--seed', '0x10'], errors: ['--seed must be an integer, got "0x10"']},
	{argv: ['--seed', '+5'], errors: ['--seed must be an integer, got "+5"']},
	{argv: ['--seed', ' 5'], errors: ['--seed must be an integer, got " 5"']},
	{argv: ['--seed', '9007199254740992'], errors: ['--seed must be an integer from -9007199254740991 to 9007199254740991, got "9007199254740992"']},
	// Ticks: non-negative integers.
	{argv: ['snapshot', '--ticks', '-5'], errors: ['--ticks must be a non-negative integer, got "-5"']},
	{argv: ['snapshot', '--ticks=-5'], errors: ['--ticks must be a non-negative integer, got "-5"']},
	{argv: ['snapshot', '--ticks', 'many'], errors: ['--ticks must be a non-negative integer, got "many"']},
	{argv: ['snapshot', '--ticks', '2.5'], errors: ['--ticks must be a non-negative integer, got "2.5"']},
	{argv: ['snapshot', '--ticks', '99999999999999999'], errors: ['--ticks must be an integer from 0 to 9007199254740991, got "99999999999999999"']},
	// Workloads and revisions list the valid ones.
	{argv: ['-w', 'foo'], errors: [`unknown workload "foo"; ${workloadList}`]},
	{argv: ['--workload=stedy'], errors: [`unknown workload "stedy" (did you mean steady?); ${workloadList}`]},
	{argv: ['--revision', '2019-01-01'], errors: [`unknown revision "2019-01-01"; revisions: ${revisionList}`]},
	// RAM: a size, big enough to boot, small enough, in whole pages.
	{argv: ['--ram', '12M'], errors: ['--ram "12M" is too small to boot: at least 16M']},
	{argv: ['--ram', '0'], errors: ['--ram "0" is too small to boot: at least 16M']},
	{argv: ['--ram', '8G'], errors: ['--ram "8G" is too large: at most 4G']},
	{argv: ['--ram', '99999999999999999999G'], errors: ['--ram "99999999999999999999G" is too large: at most 4G']},
	{argv: ['--ram', '16777217'], errors: ['--ram "16777217" is not a whole number of 4K pages: try 16M']},
	{argv: ['--ram', '20001K'], errors: ['--ram "20001K" is not a whole number of 4K pages: try 20000K']},
	{argv: ['--ram', 'lots'], errors: [`--ram must be ${ramSize}, got "lots"`]},
	{argv: ['--ram', '512X'], errors: [`--ram must be ${ramSize}, got "512X"`]},
	{argv: ['--ram', '-512M'], errors: [`--ram must be ${ramSize}, got "-512M"`]},
	// Rate, refresh, format, columns and the trace options.
	{argv: ['--rate', '0'], errors: ['--rate must be a number of ticks per second above 0, at most 1000000, got "0"']},
	{argv: ['--rate', '-1'], errors: ['--rate must be a number of ticks per second above 0, at most 1000000, got "-1"']},
	{argv: ['--rate', '1000001'], errors: ['--rate must be a number of ticks per second above 0, at most 1000000, got "1000001"']},
	{argv: ['--rate', '1e3'], errors: ['--rate must be a number of ticks per second above 0, at most 1000000, got "1e3"']},
	{argv: ['--rate', 'fast'], errors: ['--rate must be a number of ticks per second above 0, at most 1000000, got "fast"']},
	{argv: ['--refresh', '10'], errors: ['--refresh must be an integer from 50 to 5000 (milliseconds), got "10"']},
	{argv: ['--refresh', '5001'], errors: ['--refresh must be an integer from 50 to 5000 (milliseconds), got "5001"']},
	{argv: ['--refresh', '250.5'], errors: ['--refresh must be an integer from 50 to 5000 (milliseconds), got "250.5"']},
	{argv: ['--refresh', '250ms'], errors: ['--refresh must be an integer from 50 to 5000 (milliseconds), got "250ms"']},
	{argv: ['snapshot', '--format', 'xml'], errors: ['--format must be json or text, got "xml"']},
	{argv: ['snapshot', '--format', 'JSON'], errors: ['--format must be json or text, got "JSON"']},
	{argv: ['snapshot', '--format', 'text', '--columns', '39'], errors: ['--columns must be an integer from 40 to 1000, got "39"']},
	{argv: ['snapshot', '--format', 'text', '--columns', '1001'], errors: ['--columns must be an integer from 40 to 1000, got "1001"']},
	{argv: ['snapshot', '--format', 'text', '--columns', 'wide'], errors: ['--columns must be an integer from 40 to 1000, got "wide"']},
	{argv: ['--tick-timeout', '0'], errors: ['--tick-timeout must be a number of seconds above 0, at most 3600, got "0"']},
	{argv: ['--tick-timeout', '5s'], errors: ['--tick-timeout must be a number of seconds above 0, at most 3600, got "5s"']},
	{argv: ['--tick-timeout', '3601'], errors: ['--tick-timeout must be a number of seconds above 0, at most 3600, got "3601"']},
	{argv: ['--trace-size', 'bytes'], errors: ['--trace-size must be req or alloc, got "bytes"']},
	{argv: ['--trace-ms-per-tick', '0'], errors: ['--trace-ms-per-tick must be a number of milliseconds above 0, got "0"']},
	{argv: ['--trace-ms-per-tick', '9'.repeat(400)], errors: [`--trace-ms-per-tick must be a number of milliseconds above 0, got "${'9'.repeat(400)}"`]},
	{argv: ['--trace-ms-per-tick', 'slow'], errors: ['--trace-ms-per-tick must be a number of milliseconds above 0, got "slow"']},
	{argv: ['--trace', 'kmem.txt', '-w', 'leak'], errors: ['--trace replays a trace as the workload, so it cannot be combined with -w']},
	// An option the command does not read is refused, named as typed, with where it applies.
	{argv: ['snapshot', '--rate', '5'], errors: ['kmtop snapshot does not use --rate (it is for the live view and kmtop replay)']},
	{argv: ['snapshot', '--refresh=100'], errors: ['kmtop snapshot does not use --refresh (it is for the live view and kmtop replay)']},
	{argv: ['snapshot', '--record', 's.jsonl'], errors: ['kmtop snapshot does not use --record (it is for the live view)']},
	{argv: ['--ticks', '500'], errors: ['the live view does not use --ticks (it is for kmtop snapshot, kmtop compare and kmtop sweep)']},
	{argv: ['--format', 'text', '-o', 'run.txt'], errors: [
		'the live view does not use --format (it is for kmtop snapshot, kmtop compare and kmtop sweep)',
		'the live view does not use -o (it is for kmtop snapshot, kmtop compare and kmtop sweep)',
	]},
	{argv: ['--columns', '100', '--panel', 'map', '--subheap', '1'], errors: [
		'the live view does not use --columns (it is for kmtop snapshot and kmtop compare)',
		'the live view does not use --panel (it is for kmtop snapshot)',
		'the live view does not use --subheap (it is for kmtop snapshot)',
	]},
	{argv: ['--boot', '2'], errors: ['the live view does not use --boot (it is for kmtop snapshot)']},
	// kmtop sweep's own options are named as sweep's, not called unknown (with --seed offered where it counts).
	{argv: ['snapshot', '--seeds', '1..5'], errors: ['kmtop snapshot does not use --seeds (it is for kmtop sweep; kmtop snapshot takes --seed N)']},
	{argv: ['--jobs=2', '--shard', '1/2'], errors: ['the live view does not use --jobs (it is for kmtop sweep)', 'the live view does not use --shard (it is for kmtop sweep)']},
	{argv: ['workloads', '--seeds', '3'], errors: ['kmtop workloads does not use --seeds (it is for kmtop sweep)']},
	{argv: ['snapshot', '-seeds', '3'], errors: ['unknown option "-seeds" (did you mean --seed?)']},
	{argv: ['bogus', '--jobs', '2'], errors: ['unknown command "bogus"; commands: snapshot, replay, compare, sweep, workloads, revisions (none for the live view)', 'unknown option "--jobs"; see kmtop --help']},
	// Not checked: an option a command ignores is refused whatever its value.
	{argv: ['snapshot', '--rate', 'fast'], errors: ['kmtop snapshot does not use --rate (it is for the live view and kmtop replay)']},
	{argv: ['workloads', '--seed', '3'], errors: ['kmtop workloads does not use --seed (it is for the live view, kmtop snapshot and kmtop compare)']},
	{argv: ['revisions', '-w', 'leak', '--tick-timeout', '9'], errors: [
		'kmtop revisions does not use -w (it is for the live view, kmtop snapshot, kmtop compare and kmtop sweep)',
		'kmtop revisions does not use --tick-timeout (it is for the live view, kmtop replay, kmtop snapshot, kmtop compare and kmtop sweep)',
	]},
	{argv: ['replay', 's.jsonl', '--format', 'text'], errors: ['kmtop replay does not use --format (it is for kmtop snapshot, kmtop compare and kmtop sweep)']},
	{argv: ['replay', 's.jsonl', '--ticks', '50', '-o', 'x'], errors: [
		'kmtop replay does not use --ticks (it is for kmtop snapshot, kmtop compare and kmtop sweep)',
		'kmtop replay does not use -o (it is for kmtop snapshot, kmtop compare and kmtop sweep)',
	]},
	{argv: ['replay', 's.jsonl', '--strict'], errors: ['--strict comes from the recording that kmtop replay plays; leave it out']},
	{argv: ['snapshot', '--replay', 's.jsonl', '--trace-size', 'alloc'], errors: ['--trace-size comes from the recording that --replay plays; leave it out']},
	{argv: ['compare', '--revision', '2020-09-09', '--revision', '2021-02-23', '--rate', '5', '--panel', 'map', '--seed', '3'], errors: [
		'kmtop compare does not use --rate (it is for the live view and kmtop replay)',
		'kmtop compare does not use --panel (it is for kmtop snapshot)',
	]},
	{argv: ['compare', '--revision', '2020-09-09', '--revision', '2021-02-23', '--strict'], errors: ['kmtop compare does not use --strict (it is for the live view and kmtop snapshot)']},
	// An option that counts only with another.
	{argv: ['snapshot', '--columns', '100'], errors: ['--columns is the width of --format text: add --format text']},
	{argv: ['snapshot', '--panel', 'dashboard'], errors: ['--panel dashboard draws text: add --format text']},
	{argv: ['snapshot', '--strict', '--trace-ms-per-tick', '2'], errors: ['--strict is for a trace replay: add --trace FILE', '--trace-ms-per-tick is for a trace replay: add --trace FILE']},
	{argv: ['--trace-size', 'alloc'], errors: ['--trace-size is for a trace replay: add --trace FILE']},
	// compare's side-by-side table needs 77 columns (compare-columns.ts).
	{argv: ['compare', '--revision', '2020-09-09', '--revision', '2021-02-23', '--format', 'text', '--columns', '76'], errors: ['kmtop compare --format text needs --columns 77 or more, for two revisions side by side; got 76']},
	// Switches take no value.
	{argv: ['--strict=yes'], errors: ['--strict takes no value, got "yes"']},
	{argv: ['--no-color=false'], errors: ['--no-color takes no value, got "false"']},
	{argv: ['--debug-asserts=1'], errors: ['--debug-asserts takes no value, got "1"']},
	// The last occurrence is the one read.
	{argv: ['--seed', '3', '--seed', 'x'], errors: ['--seed must be an integer, got "x"']},
	// Every error, in command-line order.
	{
		argv: ['snapshto', '--seed', 'abc', '--sed', '4', '--ticks', '-5', '--ram', '12M', '-w', 'foo', '--revision', 'x', '--format', 'xml'],
		errors: [
			`unknown command "snapshto" (did you mean snapshot?); ${commandList}`,
			'--seed must be an integer, got "abc"',
			'unknown option "--sed" (did you mean --seed?)',
			'--ticks must be a non-negative integer, got "-5"',
			'--ram "12M" is too small to boot: at least 16M',
			`unknown workload "foo"; ${workloadList}`,
			`unknown revision "x"; revisions: ${revisionList}`,
			'--format must be json or text, got "xml"',
		],
	},
	{argv: ['--format', 'xml', 'snapshot', 'extra', '--bogus'], errors: [
		'--format must be json or text, got "xml"',
		'unexpected argument "extra"; kmtop snapshot takes options only',
		'unknown option "--bogus"; see kmtop --help',
	]},
];

describe('parseArguments: bad lines', () => {
	it.each(badLines)('$argv', ({argv, errors}) => {
		expect(parseArguments(argv, context)).toEqual({ok: false, errors});
	});

	it('writes every error on one line, without a "kmtop:" prefix', () => {
		for (const {argv} of badLines) {
			const result = parseArguments(argv, context);
			const errors = result.ok ? [] : result.errors;
			expect(errors.length).toBeGreaterThan(0);
			for (const error of errors) {
				expect(error).not.toMatch(/\n|^kmtop:/);
			}
		}
	});
});

describe('parseArguments is pure', () => {
	afterEach(() => {
		vi.restoreAllMocks();
	});

	it('does not exit, print, retitle the process or change its argv', () => {
		const exit = vi.spyOn(process, 'exit').mockImplementation(() => {
			throw new Error('process.exit called');
		});
		const printers = (['log', 'error', 'warn', 'info'] as const).map(name => vi.spyOn(console, name));
		// What ps and pgrep -f read: meow retitles the process, which on Linux overwrites it.
		const commandLine = () => (process.platform === 'linux' ? readFileSync('/proc/self/cmdline', 'utf8').replace(/\0+$/, '').replaceAll('\0', ' ') : process.title);
		const before = commandLine();
		for (const {argv} of [...goodLines, ...badLines, {argv: ['--help']}, {argv: ['--version']}]) {
			const frozen = Object.freeze([...argv]) as string[];
			expect(parseArguments(frozen, context)).toEqual(parseArguments([...argv], context));
		}

		expect(exit).not.toHaveBeenCalled();
		for (const printer of printers) {
			expect(printer).not.toHaveBeenCalled();
		}

		expect(commandLine()).toBe(before);
	});
});
