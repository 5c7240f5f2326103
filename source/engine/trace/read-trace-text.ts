// The trace as lines, a chunk at a time: decoded as UTF-8, cut by the LineSplitter (at most 64 Ki
// characters a line, so no input can build a giant string), and refused at once when it is binary
// data rather than text: a NUL byte near the start is never in a text trace, but is at the start
// of the files people most often pass by mistake (perf.data, trace-cmd's trace.dat), and of
// `/dev/zero` or a gzip of zeros, which would otherwise be read to their end for nothing.

import {StringDecoder} from 'node:string_decoder';
import {describeTracePath} from './escape-trace-text.js';
import {openTraceInput, type TraceInput} from './open-trace-input.js';
import type {TextConsumer} from './split-trace-lines.js';
import {TraceFormatError} from './trace-errors.js';

/** Text within this many characters of the start is checked for NUL bytes. */
const binaryCheckLength = 64 * 1024;

/** Text is decoded in pieces of at most this many bytes. */
const textPieceBytes = 64 * 1024;

/** A chunk of nothing but newlines (a newline bomb, or long gaps) is counted by comparing it with this. */
const newlines = Buffer.alloc(64 * 1024, 0x0a);

const isAllNewlines = (chunk: Buffer): boolean => {
	for (let start = 0; start < chunk.length; start += newlines.length) {
		const piece = chunk.subarray(start, Math.min(chunk.length, start + newlines.length));
		if (!piece.equals(newlines.subarray(0, piece.length))) {
			return false;
		}
	}

	return true;
};

const binaryHint = (head: Buffer): string => {
	if (head.subarray(0, 7).toString('latin1') === 'PERFILE') {
		return 'it is a perf.data file; give what `perf script` prints from it';
	}

	if (head.subarray(0, 10).toString('latin1') === '\u0017\u0008Dtracing') {
		return 'it is a trace-cmd trace.dat file; give what `trace-cmd report` prints from it';
	}

	return 'it holds binary data (NUL bytes), and a kmem trace is text (ftrace or perf script output)';
};

export class TraceTextReader {
	#input: TraceInput | undefined;
	#chunks: AsyncIterator<Buffer> | undefined;
	readonly #decoder = new StringDecoder('utf8');
	#checked = 0;
	/** The first bytes, for telling which binary file it is. */
	#head: Buffer | undefined;
	/** The decoder holds no partial UTF-8 character: the last chunk ended on an ASCII byte. */
	#decoderEmpty = true;
	#done = false;

	/**
	 * `consumer` takes the text (a LineSplitter cuts it into lines); `input`: an input already opened
	 * on `path` (the caller checked it could be), else it is opened on the first read.
	 */
	constructor(readonly path: string, readonly consumer: TextConsumer, input?: TraceInput) {
		this.#input = input;
	}

	get input(): TraceInput | undefined {
		return this.#input;
	}

	get done(): boolean {
		return this.#done;
	}

	/** Feeds the next chunk's text to the consumer; false once the input has ended (and the consumer was told). */
	async readChunk(): Promise<boolean> {
		if (this.#done) {
			return false;
		}

		this.#input ??= await openTraceInput(this.path);
		this.#chunks ??= this.#input.chunks[Symbol.asyncIterator]();
		const next = await this.#chunks.next();
		if (next.done) {
			this.#done = true;
			const rest = this.#decoder.end();
			if (rest !== '') {
				this.consumer.push(rest);
			}

			this.consumer.end();
			return false;
		}

		const chunk = next.value;
		this.#head ??= Buffer.from(chunk.subarray(0, 16));
		if (this.#decoderEmpty && this.#checked > 0 && isAllNewlines(chunk)) {
			this.consumer.pushNewlines(chunk.length);
			return true;
		}

		this.#decoderEmpty = chunk.length === 0 || chunk[chunk.length - 1] < 0x80;
		// Decoded a piece at a time (a chunk from process.stdin may be large): a string over 128 KiB
		// would go straight to V8's old generation, and the lines cut from it keep it alive there.
		for (let start = 0; start < chunk.length; start += textPieceBytes) {
			this.#pushText(this.#decoder.write(chunk.subarray(start, start + textPieceBytes)));
		}

		return true;
	}

	#pushText(text: string): void {
		if (this.#checked < binaryCheckLength) {
			if (text.slice(0, binaryCheckLength - this.#checked).includes('\u0000')) {
				this.close();
				throw new TraceFormatError(`cannot replay ${describeTracePath(this.path)}: ${binaryHint(this.#head!)}`);
			}

			this.#checked += text.length;
		}

		this.consumer.push(text);
	}

	close(): void {
		this.#done = true;
		this.#input?.close();
	}
}
