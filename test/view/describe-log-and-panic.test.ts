import {describe, expect, test} from 'vitest';
import {classifyLogLine, splitLogPrefix} from '../../source/view/classify-log-line.js';
import {describeHelpKeys, describeRevisionChanges} from '../../source/view/describe-help.js';
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
		['[#0 ImageDecoder(45:45)]: KERNEL PANIC! :^(', 'panic'],
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
			'!! [#0 ImageDecoder(45:45)]: KERNEL PANIC! :^(',
			'!! [#0 ImageDecoder(45:45)]: kmalloc: Out of memory (requested size: 1016768)',
			'!! [#0 ImageDecoder(45:45)]: at ../Kernel/Heap/kmalloc.cpp:251 in void* kmalloc_impl(size_t)',
		]);
		expect(lines[0]![0]).toEqual({text: '!!', tone: 'alarm'});
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
			'!! [#0 ImageDecoder(45:45)]: KERNEL PANIC! :^(',
			'!! [#0 ImageDecoder(45:45)]: kmalloc: Out of memory (requested size: 1016768)',
			'!! [#0 ImageDecoder(45:45)]: at ../Kernel/Heap/kmalloc.cpp:251 in void* kmalloc_impl(size_t)',
			'',
			'What led here  (the last 5 events, oldest first)',
			'    t2,847 −  #4 removed  V0xc4ba9000  2105344 bytes  queued → freed',
			'    t3,990 ●  backup consumed  V0xcd547000  1048576 bytes',
			'    t3,990 +  #3 added from backup  V0xcd547000  1048576 bytes',
			'    t3,990 ○  new backup  V0xc1dcb000  1048576 bytes',
			'    t4,001 ✕  Cannot expand heap: no backup memory (request 1016768 bytes)',
			'',
			'Left behind',
			'Kernel heap:     3496K/5988K  ███████████████████████▍░░░░░░░░░░░░░░░░  58.4%',
			'Calls kmalloc: 454280  Calls kfree: 372971  Difference: +81309',
			'3 subheaps, largest free run 492448 bytes',
			'Backup  ○ CONSUMED  added to the heap; replacement queued',
			'',
			'r reboot (same revision and seed)   v / V reboot into the next / previous revision',
			'1..9, w / W switch workload and reboot   s save a JSON snapshot of the panic   q quit',
		]);
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
	test('every key of cli.md', () => {
		const keys = text(describeHelpKeys(60)).join('\n');
		for (const key of ['1..9', 'w / W', 'space', '.', '+ / -', 'f', 'v / V', 'r', 's', '?', 'q, Ctrl+C']) {
			expect(keys).toContain(`  ${key} `);
		}
	});

	test('each revision with what it changed, the running one marked', () => {
		const lines = text(describeRevisionChanges(baseDocument(), 80));
		expect(lines[0]).toBe('Kernel revisions  (v / V to reboot into the next / previous)');
		expect(lines).toContain('▸ 2021-02-23  5d180d1f996');
		expect(lines).toContain('  2020-09-09  678bbd29cac');
		expect(lines).toContain('    · at most 2 expansions and 3 search passes per allocate');
	});

	test('short of room: one line per revision', () => {
		const width = 60;
		expect(text(describeRevisionChanges(baseDocument(), width, 9))).toEqual([
			'Kernel revisions  (v / V to reboot into the next / previous)',
			...revisions.map((revision) => {
				const line = `${revision.id === '2021-02-23' ? '▸' : ' '} ${revision.id}  ${revision.summary}`;
				return line.length > width ? `${line.slice(0, width - 1)}…` : line;
			}),
		]);
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
