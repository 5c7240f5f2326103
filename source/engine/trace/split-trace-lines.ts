// Cuts decoded trace text into lines, chunk by chunk, without ever building a string longer than
// a line may be. A line ends at `\n` (a `\r` before it is dropped, for files saved on Windows).
//
// Why not readline: it holds a whole line in memory however long it is (a file without a newline,
// `/dev/zero` or a gzip of zeros, ends in V8's RangeError at 512 MiB), and it calls back once per
// line, blank or not (2 GB of `\n` is 2 billion calls). Here a line over `maxTraceLineLength`
// characters is reported once, as its first characters and its length, and the rest of it is only
// counted; a run of blank lines is skipped in a tight loop and only counted (the line numbers of
// what follows stay right). Work is linear in the input: each character is looked at a bounded
// number of times.

/** Lines longer than this (64 Ki characters; bytes, for ASCII) are malformed by length alone. */
export const maxTraceLineLength = 65_536;

/** How much of an over-long line is kept to show the user. */
export const overlongHeadLength = 120;

/** What takes decoded text as it comes: a LineSplitter, or the counting pass (count-trace-events.ts). */
export type TextConsumer = {
	push(text: string): void;
	/** `count` newline characters in a row. */
	pushNewlines(count: number): void;
	/** The text has ended. */
	end(): void;
};

export type LineSink = {
	/** A line of at most `maxTraceLineLength` characters, without its end of line. */
	line(text: string, lineNumber: number): void;
	/** A line over the limit: its first characters and its full length. */
	overlong(head: string, length: number, lineNumber: number): void;
};

/** Lines a sink read by itself: how many, and where the next one starts. */
export type LineRun = {lines: number; end: number};

/**
A sink that reads each line where it stands, sparing a string a line: text[start, end) is the line
without its end of line, and the character at `end` is its `\r` or `\n`, or there is none.
*/
export type SpanSink = {
	/** The lines that follow are cut from `text`, until the next call: what was found in it stays valid. */
	begin(text: string): void;
	/**
	 * Optionally, reads whole lines from `start` on by itself for as long as it can, sparing the
	 * splitter's work per line: only lines the splitter would give as they are (ended by `\n`, with
	 * a `\r` before it dropped, within the length limit). Says in `run` how many it read and where
	 * the next starts; the splitter gives that one to lineAt as usual, and asks again after it.
	 */
	readRun?(text: string, start: number, run: LineRun): void;
	lineAt(text: string, start: number, end: number, lineNumber: number): void;
	overlong(head: string, length: number, lineNumber: number): void;
};

const isSpanSink = (sink: LineSink | SpanSink): sink is SpanSink => 'lineAt' in sink;

/** A LineSink seen as a SpanSink: each line cut out for it. */
const spanSinkOf = (sink: LineSink): SpanSink => ({
	begin() {
		// Lines are cut out one by one: nothing to remember.
	},
	lineAt(text, start, end, lineNumber) {
		sink.line(text.slice(start, end), lineNumber);
	},
	overlong(head, length, lineNumber) {
		sink.overlong(head, length, lineNumber);
	},
});

const NEWLINE = 10;
const RETURN = 13;

/** A copy that shares nothing with `text`: V8's substrings keep their whole parent alive. */
export const detachString = (text: string): string => (text.length < 13 ? text : (` ${text}`).slice(1));

export class LineSplitter implements TextConsumer {
	/** Lines completed so far, blank ones included. */
	lineCount = 0;
	#carry = '';
	/** The length of the current line when it has gone over the limit; -1 otherwise. */
	#overlongLength = -1;
	/** Whether the over-long line's last character so far is a `\r` (not part of the line if `\n` follows). */
	#overlongEndsInReturn = false;

	readonly #sink: SpanSink;
	readonly #run: LineRun = {lines: 0, end: 0};

	constructor(sink: LineSink | SpanSink) {
		this.#sink = isSpanSink(sink) ? sink : spanSinkOf(sink);
	}

	/** Feeds the next piece of text; whole lines go to the sink, the last partial one waits. */
	push(text: string): void {
		let start = 0;
		if (this.#carry !== '' || this.#overlongLength >= 0) {
			const newline = text.indexOf('\n');
			if (newline === -1) {
				this.#extend(text);
				return;
			}

			this.#extend(text.slice(0, newline));
			this.#finishPending();
			start = newline + 1;
		}

		this.#sink.begin(text);
		const {length} = text;
		const run = this.#run;
		while (start < length) {
			if (this.#sink.readRun !== undefined) {
				run.lines = 0;
				run.end = start;
				this.#sink.readRun(text, start, run);
				this.lineCount += run.lines;
				start = run.end;
				if (start === length) {
					return;
				}
			}

			if (text.charCodeAt(start) === NEWLINE) {
				// Blank lines: count them in one go.
				let end = start + 1;
				while (end < length && text.charCodeAt(end) === NEWLINE) {
					end++;
				}

				this.lineCount += end - start;
				start = end;
				continue;
			}

			const newline = text.indexOf('\n', start);
			if (newline === -1) {
				this.#extend(text.slice(start));
				return;
			}

			this.#emit(text, start, newline);
			start = newline + 1;
		}
	}

	/** `count` newline characters in a row: the end of a pending line, then blank lines, only counted. */
	pushNewlines(count: number): void {
		if (count === 0) {
			return;
		}

		if (this.#carry !== '' || this.#overlongLength >= 0) {
			this.#finishPending();
			count--;
		}

		this.lineCount += count;
	}

	/** The input ended: a last line without a newline is still a line. */
	end(): void {
		if (this.#carry !== '' || this.#overlongLength >= 0) {
			this.#finishPending();
		}
	}

	#emit(text: string, start: number, end: number): void {
		const lineNumber = ++this.lineCount;
		const stop = text.charCodeAt(end - 1) === RETURN ? end - 1 : end;
		if (stop - start > maxTraceLineLength) {
			this.#sink.overlong(detachString(text.slice(start, start + overlongHeadLength)), stop - start, lineNumber);
		} else {
			this.#sink.lineAt(text, start, stop, lineNumber);
		}
	}

	#extend(piece: string): void {
		if (this.#overlongLength >= 0) {
			this.#overlongLength += piece.length;
			this.#overlongEndsInReturn = piece === '' ? this.#overlongEndsInReturn : piece.charCodeAt(piece.length - 1) === RETURN;
			return;
		}

		if (this.#carry.length + piece.length > maxTraceLineLength + 1) {
			// Keep only the head; from now on the line is only measured.
			this.#overlongLength = this.#carry.length + piece.length;
			this.#overlongEndsInReturn = piece.charCodeAt(piece.length - 1) === RETURN;
			this.#carry = detachString((this.#carry + piece.slice(0, overlongHeadLength)).slice(0, overlongHeadLength));
			return;
		}

		this.#carry += piece;
	}

	#finishPending(): void {
		if (this.#overlongLength >= 0) {
			const lineNumber = ++this.lineCount;
			const length = this.#overlongLength - (this.#overlongEndsInReturn ? 1 : 0);
			this.#sink.overlong(this.#carry, length, lineNumber);
		} else {
			const carry = this.#carry;
			this.#sink.begin(carry);
			this.#emit(carry, 0, carry.length);
		}

		this.#carry = '';
		this.#overlongLength = -1;
	}
}
