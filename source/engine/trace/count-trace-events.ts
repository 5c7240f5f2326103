// The first pass over a regular file, behind "events replayed / total" and the automatic pace:
// each line is tested for `kmalloc:`/`kfree:` (`kmalloc_node:` too, which the replay treats as
// kmalloc) without being parsed; only the first and last such lines are parsed, for the time span.
// Memory is constant; time is the file's I/O and gunzip, and per line one native search for its
// end, the lines taken in runs (LineSplitter's readRun). The mentions are searched for from one to
// the next, not in every line (one search answers for every line before the one it finds), and a
// line is looked into for a comment's `#` only when it holds one. The count is exact
// for a clean trace; a malformed line that mentions `kmalloc:` is counted too, so treat it as an
// upper bound when the reader reports malformed lines. A pipe cannot be read twice: it gets no
// count (trace-workload.ts).
//
// The pass runs a chunk at a time (`step`), so whoever drives it can show progress and be
// interrupted between chunks.

import {classifyTraceLine} from './classify-trace-line.js';
import type {TraceInput} from './open-trace-input.js';
import {TraceTextReader} from './read-trace-text.js';
import {skipSpacesTo} from './scan-trace-text.js';
import {detachString, LineSplitter, maxTraceLineLength, type LineRun} from './split-trace-lines.js';

export type TraceCount = {
	/** kmalloc and kfree lines (ignored kmem events and comments excluded). */
	events: number;
	/** Timestamps of the first and last such lines: the span a replay will cover, null if none parse. */
	firstTimeSeconds: number | null;
	lastTimeSeconds: number | null;
};

const HASH = 35;
const RETURN = 13;

/** What makes a line an allocation event for the count, anywhere in it (a global search: lastIndex moves on). */
const mentions = /kmalloc:|kfree:|kmalloc_node:/g;

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
	/** The last allocation line, cut out only when asked for: where it stands. */
	#lastText = '';
	#lastStart = -1;
	#lastEnd = -1;
	/** A line that is not blank has been seen (a comment counts). */
	#sawContent = false;
	/**
	 * In the text being read: where the next mention ends (its last character) and where the next
	 * `#` is, at or after the line last looked at; the text's length if there is none, -1 before the
	 * first search.
	 */
	#mention = -1;
	#hash = -1;

	constructor(path: string, input?: TraceInput) {
		this.#lines = new LineSplitter({
			begin: () => {
				this.#mention = -1;
				this.#hash = -1;
			},
			readRun: (text, start, run) => {
				this.#readRun(text, start, run);
			},
			lineAt: (text, start, end) => {
				this.#sawContent ||= skipSpacesTo(text, start, end) < end;
				if (this.#mentionAt(text, start) < end) {
					this.#countMention(text, start, end);
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
		const last = this.#lastStart === -1 ? undefined : this.#lastText.slice(this.#lastStart, this.#lastEnd);
		return {events: this.#events, firstTimeSeconds: timeOf(this.#first), lastTimeSeconds: timeOf(last)};
	}

	close(): void {
		this.text.close();
	}

	/** Whole lines from `start`, once the first that is not blank has been seen (until then, the splitter gives them one by one). */
	#readRun(text: string, start: number, run: LineRun): void {
		if (!this.#sawContent) {
			return;
		}

		let next = start;
		let lines = 0;
		for (;;) {
			const newline = text.indexOf('\n', next);
			const end = newline > next && text.charCodeAt(newline - 1) === RETURN ? newline - 1 : newline;
			if (newline === -1 || end - next > maxTraceLineLength) {
				break;
			}

			if (this.#mentionAt(text, next) < end) {
				this.#countMention(text, next, end);
			}

			next = newline + 1;
			lines++;
		}

		run.lines = lines;
		run.end = next;
	}

	/** Where the next mention at or after `start` ends (its last character); the text's length if there is none. */
	#mentionAt(text: string, start: number): number {
		if (this.#mention < start) {
			mentions.lastIndex = start;
			this.#mention = mentions.test(text) ? mentions.lastIndex - 1 : text.length;
		}

		return this.#mention;
	}

	/** Counts text[start, end), which mentions an allocation event, unless it is a comment. */
	#countMention(text: string, start: number, end: number): void {
		if (this.#hash < start) {
			const hash = text.indexOf('#', start);
			this.#hash = hash === -1 ? text.length : hash;
		}

		if (this.#hash < end && text.charCodeAt(skipSpacesTo(text, start, end)) === HASH) {
			return;
		}

		this.#events++;
		this.#first ??= detachString(text.slice(start, end));
		this.#lastText = text;
		this.#lastStart = start;
		this.#lastEnd = end;
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
