// Streams a kmem trace file as records, one line at a time (see open-trace-lines.ts), in file
// order. Malformed lines are yielded as records (so a replay can count them in step), counted,
// and the first few kept for the user; with `strict` the first one throws instead. Whether the
// file is empty or holds no kmalloc/kfree event at all is only known at its end, so those two
// errors are thrown after the last record.

import {classifyTraceLine} from './classify-trace-line.js';
import {openTraceLines} from './open-trace-lines.js';
import {TraceFormatError} from './trace-errors.js';
import type {MalformedTraceLine, TraceFormat, TraceRecord} from './trace-record.js';

export type ReadTraceOptions = {
	/** Throw a TraceFormatError at the first malformed line instead of counting it. */
	strict?: boolean;
};

export type MalformedReport = {count: number; first: MalformedTraceLine[]};

export const malformedSamplesKept = 5;
export const malformedTextLimit = 120;

export class TraceReader implements AsyncIterable<TraceRecord> {
	readonly malformed: MalformedReport = {count: 0, first: []};
	#format: TraceFormat | undefined;
	#lineNumber = 0;
	#started = false;

	constructor(readonly path: string, readonly options: ReadTraceOptions = {}) {}

	/** Detected from the first event line; undefined until then. */
	get format(): TraceFormat | undefined {
		return this.#format;
	}

	/** Lines read so far, comments included: the 1-based number of the last line read. */
	get lineNumber(): number {
		return this.#lineNumber;
	}

	async * [Symbol.asyncIterator](): AsyncGenerator<TraceRecord> {
		// A second pass would restart the line count and the format, and is never what a caller means.
		if (this.#started) {
			throw new Error(`trace ${this.path} is already being read`);
		}

		this.#started = true;
		let sawContent = false;
		let allocationEvents = 0;
		for await (const line of openTraceLines(this.path)) {
			this.#lineNumber++;
			sawContent ||= line.trim() !== '';
			const lineClass = classifyTraceLine(line, this.#format);
			if (lineClass.type === 'skip') {
				continue;
			}

			if (lineClass.type === 'malformed') {
				yield this.#malformed(line);
				continue;
			}

			this.#format = lineClass.format;
			if (lineClass.record.kind !== 'ignored') {
				allocationEvents++;
			}

			yield lineClass.record;
		}

		if (!sawContent) {
			throw new TraceFormatError(`${this.path} is empty`);
		}

		if (allocationEvents === 0) {
			throw new TraceFormatError(`no kmem:kmalloc or kmem:kfree events in ${this.path}`);
		}
	}

	#malformed(line: string): MalformedTraceLine {
		const record: MalformedTraceLine = {kind: 'malformed', line: this.#lineNumber, text: line.trimEnd().slice(0, malformedTextLimit)};
		if (this.options.strict) {
			throw new TraceFormatError(`${this.path}:${record.line}: malformed trace line: ${record.text}`);
		}

		this.malformed.count++;
		if (this.malformed.first.length < malformedSamplesKept) {
			this.malformed.first.push(record);
		}

		return record;
	}
}

/** A single-use async iterable of the file's records; its `malformed` report fills in as it is read. */
export function readTraceEvents(path: string, options: ReadTraceOptions = {}): TraceReader {
	return new TraceReader(path, options);
}
