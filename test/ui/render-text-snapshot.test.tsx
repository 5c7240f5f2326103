// `kmtop snapshot --format text`: the panels as plain text at a width, from real runs.

import {beforeAll, describe, expect, test} from 'vitest';
import {buildSnapshot} from '../../source/engine/build-snapshot.js';
import {Simulation} from '../../source/engine/simulation.js';
import type {SnapshotDocument} from '../../source/engine/snapshot-types.js';
import {createTraceWorkload} from '../../source/engine/trace/trace-workload.js';
import {loadBuiltinWorkload} from '../../source/engine/workload-loader.js';
import {renderTextSnapshot} from '../../source/ui/render-text-snapshot.js';
import {baseDocument} from '../view/document-fixture.js';
import {ftraceExcerptPath} from '../fixture-paths.js';

const run = async (workload: string, ticks: number): Promise<SnapshotDocument> => {
	const simulation = new Simulation({seed: 1, revision: '2021-02-23', ramBytes: 512 * 1024 * 1024, workload: await loadBuiltinWorkload(workload)});
	simulation.step(ticks);
	return buildSnapshot(simulation);
};

/** The fixture trace replayed to its end, as `kmtop snapshot --trace` runs it. */
const replay = async (): Promise<SnapshotDocument> => {
	const workload = await createTraceWorkload(ftraceExcerptPath, {size: 'req', msPerTick: null, strict: false});
	const simulation = new Simulation({seed: 1, revision: '2021-02-23', ramBytes: 512 * 1024 * 1024, workload});
	await workload.prepare(workload.lengthTicks!);
	simulation.step(workload.lengthTicks!);
	const document = buildSnapshot(simulation);
	await workload.close();
	return document;
};

let churn: SnapshotDocument;
let panic: SnapshotDocument;
let trace: SnapshotDocument;

beforeAll(async () => {
	[churn, panic, trace] = await Promise.all([run('vmobject-churn', 2000), run('big-allocations', 6000), replay()]);
});

describe('renderTextSnapshot', () => {
	test.each([
		[120, ' kmtop  rev 2021-02-23 (5d180d1f996)  workload vmobject-churn  seed 1  tick 2,000'],
		[80, ' kmtop  rev 2021-02-23 (5d180d1f996)  vmobject-churn  seed 1  tick 2,000'],
	])('%i columns: the header, no escape codes, no line wider than the width', (columns, header) => {
		const text = renderTextSnapshot(churn, {columns});
		const lines = text.split('\n');
		expect(lines[0]).toBe(header);
		expect(text).not.toContain('\u001B');
		expect(lines.every((line) => [...line].length <= columns)).toBe(true);
		expect(text).toContain(`Kernel heap:${churn.systemMonitor.kernelHeap.padStart(16)}`);
		expect(text).toContain(`Difference:${churn.systemMonitor.difference.padStart(17)}`);
		expect(lines.at(-1)).toBe(' kmtop.snapshot/1  kmtop 0.1.0  RAM 524288K');
	});

	test('120 columns: the full layout, every subheap, the lifecycle, the log, memory and slabs', () => {
		const text = renderTextSnapshot(churn, {columns: 120});
		expect(text).toMatch(/┌ Kernel heap {2}\d+ subheaps? ─+┐┌ Backup region ─+┐/);
		for (const row of churn.subheaps) {
			expect(text).toContain(`V${row.base}`);
		}

		expect(text).toContain('─ lifecycle ─');
		expect(text).toContain('┌ Kernel log  dmesg');
		expect(text).toContain('┌ Physical memory & slabs');
	});

	test('80 columns: the compact layout, still with the log and memory (there is no height to save)', () => {
		const text = renderTextSnapshot(churn, {columns: 80});
		expect(text).toMatch(/│ Backup [●○◐✕] /);
		expect(text).toContain('┌ Kernel log');
		expect(text).toContain('┌ Physical memory & slabs');
	});

	test.each(['churn', 'panic'])('%s: the subheap sizes add up to their total, and with the backup to SystemMonitor\'s', (name) => {
		const document = name === 'churn' ? churn : panic;
		const lines = renderTextSnapshot(document, {columns: 120}).split('\n');
		const rows = lines.filter((line) => /^│ +\d+ {2}(pool|backup|region|recycled) /.test(line));
		expect(rows).toHaveLength(document.subheaps.length);
		const sizes = rows.map((line) => Number(/ (\d+)K {2}[█▉▊▋▌▍▎▏░]/.exec(line)![1]));
		const total = lines.find((line) => /^│ +total +\d+K/.test(line))!;
		// After the panic the backup was consumed: the subheaps are the whole total.
		const [, sum, backup = '0', all = sum] = /total +(\d+)K(?: .*\+ backup (\d+)K = (\d+)K)?/.exec(total)!;
		expect(sizes.reduce((a, b) => a + b, 0)).toBe(Number(sum));
		expect(Number(sum) + Number(backup)).toBe(Number(all));
		expect(`${all}K`).toBe(document.systemMonitor.kernelHeap.split('/')[1]);
		expect(backup).toBe(name === 'churn' ? '1024' : '0');
	});

	test('40 columns still draws', () => {
		const lines = renderTextSnapshot(churn, {columns: 40}).split('\n');
		expect(lines.every((line) => [...line].length <= 40)).toBe(true);
		expect(lines[1]).toMatch(/^┌ Kernel heap {2}\d+ subheaps? ─+┐$/);
		expect([...lines[1]!]).toHaveLength(40);
	});

	test('a rate gives calls per second; without one, per tick', () => {
		expect(renderTextSnapshot(baseDocument(), {columns: 120, rate: 100})).toContain('Calls kmalloc:        454280  12.9k/s');
		expect(renderTextSnapshot(baseDocument(), {columns: 120})).toContain('Calls kmalloc:        454280  129/tick');
	});

	test('a panicked run: the panic section first, then the panels', () => {
		const lines = renderTextSnapshot(panic, {columns: 120}).split('\n');
		expect(lines[0]).toBe(' kmtop  rev 2021-02-23 (5d180d1f996)  workload big-allocations  seed 1  tick 5,927                             × HALTED');
		expect(lines[1]).toMatch(/^┌ KERNEL PANIC at tick 5,927: out of memory ─+┐$/);
		expect(lines.slice(2, 5)).toEqual([
			'│ !! [ImageDecoder(45:45)]: KERNEL PANIC! :^(                                                                          │',
			'│ !! [ImageDecoder(45:45)]: kmalloc: Out of memory (requested size: 1016768)                                           │',
			'│ !! [ImageDecoder(45:45)]: at ../Kernel/Heap/kmalloc.cpp:251 in void* kmalloc_impl(size_t)                            │',
		]);
		expect(lines.some((line) => line.startsWith('┌ Subheaps'))).toBe(true);
	});

	test('a trace replay at 120 columns: every panel, then the Trace replay as a section of its own', () => {
		const lines = renderTextSnapshot(trace, {columns: 120}).split('\n');
		const start = lines.findIndex((line) => line.startsWith('┌ Trace replay'));
		expect(lines.findIndex((line) => line.startsWith('┌ Kernel log'))).toBeLessThan(start);
		expect(lines.some((line) => line.includes('┌ Physical memory & slabs'))).toBe(true);
		expect(lines.slice(start, start + 8)).toEqual([
			'┌ Trace replay  ftrace  linux-ftrace-kmem-excerpt.txt  0.05 ms/tick ───────────────────────────────────────────────────┐',
			'│ events    1,000/1,000 ████████████████████████▒ finished   ─ top call sites by size requested ───────  in all  calls │',
			'│ replayed  947  kmalloc 538  kfree 409  live ptr reused 0   ext4_htree_store_dirent+0x34/0x120             21K    370 │',
			'│ skipped   kfree of unknown ptr 53  kfree(NULL) 0           alloc_fdtable+0x84/0x140                       18K      9 │',
			'│           kmalloc NULL 0  malformed 0  other kmem 0        do_getxattr+0x55/0x180                         15K     63 │',
			'│ live      129 blocks  12K                                  load_elf_phdrs+0x49/0xc0                        8K     14 │',
			'│ largest   4K  seq_read_iter+0x38e/0x490                    seq_read_iter+0x38e/0x490                       8K      2 │',
			'└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘',
		]);
		expect(lines.at(-1)).toBe(' kmtop.snapshot/1  kmtop 0.1.0  RAM 524288K');
	});

	test('a trace replay at 80 columns: the section stacked, after Physical memory & slabs', () => {
		const lines = renderTextSnapshot(trace, {columns: 80}).split('\n');
		const start = lines.findIndex((line) => line.startsWith('┌ Trace replay'));
		expect(lines.findIndex((line) => line.startsWith('┌ Physical memory & slabs'))).toBeLessThan(start);
		expect(lines.slice(start + 1, start + 3)).toEqual([
			'│ events    1,000/1,000 ████████████████████████████▒▒ finished                │',
			'│ replayed  947  kmalloc 538  kfree 409  live ptr reused 0                     │',
		]);
		expect(lines.slice(start + 7, start + 9)).toEqual([
			'│ ─ top call sites by size requested ─────────────  in all  calls              │',
			'│ ext4_htree_store_dirent+0x34/0x120                   21K    370              │',
		]);
		expect(lines.every((line) => [...line].length <= 80)).toBe(true);
		// No one-line form in the Kernel heap panel: the section says it all.
		expect(lines.some((line) => line.startsWith('│ Trace '))).toBe(false);
	});
});
