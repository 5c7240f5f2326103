import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {classifyTraceLine} from '../../../source/engine/trace/classify-trace-line.js';
import {normalizeTracePointer} from '../../../source/engine/trace/normalize-trace-pointer.js';
import {parseFtraceLine} from '../../../source/engine/trace/parse-ftrace-line.js';
import {parsePerfLine} from '../../../source/engine/trace/parse-perf-line.js';
import {fixtureEventLines} from './trace-test-helpers.js';

const kmallocFields = 'call_site=tracepoint_add_func+0x10d/0x490 ptr=00000000769437d5 bytes_req=64 bytes_alloc=64 gfp_flags=GFP_KERNEL node=-1 accounted=false';

describe('ftrace lines', () => {
	it('parses the fixture\'s first kmalloc', () => {
		expect(parseFtraceLine(fixtureEventLines[0]!)).toEqual({
			kind: 'kmalloc',
			timeSeconds: 583.845921,
			comm: 'bash',
			pid: 9453,
			callSite: 'tracepoint_add_func+0x10d/0x490',
			ptr: '769437d5',
			bytesReq: 64,
			bytesAlloc: 64,
		});
	});

	it('parses a kfree with an unknown comm (<...>)', () => {
		expect(parseFtraceLine('           <...>-9466    [001] .....   583.846576: kfree: call_site=__mt_destroy+0x8e/0xa0 ptr=00000000b4bcf01d')).toEqual({
			kind: 'kfree', timeSeconds: 583.846576, comm: '<...>', pid: 9466, callSite: '__mt_destroy+0x8e/0xa0', ptr: 'b4bcf01d',
		});
	});

	it.each([
		['kworker/u4:1-123    [000] .....   1.000001: kfree: call_site=f+0x1/0x2 ptr=00000000000000ab', 'kworker/u4:1', 123],
		['Web Content-77    [001] d..1.   1.000001: kfree: call_site=f+0x1/0x2 ptr=00000000000000ab', 'Web Content', 77],
		['my-tool-2-3 [001] ..... 1.000001: kfree: call_site=f+0x1/0x2 ptr=00000000000000ab', 'my-tool-2', 3],
	])('takes comm from the right of -<pid> [: %s', (line, comm, pid) => {
		expect(parseFtraceLine(line)).toMatchObject({kind: 'kfree', comm, pid});
	});

	it('parses old kernels: no flags column, no node=/accounted=', () => {
		expect(parseFtraceLine('            bash-9453  [000]  583.845921: kmalloc: call_site=ffffffff81234567 ptr=ffff88003e5f4000 bytes_req=64 bytes_alloc=64 gfp_flags=GFP_KERNEL'))
			.toMatchObject({kind: 'kmalloc', callSite: 'ffffffff81234567', ptr: 'ffff88003e5f4000', bytesReq: 64, bytesAlloc: 64});
	});

	it('parses the record-tgid column', () => {
		expect(parseFtraceLine(`            bash-9453    (   9453) [000] .....   583.845921: kmalloc: ${kmallocFields}`)).toMatchObject({kind: 'kmalloc', pid: 9453});
	});

	it('replays kmalloc_node as kmalloc when it has kmalloc\'s fields', () => {
		expect(parseFtraceLine('bash-1 [000] .... 2.5: kmalloc_node: call_site=f+0x1/0x2 ptr=ffff8800aa bytes_req=8 bytes_alloc=8 gfp_flags=GFP_KERNEL node=0'))
			.toMatchObject({kind: 'kmalloc', bytesReq: 8});
		expect(parseFtraceLine('bash-1 [000] .... 2.5: kmalloc_node: call_site=f+0x1/0x2 ptr=ffff8800aa node=0')).toBe('bad-fields');
	});

	it.each(['0000000000000000', '(null)'])('reads ptr=%s as NULL', ptr => {
		expect(parseFtraceLine(`bash-1 [000] ..... 2.5: kfree: call_site=f+0x1/0x2 ptr=${ptr}`)).toMatchObject({ptr: null});
	});

	it('classifies other events, and ftrace\'s lost-events notice, as ignored', () => {
		expect(parseFtraceLine('bash-1 [000] ..... 2.5: kmem_cache_alloc: call_site=f+0x1/0x2 ptr=00000000aa bytes_req=8 bytes_alloc=8 gfp_flags=GFP_KERNEL node=-1 accounted=false'))
			.toEqual({kind: 'ignored', event: 'kmem_cache_alloc'});
		expect(parseFtraceLine('bash-1 [000] ..... 2.5: kmem_cache_free: call_site=f+0x1/0x2 ptr=00000000aa name=dentry')).toEqual({kind: 'ignored', event: 'kmem_cache_free'});
		expect(parseFtraceLine('CPU:1 [LOST 2048 EVENTS]')).toEqual({kind: 'ignored', event: 'LOST EVENTS'});
	});

	it('rejects broken kmalloc/kfree fields and non-events', () => {
		expect(parseFtraceLine('bash-1 [000] ..... 2.5: kmalloc: call_site=f ptr=00aa bytes_req=x bytes_alloc=8')).toBe('bad-fields');
		expect(parseFtraceLine('bash-1 [000] ..... 2.5: kfree: call_site=f ptr=zzz')).toBe('bad-fields');
		expect(parseFtraceLine('bash-1 [000] ..... 2.5: kfree: ptr=00aa')).toBe('bad-fields');
		expect(parseFtraceLine('hello world')).toBeUndefined();
		expect(parseFtraceLine('bash-1 [000] ..... 2.5: do_sys_open <-__x64_sys_openat')).toBeUndefined();
	});
});

describe('perf script lines', () => {
	it('parses kmalloc with symbol+offset call site and 0x pointer', () => {
		expect(parsePerfLine('            bash  9453 [000]   583.845921: kmem:kmalloc: call_site=tracepoint_add_func+0x10d ptr=0xffff888100a0b000 bytes_req=64 bytes_alloc=64 gfp_flags=GFP_KERNEL node=-1 accounted=false'))
			.toEqual({kind: 'kmalloc', timeSeconds: 583.845921, comm: 'bash', pid: 9453, callSite: 'tracepoint_add_func+0x10d', ptr: 'ffff888100a0b000', bytesReq: 64, bytesAlloc: 64});
	});

	it('parses kfree, (nil), pid/tid (keeping the tid), comm with spaces, a missing [cpu]', () => {
		expect(parsePerfLine('     Web Content  4000/4012 [001] 10.5: kmem:kfree: call_site=0xffffffff81234567 ptr=(nil)'))
			.toEqual({kind: 'kfree', timeSeconds: 10.5, comm: 'Web Content', pid: 4012, callSite: '0xffffffff81234567', ptr: null});
		expect(parsePerfLine('bash 12 10.500000: kmem:kfree: call_site=f+0x1 ptr=0xab')).toMatchObject({pid: 12, ptr: 'ab'});
		expect(parsePerfLine('bash 12 [000] 10.500000:          1 kmem:kfree: call_site=f+0x1 ptr=0xab')).toMatchObject({kind: 'kfree'});
	});

	it('ignores other events, including another system\'s kfree', () => {
		expect(parsePerfLine('bash 12 [000] 10.5: kmem:kmem_cache_free: call_site=f+0x1 ptr=0xab name=dentry')).toEqual({kind: 'ignored', event: 'kmem:kmem_cache_free'});
		expect(parsePerfLine('bash 12 [000] 10.5: probe:kfree: call_site=f+0x1 ptr=0xab')).toEqual({kind: 'ignored', event: 'probe:kfree'});
	});
});

describe('pointers', () => {
	it.each([
		['00000000769437d5', '769437d5'],
		['0x769437D5', '769437d5'],
		['ffff888100A0B000', 'ffff888100a0b000'],
		['0000000000000000', null],
		['0x0', null],
		['(nil)', null],
		['(null)', null],
		['0xzz', undefined],
		['', undefined],
	])('%s → %s', (text, expected) => {
		expect(normalizeTracePointer(text)).toBe(expected);
	});
});

describe('pointer spellings agree', () => {
	it('ftrace\'s 16 padded digits and perf\'s 0x form name the same pointer, NULL only for zero', () => {
		fc.assert(fc.property(fc.bigInt({min: 0n, max: (1n << 64n) - 1n}), value => {
			const ftrace = normalizeTracePointer(value.toString(16).padStart(16, '0'));
			const perf = value === 0n ? normalizeTracePointer('(nil)') : normalizeTracePointer(`0x${value.toString(16).toUpperCase()}`);
			expect(ftrace).toBe(perf);
			expect(ftrace === null).toBe(value === 0n);
		}));
	});
});

describe('format detection', () => {
	const perfLine = 'bash 12 [000] 10.5: kmem:kfree: call_site=f+0x1 ptr=0xab';
	const ftraceLine = 'bash-12 [000] ..... 10.5: kfree: call_site=f+0x1/0x2 ptr=00000000000000ab';

	it('detects either format, then holds the other to be malformed', () => {
		expect(classifyTraceLine(ftraceLine, undefined)).toMatchObject({type: 'record', format: 'ftrace'});
		expect(classifyTraceLine(perfLine, undefined)).toMatchObject({type: 'record', format: 'perf'});
		expect(classifyTraceLine(perfLine, 'ftrace')).toEqual({type: 'malformed'});
		expect(classifyTraceLine(ftraceLine, 'perf')).toEqual({type: 'malformed'});
	});

	it('skips comments and blank lines', () => {
		expect(classifyTraceLine('# tracer: nop', undefined)).toEqual({type: 'skip'});
		expect(classifyTraceLine('   ', 'ftrace')).toEqual({type: 'skip'});
	});
});
