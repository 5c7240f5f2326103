// The reader and the counting pass against an oracle built from the regular expressions they
// replace (test/reference/regex-trace-parsers.ts) and String.split: on generated traces, cut into
// chunks anywhere (inside a line, a `\r\n`, a UTF-8 character), the reader gives the same records
// in the same order, the same malformed lines with the same numbers and text, the same errors, and
// the counter the same count and time span. The reader takes most lines by runs (one match a line,
// parse-ftrace-common.ts) and the rest one by one; the oracle takes every line on its own.
import {Readable} from 'node:stream';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {TraceCounter} from '../../../source/engine/trace/count-trace-events.js';
import {escapeTraceText} from '../../../source/engine/trace/escape-trace-text.js';
import type {TraceInput} from '../../../source/engine/trace/open-trace-input.js';
import {malformedSamplesKept, malformedTextLimit, TraceReader} from '../../../source/engine/trace/read-trace-events.js';
import type {LineParse, MalformedTraceLine, TraceFormat, TraceRecord} from '../../../source/engine/trace/trace-record.js';
import {regexParseFtraceLine, regexParsePerfLine} from '../../reference/regex-trace-parsers.js';
import {ftraceLike, perfLike, soup} from './trace-line-arbitraries.js';
import {fixtureEventLines, generateFtraceEvents} from './trace-test-helpers.js';

const path = 'trace.txt';

/** The bytes of `text` as an input in chunks cut at `cuts` (byte offsets, anywhere). */
const input = (text: string, cuts: number[]): TraceInput => {
	const bytes = Buffer.from(text);
	const points = [...new Set(cuts.map(cut => cut % (bytes.length + 1)))].sort((a, b) => a - b);
	const ends = [...points, bytes.length];
	const pieces = [0, ...points].map((start, index) => bytes.subarray(start, ends[index])).filter(piece => piece.length > 0);
	return {
		chunks: Readable.from(pieces),
		regularFile: true,
		gzip: false,
		sizeBytes: bytes.length,
		bytesRead: () => bytes.length,
		close() {
			// Nothing to close.
		},
	};
};

/** Lines as the splitter cuts them: at `\n`, a `\r` before it dropped, a last line without one kept. */
const linesOf = (text: string): string[] => {
	const lines = text.split('\n').map(line => (line.endsWith('\r') ? line.slice(0, -1) : line));
	if (text.endsWith('\n') || text === '') {
		lines.pop();
	}

	return lines;
};

const timeOf = (line: string | undefined): number | null => {
	if (line === undefined) {
		return null;
	}

	const parse = regexParseFtraceLine(line) ?? regexParsePerfLine(line);
	return parse === undefined || parse === 'bad-fields' || parse.kind === 'ignored' ? null : parse.timeSeconds;
};

/** What the reader and the counter should give, each line read on its own by the regular expressions. */
const oracle = (text: string, strict: boolean) => {
	const lines = linesOf(text);
	const records: TraceRecord[] = [];
	const malformed: MalformedTraceLine[] = [];
	let format: TraceFormat | undefined;
	let sawContent = false;
	let events = 0;
	let error: string | undefined;
	const counted: string[] = [];
	for (const [index, line] of lines.entries()) {
		const trimmed = line.trim();
		if (/kmalloc:|kfree:|kmalloc_node:/.test(line) && !trimmed.startsWith('#')) {
			counted.push(line);
		}

		if (trimmed === '') {
			continue;
		}

		sawContent = true;
		if (trimmed.startsWith('#') || error !== undefined) {
			continue;
		}

		let parse: LineParse;
		if (format === undefined) {
			parse = regexParseFtraceLine(line);
			if (parse === undefined) {
				parse = regexParsePerfLine(line);
				format = parse === undefined || parse === 'bad-fields' ? undefined : 'perf';
			} else {
				format = parse === 'bad-fields' ? undefined : 'ftrace';
			}
		} else {
			parse = format === 'ftrace' ? regexParseFtraceLine(line) : regexParsePerfLine(line);
		}

		if (parse === undefined || parse === 'bad-fields') {
			const record: MalformedTraceLine = {kind: 'malformed', line: index + 1, text: escapeTraceText(line.trimEnd().slice(0, malformedTextLimit))};
			error = strict ? `${path}:${record.line}: malformed trace line: ${record.text}` : undefined;
			records.push(record);
			malformed.push(record);
		} else {
			records.push(parse);
			events += parse.kind === 'ignored' ? 0 : 1;
		}
	}

	error ??= sawContent ? (events === 0 ? `no kmem:kmalloc or kmem:kfree events in ${path}` : undefined) : `${path} is empty`;
	return {
		read: error === undefined ? {records, lines: lines.length, malformed: {count: malformed.length, first: malformed.slice(0, malformedSamplesKept)}} : {error},
		count: {lines: lines.length, sawContent, result: {events: counted.length, firstTimeSeconds: timeOf(counted[0]), lastTimeSeconds: timeOf(counted.at(-1))}},
	};
};

const read = async (text: string, cuts: number[], strict: boolean) => {
	const reader = new TraceReader(path, {strict}, input(text, cuts));
	const records: TraceRecord[] = [];
	try {
		for (let batch = await reader.nextBatch(); batch !== undefined; batch = await reader.nextBatch()) {
			records.push(...batch);
		}
	} catch (error) {
		return {error: (error as Error).message};
	}

	return {records, lines: reader.lineNumber, malformed: reader.malformed};
};

const count = async (text: string, cuts: number[]) => {
	const counter = new TraceCounter(path, input(text, cuts));
	await counter.step();
	return {lines: counter.lineCount, sawContent: counter.sawContent, result: counter.result()};
};

const traceLine = fc.oneof(
	{weight: 6, arbitrary: ftraceLike},
	{weight: 2, arbitrary: fc.constantFrom(...fixtureEventLines)},
	{weight: 1, arbitrary: perfLike},
	{weight: 1, arbitrary: soup},
	{weight: 1, arbitrary: fc.constantFrom('', '   ', '\t', '# tracer: nop', '  # kmalloc: x', 'kfree: but no event', '\u00A0#x')},
);

const trace = fc.tuple(fc.array(traceLine, {maxLength: 30}), fc.constantFrom('\n', '\r\n'), fc.boolean())
	.map(([lines, ending, last]) => lines.join(ending) + (last && lines.length > 0 ? ending : ''));

describe('reading a trace gives what each line read on its own gives', () => {
	it('on generated traces cut into chunks anywhere, strict or not', async () => {
		await fc.assert(fc.asyncProperty(trace, fc.array(fc.nat(), {maxLength: 8}), fc.boolean(), async (text, cuts, strict) => {
			const expected = oracle(text, strict);
			expect(await read(text, cuts, strict)).toStrictEqual(expected.read);
			expect(await count(text, cuts)).toStrictEqual(expected.count);
		}), {numRuns: 3000});
	});

	it('on 20,000 events in 3 MB, in the 1 MiB chunks a file comes in, with a malformed line and a comment among them', async () => {
		const lines = linesOf(generateFtraceEvents(20_000));
		lines.splice(12_345, 0, 'garbage', '# a comment', '  ');
		const text = `${lines.join('\n')}\n`;
		const cuts = [1, 2, 3].map(index => index * 1024 * 1024);
		const expected = oracle(text, false);
		expect(await read(text, cuts, false)).toStrictEqual(expected.read);
		expect(await count(text, cuts)).toStrictEqual(expected.count);
		expect(expected.count.result.events).toBe(20_000);
		expect(expected.read.malformed).toEqual({count: 1, first: [{kind: 'malformed', line: 12_346, text: 'garbage'}]});
	});
});
