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

/** Text is decoded, and given to the consumer, in pieces of at most this many bytes. */
const textPieceBytes = 64 * 1024;

/** A piece of nothing but newlines (a newline bomb, or long gaps) is counted by comparing it with this. */
const newlines = Buffer.alloc(textPieceBytes, 0x0a);

const isAllNewlines = (piece: Buffer): boolean => piece.equals(newlines.subarray(0, piece.length));

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
	/** The chunk being read, from `#offset` on. */
	#chunk: Buffer = Buffer.alloc(0);
	#offset = 0;
	readonly #decoder = new StringDecoder('utf8');
	#checked = 0;
	/** The first bytes, for telling which binary file it is. */
	#head: Buffer | undefined;
	/** The decoder holds no partial UTF-8 character: the last piece ended on an ASCII byte. */
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

	/**
	 * Feeds the next piece of text (at most 64 KiB of input) to the consumer; false once the input
	 * has ended (and the consumer was told). The input comes in larger chunks (open-trace-input.ts),
	 * taken a piece at a time, so that what a caller does per call (a batch of records, a progress
	 * report) stays small.
	 */
	async readChunk(): Promise<boolean> {
		if (this.#done) {
			return false;
		}

		if (this.#offset === this.#chunk.length) {
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

			this.#chunk = next.value;
			this.#offset = 0;
			this.#head ??= Buffer.from(next.value.subarray(0, 16));
		}

		// Decoded a piece at a time: a string over 128 KiB would go straight to V8's old generation,
		// and the lines and records cut from it would keep it alive there.
		const piece = this.#chunk.subarray(this.#offset, this.#offset + textPieceBytes);
		this.#offset += piece.length;
		if (this.#decoderEmpty && this.#checked > 0 && isAllNewlines(piece)) {
			this.consumer.pushNewlines(piece.length);
			return true;
		}

		if (piece.length > 0) {
			this.#decoderEmpty = piece.at(-1)! < 0x80;
		}

		this.#pushText(this.#decoder.write(piece));
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
