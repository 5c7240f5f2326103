import {exploreKeys, liveKeys} from '../view/live-keys.js';
import {type CommandSpec, commandTable, optionLabel, optionSections as sectionTitles, optionTable} from './command-table.js';
import type {ParseContext} from './parse-arguments.js';

type Row = [label: string, text: string];
type Section = {title: string; rows: Row[]};

// The default glued with no-break spaces so it never wraps away from its value; `wrap` unglues them.
const withDefault = (label: string, text: string, value: string | number | undefined): Row =>
	[label, value === undefined ? text : `${text} ${`(default: ${value})`.replaceAll(' ', '\u00A0')}`];

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

// Usage from the command table, then each section's options: the option table's, and those a
// command's own parser reads, in table order.
const optionSections = (context: ParseContext): Section[] => [
	{title: 'Usage', rows: commandTable.flatMap(({usage}) => usage.map(([command, does]): Row => [command, does]))},
	...Object.entries(sectionTitles).map(([section, title]) => ({
		title,
		rows: [
			...Object.entries(optionTable).filter(([, option]) => option.section === section).map(([name, option]): Row =>
				withDefault(optionLabel(name, option), option.describe(context), option.byDefault?.(context))),
			...commandTable.flatMap((command: CommandSpec) => command.ownOptions?.section === section ? command.ownOptions.rows : [])
				.map(({label, describe, byDefault}): Row => withDefault(label, describe, byDefault)),
		],
	})),
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
		// The help overlay's table (source/view/live-keys.ts), so the two cannot drift apart.
		['Keys in the live view', ...renderRows(liveKeys, labelWidth(liveKeys), columns)],
		['Moving around the live view', ...renderRows(exploreKeys, labelWidth(exploreKeys), columns)],
		['Examples', ...examples.map(example => `  ${example}`)],
	];
	return blocks.map(lines => lines.join('\n')).join('\n\n');
};
