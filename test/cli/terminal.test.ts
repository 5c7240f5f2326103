// The CLI on a real terminal: spawned under `script` (util-linux), which gives it a pseudo-TTY,
// as a person's shell would. The progress bar, colour and NO_COLOR, and quitting with q.
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'cli.js');
const work = mkdtempSync(path.join(tmpdir(), 'kmtop-tty-'));
const hasScript = spawnSync('script', ['--version']).status === 0;

afterAll(() => {
	rmSync(work, {recursive: true, force: true});
});

const quote = (parts: string[]) => parts.map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(' ');

/** The processes under `pid`, by id, parents first (script → shell → node). */
const descendants = (pid: number): number[] => {
	const children = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)]).stdout.toString().trim().split(/\s+/).filter(Boolean).map(Number);
	return children.flatMap((child) => [child, ...descendants(child)]);
};

/** Sends kmtop's node `signal`, by its id: the deepest process running cli.js (script would pass a signal on only as a hang-up). */
const signalKmtop = (script: number, signal: NodeJS.Signals) => {
	const node = descendants(script)
		.filter((pid) => spawnSync('ps', ['-o', 'args=', '-p', String(pid)]).stdout.toString().includes(cli))
		.at(-1);
	if (node !== undefined) {
		process.kill(node, signal);
	}
};

/** Runs `node cli.js ARGS` on a pseudo-terminal; types `keys` (or sends kmtop `signal`) once the dashboard has drawn; resolves with all it printed. */
const onTerminal = async (args: string[], env: Record<string, string>, keys?: string, signal?: NodeJS.Signals) =>
	new Promise<{code: number | null; output: string}>((resolve) => {
		// The user's own colour settings are left out (an empty FORCE_COLOR would force colour).
		const {NO_COLOR: _noColor, FORCE_COLOR: _forceColor, CI: _ci, ...inherited} = process.env;
		const child = spawn('script', ['-qec', `stty cols 120 rows 40; ${quote([process.execPath, cli, ...args])}`, '/dev/null'], {
			cwd: work,
			env: {...inherited, TERM: 'xterm-256color', ...env},
		});
		let output = '';
		let typed = false;
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
			// The first frame is drawn (the panel title), so the keys reach the dashboard, not the
			// line discipline before it has the terminal.
			if ((keys !== undefined || signal) && !typed && output.includes('Kernel heap:')) {
				typed = true;
				if (keys !== undefined) {
					child.stdin.write(keys);
				}

				if (signal) {
					signalKmtop(child.pid!, signal);
				}
			}
		});

		child.on('exit', (code) => {
			resolve({code, output});
		});
	});

// Colour: a foreground or background SGR (30–37, 90–97, 40–47, 38;… and 48;…), not bold or inverse.
const colourCode = /\u001B\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|4[0-7]|38|48)(?:;[0-9;]*)?m/;

describe.runIf(hasScript)('on a terminal', () => {
	it('a headless run longer than a second shows its progress, then clears it', async () => {
		const {code, output} = await onTerminal(['snapshot', '--workload', 'steady', '--ticks', '300000', '-o', 'run.json'], {});
		expect(code).toBe(0);
		expect(output).toMatch(/\[#*\.*] [\d,]+\/300,000 ticks {2}[\d,]+ t\/s/);
		expect(output.endsWith('\r\u001B[K')).toBe(true);
	});

	it('the live view draws in colour, and quits on q with exit 0', async () => {
		const {code, output} = await onTerminal([], {}, 'q');
		expect(code).toBe(0);
		expect(output).toContain('Kernel heap:');
		expect(output).toMatch(colourCode);
		expect(output).toContain('\u001B[?1049h'); // the alternate screen, entered
		expect(output).toContain('\u001B[?1049l'); // and left
	});

	// Issue 15: the mouse reports are on while the live view runs, and off again on every way out.
	it.each<[string, string | undefined, NodeJS.Signals | undefined, number]>([
		['q', 'q', undefined, 0],
		['Ctrl+C', '\u0003', undefined, 130],
		['SIGTERM', undefined, 'SIGTERM', 143],
		['SIGHUP', undefined, 'SIGHUP', 129],
	])('%s: the mouse turned on, then off again before the normal screen', async (_name, keys, signal, exit) => {
		const {code, output} = await onTerminal(['--seed', '15'], {}, keys, signal);
		expect(code).toBe(exit);
		const on = output.lastIndexOf('\u001B[?1000h\u001B[?1006h');
		const off = output.lastIndexOf('\u001B[?1006l\u001B[?1000l\u001B[?25h\u001B[?1049l');
		expect(on).toBeGreaterThan(-1);
		expect(off).toBeGreaterThan(on);
		expect(output.indexOf('\u001B[?1000h', on + 1)).toBe(-1);
	});

	// The window closed under it (the pseudo-terminal's master side gone: `script` killed): on Node
	// 20 this was "kmtop: internal error: write EIO" and a native assertion from Node's own restore
	// of the terminal at exit, status 139. A shell that outlives the hang-up tells how kmtop ended.
	it('the terminal closed under it: ends as a hang-up does, 129, and says nothing', async () => {
		const code = path.join(work, 'hangup-code');
		const errors = path.join(work, 'hangup-stderr');
		const line = `trap '' HUP; ${quote([process.execPath, cli, '--seed', '16'])} 2>${quote([errors])}; echo $? >${quote([code])}`;
		const {NO_COLOR: _noColor, FORCE_COLOR: _forceColor, CI: _ci, ...inherited} = process.env;
		const child = spawn('script', ['-qec', `stty cols 120 rows 40; bash -c ${quote([line])}`, '/dev/null'], {cwd: work, env: {...inherited, TERM: 'xterm-256color'}});
		let output = '';
		await new Promise<void>((resolve) => {
			child.stdout.on('data', (chunk: Buffer) => {
				output += chunk.toString('utf8');
				if (output.includes('Kernel heap:')) {
					resolve();
				}
			});
		});
		child.kill('SIGKILL');
		for (let wait = 0; wait < 600 && !existsSync(code); wait++) {
			await new Promise((resolve) => {
				setTimeout(resolve, 50);
			});
		}

		await new Promise((resolve) => {
			setTimeout(resolve, 100); // the shell's echo, written whole
		});
		expect({code: readFileSync(code, 'utf8'), stderr: readFileSync(errors, 'utf8')}).toEqual({code: '129\n', stderr: ''});
	});

	it.each<Record<string, string>>([{NO_COLOR: '1'}, {TERM: 'dumb'}])('%o: not one colour code', async (env) => {
		const {code, output} = await onTerminal([], env, 'q');
		expect(code).toBe(0);
		expect(output).toContain('Kernel heap:');
		expect(output).not.toMatch(colourCode);
	});

	// Ink reads CI once, as it loads, and on a CI draws nothing until exit: the live view clears it
	// first. In the bundle that must happen before Ink's own chunk runs, not merely be imported first.
	it('CI=1 left in the shell: the live view still draws while it runs', async () => {
		const {code, output} = await onTerminal([], {CI: '1', CONTINUOUS_INTEGRATION: 'true'}, 'q');
		expect(code).toBe(0);
		expect(output).toContain('Kernel heap:');
	});

	// What users run is the bundle, with its own copy of Ink: the patch must reach the Output class
	// that copy draws with, or every frame goes through Ink's slow get() and nothing else shows it.
	it('Ink draws through kmtop\'s Output patch (DEBUG=kmtop says so on exit)', async () => {
		const {code, output} = await onTerminal(['--seed', '3'], {DEBUG: 'kmtop'}, 'q');
		expect(code).toBe(0);
		const rows = /kmtop: Ink's Output patch applied: (\d+) rows of the last frame drawn through it/.exec(output);
		expect(rows, output.slice(-300)).not.toBeNull();
		expect(Number(rows![1])).toBeGreaterThan(0);
	});

	it('--no-color too', async () => {
		const {output} = await onTerminal(['--no-color'], {}, 'q');
		expect(output).toContain('Kernel heap:');
		expect(output).not.toMatch(colourCode);
	});
});
