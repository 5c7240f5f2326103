// The Kernel heap, Backup region and Physical memory & slabs panels' text, line by line, on a
// hand-written document: exact strings, as a kernel developer would check them against
// SystemMonitor and /proc/memstat.

import {describe, expect, test} from 'vitest';
import {backupTimeline, describeBackup, describeBackupCompact} from '../../source/view/describe-backup.js';
import {describeKernelHeap, describeKernelHeapCompact} from '../../source/view/describe-kernel-heap.js';
import {describePhysicalMemory, describePhysicalMemoryLine} from '../../source/view/describe-physical-memory.js';
import {lineText, type StyledLine} from '../../source/view/styled-line.js';
import type {ViewFacts} from '../../source/view/view-facts.js';
import {baseDocument} from './document-fixture.js';

const text = (lines: StyledLine[]) => lines.map(lineText);
const facts: ViewFacts = {live: true, rate: 100, achievedRate: 98.6, kmallocPerSecond: 12_887.5, kfreePerSecond: 9375, workloads: ['steady', 'vmobject-churn', 'logging-burst'], paused: false};

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
