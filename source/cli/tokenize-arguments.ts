import {parseArgs} from 'node:util';

// Why parseArgs and not meow, the team's usual parser: meow 14 can be kept from exiting and from
// reading package.json, but it always writes `process.title`, and it cannot give what the error
// messages need. It drops a missing value without a trace (`--seed` at the end parses as no
// `--seed` at all when flags may repeat, and throws "can only be set once" when they may not),
// it returns no positions to order errors by, and it reshapes unknown flags (`--no-colour` comes
// back as `colour: false`, `-wfoo` as `-f` and `-o` flags). parseArgs's tokens keep all of that.

export type OptionTable = Record<string, {type: 'string' | 'boolean'; short?: string}>;

/**
A known option as typed (`--seed`, `-w`) with its value, if it has one; an unknown option as typed (`--sed`, the whole of `-seed`); or a word (a command or a stray argument). In command-line order.
*/
export type Token =
	| {kind: 'option'; name: string; flag: string; value: string | undefined}
	| {kind: 'unknown'; flag: string}
	| {kind: 'word'; value: string};

type ParsedToken =
	| {kind: 'option'; name: string; rawName: string; index: number; value?: string; inlineValue?: boolean}
	| {kind: 'positional'; index: number; value: string}
	| {kind: 'option-terminator'; index: number};

// A next argument starting with a dash is another option, not a value; but `--seed -5` is a
// negative number and `-o -` is stdout.
const isOptionLike = (text: string) => /^-[^\d.]/.test(text);

const parse = (args: string[], options: OptionTable, start: number): ParsedToken[] =>
	(parseArgs({args, options, strict: false, allowPositionals: true, tokens: true}).tokens as ParsedToken[])
		.map(token => ({...token, index: token.index + start}));

// Outside strict mode, parseArgs takes whatever follows a string option as its value, so
// `--seed --ticks 5` would make `--ticks` the seed. Keep such an option without a value and
// parse again from the argument it took. (Strict mode would throw at the first problem instead
// of letting us report them all.)
const parseEach = (argv: string[], options: OptionTable): ParsedToken[] => {
	const tokens: ParsedToken[] = [];
	for (let start = 0; start < argv.length;) {
		const part = parse(argv.slice(start), options, start);
		const taken = part.findIndex(token => token.kind === 'option' && token.inlineValue === false && isOptionLike(token.value ?? ''));
		if (taken === -1) {
			tokens.push(...part);
			break;
		}

		const option = part[taken] as ParsedToken & {kind: 'option'};
		tokens.push(...part.slice(0, taken), {kind: 'option', name: option.name, rawName: option.rawName, index: option.index});
		start = option.index + 1;
	}

	return tokens;
};

/**
Split the command line into options and words with `node:util` parseArgs, without letting it decide anything: unknown options are kept as typed, to be reported, and so are options missing their value.
*/
export const tokenizeArguments = (argv: string[], options: OptionTable): Token[] => {
	const parsed = parseEach(argv, options);
	const isKnown = (token: ParsedToken) => token.kind !== 'option' || Object.hasOwn(options, token.name);
	const tokens: Token[] = [];
	for (let index = 0; index < parsed.length; index++) {
		const token = parsed[index];
		if (token.kind === 'option-terminator') {
			continue;
		}

		if (token.kind === 'positional') {
			tokens.push({kind: 'word', value: token.value});
			continue;
		}

		const argument = argv[token.index];
		const isShort = !argument.startsWith('--');
		const hasUnknown = parsed.some(other => other.index === token.index && !isKnown(other));
		if (!hasUnknown) {
			// `-w=name` means `name`, as `--workload=name` does, not a workload called `=name`.
			const value = isShort && token.inlineValue && token.value?.startsWith('=') ? token.value.slice(1) : token.value;
			tokens.push({kind: 'option', name: token.name, flag: token.rawName, value});
			continue;
		}

		// `-seed` is one mistyped option, not the four unknown letters parseArgs sees, and `-xh`
		// is not a request for help.
		while (parsed[index + 1]?.index === token.index) {
			index++;
		}

		// An unknown option most likely wanted the word after it (`--sed 5`): take it, so that
		// word is not reported again as an unknown command.
		const next = parsed[index + 1];
		if (!argument.includes('=') && next?.kind === 'positional' && next.index === token.index + 1) {
			index++;
		}

		tokens.push({kind: 'unknown', flag: argument.split('=')[0]});
	}

	return tokens;
};
