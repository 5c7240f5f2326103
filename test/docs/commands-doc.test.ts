// Every kmtop command the README and docs/ show is one kmtop takes: each command line of their
// shell blocks parses (the options exist, are spelled as the parser spells them and take the
// values shown), and every `--option` they name anywhere, prose included, is kmtop's or one of
// the few other tools' the docs use (npm run bench, Node, Slurm, kubectl).
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {optionTable} from '../../source/cli/command-table.js';
import {parseArguments} from '../../source/cli/parse-arguments.js';
import {parseContext} from '../../source/cli.js';
import {parseSweepArguments, sweepOptionTable} from '../../source/sweep/parse-sweep-arguments.js';

const files = ['README.md', ...['revisions', 'snapshot', 'sweep', 'time-travel', 'traces', 'workloads'].map(name => `docs/${name}.md`)];
const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

const context = parseContext();

// A command as shown: `kmtop …` or, in the README, `node cli.js …`; its comment dropped.
const commandOf = (line: string): string[] | undefined => {
	const match = /^(?:kmtop|node cli\.js)((?: .*)?)$/.exec(line.replace(/\s+#.*$/, '').trim());
	return match ? match[1]!.trim().split(/\s+/).filter(word => word !== '') : undefined;
};

// Lines with a shell's substitutions or a placeholder (`$SLURM_ARRAY_TASK_ID`, GNU parallel's
// `{}`) are only checked for their option names, below.
const concrete = (line: string) => !/[$…{}|]/.test(line);

// The lines of the shell blocks (`console` ones: what follows the prompt), continuations joined.
const shellLines = (text: string): string[] =>
	[...text.matchAll(/^```(sh|console)\n([\s\S]*?)^```$/gm)].flatMap(([, language, body]) =>
		body!.replaceAll('\\\n', ' ').split('\n').flatMap(line => {
			if (language === 'sh') {
				return [line];
			}

			return line.startsWith('$ ') ? [line.slice(2)] : [];
		}));

const commands = files.flatMap(file => shellLines(read(file)).filter(concrete).flatMap(line => {
	const argv = commandOf(line);
	return argv ? [{file, line: line.trim(), argv}] : [];
}));

const parse = (argv: string[]) =>
	argv[0] === 'sweep' ? parseSweepArguments(argv, {...context, defaultJobs: 2}) : parseArguments(argv, context);

// Options of the other tools the docs show: npm run bench's, Node's, Slurm's (sbatch and its
// #SBATCH lines) and kubectl's.
const otherTools = new Set(['quick', 'json', 'readme', 'experimental-strip-types', 'array', 'cpus-per-task', 'dependency', 'job-name', 'mem', 'parsable', 'wrap', 'for']);
const kmtopOptions = new Set([...Object.keys(optionTable), ...Object.keys(sweepOptionTable)]);

describe('the commands of README.md and docs/', () => {
	it('finds them', () => {
		expect(commands.length).toBeGreaterThanOrEqual(20);
	});

	it.each(commands)('$file: $line', ({argv}) => {
		expect(parse(argv)).toMatchObject({ok: true});
	});

	it.each(files)('%s names only options that exist', file => {
		const named = [...read(file).matchAll(/(?<![\w-])--([a-z][a-z-]*)/g)].map(([, name]) => name!);
		expect(named.filter(name => !kmtopOptions.has(name) && !otherTools.has(name))).toEqual([]);
	});
});
