// Writing what a command prints, to stdout or to `-o FILE`, with the failures a shell user meets
// turned into exit codes: the reader went away (`kmtop revisions | head -1`, EPIPE) is a quiet,
// successful end as `head` expects of any filter; a full disk or a broken device (ENOSPC, EIO) is
// one line and exit 1; never a stack.

import {constants} from 'node:fs';
import {open} from 'node:fs/promises';
import process from 'node:process';
import {resolveOutputTarget} from './check-output-path.js';
import {describeSystemError, errorCode} from './describe-system-error.js';
import {writeFileAtomically} from './write-file-atomically.js';

/** A write that failed; `exitCode` 0 means the reader closed the pipe and nothing is said. */
export class OutputError extends Error {
	override readonly name = 'OutputError';

	constructor(message: string, readonly exitCode: 0 | 1 | 2) {
		super(message);
	}
}

// The reader is gone; a stream that has already failed says ERR_STREAM_DESTROYED on later writes.
const closedCodes = new Set(['EPIPE', 'ERR_STREAM_DESTROYED']);

const toOutputError = (error: unknown, what: string): OutputError =>
	closedCodes.has(errorCode(error) ?? '')
		? new OutputError(`${what}: reader closed`, 0)
		: new OutputError(`cannot write ${what}: ${describeSystemError(error)}`, 1);

const guarded = new WeakSet<NodeJS.WriteStream>();

/**
 * A failed write on stdout or stderr also emits 'error', which with no listener throws from the
 * event loop as a stack. The write's callback is where failures are handled; this only keeps the
 * event from crashing the process (and there is nowhere left to report a broken stderr).
 */
export const guardStream = (stream: NodeJS.WriteStream): void => {
	if (!guarded.has(stream)) {
		guarded.add(stream);
		stream.on('error', () => undefined);
	}
};

const writeStream = async (stream: NodeJS.WriteStream, text: string, what: string): Promise<void> => {
	guardStream(stream);
	return new Promise((resolve, reject) => {
		stream.write(text, (error) => {
			if (error) {
				reject(toOutputError(error, what));
			} else {
				resolve();
			}
		});
	});
};

/** Prints to stdout and resolves once written; rejects with an OutputError. */
export const writeStdout = async (text: string): Promise<void> => writeStream(process.stdout, text, 'to stdout');

/** A device, a FIFO or a descriptor: opened without creating or truncating anything else, written, closed. */
const writeInPlace = async (file: string, data: string): Promise<void> => {
	// No O_CREAT: had the device vanished since the check, a regular file would appear in its place.
	const handle = await open(file, constants.O_WRONLY | constants.O_TRUNC);
	try {
		await handle.writeFile(data);
	} finally {
		await handle.close();
	}
};

/** Writes `-o FILE` as check-output-path.ts describes; rejects with an OutputError. */
export const writeOutputFile = async (file: string, data: string): Promise<void> => {
	const target = resolveOutputTarget(file);
	try {
		switch (target.kind) {
			case 'problem': {
				// The file system changed during the run; the message names the path as given.
				throw new OutputError(target.message, 2);
			}

			case 'descriptor': {
				await writeStream(target.fd === 1 ? process.stdout : process.stderr, data, file);
				return;
			}

			case 'in-place': {
				await writeInPlace(target.path, data);
				return;
			}

			case 'replace': {
				await writeFileAtomically(target.path, data, target.existing);
			}
		}
	} catch (error) {
		throw error instanceof OutputError ? error : toOutputError(error, file);
	}
};
