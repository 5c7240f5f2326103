// The command line as a list of tokens, for a command that reads its own options (kmtop sweep):
// the same scan and meow reading as kmtop's own options (read-command-line.ts), with any option
// table, each token in command-line order.

import {readCommandLine} from './read-command-line.js';
import type {OptionShape} from './scan-arguments.js';

export type OptionTable = Record<string, OptionShape>;

/**
A known option as typed (`--seed`, `-w`) with its value (`undefined` for a switch or for a value option given none); an unknown option as typed (`--sed`, the whole of `-seed`); or a word (a command or a stray argument).
*/
export type Token =
	| {kind: 'option'; name: string; flag: string; value: string | undefined}
	| {kind: 'unknown'; flag: string}
	| {kind: 'word'; value: string};

/** Every argument of `argv` as a token, in command-line order. Pure. */
export const tokenizeArguments = (argv: readonly string[], options: OptionTable): Token[] => {
	const {options: occurrences, unknown, words} = readCommandLine(argv, options);
	const positioned: Array<{position: number; token: Token}> = [
		// A well-formed switch is meow's `true`: as a token it has no value. A malformed one keeps
		// what was typed, so its reader can say what is wrong with it.
		...occurrences.map(({name, flag, position, value, wellFormed}) => ({
			position,
			token: {kind: 'option', name, flag, value: wellFormed && typeof value === 'boolean' ? undefined : (value as string | undefined)} as const,
		})),
		...unknown.map(({flag, position}) => ({position, token: {kind: 'unknown', flag} as const})),
		...words.map(({value, position}) => ({position, token: {kind: 'word', value} as const})),
	];
	// The sort is stable: the switches of one cluster (`-hv`) keep their order.
	return positioned.sort((a, b) => a.position - b.position).map(({token}) => token);
};
