// The linear, regex-free line parsers against the regular expressions they replace (kept in
// regex-trace-parsers.ts as the oracle): on every generated line, short enough for the regular
// expressions to be quick, both give exactly the same record, `'bad-fields'` or undefined.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {normalizeTracePointer} from '../../../source/engine/trace/normalize-trace-pointer.js';
import {parseFtraceLine} from '../../../source/engine/trace/parse-ftrace-line.js';
import {parsePerfLine} from '../../../source/engine/trace/parse-perf-line.js';
import {regexNormalizeTracePointer, regexParseFtraceLine, regexParsePerfLine} from '../../reference/regex-trace-parsers.js';
import {fixtureEventLines, toPerfScriptLine} from './trace-test-helpers.js';

const whitespace = [' ', '  ', '\t', '\u00A0', '\u000B', '\u3000'];
const terminators = ['\r', '\u2028', '\u2029'];

/** Pieces of real lines and of broken ones: tokens, their near misses, and odd whitespace. */
const pieces = [
	...whitespace, ...terminators, 'bash', 'Web Content', '<...>', 'kworker/u4:1', '-', '--', '9453', '12', '0',
	'[000]', '[1]', '[', ']', '[x]', '(', ')', '(  9453)', '(1-2)', '( )', '.....', 'd..1.', 'N', '583.845921', '1.5', '10.', '.5',
	':', ': ', 'kmalloc', 'kfree', 'kmalloc_node', 'kmem_cache_alloc', 'kmem:kmalloc:', 'kmem:kfree:', 'probe:kfree:', 'kmem:',
	'call_site=f+0x1/0x2', 'call_site=', 'call_site=a=b', 'ptr=00000000769437d5', 'ptr=0x0', 'ptr=0XAB', 'ptr=(null)', 'ptr=(nil)',
	'ptr=zz', 'ptr=', 'xptr=1', 'bytes_req=64', 'bytes_req=1099511627776', 'bytes_req=0x10', 'bytes_alloc=64', 'bytes_alloc=',
	'gfp_flags=GFP_KERNEL', 'node=-1', '=', 'CPU:1', '[LOST', '2048', 'EVENTS]', '4000/4012', '12/', '/5', '1 ', '#',
];

const piece = fc.constantFrom(...pieces);
const soup = fc.array(piece, {minLength: 1, maxLength: 24}).map(parts => parts.join(''));

/** A line as ftrace prints it, each slot possibly replaced by any piece or dropped. */
const slot = (...choices: string[]) => fc.oneof({weight: 6, arbitrary: fc.constantFrom(...choices)}, {weight: 1, arbitrary: piece}, {weight: 1, arbitrary: fc.constant('')});
const ftraceLike = fc.tuple(
	slot('', '    ', '            '), slot('bash', 'my-tool-2', 'Web Content', '<...>', 'kworker/u4:1'), slot('-'), slot('9453', '3'),
	slot(' ', '    '), slot('', '(  9453) '), slot('[000]', '[1]'), slot(' '), slot('.....', 'd..1.', ''), slot(' ', '   '),
	slot('583.845921', '2.5'), slot(':'), slot(' '), slot('kmalloc', 'kfree', 'kmalloc_node', 'kmem_cache_free'), slot(':'),
	slot(' '), slot('call_site=f+0x1/0x2'), slot(' '), slot('ptr=00000000769437d5', 'ptr=(null)', 'ptr=0000000000000000'),
	slot(' '), slot('bytes_req=64', ''), slot(' '), slot('bytes_alloc=96', ''), slot(' gfp_flags=GFP_KERNEL node=-1 accounted=false', ''),
).map(parts => parts.join(''));

const perfLike = fc.tuple(
	slot('            ', ' ', ''), slot('perf', 'Web Content', 'a 1'), slot(' ', '  '), slot('15642', '4000/4012'), slot(' '),
	slot('[000] ', ''), slot('2188.110436'), slot(':'), slot(' ', '   '), slot('', '1 '), slot('kmem'), slot(':'),
	slot('kmalloc', 'kfree', 'kmem_cache_free'), slot(':'), slot(' '), slot('call_site=f+0x1'), slot(' '), slot('ptr=0xffff888102acc6a0', 'ptr=(nil)'),
	slot(' '), slot('bytes_req=32', ''), slot(' '), slot('bytes_alloc=32', ''),
).map(parts => parts.join(''));

const agree = (parse: (line: string) => unknown, oracle: (line: string) => unknown) => (line: string) => {
	expect(parse(line)).toStrictEqual(oracle(line));
};

describe('the linear parsers give what the regular expressions gave', () => {
	it('on every line of the fixture, as ftrace and as perf script prints it', () => {
		for (const [index, line] of fixtureEventLines.entries()) {
			agree(parseFtraceLine, regexParseFtraceLine)(line);
			const perf = toPerfScriptLine(line, index % 2 === 0);
			agree(parsePerfLine, regexParsePerfLine)(perf);
			agree(parseFtraceLine, regexParseFtraceLine)(perf);
			agree(parsePerfLine, regexParsePerfLine)(line);
		}
	});

	it('ftrace: on lines shaped like ftrace\'s, slots broken at random', () => {
		fc.assert(fc.property(ftraceLike, agree(parseFtraceLine, regexParseFtraceLine)), {numRuns: 20_000});
	});

	it('perf: on lines shaped like perf script\'s, slots broken at random', () => {
		fc.assert(fc.property(perfLike, agree(parsePerfLine, regexParsePerfLine)), {numRuns: 20_000});
	});

	it('both: on two lines run together (the task is the last one that parses)', () => {
		fc.assert(fc.property(fc.oneof(ftraceLike, perfLike), fc.oneof(ftraceLike, perfLike), (first, second) => {
			agree(parseFtraceLine, regexParseFtraceLine)(`${first} ${second}`);
			agree(parsePerfLine, regexParsePerfLine)(`${first} ${second}`);
		}), {numRuns: 10_000});
	});

	it('both: on lines made of pieces of lines', () => {
		fc.assert(fc.property(soup, (line) => {
			agree(parseFtraceLine, regexParseFtraceLine)(line);
			agree(parsePerfLine, regexParsePerfLine)(line);
		}), {numRuns: 20_000});
	});

	it('pointers: on any short string, and on pieces of pointers', () => {
		const pointerish = fc.array(fc.constantFrom('0', 'x', 'X', 'a', 'F', 'g', '(', 'nil', 'null', ')', 'N', 'İ', '9'), {maxLength: 6}).map(parts => parts.join(''));
		fc.assert(fc.property(fc.oneof(fc.string({maxLength: 8}), pointerish), agree(normalizeTracePointer, regexNormalizeTracePointer)), {numRuns: 20_000});
	});
});
