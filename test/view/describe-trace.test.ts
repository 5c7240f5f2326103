// The Trace replay panel's text on hand-written documents (the fixture trace's figures): exact
// strings, at the widths the layouts give it.

import {describe, expect, test} from 'vitest';
import {describeTrace, describeTraceCompact, traceTitle} from '../../source/view/describe-trace.js';
import {lineText, type StyledLine} from '../../source/view/styled-line.js';
import type {ViewFacts} from '../../source/view/view-facts.js';
import {baseDocument, traceDocument, traceDocumentMidway} from './document-fixture.js';

const text = (lines: StyledLine[]) => lines.map(lineText);
const facts: ViewFacts = {live: true, rate: 50, workloads: ['steady', 'vmobject-churn', 'trace']};

describe('Trace replay', () => {
	test('finished, 56 columns inside the frame: the figures and the five top call sites', () => {
		expect(text(describeTrace(traceDocument(), facts, 56, 12))).toEqual([
			// Events read of the trace's: a finished replay has read them all, and its bar is full.
			'events    1,000/1,000 ████████████████████████▒ finished',
			'replayed  947  kmalloc 538  kfree 409  live ptr reused 0',
			'skipped   kfree of unknown ptr 53  kfree(NULL) 0        ',
			'          kmalloc NULL 0  malformed 0  other kmem 0     ',
			'live      129 blocks  12K                               ',
			'largest   4K  seq_read_iter+0x38e/0x490                 ',
			// What a site asked for over all its calls, not one request.
			'─ top call sites by size requested ──────  in all  calls',
			'ext4_htree_store_dirent+0x34/0x120            21K    370',
			'alloc_fdtable+0x84/0x140                      18K      9',
			'do_getxattr+0x55/0x180                        15K     63',
			'load_elf_phdrs+0x49/0xc0                       8K     14',
			'seq_read_iter+0x38e/0x490                      8K      2',
		]);
	});

	test('the count and the bar agree: █ replayed, ▒ skipped, ░ to come; the status says finished', () => {
		const [progress] = describeTrace(traceDocument(), facts, 56, 12);
		expect(progress!.map((part) => [part.text.trim(), part.tone]).filter(([part]) => part !== '')).toEqual([
			['events', 'bold'],
			['1,000', 'plain'],
			['/1,000', 'dim'],
			['████████████████████████', 'accent'],
			['▒', 'warn'],
			['finished', 'good'],
		]);
	});

	test('midway with malformed lines: two of them take the call sites\' last rows, line numbers aligned', () => {
		expect(text(describeTrace(traceDocumentMidway(), facts, 56, 12))).toEqual([
			'events    214/1,000   ████▒░░░░░░░░░░░░░░░░░░░░    21.4%',
			'replayed  190  kmalloc 118  kfree 72  live ptr reused 2 ',
			'skipped   kfree of unknown ptr 22  kfree(NULL) 1        ',
			'          kmalloc NULL 1  malformed 3  other kmem 4     ',
			'live      44 blocks  9K                                 ',
			'largest   2K  alloc_fdtable+0x84/0x140                  ',
			'─ top call sites by size requested ──────  in all  calls',
			'alloc_fdtable+0x84/0x140                      12K      6',
			'load_elf_phdrs+0x49/0xc0                       3K      6',
			'─ first malformed lines ────────────────────────────────',
			'line  41  bash-9465    [000] .....   583.847594: kmallo…',
			'line 301  python3-9421    [001] .....   583.864962: kma…',
		]);
	});

	test('without a height (a text snapshot): every call site and every malformed line kept', () => {
		const lines = text(describeTrace(traceDocumentMidway(), facts, 56));
		expect(lines).toHaveLength(14);
		expect(lines.slice(9)).toEqual([
			'alloc_pipe_info+0xd7/0x230                     1K      2',
			'─ first malformed lines ────────────────────────────────',
			'line  41  bash-9465    [000] .....   583.847594: kmallo…',
			'line 301  python3-9421    [001] .....   583.864962: kma…',
			'line 701  ls-9473    [001] .....   583.868261: kfree: c…',
		]);
	});

	test('100×32 (46 columns, 8 lines): shorter words, one call site, the counts still all there', () => {
		expect(text(describeTrace(traceDocumentMidway(), facts, 46, 8))).toEqual([
			'events    214/1,000   ██▒░░░░░░░░░░░░    21.4%',
			'replayed  190  kmalloc 118  kfree 72  reused 2',
			'skipped   unknown ptr 22  kfree(NULL) 1       ',
			'          failed 1  malformed 3  ignored 4    ',
			'live      44 blocks  9K                       ',
			'largest   2K  alloc_fdtable+0x84/0x140        ',
			'─ top call sites ──────────────  in all  calls',
			'alloc_fdtable+0x84/0x140            12K      6',
		]);
	});

	test('a text snapshot\'s full-width section: the figures beside the call sites, malformed lines below', () => {
		expect(text(describeTrace(traceDocumentMidway(), facts, 116)).map((line) => line.trimEnd())).toEqual([
			'events    214/1,000   ████▒░░░░░░░░░░░░░░░░░░░░    21.4%   ─ top call sites by size requested ───────  in all  calls',
			'replayed  190  kmalloc 118  kfree 72  live ptr reused 2    alloc_fdtable+0x84/0x140                       12K      6',
			'skipped   kfree of unknown ptr 22  kfree(NULL) 1           load_elf_phdrs+0x49/0xc0                        3K      6',
			'          kmalloc NULL 1  malformed 3  other kmem 4        alloc_pipe_info+0xd7/0x230                      1K      2',
			'live      44 blocks  9K',
			'largest   2K  alloc_fdtable+0x84/0x140',
			'─ first malformed lines ────────────────────────────────────────────────────────────────────────────────────────────',
			'line  41  bash-9465    [000] .....   583.847594: kmalloc: call_site=alloc_fdtable+0x55/0x140 pointer=0000000060a92b…',
			'line 301  python3-9421    [001] .....   583.864962: kmalloc: call_site=ext4_htree_store_dirent+0x34/0x120',
			'line 701  ls-9473    [001] .....   583.868261: kfree: call_site=do_getxattr+0xc0/0x180 pointer=0000',
		]);
	});

	test('before the first kmalloc: no largest request, no call sites yet', () => {
		const document = traceDocument();
		document.trace = {
			...document.trace!,
			eventsSeen: 0,
			eventsReplayed: 0,
			kmallocReplayed: 0,
			kfreeReplayed: 0,
			liveBlocks: 0,
			liveBytes: 0,
			largestRequest: null,
			topCallSites: [],
			finished: false,
		};
		document.trace.skipped = {...document.trace.skipped, kfreeUnknownPointer: 0};
		expect(text(describeTrace(document, facts, 56, 12)).map((line) => line.trimEnd())).toEqual([
			'events    0/1,000     ░░░░░░░░░░░░░░░░░░░░░░░░░     0.0%',
			'replayed  0  kmalloc 0  kfree 0  live ptr reused 0',
			'skipped   kfree of unknown ptr 0  kfree(NULL) 0',
			'          kmalloc NULL 0  malformed 0  other kmem 0',
			'live      0 blocks  0B',
			'largest   no kmalloc replayed yet',
			'─ top call sites by size requested ──────  in all  calls',
			'  no kmalloc replayed yet',
		]);
	});

	test('another workload runs: the panel stays and says how to get back', () => {
		expect(text(describeTrace(baseDocument(), facts, 56, 12)).map((line) => line.trimEnd())).toEqual([
			'the replay waits while vmobject-churn runs',
			'3 goes back to it',
		]);
		// Beyond the tenth workload only w / W reach it.
		expect(lineText(describeTrace(baseDocument(), {...facts, workloads: []}, 56)[1]!).trimEnd()).toBe('w / W cycle back to it');
	});

	test.each([
		[100, 'Trace replay  ftrace  linux-ftrace-kmem-excerpt.txt  0.05 ms/tick'],
		[55, 'Trace replay  ftrace  linux-ftrace-kmem-excerpt.txt'],
		[30, 'Trace replay  ftrace'],
	])('the title at %i columns', (width, expected) => {
		expect(lineText(traceTitle(traceDocument(), width))).toBe(expected);
	});

	test.each([
		[120, 'Trace replay  ftrace  linux-ftrace-kmem-excerpt.txt  0.05 ms/tick  time started over 2×'],
		[80, 'Trace replay  ftrace  linux-ftrace-kmem-excerpt.txt  0.05 ms/tick'],
	])('the title of a trace whose time started over, at %i columns', (width, expected) => {
		const document = traceDocument();
		expect(lineText(traceTitle({...document, trace: {...document.trace!, timeRestarts: 2}}, width))).toBe(expected);
	});

	test('the title of a panel whose replay waits', () => {
		expect(lineText(traceTitle(baseDocument(), 55))).toBe('Trace replay');
	});
});

describe('Trace replay, one line (compact)', () => {
	test.each([
		['finished', traceDocument(), facts, 'Trace 1,000/1,000 ███████████████▒ finished  skipped unknown 53             '],
		['midway, every reason at once: too many to list, their sum', traceDocumentMidway(), facts, 'Trace 214/1,000   ██▒░░░░░░░░░░░░░  21.4%  skipped 31  reused 2             '],
		['waiting', baseDocument(), facts, 'Trace waits while vmobject-churn runs; 3 goes back to it                    '],
	])('%s', (_name, document, lineFacts, expected) => {
		expect(lineText(describeTraceCompact(document, lineFacts, 76))).toBe(expected);
	});

	test('midway with a little more room: the bar comes back', () => {
		const document = traceDocumentMidway();
		document.trace!.skipped = {...document.trace!.skipped, kfreeNull: 0, failedInTrace: 0, ignored: 0};
		expect(lineText(describeTraceCompact(document, facts, 76))).toBe('Trace 214/1,000   █▒░░░░░░░  21.4%  skipped unknown 22 malformed 3  reused 2');
	});
});
