// The pure validation layer on top of meow: the command line in, a run plan or every problem
// with it out. The options and commands themselves are in command-table.ts.

import {type CommandName, commandTable, defaults, optionTable} from './command-table.js';
import {dependentIssues, type Issue, sweepOnlyOption, unusedOption, usesOption} from './option-scope.js';
import {readCommandLine, type OptionOccurrence} from './read-command-line.js';
import {formatList, suggest} from './read-value.js';

export type ParseContext = {
	/** Built-in workloads, in list order. */
	workloadNames: string[];
	/** Kernel revisions, in list order. */
	revisionIds: string[];
	defaultRevision: string;
	defaultWorkload: string;
	/** The smallest RAM that boots (the kernel gives it). */
	minRamBytes: number;
	maxRamBytes: number;
};

export type Command = (typeof commandTable)[number]['name'] | 'help' | 'version';

export const panels = ['dashboard', 'map'] as const;
export type Panel = (typeof panels)[number];

export type RunPlan = {
	command: Command;
	workload: {kind: 'builtin'; name: string} | {kind: 'path'; path: string};
	seed: number;
	revision: string;
	ramBytes: number;
	/** Live view. */
	rate: number;
	refreshMs: number;
	/** Snapshot; `null` means the default: 1000, or to the end of a `--trace`. */
	ticks: number | null;
	format: 'json' | 'text';
	/** For --format text: the whole dashboard, or one subheap's chunk map. */
	panel: Panel;
	/** The subheap `--panel map` draws (`null`: the pool, #0). */
	subheap: number | null;
	columns: number;
	/** `null` is stdout. */
	output: string | null;
	trace: string | null;
	traceSize: 'req' | 'alloc';
	/** `null` leaves the pace to the trace player. */
	traceMsPerTick: number | null;
	strict: boolean;
	debugAsserts: boolean;
	/** The watchdog: a workload hook that runs longer than this is stopped as hung. */
	tickTimeoutMs: number;
	/** The flag only: the caller also honours NO_COLOR, FORCE_COLOR and TERM=dumb. */
	color: boolean;
	/** Live view: write the session's recording here as it goes. */
	record: string | null;
	/** `kmtop replay FILE`, `kmtop snapshot --replay FILE`: the recording to play. */
	replay: string | null;
	/** With --replay: the boot --ticks counts in (`null`: the recording's last). */
	boot: number | null;
	/** `kmtop compare`: the two revisions, in the order given. */
	compareRevisions: string[];
};

export type ParseResult = {ok: true; plan: RunPlan} | {ok: false; errors: string[]};

/** The words that name a command; none is the live view. */
export const commands = commandTable.flatMap(command => 'word' in command ? [command.word] : []);

const defaultPlan = (context: ParseContext): RunPlan => ({
	command: 'live',
	workload: {kind: 'builtin', name: context.defaultWorkload},
	seed: defaults.seed,
	revision: context.defaultRevision,
	ramBytes: defaults.ramBytes,
	rate: defaults.rate,
	refreshMs: defaults.refreshMs,
	ticks: null,
	format: defaults.format,
	panel: defaults.panel,
	subheap: null,
	columns: defaults.columns,
	output: null,
	trace: null,
	traceSize: defaults.traceSize,
	traceMsPerTick: null,
	strict: false,
	debugAsserts: false,
	tickTimeoutMs: defaults.tickTimeoutMs,
	color: true,
	record: null,
	replay: null,
	boot: null,
	compareRevisions: [],
});

const unknownOption = (flag: string) =>
	`unknown option "${flag}"${suggest(flag.replace(/^-+/, ''), Object.keys(optionTable), '--') || '; see kmtop --help'}`;

// `kmtop help` and `kmtop version`, as git and npm take them, are pointed at the options.
const optionWords: Record<string, string> = {help: '--help', version: '--version'};

const unknownCommand = (word: string) =>
	word in optionWords
		? `unknown command "${word}"; did you mean kmtop ${optionWords[word]}?`
		: `unknown command "${word}"${suggest(word, commands)}; commands: ${formatList(commands)} (none for the live view)`;

type Word = {value: string; position: number};

// The first word names the command; any other word is one too many, but for the file `replay` plays.
// `known` is false when the word names no command.
const readCommand = ([first, ...rest]: Word[]): {command: CommandName; known: boolean; file?: string; issues: Issue[]} => {
	if (!first) {
		return {command: 'live', known: true, issues: []};
	}

	const command = commandTable.find(entry => 'word' in entry && entry.word === first.value)?.name;
	if (!command) {
		return {command: 'live', known: false, issues: [{position: first.position, message: unknownCommand(first.value)}]};
	}

	if (command === 'replay') {
		const [file, ...extra] = rest;
		const issues = file ? [] : [{position: first.position, message: 'kmtop replay needs the recording to play: kmtop replay FILE (made with kmtop --record FILE)'}];
		return {command, known: true, ...(file ? {file: file.value} : {}), issues: [...issues, ...extra.map(({position, value}) => ({position, message: `unexpected argument "${value}"; kmtop replay plays one recording`}))]};
	}

	return {command, known: true, issues: rest.map(({position, value}) => ({position, message: `unexpected argument "${value}"; kmtop ${command} takes options only`}))};
};

/** What a recording fixes (the run it was made with), so a replay cannot be given it too. */
const fixedByRecording = ['workload', 'seed', 'revision', 'ram', 'trace', 'trace-size', 'trace-ms-per-tick', 'strict', 'debug-asserts'] as const;

// A replay's run is the recording's; compare takes two --revision and no trace. These name what
// the option is for better than unusedOption does, so they come first.
const replayIssues = (command: CommandName, latest: Map<string, OptionOccurrence>, revisionWords: OptionOccurrence[]): Issue[] => {
	const issues: Issue[] = [];
	const replay = latest.get('replay');
	const replaying = command === 'replay' || replay !== undefined;
	if (replaying) {
		const source = command === 'replay' ? 'kmtop replay' : replay!.flag;
		for (const name of fixedByRecording) {
			const option = latest.get(name);
			if (option) {
				issues.push({position: option.position, option: name, message: `${option.flag} comes from the recording that ${source} plays; leave it out`});
			}
		}

		const record = latest.get('record');
		if (record) {
			issues.push({position: record.position, option: 'record', message: `${record.flag} records a new session, and ${source} plays one already recorded`});
		}
	}

	if (replay && command !== 'snapshot') {
		issues.push({position: replay.position, option: 'replay', message: `${replay.flag} is for kmtop snapshot; to watch a recording: kmtop replay FILE`});
	}

	if (command === 'compare') {
		if (revisionWords.length !== 2) {
			const position = revisionWords.at(-1)?.position ?? 0;
			issues.push({position, message: `kmtop compare needs two --revision options, the kernels to compare (got ${revisionWords.length}); e.g. --revision 2020-09-09 --revision 2021-02-23`});
		} else if (revisionWords[0]!.value === revisionWords[1]!.value) {
			issues.push({position: revisionWords[1]!.position, message: `kmtop compare needs two different revisions, got ${String(revisionWords[0]!.value)} twice`});
		}

		// Both kernels would share the one reader of the file: the compare ran to its end with
		// nothing replayed (6 kmallocs, the boot's) and reported it as the trace's. The live
		// view's `c` refuses a trace the same way.
		const trace = latest.get('trace');
		if (trace) {
			issues.push({position: trace.position, option: 'trace', message: `kmtop compare cannot replay ${trace.flag}: a trace is read once, by one kernel (replay it with kmtop snapshot --trace FILE --revision ID, once per revision)`});
		}
	}

	return issues;
};

/** One option's contribution to the plan, or the error message. */
const readOption = ({name, flag, value, wellFormed}: OptionOccurrence, context: ParseContext): Partial<RunPlan> | string => {
	const option = optionTable[name]!;
	if (option.type === 'boolean') {
		return wellFormed ? option.patch : `${flag} takes no value, got "${String(value)}"`;
	}

	// `--seed=` and `--seed ''` are as good as no value at all.
	return wellFormed ? option.read(String(value), flag, context) : `${flag} needs a value: ${option.accepts(context)}`;
};

/**
Turn the command line (without `node` and the script) into a run plan, or into every problem with it, one line each, in command-line order.

Pure: it reads nothing but its arguments, prints nothing, never exits and leaves the process title as it was.
*/
export const parseArguments = (argv: readonly string[], context: ParseContext): ParseResult => {
	const {options, unknown, words} = readCommandLine(argv, optionTable);

	// Help and version win over anything else on the line, errors included; help over version,
	// since the help text shows the version too.
	for (const command of ['help', 'version'] as const) {
		if (options.some(option => option.name === command)) {
			return {ok: true, plan: {...defaultPlan(context), command}};
		}
	}

	// `kmtop sweep` has options of its own: source/sweep/parse-sweep-arguments.ts reads them.
	if (words[0]?.value === 'sweep') {
		return {ok: true, plan: {...defaultPlan(context), command: 'sweep'}};
	}

	const {command, known, file, issues: commandIssues} = readCommand(words);
	// An option of kmtop sweep's is named as one the command does not read; anything else is unknown.
	const issues: Issue[] = unknown.map(({flag, position}) => ({position, message: (known && sweepOnlyOption(command, flag)) || unknownOption(flag)}));
	// The last occurrence wins (a shell alias can be overridden), so only it is read.
	const latest = new Map(options.map(option => [option.name, option]));
	issues.push(...commandIssues);
	// compare reads every --revision, not only the last.
	const revisionWords = command === 'compare' ? options.filter(option => option.name === 'revision') : [];
	issues.push(...replayIssues(command, latest, revisionWords));
	// An option the command does not read is refused, once (a check above may have named it better);
	// after an unknown command word, every option is read for its own errors.
	const used = new Map([...latest].filter(([name]) => !known || usesOption(command, name)));
	for (const [name, option] of latest) {
		if (!used.has(name) && !issues.some(issue => issue.option === name)) {
			issues.push({position: option.position, option: name, message: unusedOption(command, name, option.flag)});
		}
	}

	const patches: Array<Partial<RunPlan>> = [];
	for (const option of [...revisionWords.slice(0, -1), ...used.values()]) {
		const result = readOption(option, context);
		if (typeof result === 'string') {
			issues.push({position: option.position, option: option.name, message: result});
		} else {
			patches.push(result);
		}
	}

	const workload = used.get('workload');
	const trace = used.get('trace');
	if (workload && trace) {
		const position = Math.max(workload.position, trace.position);
		issues.push({position, message: `${trace.flag} replays a trace as the workload, so it cannot be combined with ${workload.flag}`});
	}

	// Options that count only with another, unless already refused or misread.
	issues.push(...dependentIssues(command, new Map([...used].filter(([name]) => !issues.some(issue => issue.option === name)))));
	if (issues.length > 0) {
		// The sort is stable, so issues that share a position keep their order.
		return {ok: false, errors: issues.sort((a, b) => a.position - b.position).map(issue => issue.message)};
	}

	const plan = defaultPlan(context);
	for (const patch of patches) {
		Object.assign(plan, patch);
	}

	const compare = command === 'compare' ? {compareRevisions: revisionWords.map(option => String(option.value))} : {};
	return {ok: true, plan: Object.assign(plan, {command}, file === undefined ? {} : {replay: file}, compare)};
};
