// The CLI on a real terminal: spawned under `script` (util-linux), which gives it a pseudo-TTY,
// as a person's shell would. The progress bar, colour and NO_COLOR, and quitting with q.
import {spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
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

/** Runs `node cli.js ARGS` on a pseudo-terminal; types `keys` once the dashboard has drawn; resolves with all it printed. */
const onTerminal = async (args: string[], env: Record<string, string>, keys?: string) =>
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
			if (keys !== undefined && !typed && output.includes('Kernel heap:')) {
				typed = true;
				child.stdin.write(keys);
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

	it.each<Record<string, string>>([{NO_COLOR: '1'}, {TERM: 'dumb'}])('%o: not one colour code', async (env) => {
		const {code, output} = await onTerminal([], env, 'q');
		expect(code).toBe(0);
		expect(output).toContain('Kernel heap:');
		expect(output).not.toMatch(colourCode);
	});

	it('--no-color too', async () => {
		const {output} = await onTerminal(['--no-color'], {}, 'q');
		expect(output).toContain('Kernel heap:');
		expect(output).not.toMatch(colourCode);
	});
});
