// Sorts every line of a trace file: comment or blank (skipped), event record, or malformed.
// The format is detected from the first line that parses as an event of either format; from
// then on only that format is accepted, because a file mixing both is a concatenation mistake
// whose timestamps and pointers would not agree.

import {parseFtraceLine} from './parse-ftrace-line.js';
import {parsePerfLine} from './parse-perf-line.js';
import {skipSpaces} from './scan-trace-text.js';
import type {IgnoredTraceEvent, LineParse, TraceEvent, TraceFormat} from './trace-record.js';

const parsers: Record<TraceFormat, (line: string) => LineParse> = {
	ftrace: parseFtraceLine,
	perf: parsePerfLine,
};

const HASH = 35;

const skipLine = {type: 'skip'} as const;
const malformedLine = {type: 'malformed'} as const;

export type LineClass =
	| {type: 'skip'}
	| {type: 'malformed'}
	| {type: 'record'; record: TraceEvent | IgnoredTraceEvent; format: TraceFormat};

function fromParse(parse: LineParse, format: TraceFormat): LineClass {
	if (parse === undefined || parse === 'bad-fields') {
		return malformedLine;
	}

	return {type: 'record', record: parse, format};
}

/** `format` is the trace's format once detected; the result's `format` is what to remember. */
export function classifyTraceLine(line: string, format: TraceFormat | undefined): LineClass {
	const first = skipSpaces(line, 0);
	if (first === line.length || line.charCodeAt(first) === HASH) {
		return skipLine;
	}

	if (format !== undefined) {
		return fromParse(parsers[format](line), format);
	}

	const ftrace = parseFtraceLine(line);
	if (ftrace !== undefined) {
		return fromParse(ftrace, 'ftrace');
	}

	return fromParse(parsePerfLine(line), 'perf');
}
