// `kmtop snapshot --trace` spawned as a user runs it, on the inputs that once went wrong: a trace
// too dense for the read-ahead, lines no regular expression could take, binary data and newline
// bombs, sizes of 2^32 bytes and more, pipes of every kind, and input that would print escape codes.
import {spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {open} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {afterAll, describe, expect, it} from 'vitest';
import {ftraceExcerptPath} from '../fixture-paths.js';
import {generateFtraceEvents} from '../engine/trace/trace-test-helpers.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'cli.js');
const work = mkdtempSync(path.join(tmpdir(), 'kmtop-trace-cli-'));
const fixture = ftraceExcerptPath;
const fixtureText = readFileSync(fixture, 'utf8');
const hasScript = spawnSync('script', ['--version']).status === 0;
const hasBash = spawnSync('bash', ['-c', 'true']).status === 0;

afterAll(() => {
	rmSync(work, {recursive: true, force: true});
});

type Trace = {
	eventsTotal: number;
	eventsCounted: boolean;
	eventsSeen: number;
	kmallocReplayed: number;
	kfreeReplayed: number;
	skipped: Record<string, number>;
	malformedLines: Array<{line: number; text: string}>;
	finished: boolean;
	stopped: string | null;
};
type Document = {run: {tick: number}; trace: Trace; events: Array<{kind: string}>; panic: {kind: string} | null};

const run = (args: string[], input?: string | Buffer) => {
	const result = spawnSync(process.execPath, [cli, 'snapshot', ...args], {cwd: work, input, maxBuffer: 64 * 1024 * 1024, timeout: 300_000});
	const stdout = result.stdout.toString('utf8');
	return {code: result.status, stderr: result.stderr.toString('utf8'), document: (stdout === '' ? undefined : JSON.parse(stdout)) as Document | undefined};
};

const file = (name: string, content: string | Buffer): string => {
	const target = path.join(work, name);
	writeFileSync(target, content);
	return target;
};

/** The fixture's figures, however it was read. */
const fixtureFigures = {eventsSeen: 1000, kmallocReplayed: 538, kfreeReplayed: 409, finished: true, stopped: null};

describe('a trace is replayed to its last event, whatever its length and pace', () => {
	it('150,000 events 1 µs apart at 1 ms a tick: all of them (the run stopped at 100,000)', () => {
		const trace = file('dense.txt', generateFtraceEvents(150_000, 1));
		const {code, stderr, document} = run(['--trace', trace, '--trace-ms-per-tick', '1']);
		expect({code, stderr}).toEqual({code: 0, stderr: ''});
		expect(document!.run.tick).toBe(150);
		expect(document!.trace).toMatchObject({eventsTotal: 150_000, eventsSeen: 150_000, kmallocReplayed: 75_000, kfreeReplayed: 75_000, finished: true, stopped: null});
	});

	it('--ticks cuts it short when asked: exit 0, not finished', () => {
		const {code, document} = run(['--trace', fixture, '--ticks', '100']);
		expect(code).toBe(0);
		expect(document!.run.tick).toBe(100);
		expect(document!.trace).toMatchObject({finished: false, stopped: null});
		expect(document!.trace.eventsSeen).toBeLessThan(1000);
	});

	it('a kernel panic ends it: a result (exit 0), the document says why', () => {
		const trace = file('oom.txt', [
			'bash-1 [000] ..... 1.000001: kmalloc: call_site=f+0x1/0x2 ptr=00000000000000a0 bytes_req=3000000000 bytes_alloc=3000000000',
			'bash-1 [000] ..... 1.000002: kmalloc: call_site=g+0x1/0x2 ptr=00000000000000b0 bytes_req=64 bytes_alloc=64',
		].join('\n'));
		const {code, document} = run(['--trace', trace]);
		expect(code).toBe(0);
		expect(document!.panic?.kind).toBe('oom');
		expect(document!.trace).toMatchObject({finished: false, stopped: 'the kernel halted at tick 1'});
	});
});

describe('sizes of 2^32 bytes and more', () => {
	it('are counted as unrepresentable on i386 and skipped, with their kfrees; the replay goes on, --strict too', () => {
		const trace = file('huge.txt', [
			'bash-1 [000] ..... 1.000001: kmalloc: call_site=f+0x1/0x2 ptr=00000000000000a0 bytes_req=1099511627776 bytes_alloc=1099511627776',
			'bash-1 [000] ..... 1.000002: kmalloc: call_site=g+0x1/0x2 ptr=00000000000000b0 bytes_req=64 bytes_alloc=64',
			'bash-1 [000] ..... 1.000003: kfree: call_site=h+0x1/0x2 ptr=00000000000000a0',
			'bash-1 [000] ..... 1.000004: kmalloc: call_site=g+0x1/0x2 ptr=00000000000000c0 bytes_req=32 bytes_alloc=32',
		].join('\n'));
		for (const args of [['--trace', trace], ['--trace', trace, '--strict']]) {
			const {code, document} = run(args);
			expect(code).toBe(0);
			expect(document!.trace).toMatchObject({eventsSeen: 4, kmallocReplayed: 2, kfreeReplayed: 0, finished: true, stopped: null});
			expect(document!.trace.skipped).toMatchObject({unrepresentableSize: 2, kfreeUnknownPointer: 0, malformed: 0});
			expect(document!.events.filter((event) => event.kind === 'workload-error')).toEqual([]);
		}
	});
});

describe('lines no regular expression could take, and input that is not text', () => {
	const lines = fixtureText.split('\n');

	it('a first event after 20,000 spaces and a line of 200,000 spaces then x: the fixture\'s figures, one malformed line', () => {
		const spaced = [...lines.slice(0, 12), ' '.repeat(20_000) + lines[12], `${' '.repeat(200_000)}x`, ...lines.slice(13)];
		const {code, document} = run(['--trace', file('spaces.txt', spaced.join('\n'))]);
		expect(code).toBe(0);
		expect(document!.trace).toMatchObject(fixtureFigures);
		expect(document!.trace.skipped.malformed).toBe(1);
		expect(document!.trace.malformedLines).toEqual([{line: 14, text: '[200,001 characters, over the 65,536 limit]'}]);
	});

	it.each([
		['/dev/zero', () => '/dev/zero'],
		['a gzip of 64 MiB of zeros', () => file('zeros.gz', gzipSync(Buffer.alloc(64 * 1024 * 1024)))],
	])('%s: one line, exit 2, at once', (_, trace) => {
		const name = trace();
		const {code, stderr, document} = run(['--trace', name]);
		expect({code, stderr, document}).toEqual({
			code: 2,
			stderr: `kmtop: cannot replay ${name}: it holds binary data (NUL bytes), and a kmem trace is text (ftrace or perf script output)\n`,
			document: undefined,
		});
	});

	it('a newline bomb (a gzip of 128 MiB of \\n), from the file and through a pipe: empty, exit 2', () => {
		const bomb = gzipSync(Buffer.alloc(128 * 1024 * 1024, 0x0a), {level: 1});
		const trace = file('bomb.gz', bomb);
		expect(run(['--trace', trace])).toEqual({code: 2, stderr: `kmtop: ${trace} is empty\n`, document: undefined});
		expect(run(['--trace', '-'], bomb)).toEqual({code: 2, stderr: 'kmtop: (standard input) is empty\n', document: undefined});
	});
});

describe('pipes: read once, as they come', () => {
	const pipedFigures = {...fixtureFigures, eventsTotal: 1000, eventsCounted: false};

	it.each([['-'], ['/dev/stdin']])('--trace %s from a pipe, plain and gzipped', (name) => {
		for (const input of [fixtureText, gzipSync(fixtureText)]) {
			const {code, stderr, document} = run(['--trace', name], input);
			expect({code, stderr}).toEqual({code: 0, stderr: ''});
			expect(document!.run.tick).toBe(566);
			expect(document!.trace).toMatchObject(pipedFigures);
		}
	});

	it('--trace - with 15 MB, more than a pipe holds at once: all 150,000 events', () => {
		const {code, stderr, document} = run(['--trace', '-', '--trace-ms-per-tick', '1'], generateFtraceEvents(150_000, 1));
		expect({code, stderr}).toEqual({code: 0, stderr: ''});
		expect(document!.trace).toMatchObject({eventsTotal: 150_000, eventsCounted: false, eventsSeen: 150_000, finished: true});
	});

	it('a FIFO with a writer', async () => {
		const fifo = path.join(work, 'trace.fifo');
		expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
		const child = spawn(process.execPath, [cli, 'snapshot', '--trace', fifo], {cwd: work});
		let stdout = '';
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString('utf8');
		});
		const writer = await open(fifo, 'w');
		await writer.writeFile(fixtureText);
		await writer.close();
		const code = await new Promise((resolve) => {
			child.on('exit', resolve);
		});
		expect(code).toBe(0);
		expect((JSON.parse(stdout) as Document).trace).toMatchObject(pipedFigures);
	});

	it.runIf(hasBash)('<(gzip -c trace), a process substitution', () => {
		const result = spawnSync('bash', ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} snapshot --trace <(gzip -c ${JSON.stringify(fixture)})`], {cwd: work, encoding: 'utf8'});
		expect({code: result.status, stderr: result.stderr}).toEqual({code: 0, stderr: ''});
		expect((JSON.parse(result.stdout) as Document).trace).toMatchObject(pipedFigures);
	});
});

describe('what reaches stderr from the input is escaped', () => {
	it('a malformed line under --strict', () => {
		const lines = fixtureText.split('\n');
		lines.splice(20, 0, '\u001B[2J\u001B]0;owned\u0007 and\ra line');
		const trace = file('escapes.txt', lines.join('\n'));
		const {code, stderr} = run(['--trace', trace, '--strict']);
		expect({code, stderr}).toEqual({code: 2, stderr: `kmtop: ${trace}:21: malformed trace line: \\x1B[2J\\x1B]0;owned\\x07 and\\x0Da line\n`});
	});

	it('the trace\'s name', () => {
		const {code, stderr} = run(['--trace', 'no\u001B[31mred\nsuch.txt']);
		expect({code, stderr}).toEqual({code: 2, stderr: 'kmtop: cannot read trace no\\x1B[31mred\\x0Asuch.txt: ENOENT (no such file)\n'});
	});
});

/** `node cli.js ARGS` on a pseudo-terminal (util-linux `script`); resolves with all it printed. */
const onTerminal = (args: string[], feed?: (output: () => string) => Promise<void>) =>
	new Promise<{code: number | null; output: string}>((resolve) => {
		const quoted = [process.execPath, cli, ...args].map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(' ');
		const child = spawn('script', ['-qec', `stty cols 150 rows 40; ${quoted}`, '/dev/null'], {cwd: work, env: {...process.env, TERM: 'xterm-256color'}});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
		});
		child.on('exit', (code) => {
			resolve({code, output});
		});
		void feed?.(() => output);
	});

describe.runIf(hasScript)('on a terminal', () => {
	it('--trace - with the terminal as standard input: one line, exit 2', async () => {
		const {code, output} = await onTerminal(['snapshot', '--trace', '-']);
		expect(code).toBe(2);
		expect(output).toContain('kmtop: --trace - reads the trace from standard input, which is a terminal: pipe a trace in (… | kmtop snapshot --trace -)');
	});

	it('a trace coming slowly through a FIFO shows a running count, then clears it', async () => {
		const fifo = path.join(work, 'slow.fifo');
		expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
		const events = generateFtraceEvents(50_000, 20).split('\n');
		const {code, output} = await onTerminal(['snapshot', '--trace', fifo, '-o', 'slow.json'], async (printed) => {
			const writer = await open(fifo, 'w');
			// A hundred lines at a time until the count shows (it waits a second before it does).
			let next = 0;
			while (next < events.length && !/[\d,]+ events replayed {2}[\d,]+ lines read/.test(printed())) {
				await writer.write(`${events.slice(next, next + 100).join('\n')}\n`);
				next += 100;
				await new Promise((resolve) => {
					setTimeout(resolve, 20);
				});
			}

			await writer.write(events.slice(next).join('\n'));
			await writer.close();
		});
		expect(code).toBe(0);
		expect(output).toMatch(/\r[\d,]+ events replayed {2}[\d,]+ lines read {2}[\d,]+ ticks {2}[\d,]+ events\/s/);
		expect(output.endsWith('\r\u001B[K')).toBe(true);
		expect((JSON.parse(readFileSync(path.join(work, 'slow.json'), 'utf8')) as Document).trace).toMatchObject({eventsSeen: 50_000, finished: true});
	});
});
