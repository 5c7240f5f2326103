// Streams a kmem trace as records, in file order, a chunk of input at a time (read-trace-text.ts).
// Malformed lines are given as records (so a replay can count them in step), counted, and the
// first few kept for the user, escaped; with `strict` the first one throws instead. A line over
// the length limit is malformed, shown by its head and length. Whether the input is empty or holds
// no kmalloc/kfree event at all is only known at its end, so those two errors come after the last
// record.

import {describeTracePath, escapeTraceText} from './escape-trace-text.js';
import type {TraceInput} from './open-trace-input.js';
import {parseFtraceLineFrom} from './parse-ftrace-line.js';
import {commonLineInText, commonRecord} from './parse-ftrace-common.js';
import {parsePerfLineFrom} from './parse-perf-line.js';
import {TraceTextReader} from './read-trace-text.js';
import {skipSpaces} from './scan-trace-text.js';
import {detachString, LineSplitter, maxTraceLineLength, type LineRun} from './split-trace-lines.js';
import {TraceFormatError} from './trace-errors.js';
import type {IgnoredTraceEvent, LineParse, MalformedTraceLine, TraceEvent, TraceFormat, TraceRecord} from './trace-record.js';

export type ReadTraceOptions = {
	/** Throw a TraceFormatError at the first malformed line instead of counting it. */
	strict?: boolean;
};

export type MalformedReport = {count: number; first: MalformedTraceLine[]};

export const malformedSamplesKept = 5;
export const malformedTextLimit = 120;

const HASH = 35;

const formatCount = (count: number): string => count.toLocaleString('en-US');

export class TraceReader implements AsyncIterable<TraceRecord> {
	readonly malformed: MalformedReport = {count: 0, first: []};
	readonly text: TraceTextReader;
	readonly #lines: LineSplitter;
	#format: TraceFormat | undefined;
	#batch: TraceRecord[] = [];
	#sawContent = false;
	#allocationEvents = 0;
	#ended = false;
	#started = false;

	/** `input`: the trace already opened on `path`; else it is opened on the first read. */
	constructor(readonly path: string, readonly options: ReadTraceOptions = {}, input?: TraceInput) {
		this.#lines = new LineSplitter({
			begin() {
				// Lines are read by runs, and one at a time: nothing to remember of the text.
			},
			readRun: (text, start, run) => {
				this.#readRun(text, start, run);
			},
			lineAt: (text, start, end, lineNumber) => {
				this.#lineAt(text.slice(start, end), lineNumber);
			},
			overlong: (head, length, lineNumber) => {
				this.#sawContent = true;
				this.#malformed(`[${formatCount(length)} characters, over the ${formatCount(maxTraceLineLength)} limit] ${head}`, lineNumber);
			},
		});
		this.text = new TraceTextReader(path, this.#lines, input);
	}

	/** Detected from the first event line; undefined until then. */
	get format(): TraceFormat | undefined {
		return this.#format;
	}

	/** Lines read so far, comments and blank lines included: at the end, the number of the last line. */
	get lineNumber(): number {
		return this.#lines.lineCount;
	}

	/** kmalloc and kfree records read so far. */
	get allocationEvents(): number {
		return this.#allocationEvents;
	}

	/** The whole input has been read. */
	get ended(): boolean {
		return this.#ended;
	}

	/**
	 * The records of the next chunk of input, possibly none; undefined once the input has ended.
	 * Errors (unreadable input, strict mode, an empty or eventless trace) are thrown from here.
	 */
	async nextBatch(): Promise<TraceRecord[] | undefined> {
		if (this.#ended) {
			return undefined;
		}

		this.#started = true;
		const more = await this.text.readChunk();
		const batch = this.#batch;
		this.#batch = [];
		if (!more) {
			this.#ended = true;
			this.#checkEnd();
			return batch.length > 0 ? batch : undefined;
		}

		return batch;
	}

	async * [Symbol.asyncIterator](): AsyncGenerator<TraceRecord> {
		// A second pass would restart the line count and the format, and is never what a caller means.
		if (this.#started) {
			throw new Error(`trace ${this.path} is already being read`);
		}

		try {
			for (let batch = await this.nextBatch(); batch !== undefined; batch = await this.nextBatch()) {
				yield * batch;
			}
		} finally {
			this.close();
		}
	}

	close(): void {
		this.text.close();
	}

	/**
	 * Common ftrace lines, in a run from `start`, each by one match that ends after its `\n`
	 * (parse-ftrace-common.ts): the reading of nearly every line of an ftrace capture. The run stops
	 * at a line it cannot read (a comment, a malformed line, one over the length limit, any other
	 * shape), which the splitter then gives to #lineAt; a perf script trace is read line by line.
	 */
	#readRun(text: string, start: number, run: LineRun): void {
		if (this.#format === 'perf') {
			return;
		}

		let next = start;
		let lines = 0;
		for (;;) {
			commonLineInText.lastIndex = next;
			const match = commonLineInText.exec(text);
			// A line that may be over the limit is measured by the splitter.
			if (match === null || commonLineInText.lastIndex - next > maxTraceLineLength + 1) {
				break;
			}

			const record = commonRecord(match);
			if (record === 'bad-fields') {
				break;
			}

			this.#record(record);
			next = commonLineInText.lastIndex;
			lines++;
		}

		if (lines > 0) {
			this.#format = 'ftrace';
			this.#sawContent = true;
			run.lines = lines;
			run.end = next;
		}
	}

	/** A line read on its own: blank, a comment, or one to parse. */
	#lineAt(line: string, lineNumber: number): void {
		const first = skipSpaces(line, 0);
		if (first === line.length) {
			return;
		}

		this.#sawContent = true;
		if (line.charCodeAt(first) !== HASH) {
			this.#line(line, first, lineNumber);
		}
	}

	/** A line that is not blank nor a comment, its first non-whitespace character at `first`. */
	#line(line: string, first: number, lineNumber: number): void {
		let parse: LineParse;
		if (this.#format === undefined) {
			parse = parseFtraceLineFrom(line, first);
			if (parse !== undefined) {
				this.#format = parse === 'bad-fields' ? undefined : 'ftrace';
			} else {
				parse = parsePerfLineFrom(line, first);
				this.#format = parse === undefined || parse === 'bad-fields' ? undefined : 'perf';
			}
		} else {
			parse = this.#format === 'ftrace' ? parseFtraceLineFrom(line, first) : parsePerfLineFrom(line, first);
		}

		if (parse === undefined || parse === 'bad-fields') {
			this.#malformed(line, lineNumber);
			return;
		}

		this.#record(parse);
	}

	#record(record: TraceEvent | IgnoredTraceEvent): void {
		if (record.kind !== 'ignored') {
			this.#allocationEvents++;
		}

		this.#batch.push(record);
	}

	#malformed(line: string, lineNumber: number): void {
		const text = escapeTraceText(line.trimEnd().slice(0, malformedTextLimit));
		const record: MalformedTraceLine = {kind: 'malformed', line: lineNumber, text: detachString(text)};
		if (this.options.strict) {
			throw new TraceFormatError(`${describeTracePath(this.path)}:${lineNumber}: malformed trace line: ${text}`);
		}

		this.malformed.count++;
		if (this.malformed.first.length < malformedSamplesKept) {
			this.malformed.first.push(record);
		}

		this.#batch.push(record);
	}

	#checkEnd(): void {
		if (!this.#sawContent) {
			throw new TraceFormatError(`${describeTracePath(this.path)} is empty`);
		}

		if (this.#allocationEvents === 0) {
			throw new TraceFormatError(`no kmem:kmalloc or kmem:kfree events in ${describeTracePath(this.path)}`);
		}
	}
}

/** A single-use async iterable of the trace's records; its `malformed` report fills in as it is read. */
export function readTraceEvents(path: string, options: ReadTraceOptions = {}): TraceReader {
	return new TraceReader(path, options);
}
