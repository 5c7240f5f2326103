// One line of `perf script` output for tracepoints:
//   `<comm> <tid> [cpu] <secs>: <system>:<event>: <fields>`
// perf right-aligns comm and may print `pid/tid`; comm may hold spaces, so the task is the last
// number before the cpu/timestamp. With `pid/tid` the tid is kept: it is the kernel's task pid,
// the number ftrace prints, so both formats name a task the same way. `[cpu]` is missing when the
// recording had no CPU samples, and some perf versions print the sample period before the event
// name: both optional.
//
// The grammar is this regular expression, which the code below implements without one (see
// parse-ftrace-line.ts for why and how):
//   ^\s*(.*)\s+(\d+)(?:\/(\d+))?\s+(?:\[(\d+)\]\s+)?(\d+\.\d+):\s+(?:\d+\s+)?(\w+):(\w+):(?:\s+(.*))?$
// Here the candidates for the end of the comm are the runs of whitespace followed by a digit,
// tried from the right.

import {parseKmemFields} from './parse-kmem-fields.js';
import {fieldsStart, findLastLineTerminator, findLineTerminator, isDigit, isSpace, skipDigits, skipSpaces, skipWord} from './scan-trace-text.js';
import type {LineParse} from './trace-record.js';

const SLASH = 47;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const DOT = 46;
const COLON = 58;

type Header = {pid: string; seconds: string; system: string; name: string; fields: number};

const spaces = (line: string, index: number): number => (index < line.length && isSpace(line.charCodeAt(index)) ? skipSpaces(line, index) : -1);

/** `(\d+)(?:\/(\d+))?\s+ … (\w+):(\w+):(?:\s+(.*))?$` read forward from the digit at `start`. */
const readHeader = (line: string, start: number, lastTerminator: number): Header | undefined => {
	const firstEnd = skipDigits(line, start);
	let pid = line.slice(start, firstEnd);
	let next = firstEnd;
	if (line.charCodeAt(next) === SLASH && isDigit(line.charCodeAt(next + 1))) {
		next = skipDigits(line, next + 1);
		pid = line.slice(firstEnd + 1, next);
	}

	next = spaces(line, next);
	if (next === -1) {
		return undefined;
	}

	if (line.charCodeAt(next) === OPEN_BRACKET) {
		const cpuEnd = skipDigits(line, next + 1);
		if (cpuEnd === next + 1 || line.charCodeAt(cpuEnd) !== CLOSE_BRACKET) {
			return undefined;
		}

		next = spaces(line, cpuEnd + 1);
		if (next === -1) {
			return undefined;
		}
	}

	const dot = skipDigits(line, next);
	if (dot === next || line.charCodeAt(dot) !== DOT) {
		return undefined;
	}

	const secondsEnd = skipDigits(line, dot + 1);
	if (secondsEnd === dot + 1 || line.charCodeAt(secondsEnd) !== COLON) {
		return undefined;
	}

	const seconds = line.slice(next, secondsEnd);
	next = spaces(line, secondsEnd + 1);
	if (next === -1) {
		return undefined;
	}

	// The sample period: digits and whitespace before the event name.
	const periodEnd = skipDigits(line, next);
	if (periodEnd > next && periodEnd < line.length && isSpace(line.charCodeAt(periodEnd))) {
		next = skipSpaces(line, periodEnd);
	}

	const systemEnd = skipWord(line, next);
	if (systemEnd === next || line.charCodeAt(systemEnd) !== COLON) {
		return undefined;
	}

	const nameEnd = skipWord(line, systemEnd + 1);
	if (nameEnd === systemEnd + 1 || line.charCodeAt(nameEnd) !== COLON) {
		return undefined;
	}

	const fields = fieldsStart(line, nameEnd + 1, lastTerminator);
	return fields === -1 ? undefined : {pid, seconds, system: line.slice(next, systemEnd), name: line.slice(systemEnd + 1, nameEnd), fields};
};

export function parsePerfLine(line: string): LineParse {
	return parsePerfLineFrom(line, skipSpaces(line, 0));
}

/** parsePerfLine for a caller that has already found the line's first non-whitespace character. */
export function parsePerfLineFrom(line: string, commStart: number): LineParse {
	const firstTerminator = findLineTerminator(line, commStart);
	const lastTerminator = firstTerminator === -1 ? -1 : findLastLineTerminator(line);
	// From the right: a digit after whitespace starts a candidate task number.
	for (let index = line.length - 1; index > 0; index--) {
		if (!isDigit(line.charCodeAt(index)) || !isSpace(line.charCodeAt(index - 1))) {
			continue;
		}

		// The comm ends where the whitespace before the digit starts, and `(.*)` cannot hold a line terminator.
		let commEnd = index - 1;
		while (commEnd > commStart && isSpace(line.charCodeAt(commEnd - 1))) {
			commEnd--;
		}

		if (firstTerminator !== -1 && firstTerminator < commEnd) {
			continue;
		}

		const header = readHeader(line, index, lastTerminator);
		if (header !== undefined) {
			const {pid, seconds, system, name, fields} = header;
			const task = {timeSeconds: Number(seconds), comm: commEnd <= commStart ? '' : line.slice(commStart, commEnd).trim(), pid: Number(pid)};
			// Only the kmem system's kmalloc/kfree are allocations; another system's `kfree` is just an event.
			const qualified = `${system}:${name}`;
			return parseKmemFields(task, system === 'kmem' ? name : qualified, qualified, line, fields);
		}
	}

	return undefined;
}
