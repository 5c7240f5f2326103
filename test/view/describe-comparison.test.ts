// The split screen (`c`) at the sizes people use: a figure that differs keeps its ≠ however
// narrow the column, and the status line keeps the tick the revisions parted at.

import {describe, expect, it} from 'vitest';
import type {ComparisonFacts, ComparisonSide} from '../../source/engine/live-comparison.js';
import {describeComparisonColumns, describeComparisonStatus, describeComparisonTitles, rowLabelWidth} from '../../source/view/describe-comparison.js';
import {lineText} from '../../source/view/styled-line.js';

const side = (revision: string, tick: number, kernelHeap: string, allocated: number, available: number, halted: boolean): ComparisonSide => ({
	revision,
	tick,
	kernelHeap,
	memstat: {kmalloc_allocated: allocated, kmalloc_available: available, kmalloc_call_count: 312_101, kfree_call_count: 262_373, user_physical_allocated: 56_815},
	heap: {totalBytes: 6958 * 1024, allocatedBytes: 0, freeBytes: 5116 * 1024, largestFreeRunBytes: 1993 * 1024, subheapCount: 5},
	backup: {state: 'ready', base: '0xc1dcb000', bytes: 1_048_576, consumed: 3, replaced: 3, recycled: 0, failedReplacements: 0},
	subheaps: [{id: 1, origin: 'backup', base: 'c0801000', memoryBytes: 1_048_576, totalChunks: 31_774, allocatedChunks: halted ? 31_774 : 11_121}],
	panic: halted ? {tick, kind: 'fault', lines: ['[WebContent(66:66)]: Crash in ring 0 :(']} : null,
});

// The 2020-09-09 / 2020-11-04 pair of vmobject-churn, seed 1, some ticks after the older one's fault.
const facts: ComparisonFacts = {
	sides: [side('2020-09-09', 2847, '1842K/7982K', 1_886_368, 6_287_616, true), side('2020-11-04', 28_486, '838K/5988K', 858_112, 5_273_000, false)],
	target: 28_486,
	caughtUp: true,
	parted: 2847,
};

describe('describeComparisonColumns', () => {
	it('keeps the ≠ and the whole figure of the Kernel heap row in a 38-column side (80×24)', () => {
		const [left, right] = describeComparisonColumns(facts, 38);
		const heapRow = (lines: typeof left) => lineText(lines.find((line) => lineText(line).startsWith('Kernel heap'))!);
		expect(heapRow(left)).toBe('Kernel heap       1842K/7982K  23.1% ≠');
		expect(heapRow(right)).toBe('Kernel heap        838K/5988K  14.0% ≠');
	});

	it('narrows the label before the figure in a 28-column side (60×20), and still marks the difference', () => {
		const [left] = describeComparisonColumns(facts, 28);
		const texts = left.map((line) => lineText(line));
		expect(texts.slice(2, 11)).toEqual([
			'tick        2,847 (halted) ≠',
			'Kernel… 1842K/7982K  23.1% ≠',
			'kmalloc calls      312,101  ',
			'kfree calls        262,373  ',
			'heap total      6958K in 5  ',
			'free / lar…  5116K / 1993K  ',
			'backup   ready V0xc1dcb000  ',
			'consumed / replaced  3 / 3  ',
			'physical pages      56,815  ',
		]);
		expect(texts.at(-1)).toBe('subhea… #1 backup 992K 10… ≠');
	});

	it('sizes each subheap by its chunks, as the Subheaps panel does, so a side\'s sizes add up to its heap total', () => {
		// The pool and a backup subheap: 2 MiB and 1 MiB regions, each with its bitmap in front.
		const pool = {id: 0, origin: 'pool' as const, base: 'c0200000', memoryBytes: 2 * 1_048_576, totalChunks: 63_519, allocatedChunks: 27_621};
		const backup = {id: 2, origin: 'backup' as const, base: 'c0801000', memoryBytes: 1_048_576, totalChunks: 31_774, allocatedChunks: 0};
		const sides = facts.sides.map((each) => ({...each, heap: {...each.heap, totalBytes: (63_519 + 31_774) * 32, subheapCount: 2}, subheaps: [pool, backup]}));
		const [left] = describeComparisonColumns({...facts, sides: [sides[0]!, sides[1]!]}, 48);
		const texts = left.map((line) => lineText(line).trim());
		expect(texts.filter((text) => text.includes('heap total') || text.includes('#'))).toEqual([
			'heap total                          2977K in 2',
			'subheaps                   #0 pool 1984K 43.5%',
			'#2 backup 993K 0.0%', // 1984K + 993K: apportioned, as the panel's column (each alone is 1984.9K and 993.0K)
		]);
	});
});

describe('rowLabelWidth', () => {
	it('is 20 when both values fit, and never under 8', () => {
		expect(rowLabelWidth(['312,101', '3,076,313'], 38)).toBe(20);
		expect(rowLabelWidth(['1842K/7982K  23.1%', '838K/5988K  14.0%'], 38)).toBe(17);
		expect(rowLabelWidth(['#1 backup 1024K 100.0%', '#1 backup 1024K 35.0%'], 28)).toBe(8);
	});
});

describe('describeComparisonStatus', () => {
	it('words itself shorter rather than cut the tick they parted at', () => {
		expect(lineText(describeComparisonStatus(facts, 120))).toBe(' 2020-09-09 beside 2020-11-04  ·  parted first at tick 2,847  ·  in step with the present'.padEnd(120));
		expect(lineText(describeComparisonStatus(facts, 80))).toBe(' 2020-09-09 beside 2020-11-04 · parted at tick 2,847 · in step'.padEnd(80));
		expect(lineText(describeComparisonStatus(facts, 60))).toBe(' parted at tick 2,847 · in step'.padEnd(60));
	});
});

describe('describeComparisonTitles', () => {
	// Frame widths: half of 60, 79, 80 and 120 columns; a title has `width - 5` columns.
	it.each([
		[[30, 30], '2021-02-23', '2020-12-31', ['this revision  2021-02-23', 'the previous  2020-12-31']],
		[[39, 40], '2021-02-23', '2020-12-31', ['this revision  2021-02-23', 'the one before  2020-12-31']],
		[[45, 45], '2021-02-23', '2020-12-31', ['this revision  2021-02-23', 'the one before (no next)  2020-12-31']],
		[[40, 40], '2020-09-09', '2020-11-04', ['this revision  2020-09-09', 'the next  2020-11-04']],
		[[60, 60], '2020-09-09', '2020-11-04', ['this revision  2020-09-09', 'the next  2020-11-04, same seed and workload']],
		[[60, 60], '2021-02-23', '2020-12-31', ['this revision  2021-02-23', 'the one before (there is no next)  2020-12-31']],
		[[20, 20], '2021-02-23', '2020-12-31', ['this revision', 'the previous']],
	] as const)('%j: %s beside %s', (widths, left, right, expected) => {
		const titles = describeComparisonTitles(left, right, widths);
		expect(titles.map((title) => lineText(title))).toEqual(expected);
		titles.forEach((title, index) => {
			expect(lineText(title).length).toBeLessThanOrEqual(widths[index]! - 5);
		});
	});
});
