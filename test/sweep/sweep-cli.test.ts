// `kmtop sweep` and `kmtop sweep merge`, spawned as a user runs them (the built CLI, its worker
// threads included): the issue's own sweep, shards merged, rows against `kmtop snapshot`, custom
// workloads in workers, failures that are rows, bad input, -o, and Ctrl+C on a terminal.
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import type {SnapshotDocument} from '../../source/engine/snapshot-types.js';
import type {SweepRow} from '../../source/sweep/sweep-row.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'cli.js');
const work = mkdtempSync(path.join(tmpdir(), 'kmtop-sweep-'));
const hasScript = spawnSync('script', ['--version']).status === 0;

afterAll(() => {
	rmSync(work, {recursive: true, force: true});
});

type Ran = {code: number | null; stdout: string; stderr: string};

// Asynchronous, so a sweep of a minute does not block the test runner.
const run = async (args: string[]): Promise<Ran> =>
	new Promise((resolve) => {
		const child = spawn(process.execPath, [cli, ...args], {cwd: work, env: {...process.env, NO_COLOR: '', FORCE_COLOR: ''}});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString('utf8');
		});
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString('utf8');
		});
		child.on('close', (code) => {
			resolve({code, stdout, stderr});
		});
	});

const ok = async (args: string[]): Promise<string> => {
	const result = await run(args);
	expect({code: result.code, stderr: result.stderr}).toEqual({code: 0, stderr: ''});
	return result.stdout;
};

const rowsOf = (jsonl: string): SweepRow[] => jsonl.trimEnd().split('\n').filter(Boolean).map((line) => JSON.parse(line) as SweepRow);
const withoutWall = (rows: SweepRow[]) => rows.map((row) => ({...row, wallMs: 0}));
const read = (name: string) => readFileSync(path.join(work, name), 'utf8');
const file = (name: string, text: string) => {
	writeFileSync(path.join(work, name), text);
	return `./${name}`;
};

// What a sweep row says, read from the snapshot document of the same options instead.
const figuresOf = (document: SnapshotDocument) => ({
	workload: document.run.workload,
	revision: document.run.revision,
	seed: document.run.seed,
	ramBytes: document.run.ramBytes,
	ticksRun: document.run.tick,
	heapTotalBytes: document.heap.totalBytes,
	heapAllocatedBytes: document.heap.allocatedBytes,
	backupConsumed: document.backup.consumed,
	backupReplaced: document.backup.replaced,
	backupFailed: document.backup.failedReplacements,
	panicKind: document.panic?.kind ?? null,
	panicTick: document.panic?.tick ?? null,
	panicLine: document.panic?.lines[0] ?? null,
});

const sameFigures = async (row: SweepRow, workload: string, extra: string[] = []) => {
	const args = ['snapshot', '-w', workload, '--revision', row.revision, '--seed', String(row.seed), '--ticks', String(row.ticks), '--ram', String(row.ramBytes), ...extra];
	const document = JSON.parse(await ok(args)) as SnapshotDocument;
	const figures = figuresOf(document);
	const picked = Object.fromEntries(Object.keys(figures).map((key) => [key, row[key as keyof SweepRow]]));
	expect(JSON.stringify(picked)).toBe(JSON.stringify(figures));
	// The document keeps the newest events only; the row counted them all.
	const added = document.events.filter((event) => event.kind === 'subheap-added');
	expect(row.subheapsAdded).toBeGreaterThanOrEqual(added.length);
	expect(row.firstExpansionTick ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(added[0]?.tick ?? Number.POSITIVE_INFINITY);
	expect(row.peakHeapBytes).toBeGreaterThanOrEqual(document.heap.totalBytes);
};

describe('the issue: big-allocations on 2020-12-31 and 2021-02-23, seeds 1..40, 8,000 ticks', () => {
	const sweep = ['sweep', '-w', 'big-allocations', '--revision', '2020-12-31,2021-02-23', '--seeds', '1..40', '--ticks', '8000', '--jobs', '2'];

	it('in three shards, merged: the summary with both revisions\' panic counts; rows equal kmtop snapshot runs', {timeout: 900_000}, async () => {
		const shards: SweepRow[][] = [];
		for (const index of [1, 2, 3]) {
			expect(await ok([...sweep, '--shard', `${index}/3`, '--format', 'jsonl', '-o', `shard-${index}.jsonl`])).toBe('');
			shards.push(rowsOf(read(`shard-${index}.jsonl`)));
		}

		expect(shards.map((rows) => rows.length)).toEqual([27, 27, 26]);
		const summary = await ok(['sweep', 'merge', 'shard-1.jsonl', 'shard-2.jsonl', 'shard-3.jsonl']);
		expect(summary.split('\n').slice(0, 5)).toEqual([
			'80 runs; seeds 1..40; ticks 8,000; RAM 512M',
			'',
			'WORKLOAD         REVISION    RUNS       PANICS  95 % INTERVAL  EXPANDED  FIRST EXPANSION     PANIC TICK  PEAK HEAP',
			'big-allocations  2020-12-31    40  21 (52.5 %)    37.5–67.1 %        40        126 / 339  3,753 / 7,652   68.1 MiB',
			'big-allocations  2021-02-23    40  21 (52.5 %)    37.5–67.1 %        40        126 / 339  3,753 / 7,652   68.1 MiB',
		]);
		const rows = rowsOf(await ok(['sweep', 'merge', '--format', 'jsonl', 'shard-3.jsonl', 'shard-1.jsonl', 'shard-2.jsonl']));
		expect(rows.map((row) => `${row.revision} ${row.seed}`)).toEqual(['2020-12-31', '2021-02-23'].flatMap((revision) => Array.from({length: 40}, (_, index) => `${revision} ${index + 1}`)));
		// Seed 1 is the README's: the edge panic at tick 5927, in each revision's words.
		expect(rows[0]).toMatchObject({ticksRun: 5927, panicKind: 'oom', panicLine: '[ImageDecoder(45:45)]: kmalloc(): PANIC! Out of memory (no suitable block for size 1016768)'});
		expect(rows[40]).toMatchObject({ticksRun: 5927, panicKind: 'oom', panicLine: '[ImageDecoder(45:45)]: KERNEL PANIC! :^('});
		// A sample: one that panicked, one that did not, on either revision.
		const survivor = rows.find((row) => row.revision === '2021-02-23' && row.panicKind === null)!;
		for (const row of [rows[0]!, rows[57]!, survivor]) {
			await sameFigures(row, 'big-allocations');
		}
	});
});

describe('shards and merge', () => {
	const sweep = ['sweep', '-w', 'fragmentation,big-allocations', '--revision', '2021-02-23,2020-12-31', '--seeds', '1..6', '--ticks', '600'];

	it('shards 1/3, 2/3 and 3/3 merged: the summary and rows of the unsharded sweep; --jobs 1 and 2 alike', async () => {
		const table = await ok(sweep);
		const jsonl = await ok([...sweep, '--format', 'jsonl', '--jobs', '1']);
		for (const index of [1, 2, 3]) {
			expect(await ok([...sweep, '--shard', `${index}/3`, '--format', 'jsonl', '--jobs', '2', '-o', `small-${index}.jsonl`])).toBe('');
		}

		const shards = ['small-2.jsonl', 'small-3.jsonl', 'small-1.jsonl'];
		expect(await ok(['sweep', 'merge', ...shards])).toBe(table);
		expect(withoutWall(rowsOf(await ok(['sweep', 'merge', '--format', 'jsonl', ...shards])))).toEqual(withoutWall(rowsOf(jsonl)));
		expect(rowsOf(jsonl)).toHaveLength(24);
		expect(table.split('\n')[3]).toMatch(/^fragmentation {4}2020-12-31 {5}6 /);
		// csv: the same rows, a header first.
		const csv = await ok([...sweep, '--format', 'csv', '--seeds', '2', '-w', 'fragmentation', '--revision', '2020-12-31']);
		expect(csv.split('\n')[0]).toMatch(/^workload,revision,seed,ramBytes,ticks,ticksRun,/);
		expect(csv.split('\n')[1]).toMatch(/^fragmentation,2020-12-31,2,536870912,600,600,/);
	});

	it('a shard of a sweep smaller than the shard count has no runs, and says so', async () => {
		const {code, stdout, stderr} = await run(['sweep', '-w', 'drain', '--seeds', '1..2', '--ticks', '5', '--shard', '3/4', '--format', 'jsonl']);
		expect({code, stdout, stderr}).toEqual({code: 0, stdout: '', stderr: 'kmtop: shard 3/4 has no runs: the sweep has fewer than 4\n'});
	});
});

describe('workload modules in the workers', () => {
	it('runs a -w ./module.js in every worker, named as it names itself, as kmtop snapshot runs it', async () => {
		const module = file('mine.mjs', `export default {
			name: 'my-churn',
			description: 'allocates and frees',
			setup(kernel, ctx) { ctx.state.held = []; },
			tick(kernel, ctx) {
				ctx.state.held.push(kernel.kmalloc(ctx.rng.int(16, 200000)));
				if (ctx.state.held.length > 40) kernel.kfree(ctx.state.held.splice(ctx.rng.int(0, 39), 1)[0]);
			},
		};`);
		const rows = rowsOf(await ok(['sweep', '-w', `${module},drain`, '--seeds', '1..4', '--ticks', '400', '--format', 'jsonl', '--jobs', '2']));
		expect(rows.map((row) => `${row.workload} ${row.seed}`)).toEqual(['drain 1', 'drain 2', 'drain 3', 'drain 4', 'my-churn 1', 'my-churn 2', 'my-churn 3', 'my-churn 4']);
		expect(rows.every((row) => row.error === null)).toBe(true);
		expect(rows[5]!.subheapsAdded).toBeGreaterThan(0);
		await sameFigures(rows[5]!, module);
	});

	it('a workload that throws and a worker that dies are rows that say so; the sweep goes on', async () => {
		const throwing = file('throws.mjs', `export default {name: 'throws', description: 'd', tick(kernel, ctx) { if (ctx.tick === 7) throw new Error('bad at 7'); }};`);
		const dying = file('dies.mjs', `export default {name: 'dies', description: 'd', tick(kernel, ctx) { if (ctx.tick === 3) process.exit(7); }};`);
		const {code, stdout, stderr} = await run(['sweep', '-w', `${throwing},${dying},drain`, '--seeds', '1..2', '--ticks', '20', '--format', 'jsonl']);
		expect({code, stderr}).toEqual({code: 0, stderr: ''});
		expect(rowsOf(stdout).map((row) => [row.workload, row.seed, row.ticksRun, row.workloadErrorTick, row.workloadError, row.error])).toEqual([
			['drain', 1, 20, null, null, null],
			['drain', 2, 20, null, null, null],
			['dies', 1, null, null, null, 'the worker exited with code 7'],
			['dies', 2, null, null, null, 'the worker exited with code 7'],
			['throws', 1, 20, 7, 'bad at 7', null],
			['throws', 2, 20, 7, 'bad at 7', null],
		]);
		const table = (await ok(['sweep', '-w', `${throwing},${dying}`, '--seeds', '1..2', '--ticks', '20'])).split('\n');
		expect(table[2]).toMatch(/^WORKLOAD +REVISION +RUNS +FAILED +PANICS .* WORKLOAD ERRORS$/);
		expect(table[3]).toMatch(/^dies +2021-02-23 +2 +2 +— +— .* 0$/);
		expect(table[4]).toMatch(/^throws +2021-02-23 +2 +0 +0 \(0\.0 %\) .* 2$/);
	});
});

describe('hung and stray workloads, as kmtop snapshot has them', () => {
	it('a hook that runs past --tick-timeout is stopped, recorded where it hung, and the run goes on: the snapshot\'s figures', async () => {
		const loops = file('loops.mjs', `export default {name: 'loops', description: 'd', tick(kernel, ctx) {
			kernel.kfree(kernel.kmalloc(64));
			if (ctx.tick === 5) for (;;) {}
		}};`);
		const rows = rowsOf(await ok(['sweep', '-w', `${loops},drain`, '--seeds', '1..2', '--ticks', '30', '--tick-timeout', '1', '--format', 'jsonl', '--jobs', '2']));
		expect(rows.map((row) => [row.workload, row.seed, row.ticksRun, row.workloadErrorTick, row.workloadError, row.error])).toEqual([
			['drain', 1, 30, null, null, null],
			['drain', 2, 30, null, null, null],
			['loops', 1, 30, 5, 'hung: its tick ran past the 1 s watchdog (--tick-timeout) and was stopped', null],
			['loops', 2, 30, 5, 'hung: its tick ran past the 1 s watchdog (--tick-timeout) and was stopped', null],
		]);
		const document = JSON.parse(await ok(['snapshot', '-w', loops, '--seed', '2', '--ticks', '30', '--tick-timeout', '1'])) as SnapshotDocument;
		expect(document.events.filter((event) => event.kind === 'workload-error').map((event) => event.message)).toEqual([
			'workload loops failed at tick 5: hung: its tick ran past the 1 s watchdog (--tick-timeout) and was stopped',
		]);
		await sameFigures(rows[3]!, loops, ['--tick-timeout', '1']);
	});

	it('a fault a workload raises outside its hooks (a timer) is its failure, not the worker\'s', async () => {
		const late = file('late.mjs', `export default {name: 'late', description: 'd', tick(kernel, ctx) {
			if (ctx.tick === 1) setTimeout(() => { throw new Error('late'); });
			const until = Date.now() + 1;
			while (Date.now() < until) {}
		}};`);
		// Each tick takes a millisecond, so the timer runs when the loop gives the event loop its
		// turn after the second slice of 500 ticks, in the sweep's worker as on the engine thread.
		const [row] = rowsOf(await ok(['sweep', '-w', late, '--seeds', '1', '--ticks', '1200', '--format', 'jsonl']));
		const message = 'late (thrown outside its hooks: a timer, a callback or a rejected promise)';
		expect(row).toMatchObject({ticksRun: 1200, workloadErrorTick: 1000, workloadError: message, error: null});
		const document = JSON.parse(await ok(['snapshot', '-w', late, '--ticks', '1200'])) as SnapshotDocument;
		expect(document.events.filter((event) => event.kind === 'workload-error').map((event) => event.message)).toEqual([`workload late failed at tick 1000: ${message}`]);
	});
});

describe('bad input: one line on stderr, exit 2, nothing written', () => {
	const workloads = 'steady, vmobject-churn, logging-burst, fragmentation, big-allocations, leak, drain, expansion-loop, unlink-race, backup-deadlock';
	const revisions = '2020-08-28, 2020-08-29, 2020-09-02, 2020-09-09, 2020-11-04, 2020-12-26, 2020-12-31, 2021-02-23';
	it.each([
		[['sweep', '--seeds', '5..1'], '--seeds "5..1" is an empty range: the first seed comes first (1..5)'],
		[['sweep', '-w', 'big-alocations'], `unknown workload "big-alocations" (did you mean big-allocations?); built-in workloads: ${workloads}; or all, or a path to a .js module`],
		[['sweep', '--revision', '2020-12-31,2020-12-3'], `unknown revision "2020-12-3" (did you mean 2020-12-31?); revisions: ${revisions}, or all`],
		[['sweep', '--jobs', '0'], '--jobs must be an integer from 1 to 256, got "0"'],
		[['sweep', '--shard', '4/3'], '--shard "4/3" is out of range: K must be from 1 to 3'],
		[['sweep', '-w', './nowhere.js'], './nowhere.js: no such file'],
		// Read whole by Node's loader, /dev/zero filled memory by gigabytes a second and never ended.
		[['sweep', '-w', '/dev/zero'], '/dev/zero: not a regular file (a device, a pipe or a socket); a workload is a JavaScript module file (docs/workloads.md)'],
		[['sweep', 'merge', 'nowhere.jsonl'], 'cannot read nowhere.jsonl: ENOENT (no such file or directory)'],
		[['sweep', '--ticks', '5', '-o', 'missing/out.jsonl'], `cannot write missing/out.jsonl: no such directory ${path.join(work, 'missing')}`],
	])('%j', async (args, message) => {
		expect(await run(args)).toEqual({code: 2, stdout: '', stderr: `kmtop: ${message}\n`});
	});

	it('a module that loops at import: stopped by --tick-timeout, as kmtop snapshot stops it (it was loaded on the main thread, and hung the sweep)', async () => {
		const loops = file('loops-at-import.mjs', "for (;;) {}\nexport default {name: 'never', description: 'd', tick() {}};");
		const message = `kmtop: ${loops}: the workload did not finish loading within 1 s (--tick-timeout); does it loop at import?\n`;
		expect(await run(['sweep', '-w', `drain,${loops}`, '--tick-timeout', '1'])).toEqual({code: 2, stdout: '', stderr: message});
		expect(await run(['snapshot', '-w', loops, '--tick-timeout', '1'])).toEqual({code: 2, stdout: '', stderr: message});
	});

	it('a module that calls process.exit or never finishes its top-level await: its fault, not an internal error (the engine thread ended, exit 1)', async () => {
		const exitsAtImport = file('exits-at-import.mjs', "process.exit(3);\nexport default {name: 'never', description: 'd', tick() {}};");
		expect(await run(['snapshot', '-w', exitsAtImport])).toEqual({
			code: 2,
			stdout: '',
			stderr: `kmtop: ${exitsAtImport}: failed to load: process.exit(3) called: a workload ends by returning from its hooks; kmtop ends the run\n`,
		});
		const awaitsForever = file('awaits-forever.mjs', "await new Promise(() => {});\nexport default {name: 'never', description: 'd', tick() {}};");
		expect(await run(['snapshot', '-w', awaitsForever])).toEqual({code: 2, stdout: '', stderr: `kmtop: ${awaitsForever}: the workload module never finished loading (a top-level await that never settles?)\n`});
		const exitsInTick = file('exits-in-tick.mjs', "export default {name: 'exits', description: 'd', tick(kernel, ctx) { if (ctx.tick === 3) process.exit(0); }};");
		const document = JSON.parse(await ok(['snapshot', '-w', exitsInTick, '--ticks', '10'])) as {run: {tick: number}; events: Array<{kind: string; tick: number; message?: string}>};
		expect(document.run.tick).toBe(10);
		expect(document.events.filter((event) => event.kind === 'workload-error').map(({tick, message}) => ({tick, message}))).toEqual([
			{tick: 3, message: 'workload exits failed at tick 3: process.exit(0) called: a workload ends by returning from its hooks; kmtop ends the run'},
		]);
	});

	it('two modules that call themselves the same', async () => {
		const a = file('a.mjs', "export default {name: 'same', description: 'd', tick() {}};");
		const b = file('b.mjs', "export default {name: 'same', description: 'd', tick() {}};");
		expect(await run(['sweep', '-w', `${a},${b}`])).toEqual({code: 2, stdout: '', stderr: `kmtop: ${a} and ${b} both call their workload "same"; a sweep tells workloads apart by name\n`});
	});

	it('a merge of a file that is not sweep rows, or of one shard twice', async () => {
		file('good.jsonl', await ok(['sweep', '-w', 'drain', '--seeds', '1..2', '--ticks', '3', '--format', 'jsonl']));
		file('bad.jsonl', '{"workload": "drain"}\n');
		expect(await run(['sweep', 'merge', 'good.jsonl', 'bad.jsonl', '-o', 'merged.txt'])).toEqual({code: 2, stdout: '', stderr: 'kmtop: bad.jsonl:1: not a kmtop sweep row: no "revision" field\n'});
		expect(await run(['sweep', 'merge', 'good.jsonl', 'good.jsonl'])).toEqual({code: 2, stdout: '', stderr: 'kmtop: good.jsonl is named twice; merge each shard once\n'});
		file('copy.jsonl', read('good.jsonl'));
		expect(await run(['sweep', 'merge', 'good.jsonl', 'copy.jsonl'])).toEqual({
			code: 2,
			stdout: '',
			stderr: 'kmtop: copy.jsonl:1: the run drain 2021-02-23 seed 1 (536870912 bytes of RAM, 3 ticks) is also at good.jsonl:1; merge each shard once\n',
		});
		expect(existsSync(path.join(work, 'merged.txt'))).toBe(false);
	});
});

describe('-o FILE', () => {
	it('is written whole, leaving no temporary file; stdout stays empty', async () => {
		expect(await ok(['sweep', '-w', 'drain', '--seeds', '1..3', '--ticks', '10', '-o', 'summary.txt'])).toBe('');
		expect(read('summary.txt').split('\n')[0]).toBe('3 runs; seeds 1..3; ticks 10; RAM 512M');
		expect(readdirSync(work).filter((name) => name.endsWith('.tmp'))).toEqual([]);
	});
});

describe('SIGTERM (a batch system\'s time limit)', () => {
	it('stops the workers, writes the runs that finished and exits 143', async () => {
		// Each run spins for about a second and says on stderr when it reaches its last tick.
		const slow = file('slow.mjs', `export default {name: 'slow', description: 'd', tick(kernel, ctx) {
			const until = Date.now() + 2;
			while (Date.now() < until) {}
			if (ctx.tick === 500) console.error('last tick');
		}};`);
		const child = spawn(process.execPath, [cli, 'sweep', '-w', slow, '--seeds', '1..100', '--ticks', '500', '--jobs', '2', '-o', 'partial.txt'], {cwd: work});
		let stderr = '';
		let sent = false;
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString('utf8');
			// Three runs at their last tick: the first two have surely sent their rows.
			if (!sent && stderr.split('last tick').length - 1 >= 3) {
				sent = true;
				child.kill('SIGTERM');
			}
		});
		const code = await new Promise((resolve) => {
			child.on('exit', resolve);
		});
		expect(code).toBe(143);
		const finished = Number(/kmtop: terminated: (\d+) of 100 runs finished, and are written\n$/.exec(stderr)?.[1]);
		expect(finished).toBeGreaterThanOrEqual(2);
		expect(finished).toBeLessThan(100);
		expect(read('partial.txt').split('\n')[0]).toMatch(new RegExp(`^${finished} runs; seeds [\\d.,]+; ticks 500; RAM 512M$`));
	});
});

describe.runIf(hasScript)('on a terminal', () => {
	it('shows runs done, runs/s and the time left; Ctrl+C stops, writes what finished and exits 130', async () => {
		const args = ['sweep', '-w', 'drain', '--seeds', '1..1000', '--ticks', '400000', '--jobs', '2', '--format', 'jsonl', '-o', 'part.jsonl'];
		const quote = (parts: string[]) => parts.map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(' ');
		const {NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...inherited} = process.env;
		const {code, output} = await new Promise<{code: number | null; output: string}>((resolve) => {
			const child = spawn('script', ['-qec', `stty cols 120 rows 40; ${quote([process.execPath, cli, ...args])}`, '/dev/null'], {cwd: work, env: {...inherited, TERM: 'xterm-256color'}});
			let output = '';
			let interrupted = false;
			child.stdout.on('data', (chunk: Buffer) => {
				output += chunk.toString('utf8');
				// Once a few runs are done, as a person would: Ctrl+C on the terminal.
				const done = [...output.matchAll(/\] (\d+)\/1,000 runs/g)].map((match) => Number(match[1]));
				if (!interrupted && done.some((count) => count >= 3)) {
					interrupted = true;
					child.stdin.write('\u0003');
				}
			});
			child.on('exit', (code) => {
				resolve({code, output});
			});
		});
		// The rate keeps one decimal below 10 runs/s and is whole above (a fast machine reaches 14).
		expect(output).toMatch(/\[#*\.*] \d+\/1,000 runs {2}(?:\d\.\d|[1-9]\d*) runs\/s {2}(?:\d+h\d\dm|\d+m\d\ds|\d+s) left/);
		expect(code).toBe(130);
		const rows = rowsOf(read('part.jsonl'));
		expect(rows.length).toBeGreaterThanOrEqual(3);
		expect(rows.length).toBeLessThan(1000);
		expect(output).toContain(`kmtop: interrupted: ${rows.length} of 1,000 runs finished, and are written`);
		// Finished runs are whole rows, in the canonical order (whichever worker finished first).
		expect(rows.map((row) => row.seed)).toEqual([...rows.map((row) => row.seed)].sort((a, b) => a - b));
		expect(rows.every((row) => row.ticksRun === 400_000)).toBe(true);
	});
});
