// One pass over the command line that decides what each argument is, before meow reads it.
//
// meow (yargs-parser underneath) is lossy in exactly the places kmtop's messages need: a value
// option with no value (`--seed` at the end, `--seed --ticks 5`, `--seed=`) disappears without a
// trace; unknown flags come back reshaped (`--no-colour` as `colour: false`, `-seed` as four
// letters, `--SEED 5` not at all, `---seed` as `seed`); `-xh` turns on help; `-wNAME` and `-o -`
// are not read as values; a switch given a value (`--strict=yes`) is just true; values lose a
// pair of surrounding quotes; and nothing says where on the line a flag was, to order errors by.
// So this scan finds each argument's role and position, reports what meow would lose, and hands
// meow a canonical line (`--name=value` and, after `--`, the words) that it reads exactly.

export type OptionShape = {type: 'string' | 'boolean'; short?: string};

/**
A known option as typed (`--seed`, `-w`) with the text of its value (`undefined` when it has none: a switch, or a value option missing its value); an unknown option as typed (`--sed`, the whole of `-seed`); or a word (a command or a stray argument). `position` is the index in argv.
*/
export type ScannedArgument =
	| {kind: 'option'; name: string; flag: string; text: string | undefined; position: number}
	| {kind: 'unknown'; flag: string; position: number}
	| {kind: 'word'; value: string; position: number};

// A next argument starting with a dash is another option, not a value; but `--seed -5` is a
// negative number and `-o -` is stdout.
const isOptionLike = (text: string) => /^-[^\d.]/.test(text);

type Option = ScannedArgument & {kind: 'option'};

// `-hv` is two switches; `-wsteady`, `-w=steady` and `-w steady` are -w with its value (the
// letters after a value option are its value). Any unknown letter makes the whole argument one
// unknown option: `-seed` is a mistyped --seed, and `-xh` is not a request for help.
const scanShortCluster = (argument: string, position: number, shapes: Record<string, OptionShape>): Option[] | undefined => {
	const options: Option[] = [];
	for (let index = 1; index < argument.length; index++) {
		const letter = argument[index]!;
		const name = Object.keys(shapes).find(key => shapes[key]!.short === letter);
		if (name === undefined) {
			return undefined;
		}

		const rest = argument.slice(index + 1);
		const takesValue = shapes[name]!.type === 'string';
		options.push({kind: 'option', name, flag: `-${letter}`, text: takesValue && rest !== '' ? rest.replace(/^=/, '') : undefined, position});
		if (takesValue) {
			break;
		}
	}

	return options;
};

/** Every argument's role, in command-line order. Pure. */
export const scanArguments = (argv: readonly string[], shapes: Record<string, OptionShape>): ScannedArgument[] => {
	const scanned: ScannedArgument[] = [];
	let afterTerminator = false;
	for (let position = 0; position < argv.length; position++) {
		const argument = argv[position]!;
		const next = argv[position + 1];
		if (afterTerminator || argument === '-' || !argument.startsWith('-')) {
			scanned.push({kind: 'word', value: argument, position});
			continue;
		}

		if (argument === '--') {
			afterTerminator = true;
			continue;
		}

		const equals = argument.indexOf('=');
		const flag = equals === -1 ? argument : argument.slice(0, equals);
		const isLong = argument.startsWith('--');
		const options: Option[] | undefined = isLong
			? (Object.hasOwn(shapes, flag.slice(2)) ? [{kind: 'option', name: flag.slice(2), flag, text: equals === -1 ? undefined : argument.slice(equals + 1), position}] : undefined)
			: scanShortCluster(argument, position, shapes);
		if (options === undefined) {
			scanned.push({kind: 'unknown', flag, position});
			// An unknown option most likely wanted the word after it (`--sed 5`): take it, so that
			// word is not reported again as an unknown command.
			if (equals === -1 && next !== undefined && (next === '-' || !next.startsWith('-'))) {
				position++;
			}

			continue;
		}

		// A value option written without its value takes the next argument, unless that is another option.
		const last = options.at(-1)!;
		if (shapes[last.name]!.type === 'string' && last.text === undefined && next !== undefined && !isOptionLike(next)) {
			last.text = next;
			position++;
		}

		scanned.push(...options);
	}

	return scanned;
};

/** Whether an option as scanned is well formed: a switch without a value, or a value option with one. */
export const isWellFormed = (option: Option, shapes: Record<string, OptionShape>): boolean =>
	shapes[option.name]!.type === 'boolean' ? option.text === undefined : option.text !== undefined && option.text !== '';

// yargs-parser drops one pair of quotes around a value (`"x"` → `x`); a second pair keeps the first.
const keepQuotes = (text: string) => /^(["']).*\1$|^["']$/s.test(text) ? `"${text}"` : text;

/**
The line meow is given: each well-formed option as `--name=value` (a switch as `--name=true`, so `--no-color` is not read as the negation of a `color` flag), then `--` and the words.
*/
export const canonicalArguments = (scanned: readonly ScannedArgument[], shapes: Record<string, OptionShape>): string[] => [
	...scanned.flatMap(item => item.kind === 'option' && isWellFormed(item, shapes) ? [`--${item.name}=${item.text === undefined ? 'true' : keepQuotes(item.text)}`] : []),
	'--',
	...scanned.flatMap(item => item.kind === 'word' ? [item.value] : []),
];
