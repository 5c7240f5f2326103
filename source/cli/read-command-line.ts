// The command line read with meow, kept pure: meow is told the argv (not process.argv), a package
// (so it reads no package.json), and not to print or exit on --help, --version or unknown flags;
// the process title it sets is put back. The scan before it (scan-arguments.ts) decides what each
// argument is; meow reads the flags and the words from the canonical line the scan makes.

import {readFileSync} from 'node:fs';
import process from 'node:process';
import meow from 'meow';
import {canonicalArguments, isWellFormed, scanArguments, type OptionShape, type ScannedArgument} from './scan-arguments.js';

/** A known option with its value as meow read it, or with the text as typed when it is malformed. */
export type OptionOccurrence = {name: string; flag: string; position: number; value: string | boolean | undefined; wellFormed: boolean};

export type CommandLine = {
	/** Every occurrence of a known option, in command-line order. */
	options: OptionOccurrence[];
	unknown: Array<{flag: string; position: number}>;
	words: Array<{value: string; position: number}>;
};

const camelCase = (name: string) => name.replaceAll(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

type MeowFlags = Record<string, {type: 'string' | 'boolean'; shortFlag?: string; isMultiple: true}>;

const meowFlags = (shapes: Record<string, OptionShape>): MeowFlags => Object.fromEntries(Object.entries(shapes).map(([name, {type, short}]) =>
	// Every flag may repeat: the last one wins, so a shell alias can be overridden.
	[camelCase(name), {type, isMultiple: true, ...(short && {shortFlag: short})}]));

// meow 14 always sets `process.title` from the package (https://github.com/sindresorhus/meow,
// index.js). On Linux any write to the title overwrites the process's argument area, so `ps` and
// `pgrep -f` would show a bare `node` (or `kmtop`) instead of the command: the title is put back as
// the whole command line, which fits the area exactly (NULs become spaces, as `ps` prints them).
const readCommandLineTitle = (): string => {
	try {
		return readFileSync('/proc/self/cmdline', 'utf8').replace(/\0+$/, '').replaceAll('\0', ' ') || process.title;
	} catch {
		return process.title;
	}
};

const withProcessTitleKept = <T>(run: () => T): T => {
	const title = readCommandLineTitle();
	try {
		return run();
	} finally {
		process.title = title;
	}
};

/** The options, unknown options and words of `argv`, each with its position. */
export const readCommandLine = (argv: readonly string[], shapes: Record<string, OptionShape>): CommandLine => {
	const scanned = scanArguments(argv, shapes);
	const cli = withProcessTitleKept(() => meow({
		importMeta: import.meta,
		argv: canonicalArguments(scanned, shapes),
		flags: meowFlags(shapes),
		pkg: {},
		description: false,
		autoHelp: false,
		autoVersion: false,
		allowUnknownFlags: true,
		booleanDefault: undefined,
		inferType: false,
	}));
	const flags = cli.flags as Record<string, Array<string | boolean>>;

	// meow's values for a flag are its well-formed occurrences, in order: hand them out in turn.
	const taken = new Map<string, number>();
	const options = scanned.filter((item): item is ScannedArgument & {kind: 'option'} => item.kind === 'option').map(option => {
		const {name, flag, position, text} = option;
		if (!isWellFormed(option, shapes)) {
			return {name, flag, position, value: text, wellFormed: false};
		}

		const index = taken.get(name) ?? 0;
		taken.set(name, index + 1);
		return {name, flag, position, value: flags[camelCase(name)]![index], wellFormed: true};
	});
	const wordPositions = scanned.flatMap(item => item.kind === 'word' ? [item.position] : []);
	// The canonical line is one meow reads exactly; should a meow release read it otherwise, stop
	// rather than pair values with the wrong flags.
	const misread = [...taken].find(([name, count]) => flags[camelCase(name)]!.length !== count);
	if (misread || cli.input.length !== wordPositions.length) {
		throw new Error(`meow read the command line differently from the scan (${misread ? `--${misread[0]}` : 'the words'})`);
	}

	return {
		options,
		unknown: scanned.flatMap(item => item.kind === 'unknown' ? [{flag: item.flag, position: item.position}] : []),
		words: cli.input.map((value, index) => ({value, position: wordPositions[index]!})),
	};
};
