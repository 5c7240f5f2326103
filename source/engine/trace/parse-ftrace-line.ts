// One line of ftrace text (`trace`, `trace_pipe`, `trace-cmd report`):
//   `<comm>-<pid> [cpu] <flags> <secs>: <event>: <fields>`
// comm may hold spaces and dashes (`<...>-9466`, `kworker/u4:1-123`, `Web Content-77`), so the
// task is the last `-<pid>` of the line after which the rest of the header follows. The flags
// column (irqs-off, need-resched, hardirq, preempt, migrate) is absent when the irq-info option is
// off, and the tgid column `(  9453)` present when record-tgid is on: both optional. Old kernels
// print kmalloc without `node=`/`accounted=`; only the fields the replay needs are required.
//
// The grammar is this regular expression:
//   ^\s*(.*)-(\d+)\s+(?:\(\s*[\d-]+\)\s+)?\[(\d+)\]\s+(?:[^\s\d]\S*\s+)?(\d+\.\d+):\s+(\w+):(?:\s+(.*))?$
// Matched as it stands, its greedy `(.*)` made V8 backtrack over every split of the line, which
// took 41 s for a line of 200,000 spaces. Every part after the comm can match in only one way (each
// starts with a character the part before cannot end with), so the task's dash is found directly:
// - the common case (parse-ftrace-common.ts): the line's only `[` opens the cpu column and spaces
//   separate the columns and the fields, as Linux prints them: one sticky regular expression whose
//   parts each match one way only;
// - otherwise (parseAnyLine): the dashes are tried from the right, the header read forward from
//   each, which gives the same match in time linear in the line (a character is read again only by
//   the one candidate whose header it follows).
// Both give exactly what the regular expression gives; the tests check them against it.

import {parseCommonLine} from './parse-ftrace-common.js';
import {parseKmemFields, type EventHeader} from './parse-kmem-fields.js';
import {fieldsStart, findLastLineTerminator, findLineTerminator, isDigit, isSpace, skipDigits, skipNonSpaces, skipSpaces, skipWord} from './scan-trace-text.js';
import type {LineParse} from './trace-record.js';

const DASH = 45;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const DOT = 46;
const COLON = 58;

type Header = {pidEnd: number; secondsStart: number; secondsEnd: number; nameStart: number; nameEnd: number; fields: number};

/** `\s+` at `index`: where it ends, or -1 when there is no whitespace there. */
const spaces = (line: string, index: number): number => (index < line.length && isSpace(line.charCodeAt(index)) ? skipSpaces(line, index) : -1);

/** `(?:\(\s*[\d-]+\)\s+)?` at `index`. */
const tgidColumn = (line: string, index: number): number => {
	if (line.charCodeAt(index) !== OPEN_PAREN) {
		return index;
	}

	let next = skipSpaces(line, index + 1);
	const start = next;
	while (next < line.length && (isDigit(line.charCodeAt(next)) || line.charCodeAt(next) === DASH)) {
		next++;
	}

	return next > start && line.charCodeAt(next) === CLOSE_PAREN ? spaces(line, next + 1) : -1;
};

/** `-(\d+)\s+ … (\w+):(?:\s+(.*))?$` read forward from the dash at `dash`, or undefined. */
const readHeader = (line: string, dash: number, lastTerminator: number): Header | undefined => {
	const pidEnd = skipDigits(line, dash + 1);
	if (pidEnd === dash + 1) {
		return undefined;
	}

	let next = tgidColumn(line, spaces(line, pidEnd));
	if (next === -1 || line.charCodeAt(next) !== OPEN_BRACKET) {
		return undefined;
	}

	const cpuEnd = skipDigits(line, next + 1);
	if (cpuEnd === next + 1 || line.charCodeAt(cpuEnd) !== CLOSE_BRACKET) {
		return undefined;
	}

	next = spaces(line, cpuEnd + 1);
	if (next === -1) {
		return undefined;
	}

	// The flags column, when present, starts with neither a digit nor whitespace.
	if (!isDigit(line.charCodeAt(next))) {
		next = spaces(line, skipNonSpaces(line, next));
		if (next === -1) {
			return undefined;
		}
	}

	const secondsStart = next;
	const dot = skipDigits(line, secondsStart);
	if (dot === secondsStart || line.charCodeAt(dot) !== DOT) {
		return undefined;
	}

	const secondsEnd = skipDigits(line, dot + 1);
	if (secondsEnd === dot + 1 || line.charCodeAt(secondsEnd) !== COLON) {
		return undefined;
	}

	const nameStart = spaces(line, secondsEnd + 1);
	if (nameStart === -1) {
		return undefined;
	}

	const nameEnd = skipWord(line, nameStart);
	if (nameEnd === nameStart || line.charCodeAt(nameEnd) !== COLON) {
		return undefined;
	}

	const fields = fieldsStart(line, nameEnd + 1, lastTerminator);
	return fields === -1 ? undefined : {pidEnd, secondsStart, secondsEnd, nameStart, nameEnd, fields};
};

/** `^\s*CPU:\s*\d+\s+\[LOST\s+\d+\s+EVENTS\]\s*$`: ftrace's notice that the ring buffer overflowed. */
const isLostEventsNotice = (line: string): boolean => {
	let next = skipSpaces(line, 0);
	if (!line.startsWith('CPU:', next)) {
		return false;
	}

	next = skipSpaces(line, next + 4);
	const cpuEnd = skipDigits(line, next);
	next = cpuEnd === next ? -1 : spaces(line, cpuEnd);
	if (next === -1 || !line.startsWith('[LOST', next)) {
		return false;
	}

	next = spaces(line, next + 5);
	const countEnd = next === -1 ? -1 : skipDigits(line, next);
	if (countEnd === -1 || countEnd === next) {
		return false;
	}

	next = spaces(line, countEnd);
	return next !== -1 && line.startsWith('EVENTS]', next) && skipSpaces(line, next + 7) === line.length;
};

const parsed = (line: string, commStart: number, dash: number, pidEnd: number, seconds: string, name: string, fields: number): LineParse => {
	const task: EventHeader = {timeSeconds: Number(seconds), comm: line.slice(commStart, dash).trim(), pid: Number(line.slice(dash + 1, pidEnd))};
	return parseKmemFields(task, name, name, line, fields);
};

/** Any line, exactly as the regular expression would: the dashes tried from the right. */
const parseAnyLine = (line: string, commStart: number, firstTerminator: number): LineParse => {
	// The comm, `(.*)`, cannot hold a line terminator: only a dash before the first one can end it.
	const lastTerminator = firstTerminator === -1 ? -1 : findLastLineTerminator(line);
	let from = firstTerminator === -1 ? line.length - 1 : firstTerminator - 1;
	while (from >= commStart) {
		const dash = line.lastIndexOf('-', from);
		if (dash < commStart) {
			break;
		}

		const header = readHeader(line, dash, lastTerminator);
		if (header !== undefined) {
			const {pidEnd, secondsStart, secondsEnd, nameStart, nameEnd, fields} = header;
			return parsed(line, commStart, dash, pidEnd, line.slice(secondsStart, secondsEnd), line.slice(nameStart, nameEnd), fields);
		}

		from = dash - 1;
	}

	return isLostEventsNotice(line) ? {kind: 'ignored', event: 'LOST EVENTS'} : undefined;
};

export function parseFtraceLine(line: string): LineParse {
	return parseFtraceLineFrom(line, skipSpaces(line, 0));
}

/** parseFtraceLine for a caller that has already found the line's first non-whitespace character. */
export function parseFtraceLineFrom(line: string, commStart: number): LineParse {
	const firstTerminator = findLineTerminator(line, commStart);
	return (firstTerminator === -1 ? parseCommonLine(line) : null) ?? parseAnyLine(line, commStart, firstTerminator);
}
