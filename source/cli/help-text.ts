import {PAGE_SIZE} from '../kernel/constants.js';
import {liveKeys} from '../view/live-keys.js';
import type {ParseContext} from './parse-arguments.js';
import {formatSize} from './parse-size.js';
import {defaults, limits} from './read-option.js';

type Row = [label: string, text: string];
type Section = {title: string; rows: Row[]};

// Glued with no-break spaces so a default never wraps away from its value; `wrap` unglues them.
const byDefault = (value: string | number) => `(default: ${value})`.replaceAll(' ', '\u00A0');

// Greedy word wrap at ordinary spaces. A word longer than the width gets a line of its own rather than being cut.
const wrap = (text: string, width: number): string[] => {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line !== '' && line.length + 1 + word.length > width) {
			lines.push(line);
			line = word;
		} else {
			line = line === '' ? word : `${line} ${word}`;
		}
	}

	return [...lines, line].map(text => text.replaceAll('\u00A0', ' '));
};

// Labels in one column, texts in the next, wrapped under themselves.
const renderRows = (rows: Row[], labelWidth: number, columns: number): string[] => rows.flatMap(([label, text]) =>
	wrap(text, Math.max(20, columns - labelWidth - 2)).map((line, index) => `  ${(index === 0 ? label : '').padEnd(labelWidth)}${line}`));

const optionSections = (context: ParseContext): Section[] => [
	{title: 'Usage', rows: [
		['kmtop [options]', 'the live dashboard (needs a terminal)'],
		['kmtop snapshot [options]', 'run headless, write one snapshot, exit'],
		['kmtop replay FILE', 'play back a session recorded with --record, all live keys working'],
		['kmtop compare [options]', 'two --revision on the same seed and workload, side by side, and the first tick they part'],
		['kmtop sweep [options]', 'runs on every core: seeds × workloads × revisions'],
		['kmtop sweep merge FILES…', "the summary of shards' --format jsonl rows"],
		['kmtop workloads', 'list the workloads'],
		['kmtop revisions', 'list the kernel revisions'],
	]},
	{title: 'Options', rows: [
		['-w, --workload NAME|PATH', `a built-in workload, or a path to a workload module ${byDefault(context.defaultWorkload)}`],
		['--seed N', `integer seed; same seed, same run ${byDefault(defaults.seed)}`],
		['--revision ID', `kernel revision, see kmtop revisions ${byDefault(context.defaultRevision)}`],
		['--ram SIZE', `simulated RAM in bytes or with a K, M or G suffix, whole ${formatSize(PAGE_SIZE)} pages from ${formatSize(context.minRamBytes)} to ${formatSize(context.maxRamBytes)} ${byDefault(formatSize(defaults.ramBytes))}`],
		['--tick-timeout SECONDS', `a workload hook running longer is stopped as hung ${byDefault(defaults.tickTimeoutMs / 1000)}`],
		['--debug-asserts', 'check the whole heap after every kernel call (slow)'],
		['--no-color', 'no colours (also NO_COLOR, FORCE_COLOR, TERM=dumb)'],
		['-h, --help', 'show this help'],
		['-v, --version', 'show the version'],
	]},
	{title: 'Live view options', rows: [
		['--rate N', `ticks per second, up to ${limits.maxRate} ${byDefault(defaults.rate)}`],
		['--refresh MS', `redraw every MS ms, ${limits.refreshMs.join(' to ')} ${byDefault(defaults.refreshMs)}`],
		['--record FILE', 'write the session to FILE as it goes: its start and every key that changed the simulation, with its tick'],
	]},
	{title: 'Snapshot options', rows: [
		['--ticks N', `ticks to run, 0 to only boot ${byDefault(`${defaults.ticks}, or a whole --trace`)}`],
		['--format json|text', `JSON, or the dashboard as plain text ${byDefault(defaults.format)}`],
		['--columns N', `width for --format text, ${limits.columns.join(' to ')} ${byDefault(defaults.columns)}`],
		['--panel dashboard|map', `with --format text: the dashboard, or one subheap's chunk map, free runs and fragmentation index ${byDefault(defaults.panel)}`],
		['--subheap N', `the subheap --panel map draws, numbered as in the Subheaps panel ${byDefault('0, the pool')}`],
		['-o, --output FILE', `write to FILE, atomically ${byDefault('- for stdout')}`],
		['--replay FILE', "a recording's run, to --ticks of its last boot (or of --boot N); the recording's end by default"],
		['--boot N', 'with --replay: the boot --ticks counts in'],
	]},
	{title: 'Compare options (the others as for a snapshot)', rows: [
		['--revision ID, twice', `the two revisions, in order; --ticks ${byDefault(10_000)}`],
	]},
	{title: 'Sweep options (--ticks, -o as for a snapshot)', rows: [
		['-w, --revision, --ram', 'take comma lists; -w and --revision also all'],
		['--seeds LIST', `seeds like 1..1000 or 1,5,9 ${byDefault('1..100')}`],
		['--jobs N', `worker threads ${byDefault('one per core')}`],
		['--shard K/N', 'run only the K-th of N slices (docs/sweep.md)'],
		['--format table|jsonl|csv', `the summary, or one row per run ${byDefault('table')}`],
	]},
	{title: 'Trace replay options', rows: [
		['--trace FILE', 'replay a Linux kmem trace (ftrace or perf script text, or .gz; - or a pipe is read once) as the workload'],
		['--trace-size req|alloc', `size allocations by bytes_req or bytes_alloc ${byDefault(defaults.traceSize)}`],
		['--trace-ms-per-tick N', `trace milliseconds per tick ${byDefault('automatic; 0.05 for a pipe')}`],
		['--strict', 'stop at the first malformed trace line, not skip it'],
	]},
];

const examples = [
	'kmtop -w logging-burst --seed 7',
	'kmtop snapshot --ticks 5000 --revision 2020-08-29 -o run.json',
	'kmtop sweep -w big-allocations --revision all --seeds 1..40',
	'kmtop compare --revision 2020-09-09 --revision 2021-02-23',
	'kmtop --record s.jsonl; kmtop replay s.jsonl',
];

const labelWidth = (rows: Row[]) => Math.max(...rows.map(([label]) => label.length)) + 2;

/**
The text of `kmtop --help`: commands, options with their defaults, the live keys and a few examples.

Plain text without colour codes, wrapped to `columns` (80 by default), with no trailing newline.
*/
export const helpText = (context: ParseContext, {version, columns = 80}: {version: string; columns?: number}): string => {
	const sections = optionSections(context);
	// One label column for every option section, so they line up with each other.
	const width = labelWidth(sections.flatMap(section => section.rows));
	const blocks = [
		wrap(`kmtop ${version}: a terminal monitor for a simulated SerenityOS kernel heap`, columns),
		...sections.map(({title, rows}) => [title, ...renderRows(rows, width, columns)]),
		// The help overlay's table (cli.md, "Keys (live)"), so the two cannot drift apart.
		['Keys in the live view', ...renderRows(liveKeys, labelWidth(liveKeys), columns)],
		['Examples', ...examples.map(example => `  ${example}`)],
	];
	return blocks.map(lines => lines.join('\n')).join('\n\n');
};
