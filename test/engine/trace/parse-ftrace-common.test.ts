// The common-line reading (one sticky regular expression a line) against the regular expression
// of the grammar it narrows (test/reference/regex-trace-parsers.ts, the oracle): where it reads a
// line it reads it exactly as the oracle does, on its own and in a text where the next line
// follows; and it does read the lines Linux prints, or the replay would silently lose its speed.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {commonLineInText, commonRecord, parseCommonLine} from '../../../source/engine/trace/parse-ftrace-common.js';
import {regexParseFtraceLine} from '../../reference/regex-trace-parsers.js';
import {ftraceLike, perfLike, soup} from './trace-line-arbitraries.js';
import {fixtureEventLines} from './trace-test-helpers.js';

const kmalloc = 'call_site=tracepoint_add_func+0x10d/0x490 ptr=00000000769437d5 bytes_req=64 bytes_alloc=64';

/** The common reading of `line` in a text, `next` after it: null, or the record and where the match ended. */
const readInText = (line: string, next: string, ending = '\n') => {
	const text = `${line}${ending}${next}`;
	commonLineInText.lastIndex = 0;
	const match = commonLineInText.exec(text);
	return match === null ? null : {record: commonRecord(match), end: commonLineInText.lastIndex};
};

describe('the common reading', () => {
	it.each([
		[`            bash-9453    [000] .....   583.845921: kmalloc: ${kmalloc} gfp_flags=GFP_KERNEL node=-1 accounted=false`],
		['           <...>-9466    [001] .....   583.846576: kfree: call_site=__mt_destroy+0x8e/0xa0 ptr=00000000b4bcf01d'],
		[`     Web Content-7788    [001] ...1.   1.000001: kmalloc_node: ${kmalloc} gfp_flags=GFP_KERNEL node=0`],
		[`    kworker/u4:1-123     [001] d..1.   1.000001: kmalloc: ${kmalloc}`],
		[`my-tool-2-3 [001] ..... 1.000001: kmalloc: ${kmalloc}`],
		[`            bash-9453    (   9453) [000] .....   583.845921: kmalloc: ${kmalloc}`],
		[`            bash-9453  [000]  583.845921: kmalloc: ${kmalloc} gfp_flags=GFP_KERNEL`],
		['bash-1 [000] ..... 2.5: kfree: call_site=f+0x1/0x2 ptr=0000000000000000'],
		['bash-1 [000] ..... 2.5: kfree: call_site=f+0x1/0x2 ptr=(null)'],
		['bash-1 [000] ..... 2.5: kfree: call_site=f+0x1/0x2 ptr=ffff888100A0B000'],
		['bash-1 [000] ..... 2.5: kmem_cache_free: call_site=f+0x1/0x2 ptr=00000000aa name=dentry'],
		['bash-1 [000] ..... 2.5: kmalloc: call_site=f ptr=00aa node=0'],
		['bash-1 [000] ..... 2.5: kfree: call_site=f ptr=zzz'],
		['-5 [000] ..... 2.5: kfree: call_site=f ptr=ab'],
	])('reads what Linux prints, as the oracle does: %s', (line) => {
		const parse = parseCommonLine(line);
		expect(parse).not.toBeNull();
		expect(parse).toStrictEqual(regexParseFtraceLine(line));
		expect(readInText(line, 'next', '\r\n')).toStrictEqual({record: parse, end: line.length + 2});
	});

	it.each([
		['a second [ decides which dash is the task\'s', `x-1 [000] ..... 1.0: kfree: call_site=a-5 [001] 2.0: kfree: call_site=f ptr=ab`],
		['a key given again (its last value counts)', `bash-1 [000] ..... 2.5: kmalloc: ${kmalloc} bytes_req=128`],
		['the sizes in another order', 'bash-1 [000] ..... 2.5: kmalloc: call_site=f ptr=ab bytes_alloc=8 bytes_req=8'],
		['a tab between fields', 'bash-1 [000] ..... 2.5: kfree: call_site=f\tptr=ab'],
		['a tab at the end of the comm', 'bash\t-1 [000] ..... 2.5: kfree: call_site=f ptr=ab'],
		['a \\r inside the line', 'bash-1 [000] ..... 2.5: kfree: call_site=f ptr=ab x\ry'],
		['a line separator inside the line', 'bash-1 [000] ..... 2.5: kfree: call_site=f ptr=ab x\u2028y'],
		['a comment', '# bash-1 [000] ..... 2.5: kfree: call_site=f ptr=ab'],
		['perf script', 'bash 12 [000] 10.5: kmem:kfree: call_site=f+0x1 ptr=0xab'],
		['the fields first in another order', 'bash-1 [000] ..... 2.5: kfree: ptr=ab call_site=f'],
	])('leaves the rest to the exact reading: %s', (_, line) => {
		expect(parseCommonLine(line)).toBeNull();
	});

	it('reads each line of the fixture', () => {
		for (const line of fixtureEventLines) {
			expect(parseCommonLine(line)).toStrictEqual(regexParseFtraceLine(line));
		}
	});

	it('gives the oracle\'s reading of any line it reads, on its own and followed by another', () => {
		const lines = fc.oneof({weight: 3, arbitrary: ftraceLike}, {weight: 1, arbitrary: perfLike}, {weight: 1, arbitrary: soup});
		fc.assert(fc.property(lines, fc.oneof(ftraceLike, soup), fc.constantFrom('\n', '\r\n'), (line, next, ending) => {
			const parse = parseCommonLine(line);
			if (parse !== null) {
				expect(parse).toStrictEqual(regexParseFtraceLine(line));
			}

			// In a text it reads the same lines, as the splitter cuts them (a `\r` before the `\n` is
			// not the line's), and ends after their end of line.
			const content = ending === '\n' && line.endsWith('\r') ? line.slice(0, -1) : line;
			const contentParse = parseCommonLine(content);
			expect(readInText(line, next, ending)).toStrictEqual(contentParse === null ? null : {record: contentParse, end: line.length + ending.length});
		}), {numRuns: 30_000});
	});
});
