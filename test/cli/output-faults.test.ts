// Issue 13, spawned since the process's exit is the point: -o onto every kind of path (devices,
// FIFOs, /dev/stdout, symlinks, modes, as root and as nobody), write errors on stdout (EPIPE,
// ENOSPC), temp files under signals and a workload's late failure, and what a workload module
// throws or an argument smuggles onto stderr.
import {execFileSync, spawn, spawnSync, type ChildProcess, type StdioOptions} from 'node:child_process';
import {chmodSync, chownSync, closeSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, watch, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'cli.js');
const work = mkdtempSync(path.join(tmpdir(), 'kmtop-output-'));
const at = (name: string): string => path.join(work, name);
chmodSync(work, 0o755); // nobody's cases reach into it
afterAll(() => {
	rmSync(work, {recursive: true, force: true});
});

const isRoot = process.getuid?.() === 0;
const nobody = 65_534;
const asNobody = ['setpriv', `--reuid=${nobody}`, `--regid=${nobody}`, '--clear-groups'];
// Tests run as root in CI too: the cases as nobody run where root can switch to nobody and
// nobody can run the CLI from here; elsewhere the in-place path is tested as the user we are.
const canSwitchUser = isRoot && spawnSync(asNobody[0]!, [...asNobody.slice(1), process.execPath, cli, '--version'], {cwd: '/'}).status === 0;

// No colour variables at all: Node 22 warns on stderr when both NO_COLOR and FORCE_COLOR are set.
const environment = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NO_COLOR' && name !== 'FORCE_COLOR'));

type Outcome = {code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string};

const run = (args: string[], options: {stdout?: number; nobody?: boolean; cwd?: string} = {}): Outcome => {
	const [command, ...prefix] = options.nobody ? [...asNobody, process.execPath, cli] : [process.execPath, cli];
	const stdio: StdioOptions = ['ignore', options.stdout ?? 'pipe', 'pipe'];
	const result = spawnSync(command, [...prefix, ...args], {
		cwd: options.cwd ?? (options.nobody ? '/' : work),
		encoding: 'utf8',
		stdio,
		env: environment,
		timeout: 300_000,
	});
	return {code: result.status, signal: result.signal, stdout: result.stdout ?? '', stderr: result.stderr};
};

const exitOf = async (child: ChildProcess): Promise<number | NodeJS.Signals | null> =>
	new Promise((resolve) => {
		child.on('close', (code, signal) => {
			resolve(code ?? signal);
		});
	});

// As root, a regression would replace the system's /dev/full or /dev/stdout with a regular file
// (the old temp-and-rename write did, once, while this file was checked against it), so root
// writes to private stand-ins made the same way: the devices by mknod, /dev/stdout as a link to
// /proc/self/fd/1. Any other user cannot replace anything in /dev and uses the real ones.
// (Root without CAP_MKNOD, in some containers, skips the device cases.)
const makeStandIns = (): {null: string; full: string; stdout: string} | undefined => {
	const standIns = {null: at('null-device'), full: at('full-device'), stdout: at('stdout-link')};
	try {
		execFileSync('mknod', ['-m', '666', standIns.null, 'c', '1', '3'], {stdio: 'ignore'});
		execFileSync('mknod', ['-m', '666', standIns.full, 'c', '1', '7'], {stdio: 'ignore'});
	} catch {
		return undefined;
	}

	symlinkSync('/proc/self/fd/1', standIns.stdout);
	return standIns;
};

const devices = isRoot ? makeStandIns() : {null: '/dev/null', full: '/dev/full', stdout: '/dev/stdout'};
const device = (name: 'null' | 'full' | 'stdout'): string => devices?.[name] ?? `/dev/${name}`;

const tickOf = (json: string): number => (JSON.parse(json) as {run: {tick: number}}).run.tick;
const temporaryFiles = (directory: string): string[] => readdirSync(directory).filter((name) => name.endsWith('.tmp'));
const snapshot = ['snapshot', '--ticks', '5'];
const enospc = (what: string): string => `kmtop: cannot write ${what}: ENOSPC (no space left on device)\n`;

describe('-o onto each kind of path', () => {
	it.runIf(devices)(`a character device (${device('null')}, c 1 3) is written in place and stays a device`, () => {
		expect(run([...snapshot, '-o', device('null')])).toEqual({code: 0, signal: null, stdout: '', stderr: ''});
		expect(lstatSync(device('null')).isCharacterDevice()).toBe(true);
		expect(lstatSync(device('null')).rdev).toBe(statSync('/dev/null').rdev);
		expect(temporaryFiles(work)).toEqual([]);
	});

	it('a FIFO is written in place: its reader gets the document and it stays a FIFO', async () => {
		const fifo = at('fifo');
		execFileSync('mkfifo', [fifo]);
		const reader = spawn('cat', [fifo]);
		const readerDone = exitOf(reader);
		let text = '';
		reader.stdout.on('data', (chunk: Buffer) => {
			text += chunk.toString();
		});
		const code = await exitOf(spawn(process.execPath, [cli, ...snapshot, '-o', fifo], {cwd: work, stdio: 'ignore'}));
		const stillFifo = lstatSync(fifo).isFIFO();
		if (!stillFifo) {
			reader.kill(); // replaced by a regular file: cat would wait for a writer forever
		}

		await readerDone;
		expect({code, stillFifo}).toEqual({code: 0, stillFifo: true});
		expect(tickOf(text)).toBe(5);
		expect(temporaryFiles(work)).toEqual([]);
	});

	it.runIf(devices)(`${device('stdout')} (-> /proc/self/fd/1) is our own stdout; the link stays`, () => {
		const {code, stdout, stderr} = run([...snapshot, '-o', device('stdout')]);
		expect({code, stderr}).toEqual({code: 0, stderr: ''});
		expect(tickOf(stdout)).toBe(5);
		expect(lstatSync(device('stdout')).isSymbolicLink()).toBe(true);
	});

	it.runIf(devices)(`${device('full')} (c 1 7): one line naming the problem, exit 1; it stays a device`, () => {
		expect(run([...snapshot, '-o', device('full')])).toEqual({code: 1, signal: null, stdout: '', stderr: enospc(device('full'))});
		expect(lstatSync(device('full')).isCharacterDevice()).toBe(true);
		expect(temporaryFiles(work)).toEqual([]);
	});

	it('a symlink is written through to its target; the link stays a link', () => {
		mkdirSync(at('links'));
		writeFileSync(at('links/target.json'), 'old');
		symlinkSync('target.json', at('links/link.json'));
		symlinkSync('created.json', at('links/dangling.json'));
		for (const [link, target] of [
			['links/link.json', 'links/target.json'],
			['links/dangling.json', 'links/created.json'],
		] as const) {
			expect(run([...snapshot, '-o', link])).toEqual({code: 0, signal: null, stdout: '', stderr: ''});
			expect(lstatSync(at(link)).isSymbolicLink()).toBe(true);
			expect(tickOf(readFileSync(at(target), 'utf8'))).toBe(5);
		}

		expect(temporaryFiles(at('links'))).toEqual([]);
	});

	it.each(['600', '640', '604', '755'])('an existing file of mode %s keeps its mode', (octal) => {
		const mode = Number.parseInt(octal, 8);
		const file = at(`mode-${octal}.json`);
		writeFileSync(file, 'old');
		chmodSync(file, mode);
		expect(run([...snapshot, '-o', file]).code).toBe(0);
		expect(statSync(file).mode & 0o7777).toBe(mode);
		expect(tickOf(readFileSync(file, 'utf8'))).toBe(5);
	});

	it('a new file gets 0666 less the umask, as from a shell', () => {
		const mask = process.umask(0o022);
		process.umask(mask);
		expect(run([...snapshot, '-o', 'new.json']).code).toBe(0);
		expect(statSync(at('new.json')).mode & 0o777).toBe(0o666 & ~mask);
	});

	it.runIf(isRoot)("as root, a replaced file keeps its owner", () => {
		const file = at('owned.json');
		writeFileSync(file, 'old');
		chownSync(file, nobody, nobody);
		expect(run([...snapshot, '-o', file]).code).toBe(0);
		expect(statSync(file)).toMatchObject({uid: nobody, gid: nobody});
	});
});

describe('-o to a path that cannot be a file', () => {
	// A trailing slash names a folder, as a shell's `>` takes it (path.resolve dropped it: the file was
	// written, or replaced); /proc and /sys pass a permission check for root, where no file can be made.
	it.each([
		['an existing file named as a folder', () => at('kept.json/'), 'ENOTDIR (not a directory)'],
		['a new name as a folder', () => at('new-name/'), 'a path ending in / names a directory'],
		['a folder', () => `${work}/`, 'it is a directory'],
	])('%s: one line, exit 2, nothing written', (_name, target, why) => {
		writeFileSync(at('kept.json'), 'old');
		const file = target();
		expect(run([...snapshot, '-o', file])).toMatchObject({code: 2, stdout: '', stderr: `kmtop: cannot write ${file}: ${why}\n`});
		expect(existsSync(at('new-name'))).toBe(false);
		expect(readFileSync(at('kept.json'), 'utf8')).toBe('old');
	});

	it.runIf(isRoot && existsSync('/proc/self'))('/proc/x.json as root: refused up front (it was exit 1 after the run), no temp file left', () => {
		const {code, stdout, stderr} = run([...snapshot, '-o', '/proc/x.json']);
		expect({code, stdout, stderr}).toEqual({code: 2, stdout: '', stderr: 'kmtop: cannot write /proc/x.json: ENOENT (no such file or directory)\n'});
	});

	it('the run\'s own input (a trace, a workload module, a recording; by name, through a link or a hard link): refused, the input kept', () => {
		const trace = at('capture.txt');
		writeFileSync(trace, readFileSync(path.join(root, 'test', 'fixtures', 'linux-ftrace-kmem-excerpt.txt')));
		const module = at('mine.mjs');
		writeFileSync(module, "export default {name: 'mine', description: 'd', tick() {}};");
		symlinkSync(trace, at('capture-link.txt'));
		linkSync(trace, at('capture-hard.txt'));
		for (const [args, output, option] of [
			[['--trace', trace], trace, '--trace'],
			[['--trace', trace], at('capture-link.txt'), '--trace'],
			[['--trace', at('capture-hard.txt')], trace, '--trace'],
			[['-w', module], module, '-w'],
		] as const) {
			expect(run(['snapshot', ...args, '-o', output])).toMatchObject({code: 2, stdout: '', stderr: `kmtop: cannot write ${output}: it is the run's ${option} file; give the output another name\n`});
		}

		expect(readFileSync(trace, 'utf8')).toBe(readFileSync(path.join(root, 'test', 'fixtures', 'linux-ftrace-kmem-excerpt.txt'), 'utf8'));
		expect(readFileSync(module, 'utf8')).toContain("name: 'mine'");
	});

	it('a new file in a writable folder: the up-front check leaves nothing behind', () => {
		mkdirSync(at('clean'));
		expect(run([...snapshot, '-o', at('clean/run.json')]).code).toBe(0);
		expect(readdirSync(at('clean'))).toEqual(['run.json']);
	});
});

// nobody may not write in /dev: the real devices are safe here.
describe.runIf(canSwitchUser)('-o as nobody', () => {
	it.each([
		['/dev/null', {code: 0, stderr: ''}],
		['/dev/full', {code: 1, stderr: enospc('/dev/full')}],
	])('%s: no false "permission denied"', (device, outcome) => {
		const {code, stdout, stderr} = run([...snapshot, '-o', device], {nobody: true});
		expect({code, stdout, stderr}).toEqual({...outcome, stdout: ''});
	});

	it('/dev/stdout on a pipe the parent (root) created: written, not reopened', () => {
		const {code, stdout, stderr} = run([...snapshot, '-o', '/dev/stdout'], {nobody: true});
		expect({code, stderr}).toEqual({code: 0, stderr: ''});
		expect(tickOf(stdout)).toBe(5);
	});

	it("a file nobody may not write is refused, as by a shell, though its folder is open", () => {
		mkdirSync(at('open'));
		chmodSync(at('open'), 0o777);
		writeFileSync(at('open/roots.json'), 'old');
		const {code, stderr} = run([...snapshot, '-o', at('open/roots.json')], {nobody: true});
		expect({code, stderr}).toEqual({code: 2, stderr: `kmtop: cannot write ${at('open/roots.json')}: permission denied\n`});
		expect(readFileSync(at('open/roots.json'), 'utf8')).toBe('old');
	});

	it("a file nobody may write in a folder nobody may not: written in place, no temp file possible", () => {
		mkdirSync(at('closed'));
		writeFileSync(at('closed/nobodys.json'), 'old');
		chownSync(at('closed/nobodys.json'), nobody, nobody);
		const inode = statSync(at('closed/nobodys.json')).ino;
		const {code, stderr} = run([...snapshot, '-o', at('closed/nobodys.json')], {nobody: true});
		expect({code, stderr}).toEqual({code: 0, stderr: ''});
		expect(statSync(at('closed/nobodys.json'))).toMatchObject({ino: inode, uid: nobody});
		expect(tickOf(readFileSync(at('closed/nobodys.json'), 'utf8'))).toBe(5);
	});
});

describe('no temp file outlives a write', () => {
	const writer = pathToFileURL(path.join(root, 'dist', 'source', 'cli', 'write-file-atomically.js')).href;

	it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s while a temp file exists removes it, then ends by that signal', (signal) => {
		const temporary = at(`.signal-${signal}.tmp`);
		writeFileSync(temporary, '');
		const script = `
			import {trackTemporaryFile} from ${JSON.stringify(writer)};
			trackTemporaryFile(process.argv[1]);
			process.kill(process.pid, process.argv[2]);
			setTimeout(() => {}, 30_000);`;
		const result = spawnSync(process.execPath, ['--input-type=module', '-e', script, temporary, signal], {timeout: 60_000});
		expect({signal: result.signal, exists: existsSync(temporary)}).toEqual({signal, exists: false});
	});

	it('an uncaught exception while a temp file exists removes it', () => {
		const temporary = at('.uncaught.tmp');
		writeFileSync(temporary, '');
		const script = `
			import {trackTemporaryFile} from ${JSON.stringify(writer)};
			trackTemporaryFile(process.argv[1]);
			setTimeout(() => { throw new Error('late'); }, 0);`;
		const result = spawnSync(process.execPath, ['--input-type=module', '-e', script, temporary], {timeout: 60_000});
		expect({status: result.status, exists: existsSync(temporary)}).toEqual({status: 1, exists: false});
	});

	// Before the fix, 29 of 30 such runs left a 0-byte temp file.
	it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('kmtop sent %s as its temp file appears: none stays, the target is absent or whole', async (signal) => {
		const directory = mkdtempSync(at('killed-'));
		const child = spawn(process.execPath, [cli, ...snapshot, '-o', 'out.json'], {cwd: directory, stdio: 'ignore'});
		const watcher = watch(directory, (_, name) => {
			if (name?.endsWith('.tmp')) {
				child.kill(signal);
			}
		});
		const ended = await exitOf(child);
		watcher.close();
		expect(temporaryFiles(directory)).toEqual([]);
		// Finished before it, ended by it, or (Ctrl+C during the run, once the up-front check of
		// -o made its temp file) interrupted: 130 and 'kmtop: interrupted'.
		expect(signal === 'SIGINT' ? [0, signal, 130] : [0, signal]).toContain(ended);
		if (existsSync(path.join(directory, 'out.json'))) {
			expect(tickOf(readFileSync(path.join(directory, 'out.json'), 'utf8'))).toBe(5);
		}
	});

	it.each([
		['a timer that throws', 'setTimeout(() => { throw new Error("late"); }, 0);'],
		['a rejected promise', 'Promise.reject(new Error("late"));'],
		['a late async throw', 'void (async () => { await null; throw new Error("late"); })();'],
	])('a workload failing asynchronously at its last tick (%s) leaves no temp file', (_, failure) => {
		const directory = mkdtempSync(at('late-'));
		writeFileSync(
			path.join(directory, 'late.mjs'),
			`let calls = 0;\nexport default {name: 'late', description: 'fails after its last tick', tick() { if (++calls === 5) { ${failure} } }};\n`,
		);
		run([...snapshot, '-w', './late.mjs', '-o', 'out.json'], {cwd: directory});
		expect(temporaryFiles(directory)).toEqual([]);
		if (existsSync(path.join(directory, 'out.json'))) {
			expect(tickOf(readFileSync(path.join(directory, 'out.json'), 'utf8'))).toBe(5);
		}
	});
});

const printingCommands = [['--help'], ['--version'], ['workloads'], ['revisions'], snapshot, [...snapshot, '--format', 'text']];

describe('write errors on stdout', () => {
	it.each(printingCommands)('EPIPE (the reader has gone): %j ends quietly, status 0', async (...args) => {
		const child = spawn(process.execPath, [cli, ...args], {cwd: work, stdio: ['ignore', 'pipe', 'pipe'], env: environment});
		child.stdout.destroy(); // before the child has started: its write finds no reader
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		expect({ended: await exitOf(child), stderr}).toEqual({ended: 0, stderr: ''});
	});

	it('`kmtop revisions | true`, as the issue ran it: status 0, nothing on stderr, every time', () => {
		for (let attempt = 0; attempt < 5; attempt++) {
			const result = spawnSync('bash', ['-c', 'set -o pipefail; "$0" "$1" revisions | true', process.execPath, cli], {encoding: 'utf8', cwd: work, env: environment});
			expect({status: result.status, stderr: result.stderr}).toEqual({status: 0, stderr: ''});
		}
	});

	it.each(printingCommands)('ENOSPC (stdout is /dev/full): %j is one line, exit 1', (...args) => {
		const full = openSync('/dev/full', 'w');
		try {
			expect(run(args, {stdout: full})).toEqual({code: 1, signal: null, stdout: '', stderr: enospc('to stdout')});
		} finally {
			closeSync(full);
		}
	});
});

describe('what a workload throws, and input echoed on stderr', () => {
	const module = (name: string, text: string): string => {
		writeFileSync(at(name), text);
		return `./${name}`;
	};

	it.each([
		['null.mjs', 'throw null;', 'kmtop: ./null.mjs: failed to load: threw null\n'],
		['tostring.mjs', 'throw {toString() { throw new Error("again"); }};', 'kmtop: ./tostring.mjs: failed to load: threw an object that cannot be converted to text\n'],
		['getter.mjs', "export default {get tick() { throw null; }, name: 'getter', description: 'd'};", 'kmtop: ./getter.mjs: reading the workload object failed: threw null\n'],
		['osc.mjs', "throw new Error('\\u001B]0;owned\\u0007 title\\nsecond line');", 'kmtop: ./osc.mjs: failed to load: \\x1B]0;owned\\x07 title\n'],
	])("a module that throws at import (%s) is the module's fault: one line naming it, exit 2", (name, text, message) => {
		expect(run(['snapshot', '-w', module(name, text)])).toEqual({code: 2, signal: null, stdout: '', stderr: message});
	});

	it('a tick that throws an object whose toString throws is recorded, not a crash', () => {
		const workload = module('ticks.mjs', "export default {name: 'ticks', description: 'd', tick() { throw {toString() { throw new Error('again'); }}; }};");
		const {code, stdout, stderr} = run([...snapshot, '-w', workload]);
		expect({code, stderr}).toEqual({code: 0, stderr: ''});
		const events = (JSON.parse(stdout) as {events: Array<{kind: string; message: string}>}).events;
		expect(events.find((event) => event.kind === 'workload-error')?.message).toBe('workload ticks failed at tick 1: threw an object that cannot be converted to text');
	});

	it.each([
		[['snapshot', '--seed', '\u001B[31mred\nnext'], '"\\x1B[31mred\\x0Anext"'],
		[['snapshot', '-w', './\u001B[2J\u202Ex.mjs'], 'kmtop: ./\\x1B[2J\\u{202E}x.mjs: no such file\n'],
		[['snapshot', '--trace', 'trace\u009B2J.txt'], 'kmtop: cannot read trace trace\\x9B2J.txt: ENOENT (no such file)\n'],
		[['snapshot', '-o', 'nowhere\r/out.json'], `kmtop: cannot write nowhere\\x0D/out.json: no such directory ${at('nowhere\\x0D')}\n`],
	])('escape codes and line breaks in %j are escaped: one line, exit 2', (args, shown) => {
		const {code, stderr} = run(args);
		expect(code).toBe(2);
		expect(stderr).toContain(shown);
		expect(stderr.slice(0, -1)).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u202E]/);
		expect(stderr.endsWith('\n')).toBe(true);
	});
});
