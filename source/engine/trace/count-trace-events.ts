// The first pass over a regular file, behind "events replayed / total" and the automatic pace:
// each line is tested for `kmalloc:`/`kfree:` (`kmalloc_node:` too, which the replay treats as
// kmalloc) without being parsed; only the first and last such lines are parsed, for the time span.
// Memory is constant; time is the file's I/O and gunzip plus a substring test per line, a fraction
// of what reading and replaying takes (bench/measure-trace.ts measures both). Jumping from one
// mention of `kmalloc:` to the next instead of visiting lines was tried, and was twice as slow: in
// a kmem trace nearly every line is an event line. The count is exact
// for a clean trace; a malformed line that mentions `kmalloc:` is counted too, so treat it as an
// upper bound when the reader reports malformed lines. A pipe cannot be read twice: it gets no
// count (trace-workload.ts).
//
// The pass runs a chunk at a time (`step`), so whoever drives it can show progress and be
// interrupted between chunks.

import {classifyTraceLine} from './classify-trace-line.js';
import type {TraceInput} from './open-trace-input.js';
import {TraceTextReader} from './read-trace-text.js';
import {skipSpaces} from './scan-trace-text.js';
import {LineSplitter} from './split-trace-lines.js';

export type TraceCount = {
	/** kmalloc and kfree lines (ignored kmem events and comments excluded). */
	events: number;
	/** Timestamps of the first and last such lines: the span a replay will cover, null if none parse. */
	firstTimeSeconds: number | null;
	lastTimeSeconds: number | null;
};

const HASH = 35;

function isAllocationLine(line: string): boolean {
	return (line.includes('kmalloc:') || line.includes('kfree:') || line.includes('kmalloc_node:'))
		&& line.charCodeAt(skipSpaces(line, 0)) !== HASH;
}

function timeOf(line: string | undefined): number | null {
	if (line === undefined) {
		return null;
	}

	const lineClass = classifyTraceLine(line, undefined);
	return lineClass.type === 'record' && lineClass.record.kind !== 'ignored' ? lineClass.record.timeSeconds : null;
}

export class TraceCounter {
	readonly text: TraceTextReader;
	readonly #lines: LineSplitter;
	#events = 0;
	#first: string | undefined;
	#last: string | undefined;
	/** A line that is not blank has been seen (a comment counts). */
	#sawContent = false;

	constructor(path: string, input?: TraceInput) {
		this.#lines = new LineSplitter({
			line: (line) => {
				this.#sawContent ||= skipSpaces(line, 0) < line.length;
				if (isAllocationLine(line)) {
					this.#events++;
					this.#first ??= line;
					this.#last = line;
				}
			},
			overlong: () => {
				// Over the length limit: a malformed line, whatever it mentions.
				this.#sawContent = true;
			},
		});
		this.text = new TraceTextReader(path, this.#lines, input);
	}

	/** Lines counted so far. */
	get lineCount(): number {
		return this.#lines.lineCount;
	}

	get sawContent(): boolean {
		return this.#sawContent;
	}

	get events(): number {
		return this.#events;
	}

	/** Reads up to `chunks` more chunks; true once the whole input is counted. */
	async step(chunks = Number.POSITIVE_INFINITY): Promise<boolean> {
		for (let read = 0; read < chunks; read++) {
			if (!await this.text.readChunk()) {
				return true;
			}
		}

		return this.text.done;
	}

	result(): TraceCount {
		return {events: this.#events, firstTimeSeconds: timeOf(this.#first), lastTimeSeconds: timeOf(this.#last)};
	}

	close(): void {
		this.text.close();
	}
}

export async function countTraceEvents(path: string): Promise<TraceCount> {
	const counter = new TraceCounter(path);
	try {
		await counter.step();
	} finally {
		counter.close();
	}

	return counter.result();
}
