// The panels' text, line by line, on a hand-written document: exact strings, as a kernel
// developer would check them against SystemMonitor and the kernel log.

import {describe, expect, test} from 'vitest';
import {describeBackup, describeBackupCompact} from '../../source/view/describe-backup.js';
import {describeFooter, workloadList} from '../../source/view/describe-footer.js';
import {describeHeader} from '../../source/view/describe-header.js';
import {describeKernelHeap, describeKernelHeapCompact} from '../../source/view/describe-kernel-heap.js';
import {describeLifecycle} from '../../source/view/describe-lifecycle.js';
import {describePhysicalMemory} from '../../source/view/describe-physical-memory.js';
import {describeSubheapRows, subheapHeader, subheapTitle} from '../../source/view/describe-subheaps.js';
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
		[60, {...facts, frozen: true, liveTick: 4100}, ' kmtop  rev 2021-02-23  2 vmobject-chu… ≋ FROZEN  ▸ RUNNING '],
	])('%i columns', (width, lineFacts, expected) => {
		const line = lineText(describeHeader(baseDocument(), lineFacts, width));
		expect(line).toBe(expected);
		expect([...line]).toHaveLength(width);
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
			'Difference:           +81309  eternal 1.25 MiB          ',
			'allocated   3.41 MiB                                   ▅',
			'available   2.43 MiB                                   ▅',
			'free 1.43 MiB + backup 1.00 MiB  largest run 480K       ',
		]);
	});

	test('compact: the series beside the calls; per tick without a rate', () => {
		expect(text(describeKernelHeapCompact(baseDocument(), {}, 76))).toEqual([
			'Kernel heap:     3496K/5988K  ██████████████████████▊░░░░░░░░░░░░░░░░  58.4%',
			'Calls kmalloc:        454280  129/tick  │ allocated   3.41 MiB            ▇▂',
			'Calls kfree:          372971  94/tick   │ available   2.43 MiB            ▁█',
			'Difference:           +81309            │ largest run 480K  eternal 1.25 MiB',
		]);
	});
});

describe('Backup region', () => {
	test('ready, with the consumption a moment ago flashing', () => {
		expect(text(describeBackup(baseDocument(), facts, 56))).toEqual([
			'● READY  V0xc1dcb000  1048576 bytes (256 pages)         ',
			'consumed 3  replaced 3  recycled 0  failed 0            ',
			'last consumed  tick 3,990 (10 ticks ago) ◀ new          ',
			'last replaced  tick 3,990 (10 ticks ago) ◀ new          ',
			'           ───────●───────────────────────────────●─ now',
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
		['replacing', '2021-02-23', '◐ REPLACING  MM is allocating 1048576 bytes'],
		['none', '2021-02-23', '✕ NONE  no backup: the next expansion fails'],
		['none', '2020-08-28', '✕ NONE  this revision has a fixed pool, no backup'],
	] as const)('%s on %s', (state, revision, expected) => {
		const document = baseDocument();
		document.run.revision = revision;
		document.backup = {...document.backup, state, base: null, bytes: null};
		expect(lineText(describeBackup(document, facts, 60)[0]!).trimEnd()).toBe(expected);
	});

	test('compact: one line, counts that are not zero', () => {
		expect(lineText(describeBackupCompact(baseDocument(), facts, 76))).toBe(
			'Backup ● READY  V0xc1dcb000  1048576 bytes  consumed 3 replaced 3           ',
		);
	});

	test('after a reboot, ticks of the previous boot are not counted', () => {
		const document = baseDocument();
		document.events.push({tick: 4000, kind: 'reboot', message: 'reboot (2021-02-23)'});
		document.run.tick = 10;
		expect(lineText(describeBackup(document, facts, 56)[2]!).trimEnd()).toBe('last consumed  before the events kept');
	});
});

describe('Subheaps', () => {
	test('every row at 116 columns, the new one marked', () => {
		const document = baseDocument();
		expect(subheapTitle(document)).toBe('Subheaps  3 linked, 1 retired');
		expect(text([subheapHeader(document, 116), ...describeSubheapRows(document, facts, 116)])).toEqual([
			'  #  origin    address        size  used                                             largest  added                 ',
			'  0  pool      V0xc0500000   2048K  ███████████████████████████████████████▋  99.2%    10.3K  boot                  ',
			'  1  backup    V0xc0801000   1024K  ██████████████████████████▋░░░░░░░░░░░░░  66.5%    70.2K  tick 753              ',
			'  3  backup    V0xcd547000   1024K  ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░   0.0%     992K  tick 3,990    ← new   ',
		]);
	});

	test('narrow and short: columns give way, the pool and the newest stay', () => {
		const document = baseDocument();
		expect(text([subheapHeader(document, 56), ...describeSubheapRows(document, facts, 56, 2)])).toEqual([
			'  #  origin    address        size  used                ',
			'  0  pool      V0xc0500000   2048K  ██████▉  99.2%      ',
			' … 2 more (2.00 MiB, 1 empty): the oldest are left out  ',
		]);
		document.subheaps.push({...document.subheaps[2]!, id: 5, base: '0xce000000', addedAtTick: 100});
		expect(text(describeSubheapRows(document, facts, 76, 3)).map((line) => line.slice(0, 30))).toEqual([
			'  0  pool      V0xc0500000   2',
			'  3  backup    V0xcd547000   1',
			' … 2 more (2.00 MiB, 1 empty):',
		]);
	});
});

describe('lifecycle', () => {
	test('newest first, removals with their fate', () => {
		expect(text(describeLifecycle(baseDocument(), 80, 5)).map((line) => line.trimEnd())).toEqual([
			'    t3,990 ○  new backup  V0xc1dcb000  1048576 bytes',
			'    t3,990 +  #3 added from backup  V0xcd547000  1048576 bytes',
			'    t3,990 ●  backup consumed  V0xcd547000  1048576 bytes',
			'    t2,847 −  #4 removed  V0xc4ba9000  2105344 bytes  queued → freed',
			'    t2,610 +  #4 added from region  V0xc4ba9000  2105344 bytes',
		]);
	});

	test.each([
		['became-backup', 'Removing memory from heap at V0xc4ba9000, bytes: 2105344', '#4 removed  V0xc4ba9000  2105344 bytes  became the backup'],
		['queued', 'Queue removing memory from heap at V0xc4ba9000, bytes: 2105344', '#4 removed  V0xc4ba9000  2105344 bytes  queued, not yet freed'],
		['re-added', 'Removing memory from heap at V0xc4ba9000, bytes: 2105344', '#4 removed  V0xc4ba9000  2105344 bytes  rejected and re-added'],
	] as const)('fate %s', (fate, message, expected) => {
		const document = baseDocument();
		document.retiredSubheaps[0]!.fate = fate;
		document.events = [{tick: 2847, kind: 'subheap-removed', message}];
		expect(lineText(describeLifecycle(document, 80, 1)[0]!).trimEnd()).toBe(`    t2,847 −  ${expected}`);
	});

	test.each([
		['backup-recycled', 'Using removed memory as backup: V0xc0801000, bytes: 1048576', '◆  removed memory became the backup  V0xc0801000  1048576 bytes'],
		['backup-replacement-failed', 'kmalloc subheap: MM could not allocate 1048576 bytes', '✕  kmalloc subheap: MM could not allocate 1048576 bytes'],
		['expansion-failed', 'Could not expand heap to satisfy allocation of 5000000 bytes', '✕  Could not expand heap to satisfy allocation of 5000000 bytes'],
		['panic', 'KERNEL PANIC! :^( / kmalloc: Out of memory', '!! KERNEL PANIC! :^( / kmalloc: Out of memory'],
		['workload-switched', 'workload steady → leak at tick 100', '⇄  workload steady → leak at tick 100'],
		['workload-error', 'workload leak failed at tick 7: boom', '!  workload leak failed at tick 7: boom'],
		['reboot', 'reboot: 2021-02-23 → 2020-08-29', '↻  reboot: 2021-02-23 → 2020-08-29'],
	] as const)('%s', (kind, message, expected) => {
		const document = baseDocument();
		document.events = [{tick: 100, kind, message}];
		expect(lineText(describeLifecycle(document, 80, 1)[0]!).trimEnd()).toBe(`      t100 ${expected}`);
	});
});

describe('Physical memory & slabs', () => {
	test('SystemMonitor lines (2021: Physical and Committed), pages, regions, slabs', () => {
		expect(text(describePhysicalMemory(baseDocument(), 56))).toEqual([
			'Physical memory:       353964K/516096K                  ',
			'Committed memory:                   0K                  ',
			'Supervisor physical:         20K/4096K                  ',
			'user pages: 88486 alloc, 0 committed, 39514 avail       ',
			'kernel regions  240  344.74 MiB                         ',
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
			'kernel regions  240  344.74 MiB',
			'slab  16    8192/8192   ████████████████████████ 100.0%',
			'slab  32       0/4096   ░░░░░░░░░░░░░░░░░░░░░░░░   0.0%',
			'slab  64       0/8192   ░░░░░░░░░░░░░░░░░░░░░░░░   0.0%',
			'slab 128     240/4096   █▍░░░░░░░░░░░░░░░░░░░░░░   5.9%',
		]);
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
		expect(lineText(describeFooter(document, facts, 80, 1)[0]!).trimEnd()).toBe(' workload vmobject-churn failed at tick 3999: boom');
	});

	test('more than nine workloads: only nine have numbers', () => {
		const names = Array.from({length: 11}, (_, index) => `w${index}`);
		const line = lineText(describeFooter({...baseDocument(), run: {...baseDocument().run, workload: 'w1'}}, {...facts, workloads: names}, 120, 2)[0]!);
		expect(line.trimEnd()).toBe('  1 w0 [2 w1] 3 w2  4 w3  5 w4  6 w5  7 w6  8 w7  9 w8  +2 more  w/W next/previous');
	});

	const builtins = ['steady', 'vmobject-churn', 'logging-burst', 'fragmentation', 'big-allocations', 'leak', 'drain', 'expansion-loop', 'unlink-race', 'backup-deadlock'];
	const running = (workload: string) => ({...baseDocument(), run: {...baseDocument().run, workload}});

	test.each([
		[
			'120 columns: names from the first on while they fit, numbers for the rest',
			'vmobject-churn',
			builtins,
			120,
			'  1 steady [2 vmobject-churn] 3 logging-burst  4 fragmentation  5  6  7  8  9  +1 more  w/W next/previous',
		],
		[
			'100 columns: fewer names',
			'vmobject-churn',
			builtins,
			100,
			'  1 steady [2 vmobject-churn] 3 logging-burst  4  5  6  7  8  9  +1 more  w/W next/previous',
		],
		[
			'the running one keeps its name among the numbers',
			'expansion-loop',
			builtins,
			120,
			'  1 steady  2 vmobject-churn  3 logging-burst  4 fragmentation  5  6  7 [8 expansion-loop] 9  +1 more  w/W next/previous',
		],
		[
			'a trace replay, beyond the ninth: by name after the numbers, the one left over counted',
			'trace',
			[...builtins, 'trace'],
			120,
			'  1 steady  2 vmobject-churn  3 logging-burst  4 fragmentation  5  6  7  8  9  [trace] +1 more  w/W next/previous',
		],
		[
			'200 columns: every name',
			'vmobject-churn',
			builtins,
			200,
			'  1 steady [2 vmobject-churn] 3 logging-burst  4 fragmentation  5 big-allocations  6 leak  7 drain  8 expansion-loop  9 unlink-race  +1 more  w/W next/previous',
		],
	])('workloads, %s', (_name, workload, names, width, expected) => {
		const [line] = describeFooter(running(workload), {...facts, workloads: names}, width, 2);
		expect(lineText(line!).trimEnd()).toBe(expected);
		expect([...lineText(line!)]).toHaveLength(width);
	});

	test('too narrow for even the numbers: the running one and the keys that reach the rest', () => {
		expect(lineText(workloadList(running('vmobject-churn'), {...facts, workloads: builtins}, 60)).trimEnd()).toBe(' [2 vmobject-churn]  1-9 w/W');
	});

	test('a text snapshot: what the document is', () => {
		expect(lineText(describeFooter(baseDocument(), {}, 80, 1)[0]!).trimEnd()).toBe(' kmtop.snapshot/1  kmtop 0.1.0  RAM 512.00 MiB');
	});
});
