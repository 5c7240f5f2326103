// The built CLI, spawned as a user runs it: exit codes, one-line errors, files written whole.
import {spawn, spawnSync} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {ftraceExcerptPath} from '../fixture-paths.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'cli.js');
const work = mkdtempSync(path.join(tmpdir(), 'kmtop-cli-'));
const fixture = ftraceExcerptPath;

afterAll(() => {
	rmSync(work, {recursive: true, force: true});
});

// The user's own colour settings are left out. (Set to '' they would not be neutral: an empty
// FORCE_COLOR forces colour, and Node 22 warns on stderr when NO_COLOR is set beside it.)
const {NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...inherited} = process.env;

const run = (args: string[], env: Record<string, string> = {}) => {
	const result = spawnSync(process.execPath, [cli, ...args], {
		cwd: work,
		encoding: 'utf8',
		env: {...inherited, ...env},
		timeout: 300_000,
	});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
};

/** Polls `condition` every 20 ms, for up to 2 minutes (a busy machine starts kmtop slowly). */
const waitUntil = async (condition: () => boolean): Promise<void> => {
	for (const started = Date.now(); !condition();) {
		if (Date.now() - started > 120_000) {
			throw new Error('timed out');
		}

		await new Promise((resolve) => {
			setTimeout(resolve, 20);
		});
	}
};

const file = (name: string, text: string): string => {
	const target = path.join(work, name);
	writeFileSync(target, text);
	return target;
};

describe('help and version', () => {
	it.each([['--help'], ['-h'], ['snapshot', '--seed', 'abc', '--help'], ['revisions', '-h']])('%j prints the help, exit 0', (...args) => {
		const {code, stdout, stderr} = run(args);
		expect(code).toBe(0);
		expect(stderr).toBe('');
		expect(stdout).toContain('kmtop snapshot [options]');
		expect(stdout).toContain('Keys in the live view');
		expect(stdout).toContain('kmtop -w logging-burst --seed 7');
	});

	it.each([['--version'], ['-v'], ['snapshot', '-v']])('%j prints the version', (...args) => {
		const {code, stdout} = run(args);
		expect(code).toBe(0);
		expect(stdout).toBe(`${(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string}).version}\n`);
	});
});

describe('kmtop workloads and kmtop revisions', () => {
	it('lists the workloads in key order, the default marked', () => {
		const {code, stdout} = run(['workloads']);
		expect(code).toBe(0);
		const lines = stdout.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^KEY {2}NAME +DESCRIPTION$/);
		expect(lines[2]).toMatch(/^2 {4}vmobject-churn \(default\) {2}processes map/);
		expect(lines).toHaveLength(11);
	});

	it('lists the revisions with their commits, the default marked', () => {
		const {code, stdout} = run(['revisions']);
		expect(code).toBe(0);
		expect(stdout).toContain('2021-02-23 *  5d180d1f996');
		expect(stdout).toContain('2020-12-26    74fa8949943');
		expect(stdout).toContain('860a3bbce34');
	});
});

describe('kmtop snapshot', () => {
	it('prints the JSON document; the same run twice is byte-identical', () => {
		const first = run(['snapshot', '--ticks', '300']);
		const second = run(['snapshot', '--ticks', '300']);
		expect(first.code).toBe(0);
		expect(first.stderr).toBe(''); // not a terminal: no progress bar
		expect(first.stdout).toBe(second.stdout);
		const document = JSON.parse(first.stdout) as {run: {tick: number; workload: string; seed: number}; schema: string};
		expect(document.schema).toBe('kmtop.snapshot/1');
		expect(document.run).toMatchObject({tick: 300, workload: 'vmobject-churn', seed: 1});
	});

	it('a kernel panic is a result: exit 0, the panic in the document', () => {
		const {code, stdout} = run(['snapshot', '--workload', 'big-allocations', '--ticks', '8000']);
		expect(code).toBe(0);
		expect((JSON.parse(stdout) as {panic: {tick: number; kind: string}}).panic).toMatchObject({tick: 5927, kind: 'oom'});
	});

	it('writes -o FILE whole, leaving no temporary file', () => {
		const {code, stdout} = run(['snapshot', '--ticks', '50', '-o', 'out.json']);
		expect(code).toBe(0);
		expect(stdout).toBe('');
		expect((JSON.parse(readFileSync(path.join(work, 'out.json'), 'utf8')) as {run: {tick: number}}).run.tick).toBe(50);
		expect(readdirSync(work).filter((name) => name.endsWith('.tmp'))).toEqual([]);
	});

	it('an output path that cannot be written: one line, exit 2, no file', () => {
		const locked = path.join(work, 'locked');
		mkdirSync(locked);
		chmodSync(locked, 0o500);
		const cases = [
			[path.join(work, 'missing', 'out.json'), `kmtop: cannot write ${path.join(work, 'missing', 'out.json')}: no such directory ${path.join(work, 'missing')}\n`],
			[work, `kmtop: cannot write ${work}: it is a directory\n`],
		];
		if (process.getuid?.() !== 0) {
			cases.push([path.join(locked, 'out.json'), `kmtop: cannot write ${path.join(locked, 'out.json')}: permission denied\n`]);
		}

		for (const [output, message] of cases) {
			const {code, stdout, stderr} = run(['snapshot', '--ticks', '5', '-o', output!]);
			expect({code, stdout, stderr}).toEqual({code: 2, stdout: '', stderr: message});
		}

		expect(readdirSync(locked)).toEqual([]);
	});

	it('replays a trace to its end by default', () => {
		const {code, stdout} = run(['snapshot', '--trace', fixture]);
		expect(code).toBe(0);
		const document = JSON.parse(stdout) as {run: {tick: number; workload: string}; memstat: Record<string, number>; trace: {kmallocReplayed: number}};
		expect(document.run).toMatchObject({tick: 566, workload: 'trace'});
		expect(document.memstat.kmalloc_call_count).toBe(6 + 538);
		expect(document.trace.kmallocReplayed).toBe(538);
	});

	it('stops on Ctrl+C with exit 130 and writes nothing', async () => {
		// A workload that says when the run is under way (its tenth tick), so the signal comes
		// while it runs however slowly the machine starts it, never before the handler is set.
		const started = path.join(work, 'started');
		const workload = file('says-started.mjs', [
			"import {writeFileSync} from 'node:fs';",
			"export default {name: 'says-started', description: 'marks its tenth tick in a file', tick(kernel, ctx) {",
			`\tif (ctx.tick === 10) writeFileSync(${JSON.stringify(started)}, '');`,
			'\tkernel.kfree(kernel.kmalloc(64));',
			'}};',
		].join('\n'));
		const child = spawn(process.execPath, [cli, 'snapshot', '-w', workload, '--ticks', '100000000', '-o', 'interrupted.json'], {cwd: work});
		const exited = new Promise((resolve) => {
			child.on('exit', resolve);
		});
		await waitUntil(() => existsSync(started));
		child.kill('SIGINT');
		expect(await exited).toBe(130);
		expect(existsSync(path.join(work, 'interrupted.json'))).toBe(false);
	});
});

describe('bad input: one line on stderr naming the value and what is accepted, exit 2', () => {
	it.each([
		[['--frobnicate'], 'kmtop: unknown option "--frobnicate"; see kmtop --help\n'],
		[['explode'], 'kmtop: unknown command "explode"; commands: snapshot, replay, compare, sweep, workloads, revisions (none for the live view)\n'],
		[['snapshot', '--seed', '1.5'], 'kmtop: --seed must be an integer, got "1.5"\n'],
		[['snapshot', '--ticks', '-5'], 'kmtop: --ticks must be a non-negative integer, got "-5"\n'],
		[['snapshot', '--ticks', 'many'], 'kmtop: --ticks must be a non-negative integer, got "many"\n'],
		[['snapshot', '--ram', '8M'], 'kmtop: --ram "8M" is too small to boot: at least 16M\n'],
		[['snapshot', '--ram', 'lots'], 'kmtop: --ram must be a size in bytes or with a K, M or G suffix, like 512M, got "lots"\n'],
		[['snapshot', '--revision', '2019-01-01'], 'kmtop: unknown revision "2019-01-01"; revisions: 2020-08-28, 2020-08-29, 2020-09-02, 2020-09-09, 2020-11-04, 2020-12-26, 2020-12-31, 2021-02-23\n'],
		[['snapshot', '--format', 'xml'], 'kmtop: --format must be json or text, got "xml"\n'],
		// An option the command does not read: refused, not ignored (the live view's before it needs a terminal).
		[['snapshot', '--rate', '5'], 'kmtop: kmtop snapshot does not use --rate (it is for the live view and kmtop replay)\n'],
		[['--ticks', '500'], 'kmtop: the live view does not use --ticks (it is for kmtop snapshot, kmtop compare and kmtop sweep)\n'],
		[['workloads', '--seed', '3'], 'kmtop: kmtop workloads does not use --seed (it is for the live view, kmtop snapshot and kmtop compare)\n'],
		[['sweep', '--rate', '5'], 'kmtop: kmtop sweep does not use --rate (it is for the live view and kmtop replay)\n'],
		[['snapshot', '--seeds', '1..5'], 'kmtop: kmtop snapshot does not use --seeds (it is for kmtop sweep; kmtop snapshot takes --seed N)\n'],
		[['compare', '--revision', '2020-09-09', '--revision', '2021-02-23', '--format', 'text', '--columns', '76'], 'kmtop: kmtop compare --format text needs --columns 77 or more, for two revisions side by side; got 76\n'],
	])('%j', (args, message) => {
		const {code, stdout, stderr} = run(args);
		expect({code, stdout, stderr}).toEqual({code: 2, stdout: '', stderr: message});
	});

	it('an unknown workload lists the valid ones', () => {
		const {code, stderr} = run(['snapshot', '-w', 'nope']);
		expect(code).toBe(2);
		expect(stderr).toBe(
			'kmtop: unknown workload "nope"; built-in workloads: steady, vmobject-churn, logging-burst, fragmentation, big-allocations, leak, drain, expansion-loop, unlink-race, backup-deadlock; or a path to a .js module\n',
		);
	});

	it('several problems: one line each, in command-line order', () => {
		const {code, stderr} = run(['snapshot', '--seed', 'x', '--ticks', 'y']);
		expect(code).toBe(2);
		expect(stderr).toBe('kmtop: --seed must be an integer, got "x"\nkmtop: --ticks must be a non-negative integer, got "y"\n');
	});

	it.each([
		['missing.js', null, 'missing.js: no such file'],
		['syntax.mjs', 'export default {name: ', 'syntax.mjs: syntax error: Unexpected end of input'],
		['notick.mjs', "export default {name: 'no-tick', description: 'd'};", 'notick.mjs: workload "no-tick" has no tick(kernel, ctx) function'],
	])('a workload module %s that cannot be used', (name, text, message) => {
		if (text !== null) {
			file(name, text);
		}

		const {code, stdout, stderr} = run(['snapshot', '-w', `./${name}`]);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr.split('\n')).toHaveLength(2);
		expect(stderr).toContain(message);
		expect(stderr).not.toContain('    at ');
	});

	// Whether this Node strips types (22.18+, 23.6+, 24; or with --experimental-strip-types): asked
	// of the running Node, which is the one the CLI is spawned with.
	const stripsTypes = Boolean((process.features as {typescript?: string | false}).typescript);
	const typedWorkload = [
		"import type {Workload} from 'kmtop';",
		'const every: number = 3;',
		"export default {name: 'typed', description: 'a typed workload', tick(kernel: {kmalloc(size: number): number}, ctx: {tick: number}): void {",
		'\tif (ctx.tick % every === 0) kernel.kmalloc(64);',
		'}};',
	].join('\n');

	it.runIf(stripsTypes)('a .ts workload runs, on a Node that strips types', () => {
		file('typed.ts', typedWorkload);
		const {code, stdout, stderr} = run(['snapshot', '-w', './typed.ts', '--ticks', '30']);
		expect({code, stderr}).toEqual({code: 0, stderr: ''});
		const document = JSON.parse(stdout) as {run: {workload: string}; memstat: Record<string, number>};
		expect(document.run.workload).toBe('typed');
		// Six calls at boot, then one on each of ticks 0, 3, …, 27.
		expect(document.memstat.kmalloc_call_count).toBe(6 + 10);
	});

	it.skipIf(stripsTypes)('a .ts workload, on a Node that cannot strip types: one line, exit 2', () => {
		file('typed.ts', typedWorkload);
		const {code, stdout, stderr} = run(['snapshot', '-w', './typed.ts']);
		expect({code, stdout}).toEqual({code: 2, stdout: ''});
		expect(stderr).toBe('kmtop: ./typed.ts: this Node.js cannot load TypeScript; compile the workload to .js first\n');
	});

	it.each([
		['empty.txt', '', 'empty.txt is empty'],
		['notrace.txt', '# tracer: nop\nhello world\n', 'no kmem:kmalloc or kmem:kfree events in'],
	])('a trace file %s with nothing to replay', (name, text, message) => {
		const trace = file(name, text);
		const {code, stderr} = run(['snapshot', '--trace', trace]);
		expect(code).toBe(2);
		expect(stderr).toContain(message);
		expect(stderr.split('\n')).toHaveLength(2);
	});

	it('a malformed trace line: counted and skipped, or with --strict an error naming FILE:LINE', () => {
		const lines = readFileSync(fixture, 'utf8').split('\n').slice(0, 40);
		lines.splice(20, 0, 'this line is not a trace event');
		const trace = file('malformed.txt', lines.join('\n'));
		const lenient = run(['snapshot', '--trace', trace]);
		expect(lenient.code).toBe(0);
		expect((JSON.parse(lenient.stdout) as {trace: {malformedLines: unknown[]}}).trace.malformedLines).toEqual([
			{line: 21, text: 'this line is not a trace event'},
		]);
		const strict = run(['snapshot', '--trace', trace, '--strict']);
		expect({code: strict.code, stderr: strict.stderr}).toEqual({
			code: 2,
			stderr: `kmtop: ${trace}:21: malformed trace line: this line is not a trace event\n`,
		});
	});

	it('a missing trace file', () => {
		const {code, stderr} = run(['snapshot', '--trace', 'nowhere.txt']);
		expect({code, stderr}).toEqual({code: 2, stderr: 'kmtop: cannot read trace nowhere.txt: ENOENT (no such file)\n'});
	});

	it('the live dashboard without a terminal says to use kmtop snapshot', () => {
		const {code, stdout, stderr} = run([]);
		expect({code, stdout, stderr}).toEqual({
			code: 2,
			stdout: '',
			stderr: 'kmtop: the live dashboard needs a terminal on stdin and stdout; for a headless run use: kmtop snapshot\n',
		});
	});
});
