// Every panel component on fixed documents, as Ink draws it (ink-testing-library), line by line.

import {render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {BackupPanel} from '../../source/ui/panels/backup-panel.js';
import {FooterBar} from '../../source/ui/panels/footer-bar.js';
import {HeaderBar} from '../../source/ui/panels/header-bar.js';
import {HelpOverlay} from '../../source/ui/panels/help-overlay.js';
import {KernelHeapPanel} from '../../source/ui/panels/kernel-heap-panel.js';
import {KernelLogPanel} from '../../source/ui/panels/kernel-log-panel.js';
import {PanicScreen} from '../../source/ui/panels/panic-screen.js';
import {PhysicalMemoryPanel} from '../../source/ui/panels/physical-memory-panel.js';
import {SubheapsPanel} from '../../source/ui/panels/subheaps-panel.js';
import {TooSmallScreen} from '../../source/ui/panels/too-small-screen.js';
import {TracePanel} from '../../source/ui/panels/trace-panel.js';
import {ColourContext} from '../../source/ui/tone-style.js';
import type {ViewFacts} from '../../source/view/view-facts.js';
import {baseDocument, panicDocument, traceDocument, traceDocumentMidway} from '../view/document-fixture.js';
import {frameLines} from './helpers.js';

afterEach(() => {
	cleanup();
});

const facts: ViewFacts = {live: true, rate: 100, achievedRate: 100, kmallocPerSecond: 12_887.5, kfreePerSecond: 9375, workloads: ['steady', 'vmobject-churn', 'logging-burst'], paused: false};

describe('panels', () => {
	test('header', () => {
		expect(frameLines(render(<HeaderBar document={baseDocument()} facts={facts} width={100} />).lastFrame())).toEqual([
			' kmtop  rev 2021-02-23 (5d180d1f996)  2 vmobject-churn  seed 1  100/100 t/s  tick 4,000   ▸ RUNNING',
		]);
	});

	test('Kernel heap', () => {
		expect(frameLines(render(<KernelHeapPanel document={baseDocument()} facts={facts} width={60} height={9} />).lastFrame())).toEqual([
			'┌ Kernel heap  4 subheaps ─────────────────────────────────┐',
			'│ Kernel heap:     3496K/5988K  ███████████▏░░░░░░░  58.4% │',
			'│ Calls kmalloc:        454280  12.9k/s                    │',
			'│ Calls kfree:          372971  9.38k/s                    │',
			'│ Difference:           +81309  eternal 1280K              │',
			'│ allocated 3496K                           ▅▄ 3448K–3566K │',
			'│ available 2492K                           ▄▅ 2422K–2540K │',
			'│ free 1468K + backup 1024K  largest run 480K              │',
			'└─────────────────────── t0 ────────── t3,990 ─────────────┘',
		]);
	});

	test('Kernel heap, compact, with the backup line', () => {
		expect(frameLines(render(<KernelHeapPanel compact document={baseDocument()} facts={facts} width={80} height={7} />).lastFrame())).toEqual([
			'┌ Kernel heap  4 subheaps ─────────────────────────────────────────────────────┐',
			'│ Kernel heap:     3496K/5988K  ██████████████████████▊░░░░░░░░░░░░░░░░  58.4% │',
			'│ Calls kmalloc:        454280  12.9k/s   │ alloc 3496K          ▅ 3448K–3566K │',
			'│ Calls kfree:          372971  9.38k/s   │ avail 2492K          ▄ 2422K–2540K │',
			'│ Difference:           +81309            │ largest run 480K  eternal 1280K    │',
			'│ Backup ● READY  V0xc1dcb000  1024K  consumed 3 replaced 3                    │',
			'└───────────────────────────────────────────────────────── t3,640 ─────────────┘',
		]);
	});

	test('Backup region', () => {
		expect(frameLines(render(<BackupPanel document={baseDocument()} facts={facts} width={60} height={9} />).lastFrame())).toEqual([
			'┌ Backup region ───────────────────────────────────────────┐',
			'│ ● READY  V0xc1dcb000  1024K (256 pages)                  │',
			'│ consumed 3  replaced 3  recycled 0  failed 0             │',
			'│ last consumed  tick 3,990 (10 ticks ago) ◀ new           │',
			'│ last replaced  tick 3,990 (10 ticks ago) ◀ new           │',
			'│            ───────●○──────────────────────────────●○ now │',
			'│ ● consumed ○ replaced ◆ recycled ✕ failed  5,200 ticks   │',
			'│ replacement: deferred call, removed memory reused        │',
			'└──────────────────────────────────────────────────────────┘',
		]);
	});

	test('Subheaps: the rows, their total, and the lifecycle in the rows they leave', () => {
		expect(
			frameLines(render(<SubheapsPanel document={baseDocument()} facts={facts} width={100} height={12} lifecycle="below" />).lastFrame()),
		).toEqual([
			'┌ Subheaps  4 linked, 1 retired ───────────────────────────────────────────────────────────────────┐',
			'│   #  origin    address        size  used                            largest  added               │',
			'│   0  pool      V0xc0500000   1985K  ██████████████████████▊  99.2%      10K  boot                │',
			'│   1  backup    V0xc0801000    993K  ███████████████▎░░░░░░░  66.5%      70K  tick 753            │',
			'│   2  backup    V0xc3630000    993K  ████████████████████▏░░  87.3%      37K  tick 982            │',
			'│   3  backup    V0xcd547000    993K  ░░░░░░░░░░░░░░░░░░░░░░░   0.0%     992K  tick 3,990    ← new │',
			'│                total         4964K  ████████████████▎░░░░░░  70.4%  + backup 1024K = 5988K       │',
			'│ ─ lifecycle ──────────────────────────────────────────────────────────────────────────────────── │',
			'│ t3,990 ○  new backup  V0xc1dcb000  1024K                                                         │',
			'│ t3,990 +  #3 added from backup  V0xcd547000  1024K                                               │',
			'│ t3,990 ●  backup consumed  V0xcd547000  1024K                                                    │',
			'└──────────────────────────────────────────────────────────────────────────────────────────────────┘',
		]);
	});

	test('Kernel heap, compact, with the backup line, the trace replay\'s and Physical memory\'s', () => {
		expect(frameLines(render(<KernelHeapPanel compact traceLine physicalLine document={traceDocument()} facts={facts} width={80} height={9} />).lastFrame()).slice(5)).toEqual([
			'│ Backup ● READY  V0xc1dcb000  1024K  consumed 3 replaced 3                    │',
			'│ Trace 1,000/1,000 ███████████████▒ finished  skipped unknown 53              │',
			'│ Physical memory: 353964K/516096K  slab 16 100%  32   0%  64   0%  128   5%   │',
			'└─────────────────────────────────────────────────────────── t520 ─────────────┘',
		]);
	});

	test('Trace replay, midway: figures, call sites, then the first malformed lines', () => {
		expect(frameLines(render(<TracePanel document={traceDocumentMidway()} facts={facts} width={60} height={14} />).lastFrame())).toEqual([
			'┌ Trace replay  ftrace  kmem-broken.txt.gz  0.05 ms/tick ──┐',
			'│ events    214/1,000   ████▒░░░░░░░░░░░░░░░░░░░░    21.4% │',
			'│ replayed  190  kmalloc 118  kfree 72  live ptr reused 2  │',
			'│ skipped   kfree of unknown ptr 22  kfree(NULL) 1         │',
			'│           kmalloc NULL 1  malformed 3  other kmem 4      │',
			'│ live      44 blocks  9K                                  │',
			'│ largest   2K  alloc_fdtable+0x84/0x140                   │',
			'│ ─ top call sites by size requested ──────  in all  calls │',
			'│ alloc_fdtable+0x84/0x140                      12K      6 │',
			'│ load_elf_phdrs+0x49/0xc0                       3K      6 │',
			'│ ─ first malformed lines ──────────────────────────────── │',
			'│ line  41  bash-9465    [000] .....   583.847594: kmallo… │',
			'│ line 301  python3-9421    [001] .....   583.864962: kma… │',
			'└──────────────────────────────────────────────────────────┘',
		]);
	});

	test('Trace replay while another workload runs: same size, a word on how to get back', () => {
		const lines = frameLines(render(<TracePanel document={baseDocument()} facts={facts} width={60} height={14} />).lastFrame());
		expect(lines).toHaveLength(14);
		expect(lines.slice(0, 4)).toEqual([
			'┌ Trace replay ────────────────────────────────────────────┐',
			'│ the replay waits while vmobject-churn runs               │',
			'│ w / W cycle back to it                                   │',
			'│                                                          │',
		]);
	});

	test('Kernel log', () => {
		expect(frameLines(render(<KernelLogPanel document={baseDocument()} width={60} height={6} />).lastFrame())).toEqual([
			'┌ Kernel log  dmesg ───────────────────────────────────────┐',
			'│    [#0 Shell(12:12)]: hello from a workload              │',
			'│ ›  [#0 WebContent(66:66)]: kmalloc(): Adding memory to   │',
			'│      heap at V0xcd547000, bytes: 1048576                 │',
			'│                                                          │',
			'└──────────────────────────────────────────────────────────┘',
		]);
	});

	test('Physical memory & slabs, short: the extras give way to the slabs', () => {
		expect(frameLines(render(<PhysicalMemoryPanel document={baseDocument()} width={60} height={9} />).lastFrame())).toEqual([
			'┌ Physical memory & slabs ─────────────────────────────────┐',
			'│ Physical memory:       353964K/516096K                   │',
			'│ Committed memory:                   0K                   │',
			'│ Supervisor physical:         20K/4096K                   │',
			'│ slab  16    8192/8192   ████████████████████████ 100.0%  │',
			'│ slab  32       0/4096   ░░░░░░░░░░░░░░░░░░░░░░░░   0.0%  │',
			'│ slab  64       0/8192   ░░░░░░░░░░░░░░░░░░░░░░░░   0.0%  │',
			'│ slab 128     240/4096   █▍░░░░░░░░░░░░░░░░░░░░░░   5.9%  │',
			'└──────────────────────────────────────────────────────────┘',
		]);
	});

	test('footer', () => {
		expect(frameLines(render(<FooterBar document={baseDocument()} facts={{...facts, status: 'saved a.json'}} width={100} lines={2} />).lastFrame())).toEqual([
			'  1 steady [2 vmobject-churn] 3 logging-burst   w/W next/previous',
			' space pause  +/- speed  f freeze  v/V revision  r reboot  s save  ? help  q quit      saved a.json',
		]);
	});

	test('panic screen', () => {
		const lines = frameLines(render(<PanicScreen document={panicDocument()} facts={facts} width={100} height={12} />).lastFrame());
		expect(lines).toEqual([
			'┌ KERNEL PANIC at tick 4,001: out of memory ───────────────────────────────────────────────────────┐',
			'│ !! [ImageDecoder(45:45)]: KERNEL PANIC! :^(                                                      │',
			'│ !! [ImageDecoder(45:45)]: kmalloc: Out of memory (requested size: 1016768)                       │',
			'│ !! [ImageDecoder(45:45)]: at ../Kernel/Heap/kmalloc.cpp:251 in void* kmalloc_impl(size_t)        │',
			'│                                                                                                  │',
			'│ Left behind                                                                                      │',
			'│ Kernel heap:     3496K/5988K  ███████████████████████▍░░░░░░░░░░░░░░░░  58.4%                    │',
			'│ Calls kmalloc: 454280  Calls kfree: 372971  Difference: +81309                                   │',
			'│ 4 subheaps, largest free run 480K (492448 bytes)                                                 │',
			'│ Backup  ○ CONSUMED  added to the heap; replacement queued                                        │',
			'│                                                                                                  │',
			'└──────────────────────────────────────────────────────────────────────────────────────────────────┘',
		]);
	});

	test('help overlay: keys beside the revisions', () => {
		const lines = frameLines(render(<HelpOverlay document={baseDocument()} width={120} height={36} />).lastFrame());
		expect(lines).toHaveLength(36);
		// 34 rows inside are too few for every key in full: they go in two wider columns.
		expect(lines.slice(0, 5)).toEqual([
			'┌ Help  any key closes ────────────────────────────────────┐┌ What each revision changed ──────────────────────────────┐',
			'│ Keys                                                     ││ Kernel revisions  v / V reboot into the next / previous  │',
			'│   1..9, 0    workload N       r          reboot          ││   2020-08-28  one fixed 3 MiB pool, no expansion: a full │',
			'│   w / W      cycle workloads  ← → [ ] g  travel; . step  ││               pool is an OOM panic                       │',
			'│   space      pause / resume   z / c      zoom / compare  ││   2020-08-29  ExpandableHeap + 1 MiB backup; unbounded   │',
		]);
		expect(lines.join('\n')).toContain('q, Ctrl+C  quit');
		expect(lines.join('\n')).toContain('▸ 2021-02-23');
		// Wrapped, never cut.
		expect(lines.join('\n')).not.toContain('…');
	});

	test('too small', () => {
		expect(frameLines(render(<TooSmallScreen columns={50} rows={10} />).lastFrame())).toEqual([
			'terminal too small: need 60x16, have 50x10',
			'q quits',
		]);
		expect(frameLines(render(<TooSmallScreen columns={20} rows={3} />).lastFrame())).toEqual(['terminal too small:', 'need 60x16, have']);
	});
});

describe('NO_COLOR', () => {
	test('without colour every state still reads: words and glyphs, no escape codes', () => {
		const {lastFrame} = render(
			<ColourContext.Provider value={false}>
				<BackupPanel document={baseDocument()} facts={facts} width={60} height={9} />
				<SubheapsPanel document={baseDocument()} facts={facts} width={100} lifecycle="below" lifecycleLines={2} />
				<PanicScreen document={panicDocument()} facts={facts} width={100} height={6} />
			</ColourContext.Provider>,
		);
		const frame = lastFrame()!;
		expect(frame).not.toContain('\u001B');
		for (const word of ['● READY', '◀ new', '← new', '!! [ImageDecoder', '███', '░░░']) {
			expect(frame).toContain(word);
		}
	});
});
