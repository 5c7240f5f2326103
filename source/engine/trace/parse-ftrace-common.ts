// The common ftrace line, read where it stands in the decoded text: a million of these a second is
// the replay's budget. "Common" is what Linux prints: one `[` (the cpu column), spaces between the
// columns and between the fields, and the kmalloc/kfree fields first and in their order
// (`call_site= ptr= [bytes_req= bytes_alloc=]`, no key given again after them), or any other
// event. Everything else is left to the exact reading (parse-ftrace-line.ts): no match means "not
// sure", never "not an event".
//
// One sticky regular expression reads the line, and in the reader its `\n` too, so the next match
// starts where this one ended: a run of lines costs one native match each and no search for line
// ends. Written out in JavaScript instead (indexOf for the landmarks, charCodeAt for the rest), the
// same reading measured twice as slow: V8 checks a string's representation on every charCodeAt,
// while the compiled expression walks the characters natively.
//
// Exactness: the expression is the grammar of parse-ftrace-line.ts with each part narrowed, so
// what it matches the grammar matches, with the same parts:
//   ^\s*(.*)-(\d+)\s+(?:\(\s*[\d-]+\)\s+)?\[(\d+)\]\s+(?:[^\s\d]\S*\s+)?(\d+\.\d+):\s+(\w+):(?:\s+(.*))?$
// No part takes a `[` but the cpu column's, nor a line terminator (`.` refuses \n, \r, U+2028 and
// U+2029). With a single `[`, the task's dash is the one before that bracket's pid, spaces and tgid
// column (a dash in the tgid column is followed by no space), which is the greedy `(.*)`'s dash,
// whatever the lazy comm tries first; the comm is taken without the whitespace at its ends, as
// trim() leaves it. The fields are read as parse-kmem-fields.ts reads them: space-separated
// tokens, and with no key after the ones read (no `=` after them ends a key), their last values
// are these. The oracle tests run every line through both readings.

import {kmemRecord} from './parse-kmem-fields.js';
import type {LineParse, TraceEvent, IgnoredTraceEvent} from './trace-record.js';

/** Line terminators for `.`, in a character class. */
const terminators = '\\n\\r\\u2028\\u2029';

const kmemNames = 'k(?:malloc(?:_node)?|free)';

/** After an `=`: it does not end a key parse-kmem-fields.ts reads. */
const notAKey = '(?<!(?:call_site|ptr|bytes_req|bytes_alloc)=)';

/**
The line up to its end: comm (1, may be absent), pid (2), time (3); then a kfree (4 is empty) or a
kmalloc (4 is absent) with its call site (5), pointer (6: its digits when lowercase hex, after
leading zeros; else 7: as printed) and sizes (8, 9), and the rest of the line, in which no key ends
at an `=`; or another event (10) and the rest of the line. The rest holds no `[`.
*/
const commonLine = [
	` *(?:([^\\s#[](?:[^[${terminators}]*?[^\\s[])?) *)?-(\\d+) +(?:\\( *[\\d-]+\\) +)?\\[\\d+\\] +(?:[^\\s\\d[][^\\s[]* +)?(\\d+\\.\\d+): +`,
	`(?:(?:kfree()|kmalloc(?:_node)?): +call_site=([^\\s[]*) +ptr=(?:0*([1-9a-f][\\da-f]*)|([^\\s[]*))(?: +bytes_req=(\\d+) +bytes_alloc=(\\d+))?`,
	`(?: [^[=${terminators}]*(?:=${notAKey}[^[=${terminators}]*)*)?`,
	`|(?!${kmemNames}:)(\\w+):(?: [^[${terminators}]*)?)`,
].join('');

/** A common line and its `\n` (a `\r` before it is dropped, as the splitter drops it), from where the line starts. */
export const commonLineInText = new RegExp(`${commonLine}\\r?\\n`, 'y');

/** A common line given on its own. */
const commonLineAlone = new RegExp(`${commonLine}$`, 'y');

/** The digits of `text` as Number() reads them, without its cost when there are few. */
const readInteger = (text: string): number => {
	if (text.length > 15) {
		return Number(text);
	}

	let value = 0;
	for (let index = 0; index < text.length; index++) {
		value = (value * 10) + text.charCodeAt(index) - 48;
	}

	return value;
};

const powersOfTen = Array.from({length: 16}, (_, power) => 10 ** power);

/**
`\d+\.\d+` as Number() reads it. With 15 digits or fewer the digits make an integer below 2^53 and
the divisor a power of ten below 2^53, both exact, and one IEEE division rounds their quotient
correctly: the double Number() gives.
*/
const readDecimal = (text: string): number => {
	if (text.length > 16) {
		return Number(text);
	}

	let value = 0;
	let dot = 0;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code === 46) {
			dot = index;
		} else {
			value = (value * 10) + code - 48;
		}
	}

	return value / powersOfTen[text.length - dot - 1]!;
};

/** What a match of commonLine gives: the record, or 'bad-fields' (a kmalloc without its sizes, a pointer that is none). */
export function commonRecord(match: RegExpExecArray): TraceEvent | IgnoredTraceEvent | 'bad-fields' {
	const callSite = match[5];
	if (callSite === undefined) {
		return {kind: 'ignored', event: match[10]!};
	}

	const kfree = match[4] !== undefined;
	const comm = match[1] ?? '';
	const timeSeconds = readDecimal(match[3]!);
	const pid = readInteger(match[2]!);
	const digits = match[6];
	if (digits !== undefined) {
		if (kfree) {
			return {kind: 'kfree', timeSeconds, comm, pid, callSite, ptr: digits};
		}

		const bytesReq = match[8];
		const bytesAlloc = match[9];
		if (bytesReq !== undefined && bytesAlloc !== undefined) {
			return {kind: 'kmalloc', timeSeconds, comm, pid, callSite, ptr: digits, bytesReq: readInteger(bytesReq), bytesAlloc: readInteger(bytesAlloc)};
		}
	}

	// NULL, 0x…, capitals, no pointer at all, or no sizes: as parse-kmem-fields.ts has it.
	return kmemRecord(timeSeconds, comm, pid, kfree ? 'kfree' : 'kmalloc', callSite, match[7] ?? digits, match[8], match[9]) as TraceEvent | 'bad-fields';
}

/** The common case of a line on its own, or null when the line is not of that shape (the exact reading decides). */
export function parseCommonLine(line: string): LineParse | null {
	commonLineAlone.lastIndex = 0;
	const match = commonLineAlone.exec(line);
	return match === null ? null : commonRecord(match);
}
