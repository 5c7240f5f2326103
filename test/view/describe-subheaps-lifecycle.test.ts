// The Subheaps panel and the lifecycle's text, line by line, on a hand-written document: exact
// strings, as a kernel developer would check them against the kernel log.

import {describe, expect, test} from 'vitest';
import {describeLifecycle} from '../../source/view/describe-lifecycle.js';
import {describeSubheapRows, subheapHeader} from '../../source/view/describe-subheap-table.js';
import {describeSubheapsPanel, layoutSubheapsPanel, subheapTitle} from '../../source/view/describe-subheaps.js';
import {lineText, type StyledLine} from '../../source/view/styled-line.js';
import type {ViewFacts} from '../../source/view/view-facts.js';
import {baseDocument} from './document-fixture.js';

const text = (lines: StyledLine[]) => lines.map(lineText);
const facts: ViewFacts = {live: true, rate: 100, achievedRate: 98.6, kmallocPerSecond: 12_887.5, kfreePerSecond: 9375, workloads: ['steady', 'vmobject-churn', 'logging-burst'], paused: false};

describe('Subheaps', () => {
	test('every row at 116 columns, the new one marked; sizes are the chunks, adding up to the total', () => {
		const document = baseDocument();
		expect(subheapTitle(document)).toBe('Subheaps  4 linked, 1 retired');
		// The document keeps the last 64: a full list is not a count of all the retired ones.
		const retired = document.retiredSubheaps[0]!;
		expect(subheapTitle({...document, retiredSubheaps: Array.from({length: 63}, () => retired)})).toBe('Subheaps  4 linked, 63 retired');
		expect(subheapTitle({...document, retiredSubheaps: Array.from({length: 64}, () => retired)})).toBe('Subheaps  4 linked, last 64 retired');
		expect(text(describeSubheapsPanel(document, facts, 116, {height: 12, lifecycle: 'below'}))).toEqual([
			'  #  origin    address        size  used                                             largest  added                 ',
			'  0  pool      V0xc0500000   1985K  ███████████████████████████████████████▋  99.2%      10K  boot                  ',
			'  1  backup    V0xc0801000    993K  ██████████████████████████▋░░░░░░░░░░░░░  66.5%      70K  tick 753              ',
			'  2  backup    V0xc3630000    993K  ██████████████████████████████████▉░░░░░  87.3%      37K  tick 982              ',
			'  3  backup    V0xcd547000    993K  ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░   0.0%     992K  tick 3,990    ← new   ',
			// 1985 + 3 × 993 = 4964, and with the backup SystemMonitor's 5988K.
			'               total         4964K  ████████████████████████████▏░░░░░░░░░░░  70.4%  + backup 1024K = 5988K         ',
			'─ lifecycle ────────────────────────────────────────────────────────────────────────────────────────────────────────',
			't3,990 ○  new backup  V0xc1dcb000  1024K                                                                            ',
			't3,990 +  #3 added from backup  V0xcd547000  1024K                                                                  ',
			't3,990 ●  backup consumed  V0xcd547000  1024K                                                                       ',
			't2,847 −  #4 removed  V0xc4ba9000  2056K  queued → freed                                                            ',
			't2,610 +  #4 added from region  V0xc4ba9000  2056K                                                                  ',
		]);
		expect(baseDocument().systemMonitor.kernelHeap).toBe('3496K/5988K');
	});

	test('the lifecycle takes the rows the table leaves, the rows give way in a short panel', () => {
		const document = baseDocument();
		const lines = (height: number) => text(describeSubheapsPanel(document, facts, 116, {height, lifecycle: 'below'}));
		expect(lines(20)).toHaveLength(15);
		expect(lines(9).map((line) => line.slice(0, 14))).toEqual([
			'  #  origin   ',
			'  0  pool     ',
			'  1  backup   ',
			'  2  backup   ',
			'  3  backup   ',
			'              ',
			'─ lifecycle ──',
			't3,990 ○  new ',
			't3,990 +  #3 a',
		]);
		// Two lifecycle lines stay below a tall table: the oldest subheaps give way for them.
		document.subheaps.push(...[5, 6, 7].map((id) => ({...document.subheaps[3]!, id, base: `0xd${id}000000`, addedAtTick: 100 + id})));
		expect(lines(9).map((line) => line.slice(0, 14))).toEqual([
			'  #  origin   ',
			'  0  pool     ',
			'  2  backup   ',
			'  3  backup   ',
			' + 4 more  397',
			'              ',
			'─ lifecycle ──',
			't3,990 ○  new ',
			't3,990 +  #3 a',
		]);
		expect(lines(4).map((line) => line.slice(0, 14))).toEqual(['  #  origin   ', '  0  pool     ', '  3  backup   ', ' + 5 more  496']);
	});

	test('wide: the lifecycle beside the table', () => {
		const lines = text(describeSubheapsPanel(baseDocument(), facts, 196, {height: 7, lifecycle: 'beside'}));
		expect(lines.map((line) => [...line].length)).toEqual(Array.from({length: 7}, () => 196));
		expect(lines.map((line) => line.split(' │ ')[0]!.slice(0, 12))).toEqual([
			'  #  origin ',
			'  0  pool   ',
			'  1  backup ',
			'  2  backup ',
			'  3  backup ',
			'            ',
			'            ',
		]);
		expect(lines.map((line) => line.split(' │ ')[1]!.trimEnd().slice(0, 60))).toEqual([
			'─ lifecycle ────────────────────────────────────────────────',
			't3,990 ○  new backup  V0xc1dcb000  1024K',
			't3,990 +  #3 added from backup  V0xcd547000  1024K',
			't3,990 ●  backup consumed  V0xcd547000  1024K',
			't2,847 −  #4 removed  V0xc4ba9000  2056K  queued → freed',
			't2,610 +  #4 added from region  V0xc4ba9000  2056K',
			'  t753 ○  new backup  V0xc3630000  1024K',
		]);
	});

	test('wide and tall: under the table, the subheaps removed lately and their fate', () => {
		const lines = text(describeSubheapsPanel(baseDocument(), facts, 196, {height: 10, lifecycle: 'beside'}));
		expect(lines.map((line) => line.split(' │ ')[0]!.trimEnd()).slice(5)).toEqual([
			'               total         4964K  ████████████████████████████▏░░░░░░░░░░░  70.4%  + backup 1024K = 5988K',
			'',
			'─ retired ───────────────────────────────────────────────────────────────────────────────────────────────────────',
			' #4  V0xc4ba9000   2056K  t2,610 → t2,847  freed',
			'',
		]);
	});

	test('narrow and short: columns give way, the pool and the newest stay', () => {
		const document = baseDocument();
		expect(text([subheapHeader(document, 56), ...describeSubheapRows(document, facts, 56, 2)])).toEqual([
			'  #  origin    address        size  used                ',
			'  0  pool      V0xc0500000   1985K  ██████▉  99.2%      ',
			' + 3 more  2979K, 1 empty: the oldest are left out      ',
		]);
		document.subheaps.push({...document.subheaps[3]!, id: 5, base: '0xce000000', addedAtTick: 100});
		expect(text(describeSubheapRows(document, facts, 76, 3)).map((line) => line.slice(0, 30))).toEqual([
			'  0  pool      V0xc0500000   1',
			'  3  backup    V0xcd547000    ',
			' + 3 more  2979K, 1 empty: the',
		]);
	});
});

describe('the Subheaps panel\'s lifecycle, laid out again only when what it shows changed', () => {
	const layout = (document: ReturnType<typeof baseDocument>, width = 116) => layoutSubheapsPanel(document, facts, width, {height: 12, lifecycle: 'below'});
	const lifecycleLines = (panel: ReturnType<typeof layout>) => panel.lines.slice(panel.lifecycle!.line - 1);

	test('a refresh that brings only region events reuses the lines; a new lifecycle event, a fate, a width are drawn anew', () => {
		const first = layout(baseDocument());
		const regions = baseDocument();
		regions.events = [...regions.events, {tick: 4000, kind: 'region-allocated', message: 'Shell: Stack at V0xc1f29000, bytes: 65536'}];
		const again = layout(regions);
		expect(text(again.lines)).toEqual(text(first.lines));
		// The very lines: nothing was wrapped or fitted again.
		expect(lifecycleLines(again).every((line, index) => line === lifecycleLines(first)[index])).toBe(true);

		const added = baseDocument();
		added.events = [...added.events, {tick: 4001, kind: 'subheap-added', message: '#5 from backup at V0xc1dcb000, bytes: 1048576'}];
		expect(lineText(lifecycleLines(layout(added))[1]!).trimEnd()).toBe('t4,001 +  #5 added from backup  V0xc1dcb000  1024K');

		const became = baseDocument();
		became.retiredSubheaps[0]!.fate = 'became-backup';
		expect(text(lifecycleLines(layout(became))).find((line) => line.startsWith('t2,847'))!.trimEnd()).toBe('t2,847 −  #4 removed  V0xc4ba9000  2056K  queued → became the backup');
		expect(text(lifecycleLines(layout(baseDocument()))).find((line) => line.startsWith('t2,847'))!.trimEnd()).toBe('t2,847 −  #4 removed  V0xc4ba9000  2056K  queued → freed');

		expect(lifecycleLines(layout(baseDocument(), 100))[1]!.reduce((sum, part) => sum + [...part.text].length, 0)).toBe(100);
	});
});

describe('lifecycle', () => {
	test('newest first, removals with their fate', () => {
		expect(text(describeLifecycle(baseDocument(), 80, 5)).map((line) => line.trimEnd())).toEqual([
			't3,990 ○  new backup  V0xc1dcb000  1024K',
			't3,990 +  #3 added from backup  V0xcd547000  1024K',
			't3,990 ●  backup consumed  V0xcd547000  1024K',
			't2,847 −  #4 removed  V0xc4ba9000  2056K  queued → freed',
			't2,610 +  #4 added from region  V0xc4ba9000  2056K',
		]);
	});

	test.each([
		['became-backup', 'Removing memory from heap at V0xc4ba9000, bytes: 2105344', '#4 removed  V0xc4ba9000  2056K  became the backup'],
		['queued', 'Queue removing memory from heap at V0xc4ba9000, bytes: 2105344', '#4 removed  V0xc4ba9000  2056K  queued, not yet freed'],
		['re-added', 'Removing memory from heap at V0xc4ba9000, bytes: 2105344', '#4 removed  V0xc4ba9000  2056K  rejected and re-added'],
	] as const)('fate %s', (fate, message, expected) => {
		const document = baseDocument();
		document.retiredSubheaps[0]!.fate = fate;
		document.events = [{tick: 2847, kind: 'subheap-removed', message}];
		expect(lineText(describeLifecycle(document, 80, 1)[0]!).trimEnd()).toBe(`t2,847 −  ${expected}`);
	});

	test.each([
		['backup-recycled', 'Using removed memory as backup: V0xc0801000, bytes: 1048576', '◆  removed memory became the backup  V0xc0801000  1024K'],
		['backup-replacement-failed', 'kmalloc subheap: MM could not allocate 1048576 bytes', '✕  kmalloc subheap: MM could not allocate 1048576 bytes'],
		['expansion-failed', 'Could not expand heap to satisfy allocation of 5000000 bytes', '✕  Could not expand heap to satisfy allocation of 5000000 bytes'],
		['panic', 'KERNEL PANIC! :^( / kmalloc: Out of memory', '!! KERNEL PANIC! :^( / kmalloc: Out of memory'],
		// The tick is the line's first column; the engine's `at tick 210559` in the number style.
		['workload-switched', 'workload steady → leak at tick 100', '⇄  workload steady → leak'],
		['workload-error', 'workload leak failed at tick 210559: boom', '!  workload leak failed at tick 210,559: boom'],
		['reboot', 'reboot: 2021-02-23 → 2020-08-29', '↻  reboot: 2021-02-23 → 2020-08-29'],
	] as const)('%s', (kind, message, expected) => {
		const document = baseDocument();
		document.events = [{tick: 100, kind, message}];
		expect(lineText(describeLifecycle(document, 80, 1)[0]!).trimEnd()).toBe(` t100 ${expected}`);
	});
});
