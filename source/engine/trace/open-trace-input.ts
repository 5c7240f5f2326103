// The trace's bytes, in one pass from the start: a regular file, `-` (stdin), a pipe, a FIFO or
// a `<(…)` descriptor, gunzipped when it is gzip, by name (`.gz`) or by content (magic bytes 1f 8b,
// for a compressed file saved without the suffix). Nothing is read by position and nothing twice,
// so a pipe works: the gzip test looks at the first chunk the stream delivers.
//
// A regular file's size is known, so the caller can show how far it has got and may read it a
// second time (trace-workload.ts counts its events first); anything else is read once.

import {createReadStream, fstatSync} from 'node:fs';
import {Socket} from 'node:net';
import {open, type FileHandle} from 'node:fs/promises';
import {PassThrough, pipeline, Readable} from 'node:stream';
import {isatty} from 'node:tty';
import {createGunzip} from 'node:zlib';
import {describeTracePath} from './escape-trace-text.js';
import {stdinAliases, TraceFileError, toTraceFileError} from './trace-errors.js';

/** `--trace -`: the trace comes on standard input. */
export const stdinTracePath = '-';

export type TraceInput = {
	/** The decompressed bytes, in order; a chunk may be read into again once the next is asked for. */
	chunks: AsyncIterable<Buffer>;
	/** A regular file (not a pipe, FIFO, terminal or device): it can be read again, and has a size. */
	regularFile: boolean;
	gzip: boolean;
	/** The file's size in bytes (compressed, for gzip), null when not a regular file. */
	sizeBytes: number | null;
	/** Bytes taken from the file so far (compressed, for gzip). */
	bytesRead(): number;
	close(): void;
};

/**
Reads (and gunzip's output) of 1 MiB: a read costs a trip to libuv's thread pool however small, and
reading a 78 MB capture through a stream took 0.23 s in 64 KiB reads against 0.024 s in 1 MiB ones.
The text is still decoded and cut 64 KiB at a time (read-trace-text.ts).
*/
const chunkBytes = 1024 * 1024;

/**
gunzip works ahead of the reader by this much (a PassThrough holds it), on libuv's thread pool while
the reader parses: with the stream's default (16 KiB, less than one chunk) it waited for each chunk
to be asked for, and the reader for it to be inflated (an eighth of a gzipped replay's time idle).
*/
const gunzipAheadBytes = 4 * chunkBytes;

const fileError = (path: string, code: string, message: string): TraceFileError =>
	new TraceFileError(path, code, undefined, message);

/** The bytes as they come (`fresh()`: the reader keeps each chunk, so none may be read into again), and how to stop. */
type OpenedFile = {
	read(fresh: () => boolean): AsyncIterator<Buffer>;
	destroy(): void;
	regularFile: boolean;
	sizeBytes: number | null;
};

const fromStream = (stream: Readable, regularFile: boolean, sizeBytes: number | null): OpenedFile => ({
	read: () => stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>,
	destroy() {
		stream.destroy();
	},
	regularFile,
	sizeBytes,
});

/**
A regular file, by reads from where the descriptor stands into two buffers in turn: while the reader
decodes one chunk the next is read into the other, and a buffer is read into again once its chunk
is done with (the reader has asked for the next). No stream, and no new buffer per chunk: reading
and decoding a 78 MB capture took 45 ms of CPU this way against 60 ms through a stream.
*/
const fromRegularFile = (handle: FileHandle, sizeBytes: number): OpenedFile => {
	let closed = false;
	const destroy = () => {
		if (!closed) {
			closed = true;
			// Waits for a read under way.
			handle.close().catch(() => undefined);
		}
	};

	return {
		read(fresh) {
			const buffers: Array<Buffer | undefined> = [undefined, undefined];
			let turn = 0;
			const readNext = async (): Promise<Buffer | undefined> => {
				const buffer = fresh() ? Buffer.allocUnsafeSlow(chunkBytes) : (buffers[turn] ??= Buffer.allocUnsafeSlow(chunkBytes));
				turn ^= 1;
				const {bytesRead} = await handle.read(buffer, 0, chunkBytes, null);
				return bytesRead === 0 ? undefined : buffer.subarray(0, bytesRead);
			};

			let ahead: Promise<Buffer | undefined> | undefined;
			return {
				async next() {
					if (closed) {
						return {done: true, value: undefined};
					}

					const chunk = await (ahead ?? readNext());
					if (chunk === undefined) {
						destroy();
						return {done: true, value: undefined};
					}

					ahead = readNext();
					// Its failure is reported to whoever asks for the next chunk, if anyone does.
					ahead.catch(() => undefined);
					return {done: false, value: chunk};
				},
			};
		},
		destroy,
		regularFile: true,
		sizeBytes,
	};
};

/**
Standard input by its descriptor, not process.stdin: the engine runs on a worker thread, whose
process.stdin is not the process's. A pipe or socket is read as a socket (it may be non-blocking,
as Node's child processes get it: plain reads would fail with EAGAIN when they outrun the writer);
a file or device redirected in (`< trace.txt`) by plain reads, from where it stands.
*/
const openStdin = (path: string): OpenedFile => {
	if (isatty(0)) {
		throw fileError(path, 'ETTY', '--trace - reads the trace from standard input, which is a terminal: pipe a trace in (… | kmtop snapshot --trace -)');
	}

	const stats = fstatSync(0);
	const stream = stats.isFIFO() || stats.isSocket()
		? new Socket({fd: 0, readable: true, writable: false})
		: createReadStream('', {fd: 0, autoClose: false, highWaterMark: chunkBytes});
	return fromStream(stream, false, null);
};

const openFile = async (path: string): Promise<OpenedFile> => {
	if (path === stdinTracePath) {
		return openStdin(path);
	}

	let handle: FileHandle;
	try {
		// A FIFO's open waits here (off the main thread) until a writer comes.
		handle = await open(path, 'r');
	} catch (error) {
		if (stdinAliases.has(path) && (error as {code?: string}).code === 'ENXIO') {
			return openStdin(path);
		}

		throw toTraceFileError(path, error);
	}

	try {
		const stats = await handle.stat();
		if (stats.isDirectory()) {
			throw Object.assign(new Error('is a directory'), {code: 'EISDIR'});
		}

		if (isatty(handle.fd)) {
			throw fileError(path, 'ETTY', `cannot read trace ${describeTracePath(path)}: it is a terminal; give a trace file or pipe one in with --trace -`);
		}

		if (stats.isFile()) {
			return fromRegularFile(handle, stats.size);
		}

		// No `start`: the stream reads at the descriptor's position, which a pipe requires. It
		// closes the handle when it ends or is destroyed.
		return fromStream(handle.createReadStream({highWaterMark: chunkBytes}), false, null);
	} catch (error) {
		await handle.close().catch(() => undefined);
		throw toTraceFileError(path, error);
	}
};

/** Opens the trace; a missing or unreadable file throws TraceFileError here, read errors come from `chunks`. */
export const openTraceInput = async (path: string): Promise<TraceInput> => {
	const file = await openFile(path);
	const {regularFile, sizeBytes} = file;
	let bytesRead = 0;
	let gzip = path.endsWith('.gz');
	// gunzip queues what it is given: each chunk it gets must be a buffer of its own.
	const raw = file.read(() => gzip);
	let first: IteratorResult<Buffer>;
	try {
		first = await raw.next();
	} catch (error) {
		file.destroy();
		throw toTraceFileError(path, error);
	}

	const head = first.done ? undefined : first.value;
	gzip ||= head !== undefined && head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
	async function * counted(): AsyncGenerator<Buffer> {
		if (head !== undefined) {
			bytesRead += head.length;
			yield head;
		}

		for (;;) {
			const next = await raw.next();
			if (next.done) {
				return;
			}

			bytesRead += next.value.length;
			yield next.value;
		}
	}

	// pipeline forwards the file's errors to the gunzip stream, whose iteration then throws them.
	const decoded = gzip ? pipeline(Readable.from(counted(), {objectMode: false}), createGunzip({chunkSize: chunkBytes}), new PassThrough({highWaterMark: gunzipAheadBytes}), () => undefined) : undefined;
	const chunks: AsyncIterable<Buffer> = decoded ?? counted();

	return {
		chunks: wrapErrors(path, chunks),
		regularFile,
		gzip,
		sizeBytes,
		bytesRead: () => bytesRead,
		close() {
			decoded?.destroy();
			file.destroy();
		},
	};
};

async function * wrapErrors(path: string, chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
	try {
		yield * chunks;
	} catch (error) {
		throw toTraceFileError(path, error);
	}
}
