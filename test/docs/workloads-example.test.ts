// The complete example of docs/workloads.md runs as the document says: the block is saved under
// the name the document gives it and run with `kmtop snapshot -w`, the built CLI spawned as a
// user runs it, and the figures the document quotes are the ones it prints.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const doc = readFileSync(path.join(root, 'docs', 'workloads.md'), 'utf8');
const work = mkdtempSync(path.join(tmpdir(), 'kmtop-doc-'));

afterAll(() => {
	rmSync(work, {recursive: true, force: true});
});

const quoted = (pattern: RegExp): string => {
	const match = pattern.exec(doc);
	expect(match, `docs/workloads.md quotes ${String(pattern)}`).not.toBeNull();
	return match![1]!;
};

describe('docs/workloads.md, the complete example', () => {
	const block = /<!-- The test suite runs this block[^\n]*-->\n```js\n([\s\S]*?)```/.exec(doc)?.[1];
	const fileName = /^\/\/ ([\w-]+\.js):/.exec(block ?? '')?.[1];

	beforeAll(() => {
		if (block !== undefined && fileName !== undefined) {
			writeFileSync(path.join(work, fileName), block);
		}
	});

	it('is a js block that names its file', () => {
		expect(block).toBeDefined();
		expect(fileName).toBe('pipe-buffers.js');
	});

	it('runs with kmtop snapshot -w and prints the figures the document quotes', () => {
		const command = quoted(/`kmtop (snapshot -w \.\/pipe-buffers\.js --ticks 2000 --format text)`/).split(' ');
		const result = spawnSync(process.execPath, [path.join(root, 'cli.js'), ...command], {cwd: work, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});
		expect({code: result.status, stderr: result.stderr}).toEqual({code: 0, stderr: ''});
		const screen = result.stdout;
		expect(screen).toMatch(/ workload pipe-buffers {2}seed 1 {2}tick 2,000/);
		expect(screen).toMatch(new RegExp(`Kernel heap: +${quoted(/`Kernel heap: (\d+K\/\d+K)`/)} `));
		expect(screen).toMatch(new RegExp(`Calls kmalloc: +${quoted(/`Calls kmalloc: (\d+)`/)} `));
		expect(screen).toMatch(new RegExp(`Calls kfree: +${quoted(/`Calls kfree: (\d+)`/)} `));
	});

	it('logs the lines the document shows', () => {
		const result = spawnSync(process.execPath, [path.join(root, 'cli.js'), 'snapshot', '-w', `./${fileName!}`, '--ticks', '2000'], {cwd: work, encoding: 'utf8'});
		const {dmesg} = JSON.parse(result.stdout) as {dmesg: string[]};
		const example = quoted(/like\s+`(\[#0 Shell\(12:12\)\]: pipeline of \d commands)`/);
		expect(dmesg.at(-1)).toMatch(/^\[#0 Shell\(12:12\)\]: pipeline of [345] commands$/);
		expect(dmesg).toContain(example);
	});
});
