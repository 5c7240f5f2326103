// Which options count on a command line: an option the command does not read (command-table.ts,
// `usedBy`), or one that only counts with another that is missing, would let the user believe it
// did something (`kmtop snapshot --rate 5` runs as fast as ever), so it is an error, as git and
// npm make it.

import {type CommandName, optionTable} from './command-table.js';
import type {OptionOccurrence} from './read-command-line.js';
import {COMPARE_MIN_COLUMNS} from '../view/compare-columns.js';

/** Whether `command` reads the option `name` (a long name from the option table). */
export const usesOption = (command: CommandName, name: string): boolean => {
	const {usedBy} = optionTable[name]!;
	return usedBy === 'every' || usedBy.includes(command);
};

const commandTitle = (command: CommandName): string => command === 'live' ? 'the live view' : `kmtop ${command}`;

const joinAnd = (items: readonly string[]): string =>
	items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;

/** `kmtop snapshot does not use --rate (it is for the live view and kmtop replay)`: the flag as typed. */
export const unusedOption = (command: CommandName, name: string, flag: string): string => {
	const {usedBy} = optionTable[name]!;
	const where = usedBy === 'every' ? [] : usedBy.map(other => commandTitle(other));
	return `${commandTitle(command)} does not use ${flag} (it is for ${joinAnd(where)})`;
};

/**
The options only `kmtop sweep` reads (its own table, parse-sweep-arguments.ts), which kmtop's table
does not hold: given to another command they are refused as one it does not read, not called unknown
(`kmtop snapshot --seeds 1..5` is a sweep's option, not a typo of --seed).
*/
export const sweepOnlyOptions = ['seeds', 'jobs', 'shard'] as const;

/** `kmtop snapshot does not use --seeds (it is for kmtop sweep; kmtop snapshot takes --seed N)`, or undefined for an option sweep lacks too. */
export const sweepOnlyOption = (command: CommandName, flag: string): string | undefined => {
	const name = flag.replace(/^--/, '');
	if (!flag.startsWith('--') || !(sweepOnlyOptions as readonly string[]).includes(name)) {
		return undefined;
	}

	const instead = name === 'seeds' && usesOption(command, 'seed') ? `; ${commandTitle(command)} takes --seed N` : '';
	return `${commandTitle(command)} does not use ${flag} (it is for kmtop sweep${instead})`;
};

/** A problem; `option` names the option it is about, so no other check reports that option again. */
export type Issue = {position: number; message: string; option?: string};

const isText = (options: ReadonlyMap<string, OptionOccurrence>) => options.get('format')?.value === 'text';

// What --columns a command's text fits: the compare table's two sides need more than a snapshot.
const narrowColumns = (command: CommandName, columns: OptionOccurrence): string | undefined => {
	const value = Number(columns.value);
	return command === 'compare' && value < COMPARE_MIN_COLUMNS
		? `kmtop compare --format text needs ${columns.flag} ${COMPARE_MIN_COLUMNS} or more, for two revisions side by side; got ${String(columns.value)}`
		: undefined;
};

/**
The options that count only with another (a text panel and its width, a trace's settings, a recording's boot), given without it. `options`: the ones the command reads, each read without error.
*/
export const dependentIssues = (command: CommandName, options: ReadonlyMap<string, OptionOccurrence>): Issue[] => {
	const issues: Issue[] = [];
	const refuse = (option: OptionOccurrence, message: string) => {
		issues.push({position: option.position, option: option.name, message});
	};

	const panel = options.get('panel');
	if (panel && !isText(options)) {
		refuse(panel, `${panel.flag} ${String(panel.value)} draws text: add --format text`);
	}

	const subheap = options.get('subheap');
	if (subheap && panel?.value !== 'map') {
		refuse(subheap, `${subheap.flag} picks the subheap --panel map draws: add ${isText(options) ? '--panel map' : '--format text --panel map'}`);
	}

	const columns = options.get('columns');
	if (columns) {
		const problem = isText(options) ? narrowColumns(command, columns) : `${columns.flag} is the width of --format text: add --format text`;
		if (problem) {
			refuse(columns, problem);
		}
	}

	for (const name of ['trace-size', 'trace-ms-per-tick', 'strict']) {
		const option = options.get(name);
		if (option && !options.has('trace')) {
			refuse(option, `${option.flag} is for a trace replay: add --trace FILE`);
		}
	}

	const boot = options.get('boot');
	if (boot && !options.has('replay')) {
		refuse(boot, `${boot.flag} picks a boot of a recording: add --replay FILE`);
	}

	return issues;
};
