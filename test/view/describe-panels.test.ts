// The panels' text, line by line, on a hand-written document: exact strings, as a kernel
// developer would check them against SystemMonitor and the kernel log.

import {describe, expect, test} from 'vitest';
import {backupTimeline, describeBackup, describeBackupCompact} from '../../source/view/describe-backup.js';
import {describeFooter, workloadList} from '../../source/view/describe-footer.js';
import {describeHeader} from '../../source/view/describe-header.js';
import {describeKernelHeap, describeKernelHeapCompact} from '../../source/view/describe-kernel-heap.js';
import {describeLifecycle} from '../../source/view/describe-lifecycle.js';
import {describePhysicalMemory, describePhysicalMemoryLine} from '../../source/view/describe-physical-memory.js';
import {describeSubheapRows, subheapHeader} from '../../source/view/describe-subheap-table.js';
import {describeSubheapsPanel, layoutSubheapsPanel, subheapTitle} from '../../source/view/describe-subheaps.js';
import {lineText, type StyledLine} from '../../source/view/styled-line.js';
import type {ViewFacts} from '../../source/view/view-facts.js';
import {baseDocument} from './document-fixture.js';

const text = (lines: StyledLine[]) => lines.map(lineText);
const facts: ViewFacts = {live: true, rate: 100, achievedRate: 98.6, kmallocPerSecond: 12_887.5, kfreePerSecond: 9375, workloads: ['steady', 'vmobject-churn', 'logging-burst'], paused: false};

describe('header', () => {
	test.each([
		[120, facts, ' kmtop  rev 2021-02-23 (5d180d1f996)  workload 2 vmobject-churn  seed 1   99/100 t/s  tick 4,000      ▸ RUNNING  ? help '],
		[80, facts, ' kmtop  rev 2021-02-23  2 vmobject-churn   99/100 t/s  tick 4,000     ▸ RUNNING '],
		[100, {...facts, paused: true, achievedRate: 0}, ' kmtop  rev 2021-02-23 (5d180d1f996)  2 vmobject-churn  seed 1    0/100 t/s  tick 4,000    ‖ PAUSED '],
		[
			120,
			{...facts, frozen: true, liveTick: 4250},
			' kmtop  rev 2021-02-23 (5d180d1f996)  2 vmobject-churn   99/100 t/s  tick 4,000         ≋ FROZEN live t4,250  ▸ RUNNING ',
		],
		[120, {}, ' kmtop  rev 2021-02-23 (5d180d1f996)  workload vmobject-churn  seed 1  tick 4,000                                       '],
		// The tick and the state stay whole; the name and the workload (the footer has it) give way first.
		[60, facts, ' rev 2021-02-23  2 vmobject-churn  tick 4,000     ▸ RUNNING '],
		[60, {...facts, frozen: true, liveTick: 4100}, ' rev 2021-02-23  tick 4,000             ≋ FROZEN  ▸ RUNNING '],
	])('%i columns', (width, lineFacts, expected) => {
		const line = lineText(describeHeader(baseDocument(), lineFacts, width));
		expect(line).toBe(expected);
		expect([...line]).toHaveLength(width);
	});

	test('at any width, the whole tick and the state badges before anything optional', () => {
		const document = {...baseDocument(), run: {...baseDocument().run, tick: 1_234_567}};
		for (const lineFacts of [facts, {...facts, paused: true}, {...facts, frozen: true, liveTick: 1_240_000}]) {
			for (let width = 40; width <= 200; width++) {
				const line = lineText(describeHeader(document, lineFacts, width));
				expect(line).toContain('tick 1,234,567');
				expect(line).toContain(lineFacts.paused ? '‖ PAUSED' : '▸ RUNNING');
				expect(line).not.toContain('…');
				expect([...line]).toHaveLength(width);
			}
		}
	});

	test('a halted kernel says so', () => {
		const document = {...baseDocument(), panic: {tick: 4000, kind: 'oom' as const, lines: []}};
		expect(lineText(describeHeader(document, facts, 80))).toBe(' kmtop  rev 2021-02-23  2 vmobject-churn   99/100 t/s  tick 4,000      × HALTED ');
	});
});

describe('Kernel heap', () => {
	test('full: SystemMonitor lines, rates at the set rate, series, details', () => {
		expect(text(describeKernelHeap(baseDocument(), facts, 56))).toEqual([
			'Kernel heap:     3496K/5988K  ███████████▏░░░░░░░  58.4%',
			'Calls kmalloc:        454280  12.9k/s                   ',
			'Calls kfree:          372971  9.38k/s                   ',
			'Difference:           +81309  eternal 1280K             ',
			// Each series with its scale: the smallest and largest sample the sparkline shows.
			'allocated 3496K                           ▅▄ 3448K–3566K',
			'available 2492K                           ▄▅ 2422K–2540K',
			'free 1468K + backup 1024K  largest run 480K             ',
		]);
	});

	test('compact: the series beside the calls; per tick without a rate', () => {
		expect(text(describeKernelHeapCompact(baseDocument(), {}, 76))).toEqual([
			'Kernel heap:     3496K/5988K  ██████████████████████▊░░░░░░░░░░░░░░░░  58.4%',
			'Calls kmalloc:        454280  129/tick  │ alloc 3496K          ▅ 3448K–3566K',
			'Calls kfree:          372971  94/tick   │ avail 2492K          ▄ 2422K–2540K',
			'Difference:           +81309            │ largest run 480K  eternal 1280K   ',
		]);
	});

	test('compact at 60 columns: no room for the series, the largest run follows the difference (no lone separator)', () => {
		expect(text(describeKernelHeapCompact(baseDocument(), facts, 56)).at(-1)).toBe('Difference:           +81309  run 480K  eternal 1280K   ');
	});

	test('a heap past 9999K: the bar gives way, the percentage stays whole', () => {
		const document = baseDocument();
		const big = {...document, systemMonitor: {...document.systemMonitor, kernelHeap: '19394K/106520K'}};
		expect(text(describeKernelHeapCompact(big, facts, 56))[0]).toBe('Kernel heap:   19394K/106520K  ██████████▌░░░░░░░  58.4%');
	});
});

describe('Backup region', () => {
	test('ready, with the consumption a moment ago flashing', () => {
		expect(text(describeBackup(baseDocument(), facts, 56))).toEqual([
			'● READY  V0xc1dcb000  1024K (256 pages)                 ',
			'consumed 3  replaced 3  recycled 0  failed 0            ',
			'last consumed  tick 3,990 (10 ticks ago) ◀ new          ',
			'last replaced  tick 3,990 (10 ticks ago) ◀ new          ',
			// A replacement on the consumption's tick takes the next cell (the one before, at the edge).
			'           ───────●○──────────────────────────────●○ now',
			'● consumed ○ replaced ◆ recycled ✕ failed  5,200 ticks  ',
			'replacement: deferred call, removed memory reused       ',
		]);
		const [state] = describeBackup(baseDocument(), facts, 56);
		expect(state![0]!.tone).toBe('flash');
	});

	test.each([
		['2020-08-28', 'no backup in this revision: the pool never grows'],
		['2020-08-29', 'replacement: inside add_memory'],
		['2020-09-02', 'replacement: inside add_memory, removed memory reused'],
		['2021-02-23', 'replacement: deferred call, removed memory reused'],
	])('how %s treats its backup', (revision, expected) => {
		const document = baseDocument();
		document.run.revision = revision;
		expect(lineText(describeBackup(document, facts, 80)[6]!).trimEnd()).toBe(expected);
	});

	test('later the flash is over', () => {
		const document = {...baseDocument(), run: {...baseDocument().run, tick: 9000}};
		const [state, , consumed] = describeBackup(document, facts, 56);
		expect(state![0]).toEqual({text: '● READY', tone: 'good'});
		expect(lineText(consumed!)).toBe('last consumed  tick 3,990 (5,010 ticks ago)             ');
	});

	test.each([
		['consumed', '2021-02-23', '○ CONSUMED  added to the heap; replacement queued'],
		['replacing', '2021-02-23', '◐ REPLACING  MM is allocating 1024K'],
		['none', '2021-02-23', '✕ NONE  no backup: the next expansion fails'],
		['none', '2020-08-28', '✕ NONE  this revision has a fixed pool, no backup'],
	] as const)('%s on %s', (state, revision, expected) => {
		const document = baseDocument();
		document.run.revision = revision;
		document.backup = {...document.backup, state, base: null, bytes: null};
		expect(lineText(describeBackup(document, facts, 60)[0]!).trimEnd()).toBe(expected);
	});

	test('compact: one line, counts that are not zero, as many as fit', () => {
		expect(lineText(describeBackupCompact(baseDocument(), facts, 76))).toBe('Backup ● READY  V0xc1dcb000  1024K  consumed 3 replaced 3                   ');
		expect(lineText(describeBackupCompact(baseDocument(), facts, 50))).toBe('Backup ● READY  V0xc1dcb000  1024K  consumed 3    ');
	});

	test('the timeline: a replacement shows beside its consumption, at the edge and inside', () => {
		const document = baseDocument();
		document.events = [
			{tick: 1000, kind: 'backup-consumed', message: 'Adding memory to heap at V0xcd547000, bytes: 1048576'},
			{tick: 1000, kind: 'backup-replaced', message: 'backup at V0xc1dcb000, bytes: 1048576'},
			{tick: 2000, kind: 'backup-recycled', message: 'Using removed memory as backup: V0xc0801000, bytes: 1048576'},
			{tick: 3000, kind: 'backup-replacement-failed', message: 'kmalloc subheap: MM could not allocate 1048576 bytes'},
			{tick: 3995, kind: 'backup-consumed', message: 'Adding memory to heap at V0xc1dcb000, bytes: 1048576'},
			{tick: 3995, kind: 'backup-replaced', message: 'backup at V0xc0801000, bytes: 1048576'},
		];
		// 130 ticks a cell: nine before boot, then the events where their ticks fall.
		expect(backupTimeline(document, 40)).toBe('         ───────●○──────◆───────✕─────○●');
		// Two pairs in neighbouring cells: in the order they happened, nothing hidden.
		document.events = [1000, 1130].flatMap((tick) => [
			{tick, kind: 'backup-consumed' as const, message: 'Adding memory to heap at V0xcd547000, bytes: 1048576'},
			{tick, kind: 'backup-replaced' as const, message: 'backup at V0xc1dcb000, bytes: 1048576'},
		]);
		expect(backupTimeline(document, 40)).toBe('         ───────●○●○────────────────────');
	});

	test('after a reboot, ticks of the previous boot are not counted', () => {
		const document = baseDocument();
		document.events.push({tick: 4000, kind: 'reboot', message: 'reboot (2021-02-23)'});
		document.run.tick = 10;
		expect(lineText(describeBackup(document, facts, 56)[2]!).trimEnd()).toBe('last consumed  before the events kept');
	});
});

describe('Subheaps', () => {
	test('every row at 116 columns, the new one marked; sizes are the chunks, adding up to the total', () => {
		const document = baseDocument();
		expect(subheapTitle(document)).toBe('Subheaps  4 linked, 1 retired');
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

describe('Physical memory & slabs', () => {
	test('SystemMonitor lines (2021: Physical and Committed), pages, regions, slabs', () => {
		expect(text(describePhysicalMemory(baseDocument(), 56))).toEqual([
			'Physical memory:       353964K/516096K                  ',
			'Committed memory:                   0K                  ',
			'Supervisor physical:         20K/4096K                  ',
			'user pages: 88486 alloc, 0 committed, 39514 avail       ',
			'kernel regions  240  353012K                            ',
			'slab  16    8192/8192   ████████████████████████ 100.0% ',
			'slab  32       0/4096   ░░░░░░░░░░░░░░░░░░░░░░░░   0.0% ',
			'slab  64       0/8192   ░░░░░░░░░░░░░░░░░░░░░░░░   0.0% ',
			'slab 128     240/4096   █▍░░░░░░░░░░░░░░░░░░░░░░   5.9% ',
		]);
	});

	test('before 2021-01-04 memstat has no committed keys: Userspace physical, no Committed line', () => {
		const document = baseDocument();
		delete document.memstat.user_physical_committed;
		delete document.memstat.user_physical_uncommitted;
		expect(text(describePhysicalMemory(document, 56, 7)).map((line) => line.trimEnd())).toEqual([
			'Userspace physical:    353944K/512000K',
			'Supervisor physical:         20K/4096K',
			'kernel regions  240  353012K',
			'slab  16    8192/8192   ████████████████████████ 100.0%',
			'slab  32       0/4096   ░░░░░░░░░░░░░░░░░░░░░░░░   0.0%',
			'slab  64       0/8192   ░░░░░░░░░░░░░░░░░░░░░░░░   0.0%',
			'slab 128     240/4096   █▍░░░░░░░░░░░░░░░░░░░░░░   5.9%',
		]);
	});
});

describe('Physical memory & slabs with rows to spare: /proc/memstat itself', () => {
	test('one column at 56, two from 77', () => {
		expect(text(describePhysicalMemory(baseDocument(), 56, 14)).slice(9)).toEqual([
			'─ /proc/memstat ────────────────────────────────────────',
			'kmalloc_allocated             3580448                   ',
			'kmalloc_available             2552032                   ',
			'kmalloc_eternal_allocated     1310720                   ',
			'user_physical_allocated         88486                   ',
		]);
		const wide = text(describePhysicalMemory(baseDocument(), 80, 30));
		expect(wide).toHaveLength(20);
		expect(wide[10]!.trimEnd()).toBe('kmalloc_allocated             3580448   kfree_call_count               372971');
	});

	test.each([
		[76, 'Physical memory: 353964K/516096K  slab 16 100%  32   0%  64   0%  128   5%'],
		[56, 'Physical 353964K/516096K  slab 16 █ 32 ▁ 64 ▁ 128 ▁'],
		[30, 'Physical 353964K/516096K'],
	])('one line at %i columns, for a layout with no room for the panel', (width, expected) => {
		expect(lineText(describePhysicalMemoryLine(baseDocument(), width)).trimEnd()).toBe(expected);
	});
});

describe('footer', () => {
	test('two lines: workloads (the running one bracketed), keys', () => {
		expect(text(describeFooter(baseDocument(), facts, 100, 2)).map((line) => line.trimEnd())).toEqual([
			'  1 steady [2 vmobject-churn] 3 logging-burst   w/W next/previous',
			' space pause  . step  +/- speed  f freeze  v/V revision  r reboot  s save  ? help  q quit',
		]);
	});

	test('the keys make room for the status, ? help and q quit always stay', () => {
		const [, keys] = describeFooter(baseDocument(), {...facts, paused: true, frozen: true, status: 'saved kmtop-vmobject-churn-seed1-tick4000.json'}, 100, 2);
		expect(lineText(keys!)).toBe(' space resume  f unfreeze  s save  ? help  q quit    saved kmtop-vmobject-churn-seed1-tick4000.json ');
	});

	test('one line: the status when there is one, else the keys that fit', () => {
		expect(lineText(describeFooter(baseDocument(), {...facts, status: 'saved x.json'}, 80, 1)[0]!).trimEnd()).toBe(' saved x.json');
		expect(lineText(describeFooter(baseDocument(), facts, 80, 1)[0]!).trimEnd()).toBe(
			' [2 vmobject-churn]  1-3 w/W  space pause  f freeze  s save  ? help  q quit',
		);
	});

	test('a failed workload is the status', () => {
		const document = baseDocument();
		document.events.push({tick: 3999, kind: 'workload-error', message: 'workload vmobject-churn failed at tick 3999: boom'});
		expect(lineText(describeFooter(document, facts, 80, 1)[0]!).trimEnd()).toBe(' workload vmobject-churn failed at tick 3,999: boom');
	});

	test('more than ten workloads: ten have keys, 1 to 9 and 0', () => {
		const names = Array.from({length: 12}, (_, index) => `w${index}`);
		const line = lineText(describeFooter({...baseDocument(), run: {...baseDocument().run, workload: 'w1'}}, {...facts, workloads: names}, 120, 2)[0]!);
		expect(line.trimEnd()).toBe('  1 w0 [2 w1] 3 w2  4 w3  5 w4  6 w5  7 w6  8 w7  9 w8  0 w9  +2 more  w/W next/previous');
	});

	const builtins = ['steady', 'vmobject-churn', 'logging-burst', 'fragmentation', 'big-allocations', 'leak', 'drain', 'expansion-loop', 'unlink-race', 'backup-deadlock'];
	const running = (workload: string) => ({...baseDocument(), run: {...baseDocument().run, workload}});

	test.each([
		[
			'120 columns: every name, cut to the same length, the running one whole',
			'vmobject-churn',
			builtins,
			120,
			'  1 steady [2 vmobject-churn] 3 logging…  4 fragmen…  5 big-all…  6 leak  7 drain  8 expansi…  9 unlink-…  0 backup-…',
		],
		[
			'100 columns: too short for five letters, the keys alone',
			'vmobject-churn',
			builtins,
			100,
			'  1 [2 vmobject-churn] 3  4  5  6  7  8  9  0   w/W next/previous',
		],
		[
			'the running one keeps its name',
			'expansion-loop',
			builtins,
			120,
			'  1 steady  2 vmobjec…  3 logging…  4 fragmen…  5 big-all…  6 leak  7 drain [8 expansion-loop] 9 unlink-…  0 backup-…',
		],
		['the tenth has the key 0', 'backup-deadlock', builtins, 120, '  1 steady  2 vmobjec…  3 logging…  4 fragmen…  5 big-all…  6 leak  7 drain  8 expansi…  9 unlink-… [0 backup-deadlock]'],
		[
			'a trace replay, beyond the tenth: by name after the keyed ones',
			'trace',
			[...builtins, 'trace'],
			120,
			'  1 steady  2 vmobjec…  3 logging…  4 fragmen…  5 big-all…  6 leak  7 drain  8 expansi…  9 unlink-…  0 backup-…  [trace]',
		],
		[
			'200 columns: every name whole',
			'vmobject-churn',
			builtins,
			200,
			'  1 steady [2 vmobject-churn] 3 logging-burst  4 fragmentation  5 big-allocations  6 leak  7 drain  8 expansion-loop  9 unlink-race  0 backup-deadlock   w/W next/previous',
		],
	])('workloads, %s', (_name, workload, names, width, expected) => {
		const [line] = describeFooter(running(workload), {...facts, workloads: names}, width, 2);
		expect(lineText(line!).trimEnd()).toBe(expected);
		expect([...lineText(line!)]).toHaveLength(width);
	});

	test('too narrow for the names: the keys that select them', () => {
		expect(lineText(workloadList(running('vmobject-churn'), {...facts, workloads: builtins}, 60)).trimEnd()).toBe('  1 [2 vmobject-churn] 3  4  5  6  7  8  9  0');
		expect(lineText(workloadList(running('vmobject-churn'), {...facts, workloads: builtins}, 40)).trimEnd()).toBe(' [2 vmobject-churn]  0-9 w/W');
	});

	test('a text snapshot: what the document is', () => {
		expect(lineText(describeFooter(baseDocument(), {}, 80, 1)[0]!).trimEnd()).toBe(' kmtop.snapshot/1  kmtop 0.1.0  RAM 524288K');
	});
});
