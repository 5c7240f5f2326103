// The trace file as a stream of lines, gunzipped when it is gzip: by name (`.gz`) or by content
// (magic bytes 1f 8b, for a compressed file saved without the suffix). readline over a read
// stream applies backpressure, so a trace of millions of events is never in memory at once.

import {createReadStream} from 'node:fs';
import {open} from 'node:fs/promises';
import {createInterface} from 'node:readline';
import {pipeline, type Readable} from 'node:stream';
import {createGunzip} from 'node:zlib';
import {toTraceFileError} from './trace-errors.js';

async function startsWithGzipMagic(path: string): Promise<boolean> {
	const handle = await open(path, 'r');
	try {
		const head = Buffer.alloc(2);
		const {bytesRead} = await handle.read(head, 0, 2, 0);
		return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
	} finally {
		await handle.close();
	}
}

/** Yields each line (without its end of line); file and gzip errors surface as TraceFileError. */
export async function * openTraceLines(path: string): AsyncGenerator<string> {
	let input: Readable;
	try {
		const gzip = path.endsWith('.gz') || await startsWithGzipMagic(path);
		const file = createReadStream(path);
		// pipeline forwards the file's errors to the gunzip stream, which readline then rethrows.
		input = gzip ? pipeline(file, createGunzip(), () => undefined) : file;
	} catch (error) {
		throw toTraceFileError(path, error);
	}

	const lines = createInterface({input, crlfDelay: Number.POSITIVE_INFINITY});
	try {
		for await (const line of lines) {
			yield line;
		}
	} catch (error) {
		throw toTraceFileError(path, error);
	} finally {
		lines.close();
		input.destroy();
	}
}
