// Generated trace lines for the oracle tests: lines shaped like ftrace's and perf script's with any
// slot broken, and lines made of pieces of lines. The pieces are the tokens of real lines, their
// near misses, odd whitespace, and what the common-line reading (parse-ftrace-common.ts) must not
// take for a common line: a second `[`, a key given again, a tab between fields, digits past 2^53.

import fc from 'fast-check';

const whitespace = [' ', '  ', '\t', '\u00A0', '\u000B', '\u3000'];
const terminators = ['\r', '\u2028', '\u2029'];

/** Pieces of real lines and of broken ones: tokens, their near misses, and odd whitespace. */
const pieces = [
	...whitespace, ...terminators, 'bash', 'Web Content', '<...>', 'kworker/u4:1', 'Wéb', '-', '--', '9453', '12', '0',
	'[000]', '[1]', '[', ']', '[x]', '(', ')', '(  9453)', '(1-2)', '( )', '(-)', '.....', 'd..1.', 'N', '583.845921', '1.5', '10.', '.5',
	':', ': ', 'kmalloc', 'kfree', 'kmalloc_node', 'kmallocx', 'kmem_cache_alloc', 'kmem:kmalloc:', 'kmem:kfree:', 'probe:kfree:', 'kmem:',
	'call_site=f+0x1/0x2', 'call_site=', 'call_site=a=b', 'ptr=00000000769437d5', 'ptr=0x0', 'ptr=0XAB', 'ptr=(null)', 'ptr=(nil)',
	'ptr=zz', 'ptr=', 'xptr=1', 'ptr=ptr=1', 'bytes_req=64', 'bytes_req=1099511627776', 'bytes_req=0x10', 'bytes_req=007', 'bytes_alloc=64', 'bytes_alloc=',
	'gfp_flags=GFP_KERNEL', 'node=-1', '=', 'CPU:1', '[LOST', '2048', 'EVENTS]', '4000/4012', '12/', '/5', '1 ', '#', '12345678901234567890',
];

const piece = fc.constantFrom(...pieces);

export const soup = fc.array(piece, {minLength: 1, maxLength: 24}).map(parts => parts.join(''));

/** A slot of a line: one of its usual values mostly, sometimes any piece, or nothing. */
const slot = (...choices: string[]) => fc.oneof({weight: 6, arbitrary: fc.constantFrom(...choices)}, {weight: 1, arbitrary: piece}, {weight: 1, arbitrary: fc.constant('')});

/** A line as ftrace prints it, each slot possibly replaced by any piece or dropped. */
export const ftraceLike = fc.tuple(
	slot('', '    ', '            '), slot('bash', 'my-tool-2', 'Web Content', '<...>', 'kworker/u4:1', 'Wéb', 'a-1 b'), slot('-'), slot('9453', '3', '007'),
	slot(' ', '    '), slot('', '(  9453) ', '(1-2) '), slot('[000]', '[1]'), slot(' '), slot('.....', 'd..1.', ''), slot(' ', '   '),
	slot('583.845921', '2.5', '12345678901234.5678'), slot(':'), slot(' '), slot('kmalloc', 'kfree', 'kmalloc_node', 'kmem_cache_free'), slot(':'),
	slot(' '), slot('call_site=f+0x1/0x2', 'call_site=ptr=1'), slot(' '),
	slot('ptr=00000000769437d5', 'ptr=(null)', 'ptr=0000000000000000', 'ptr=ffff888100A0B000', 'ptr=0x1f'),
	slot(' '), slot('bytes_req=64', ''), slot(' '), slot('bytes_alloc=96', ''),
	slot(' gfp_flags=GFP_KERNEL node=-1 accounted=false', '', ' gfp_flags=GFP_KERNEL ptr=5', ' name=[x]', ' flags=a=b', ' node=-1\tx=1'),
).map(parts => parts.join(''));

export const perfLike = fc.tuple(
	slot('            ', ' ', ''), slot('perf', 'Web Content', 'a 1'), slot(' ', '  '), slot('15642', '4000/4012'), slot(' '),
	slot('[000] ', ''), slot('2188.110436'), slot(':'), slot(' ', '   '), slot('', '1 '), slot('kmem'), slot(':'),
	slot('kmalloc', 'kfree', 'kmem_cache_free'), slot(':'), slot(' '), slot('call_site=f+0x1'), slot(' '), slot('ptr=0xffff888102acc6a0', 'ptr=(nil)'),
	slot(' '), slot('bytes_req=32', ''), slot(' '), slot('bytes_alloc=32', ''),
).map(parts => parts.join(''));
