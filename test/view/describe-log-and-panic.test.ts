import {describe, expect, test} from 'vitest';
import {classifyLogLine, splitLogPrefix} from '../../source/view/classify-log-line.js';
import {describeHelpKeys, describeHelpKeysCompact, describeRevisionChanges} from '../../source/view/describe-help.js';
import {describeKernelLog} from '../../source/view/describe-kernel-log.js';
import {describePanic, panicTitle} from '../../source/view/describe-panic.js';
import {framePanel, ruleLine} from '../../source/view/frame-panel.js';
import {fitLine, lineText, segment, type StyledLine} from '../../source/view/styled-line.js';
import {wrapText} from '../../source/view/wrap-text.js';
import {revisions} from '../../source/kernel/revisions.js';
import {baseDocument, panicDocument} from './document-fixture.js';

const text = (lines: StyledLine[]) => lines.map((line) => lineText(line).trimEnd());

describe('log lines', () => {
	test.each([
		['[#0 WebContent(66:66)]: kmalloc(): Adding memory to heap at V0xcd547000, bytes: 1048576', 'kmalloc'],
		['[#0 Shell(12:12)]: hello from a workload', 'other'],
		['[ImageDecoder(45:45)]: KERNEL PANIC! :^(', 'panic'],
		['[Kernel]: ASSERTION FAILED: !m_adding', 'panic'],
		['[ImageDecoder(45:45)]: kmalloc(): PANIC! Out of memory (no suitable block for size 3296350)', 'panic'],
		['kmtop watchdog: add_memory never returned', 'panic'],
	])('%s is %s', (line, kind) => {
		expect(classifyLogLine(line)).toBe(kind);
	});

	test('a line of the recorded panic is a panic line whatever it says', () => {
		expect(classifyLogLine('at ../Kernel/Heap/kmalloc.cpp:251', ['at ../Kernel/Heap/kmalloc.cpp:251'])).toBe('panic');
	});

	test.each([
		['[#0 Shell(12:12)]: hi', ['[#0 Shell(12:12)]: ', 'hi']],
		['no prefix', ['', 'no prefix']],
	])('splitLogPrefix(%s)', (line, parts) => {
		expect(splitLogPrefix(line)).toEqual(parts);
	});

	test.each([
		['a b c', 3, ['a b', 'c']],
		['abcdefgh', 3, ['abc', 'def', 'gh']],
		['', 5, ['']],
		['one two', 20, ['one two']],
	])('wrapText(%s, %i)', (input, width, lines) => {
		expect(wrapText(input, width)).toEqual(lines);
	});

	test('the newest lines that fit, wrapped under themselves, marked by kind', () => {
		expect(text(describeKernelLog(baseDocument(), 56, 6))).toEqual([
			'›  [#0 WebContent(66:66)]: kmalloc(): Queue removing',
			'     memory from heap at V0xc4ba9000, bytes: 2105344',
			'   [#0 Shell(12:12)]: hello from a workload',
			'›  [#0 WebContent(66:66)]: kmalloc(): Adding memory to',
			'     heap at V0xcd547000, bytes: 1048576',
		]);
	});

	test('panic lines are marked !! and in the alarm tone', () => {
		const lines = describeKernelLog(panicDocument(), 100, 3);
		expect(text(lines)).toEqual([
			'!! [ImageDecoder(45:45)]: KERNEL PANIC! :^(',
			'!! [ImageDecoder(45:45)]: kmalloc: Out of memory (requested size: 1016768)',
			'!! [ImageDecoder(45:45)]: at ../Kernel/Heap/kmalloc.cpp:251 in void* kmalloc_impl(size_t)',
		]);
		expect(lines[0]![0]).toEqual({text: '!!', tone: 'alarm'});
	});

	test('a long line wraps whole, never cut; one that does not fit is left out, not cut at its start', () => {
		const document = {
			...baseDocument(),
			dmesg: [
				'[#0 NotificationServer(26:26)]: AudioServer: Client(27) queued buffer #4411 of 1024 samples at 44100 Hz while the mixer was still draining the last (#2719)',
				'[#0 Shell(12:12)]: short',
			],
		};
		expect(text(describeKernelLog(document, 56, 6))).toEqual([
			'   [#0 NotificationServer(26:26)]: AudioServer:',
			'     Client(27) queued buffer #4411 of 1024 samples at',
			'     44100 Hz while the mixer was still draining the',
			'     last (#2719)',
			'   [#0 Shell(12:12)]: short',
		]);
		expect(text(describeKernelLog(document, 56, 4))).toEqual(['   [#0 Shell(12:12)]: short']);
	});

	test('an empty log says so', () => {
		expect(text(describeKernelLog({...baseDocument(), dmesg: []}, 40, 3))).toEqual(['(the log is empty)']);
	});
});

describe('panic screen', () => {
	test('the console lines, what led there, what is left, the keys that work', () => {
		const document = panicDocument();
		expect(panicTitle(document, document.panic!)).toBe('KERNEL PANIC at tick 4,001: out of memory');
		expect(text(describePanic(document, {rate: 100}, 96, 19))).toEqual([
			'!! [ImageDecoder(45:45)]: KERNEL PANIC! :^(',
			'!! [ImageDecoder(45:45)]: kmalloc: Out of memory (requested size: 1016768)',
			'!! [ImageDecoder(45:45)]: at ../Kernel/Heap/kmalloc.cpp:251 in void* kmalloc_impl(size_t)',
			'',
			'What led here  (the last 5 events, oldest first)',
			't2,847 −  #4 removed  V0xc4ba9000  2056K  queued → freed',
			't3,990 ●  backup consumed  V0xcd547000  1024K',
			't3,990 +  #3 added from backup  V0xcd547000  1024K',
			't3,990 ○  new backup  V0xc1dcb000  1024K',
			't4,001 ✕  Cannot expand heap: no backup memory (request 1016768 bytes)',
			'',
			'Left behind',
			'Kernel heap:     3496K/5988K  ███████████████████████▍░░░░░░░░░░░░░░░░  58.4%',
			'Calls kmalloc: 454280  Calls kfree: 372971  Difference: +81309',
			// The console asks in bytes: the largest run says it in bytes too.
			'4 subheaps, largest free run 480K (492448 bytes)',
			'Backup  ○ CONSUMED  added to the heap; replacement queued',
			'',
			'r reboot (same revision and seed)   v / V reboot into the next / previous revision',
			'1..9, 0, w / W switch workload and reboot   s save a JSON snapshot of the panic   q quit',
		]);
	});

	test('80×24 and 60×16: wrapped, never cut; short of height, the keys go (the footer has them), then the blank lines', () => {
		const lines = text(describePanic(panicDocument(), {rate: 100}, 76, 19));
		expect(lines.slice(9, 13)).toEqual([
			'Left behind',
			'Kernel heap:     3496K/5988K  ██████████████████████▊░░░░░░░░░░░░░░░░  58.4%',
			'Calls kmalloc: 454280  Calls kfree: 372971  Difference: +81309',
			'4 subheaps, largest free run 480K (492448 bytes)',
		]);
		expect(lines.at(-1)).toBe('s save a JSON snapshot of the panic   q quit');
		expect(text(describePanic(panicDocument(), {rate: 100}, 56, 13))).toEqual([
			'!! [ImageDecoder(45:45)]: KERNEL PANIC! :^(',
			'!! [ImageDecoder(45:45)]: kmalloc: Out of memory',
			'   (requested size: 1016768)',
			'!! [ImageDecoder(45:45)]: at',
			'   ../Kernel/Heap/kmalloc.cpp:251 in void*',
			'   kmalloc_impl(size_t)',
			'Left behind',
			'Kernel heap:     3496K/5988K  ███████████▏░░░░░░░  58.4%',
			'Calls kmalloc: 454280  Calls kfree: 372971',
			'Difference: +81309',
			'4 subheaps, largest free run 480K (492448 bytes)',
			'Backup  ○ CONSUMED  added to the heap; replacement',
			'        queued',
		]);
		for (const width of [56, 60, 76, 96, 116]) {
			expect(text(describePanic(panicDocument(), {rate: 100}, width)).join('\n')).not.toContain('…');
		}
	});

	test.each([
		['verify', '2020-09-09', 'KERNEL PANIC at tick 4,001: ASSERT failed'],
		['verify', '2021-02-23', 'KERNEL PANIC at tick 4,001: VERIFY failed'],
		['hang', '2020-08-29', "KERNEL PANIC at tick 4,001: a hang, stopped by kmtop's watchdog"],
		['fault', '2020-08-29', 'KERNEL PANIC at tick 4,001: a page fault in ring 0'],
	] as const)('%s on %s', (kind, revision, title) => {
		const document = panicDocument();
		document.run.revision = revision;
		expect(panicTitle(document, {...document.panic!, kind})).toBe(title);
	});

	test('no panic, no panic screen', () => {
		expect(describePanic(baseDocument(), {}, 80, 10)).toEqual([]);
	});
});

describe('help', () => {
	test('every key of the live view', () => {
		const keys = text(describeHelpKeys(60)).join('\n');
		for (const key of ['1..9, 0', 'w / W', 'space', '.', '+ / -', 'f', 'v / V', 'r', 's', '?', 'q, Ctrl+C']) {
			expect(keys).toContain(`  ${key} `);
		}

		// After a panic the heap can still be looked at: the help says how, not only how to reboot.
		const panicPart = keys.slice(keys.indexOf('After a kernel panic'));
		expect(panicPart).toMatch(/ {2}← → \[ \] g +back in time, to before the panic/);
		expect(panicPart).toMatch(/ {2}m \/ a +the chunk map \/ the holders at the panic$/m);
	});

	test('the small terminal\'s keys: two columns, nothing cut', () => {
		expect(text(describeHelpKeysCompact(56))).toEqual([
			'Keys',
			'  1..9, 0    workload N       r          reboot',
			'  w / W      cycle workloads  ← → [ ] g  travel; . step',
			'  space      pause / resume   z / c      zoom / compare',
			'  + / -      faster / slower  s          save snapshot',
			'  f          freeze display   ?          this help',
			'  v / V      cycle revisions  q, Ctrl+C  quit',
			'Moving  Tab ↑↓ Enter Esc m k a < > / n N e E mouse',
			'After a panic  r, v / V, s, q, ← → [ ] g, m and a work;',
			'  the workload keys switch and reboot',
		]);
	});

	test('each revision with what it changed, wrapped, the running one marked', () => {
		const lines = text(describeRevisionChanges(baseDocument(), 66));
		expect(lines[0]).toBe('Kernel revisions  v / V reboot into the next / previous');
		expect(lines).toContain('▸ 2021-02-23  5d180d1f996');
		expect(lines).toContain('  2020-09-09  678bbd29cac');
		expect(lines).toContain('    · at most 2 expansions and 3 search passes per allocate');
		expect(lines.slice(-4)).toEqual([
			'    · klog prefix shows the CPU (#0); memstat gains',
			'      committed/uncommitted',
			'    · (860a3bbce34, 2021-02-28: `= default`, a smaller kernel',
			'      image, no behaviour change)',
		]);
		expect(lines.join('\n')).not.toContain('…');
	});

	test('short of room: the running revision and its neighbours keep their changes, the others their summary', () => {
		const lines = text(describeRevisionChanges(baseDocument(), 66, 34));
		expect(lines).toHaveLength(31);
		expect(lines.slice(1, 6)).toEqual([
			'  2020-08-28  one fixed 3 MiB pool, no expansion: a full pool is',
			'              an OOM panic',
			'  2020-08-29  ExpandableHeap + 1 MiB backup; unbounded expansion',
			'              loop, no guard, unrounded extra region',
			'  2020-09-02  ee51b28edd8, 1ece93c8055',
		]);
		expect(lines.join('\n')).not.toContain('…');
	});

	test('shorter still: the revisions nearest the running one, and where the rest are', () => {
		expect(text(describeRevisionChanges(baseDocument(), 60, 9))).toEqual([
			'Kernel revisions  v / V reboot into the next / previous',
			'  2020-12-26  the emptied subheap is unlinked before',
			'              remove_memory; re-added if rejected',
			'  2020-12-31  the backup is replaced by a deferred call, no',
			'              longer inside add_memory',
			'▸ 2021-02-23  ASSERT renamed VERIFY (always on); OOM reads',
			'              KERNEL PANIC! :^( (default)',
			'  + 5 more: kmtop revisions lists them',
		]);
		expect(text(describeRevisionChanges(baseDocument(), 60, 2))).toEqual(['Kernel revisions: kmtop revisions lists them']);
		expect(revisions).toHaveLength(8);
	});
});

describe('frames and lines', () => {
	test('a framed panel is exactly its width and height', () => {
		expect(text(framePanel([segment('Title')], [[segment('hello')], [segment('a line that is far too long')]], 16, 5))).toEqual([
			'┌ Title ───────┐',
			'│ hello        │',
			'│ a line that… │',
			'│              │',
			'└──────────────┘',
		]);
	});

	test('a divider', () => {
		expect(lineText(ruleLine('lifecycle', 20))).toBe('─ lifecycle ────────');
	});

	test.each([
		[[segment('abc')], 5, 'abc  '],
		[[segment('abc'), segment('def', 'bold')], 5, 'abcd…'],
		[[segment('abcdef')], 6, 'abcdef'],
		[[], 2, '  '],
	])('fitLine to %#', (line, width, expected) => {
		expect(lineText(fitLine(line, width))).toBe(expected);
	});
});
