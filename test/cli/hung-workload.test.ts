// A workload that never returns, as a person meets it: kmtop still answers q, Ctrl+C and
// signals, gives the terminal back, and a headless run records the hang or stops on Ctrl+C.
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it, vi} from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'cli.js');
const work = mkdtempSync(path.join(tmpdir(), 'kmtop-hang-'));
const hasScript = spawnSync('script', ['--version']).status === 0;
const hang = path.join(work, 'hang.js');
writeFileSync(
	hang,
	"export default {name: 'hang', description: 'loops at tick 3', tick(kernel, ctx) { kernel.kmalloc(16); if (ctx.tick === 3) { for (;;) {} } }};\n",
);

// The same loop, announced: a file appears as the workload starts to loop.
const markedHang = path.join(work, 'marked-hang.js');
const looping = path.join(work, 'looping');
writeFileSync(
	markedHang,
	"import {writeFileSync} from 'node:fs';\nexport default {name: 'hang', description: 'loops at tick 3', tick(kernel, ctx) { kernel.kmalloc(16); if (ctx.tick === 3) { writeFileSync(new URL('looping', import.meta.url), ''); for (;;) {} } }};\n",
);

afterAll(() => {
	rmSync(work, {recursive: true, force: true});
});

type Run = {code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string};

/** Spawns kmtop; `act` gets the child and the output so far, once `ready` appears in it. */
const runKmtop = async (command: string, args: string[], ready?: string, act?: (child: ReturnType<typeof spawn>) => void) =>
	new Promise<Run>((resolve) => {
		const child = spawn(command, args, {cwd: work, env: {...process.env, TERM: 'xterm-256color'}});
		let stdout = '';
		let stderr = '';
		let acted = false;
		const check = () => {
			if (!acted && ready !== undefined && (stdout + stderr).includes(ready)) {
				acted = true;
				act?.(child);
			}
		};

		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString('utf8');
			check();
		});
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString('utf8');
			check();
		});
		child.on('exit', (code, signal) => {
			resolve({code, signal, stdout, stderr});
		});
	});

const onTerminal = (args: string[]) => ['-qec', `stty cols 100 rows 30; '${process.execPath}' '${cli}' ${args.map((arg) => `'${arg}'`).join(' ')}`, '/dev/null'];

describe('a hung workload', () => {
	it('snapshot: the hang is recorded and the run goes on, exit 0', async () => {
		const {code, stdout, stderr} = await runKmtop(process.execPath, [cli, 'snapshot', '-w', hang, '--ticks', '10', '--tick-timeout', '2']);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		const document = JSON.parse(stdout) as {run: {tick: number}; events: Array<{kind: string; message: string}>};
		expect(document.run.tick).toBe(10);
		expect(document.events.filter((event) => event.kind === 'workload-error').map((event) => event.message)).toEqual([
			'workload hang failed at tick 3: hung: its tick ran past the 2 s watchdog (--tick-timeout) and was stopped',
		]);
	});

	it('snapshot: Ctrl+C (SIGINT) stops it at once, exit 130, nothing written', async () => {
		const output = path.join(work, 'never.json');
		rmSync(looping, {force: true});
		const run = runKmtop(process.execPath, [cli, 'snapshot', '-w', markedHang, '--tick-timeout', '600', '-o', output]);
		// No ready text without a terminal: the workload leaves a file as it starts to loop.
		await vi.waitUntil(() => existsSync(looping), {timeout: 120_000, interval: 50});
		spawnSync('pkill', ['-INT', '-f', `${cli} snapshot -w ${markedHang}`]);
		const {code, stdout} = await run;
		expect(code).toBe(130);
		expect(stdout).toBe('');
		expect(spawnSync('ls', [work]).stdout.toString()).not.toContain('never.json');
	});

	it.runIf(hasScript).each([
		['q', 0],
		['\u0003', 130],
	])('live: %j while the workload loops quits (exit %d) and gives the terminal back', async (key, exit) => {
		rmSync(looping, {force: true});
		const {code, stdout} = await runKmtop('script', onTerminal(['-w', markedHang, '--tick-timeout', '600']), 'Kernel heap:', (child) => {
			// The key once the workload loops.
			void vi.waitUntil(() => existsSync(looping), {timeout: 120_000, interval: 50}).then(() => child.stdin!.write(key));
		});
		expect(code).toBe(exit);
		expect(stdout).toContain('\u001B[?1049l');
		expect(stdout).toContain('\u001B[?25h');
	});

	it.runIf(hasScript).each([
		['SIGTERM', 143, '11'],
		['SIGHUP', 129, '12'],
	] as const)('live: %s while the workload loops ends kmtop (exit %d), nothing left running', async (signal, exit, seed) => {
		const pattern = `${cli} -w ${markedHang} --tick-timeout 600 --seed ${seed}`;
		rmSync(looping, {force: true});
		const {code, stdout} = await runKmtop('script', onTerminal(['-w', markedHang, '--tick-timeout', '600', '--seed', seed]), 'Kernel heap:', () => {
			void vi.waitUntil(() => existsSync(looping), {timeout: 120_000, interval: 50}).then(() => spawnSync('pkill', [`-${signal}`, '-f', pattern]));
		});
		expect(code).toBe(exit);
		expect(stdout).toContain('\u001B[?1049l');
		expect(spawnSync('pgrep', ['-f', pattern]).stdout.toString()).toBe('');
	});
});
