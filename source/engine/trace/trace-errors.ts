// The two ways a trace can be bad input, each with a message fit for one line on stderr: the CLI
// prints `message` and exits 2, never a stack (the stack stays on the object for DEBUG=kmtop).
// Whatever a message quotes from the input or the path is escaped (escape-trace-text.ts).

import {describeTracePath} from './escape-trace-text.js';

/** The trace's content: a malformed line under `strict`, an empty file, or no kmalloc/kfree events. */
export class TraceFormatError extends Error {
	override readonly name = 'TraceFormatError';
}

/** The trace cannot be read: missing, unreadable, a directory, a terminal, or corrupt gzip. */
export class TraceFileError extends Error {
	override readonly name = 'TraceFileError';

	constructor(readonly file: string, readonly code: string, cause?: unknown, message?: string) {
		super(message ?? `cannot read trace ${describeTracePath(file)}: ${code}${describeCode(code)}`, {cause});
	}
}

const descriptions: Record<string, string> = {
	ENOENT: 'no such file',
	EACCES: 'permission denied',
	EISDIR: 'is a directory',
	EIO: 'input/output error',
	ENXIO: 'no such device',
	Z_DATA_ERROR: 'not valid gzip data',
	Z_BUF_ERROR: 'gzip data cut short',
};

function describeCode(code: string): string {
	const description = descriptions[code];
	return description === undefined ? '' : ` (${description})`;
}

/** Wraps a node/zlib error; anything without an error code is a bug, not bad input, and passes through. */
export function toTraceFileError(file: string, error: unknown): unknown {
	if (error instanceof TraceFileError || error instanceof TraceFormatError) {
		return error;
	}

	const code = (error as {code?: unknown} | undefined)?.code;
	return typeof code === 'string' ? new TraceFileError(file, code, error) : error;
}

/** Names of standard input that open() refuses with ENXIO when it is a socket (as Node's child processes get it): read fd 0 itself then (--trace, --replay). */
export const stdinAliases: ReadonlySet<string> = new Set(['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);
