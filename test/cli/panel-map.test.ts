// `kmtop snapshot --format text --panel map --subheap N`, spawned as a user runs it: the text is
// the subheap's chunk map, decoded back to the very bitmap an in-process run of the same seed has.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {buildSubheapDocument} from '../../source/engine/build-subheap-document.js';
import {loadBuiltinWorkload} from '../../source/engine/workload-loader.js';
import {renderTextMap} from '../../source/ui/render-text-map.js';
import {decodeChunkCell} from '../../source/view/render-chunk-map.js';
import {simulate} from '../engine/helpers.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'cli.js');
const work = mkdtempSync(path.join(tmpdir(), 'kmtop-map-'));

afterAll(() => {
	rmSync(work, {recursive: true, force: true});
});

const run = (args: string[]) => {
	const result = spawnSync(process.execPath, [cli, 'snapshot', ...args], {
		cwd: work,
		encoding: 'utf8',
		env: {...process.env, NO_COLOR: '', FORCE_COLOR: ''},
		timeout: 300_000,
	});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
};

describe('kmtop snapshot --panel map', () => {
	it('vmobject-churn, 3,000 ticks, subheap #1 at 100 columns: the map is the bitmap, then the free runs and the index', async () => {
		const {code, stdout, stderr} = run(['-w', 'vmobject-churn', '--ticks', '3000', '--format', 'text', '--panel', 'map', '--subheap', '1', '--columns', '100']);
		expect({code, stderr}).toEqual({code: 0, stderr: ''});
		expect(stdout).not.toMatch(/\u001B/);
		const simulation = simulate(await loadBuiltinWorkload('vmobject-churn'));
		simulation.step(3000);
		const document = buildSubheapDocument(simulation.kernel, 1)!;
		expect(stdout).toBe(`${renderTextMap(document, {columns: 100})}\n`);
		const lines = stdout.trimEnd().split('\n');
		expect(lines[0]).toBe(`┌ Subheap #1 ${'─'.repeat(100 - 4 - 'Subheap #1'.length)}┐`);
		expect(lines.at(-1)).toBe(`└${'─'.repeat(98)}┘`);
		// Map rows: `│ `, the address and a space, then 72 cells (100 − 4 frame − 9 address − 11 tags = 76, down to a multiple of 8).
		const rows = lines.filter((line) => /^│ [0-9a-f]{8} /.test(line));
		const heap = [...simulation.kernel.heap.subheaps()][1]!.heap;
		expect(rows).toHaveLength(Math.ceil(Math.ceil(heap.totalChunks / 8) / 72));
		const bits = rows.flatMap((line) => [...line.slice(11)].slice(0, 72).filter((glyph) => decodeChunkCell(glyph) >= 0).flatMap((glyph) => Array.from({length: 8}, (_, chunk) => (decodeChunkCell(glyph) & (1 << chunk)) !== 0)));
		const expected = Array.from({length: Math.ceil(heap.totalChunks / 8) * 8}, (_, index) => index < heap.totalChunks && heap.bitmap.get(index));
		expect(bits).toEqual(expected);
		expect(rows[0]!.slice(2, 10)).toBe(heap.chunkBase.toString(16));
		expect(stdout).toContain(`│  free ${document.freeChunks.toLocaleString('en-US')} chunks (${(document.freeChunks * 32).toLocaleString('en-US')} bytes) in `);
		expect(stdout).toMatch(/│ {2}fragmentation index \d\.\d{3} = 1 − /);
	});

	it('draws the pool, #0, when --subheap is left out', () => {
		const {code, stdout} = run(['--ticks', '10', '--format', 'text', '--panel', 'map', '--columns', '80']);
		expect(code).toBe(0);
		expect(stdout.split('\n')[0]).toBe(`┌ Subheap #0 ${'─'.repeat(80 - 4 - 'Subheap #0'.length)}┐`);
		expect(stdout.split('\n')[1]).toMatch(/^│ {2}pool at V0xc0500000 · 63,550 chunks · [\d.]+% allocated in [\d,]+ blocks +│$/);
	});

	it.each([
		[['--panel', 'mop'], '--panel must be dashboard or map, got "mop"'],
		[['--panel', 'map'], '--panel map draws text: add --format text'],
		[['--format', 'json', '--panel', 'map'], '--panel map draws text: add --format text'],
		[['--subheap', '1'], '--subheap picks the subheap --panel map draws: add --format text --panel map'],
		[['--format', 'text', '--subheap', '1'], '--subheap picks the subheap --panel map draws: add --panel map'],
		[['--format', 'text', '--panel', 'map', '--subheap', 'one'], '--subheap must be a subheap number as the Subheaps panel shows it, 0 for the pool, got "one"'],
		[['--format', 'text', '--panel', 'map', '--subheap', '7', '--ticks', '10', '-o', 'map.txt'], '--subheap 7: no subheap #7 is linked at tick 10; linked subheaps: 0'],
	])('%j: one line, exit 2, nothing written', (args, message) => {
		expect(run(args)).toEqual({code: 2, stdout: '', stderr: `kmtop: ${message}\n`});
		expect(existsSync(path.join(work, 'map.txt'))).toBe(false);
	});
});
