// An I/O error as a short phrase for a one-line message: the code a user can search for and what
// it means, "ENOSPC (no space left on device)". Node's fs errors carry libuv's wording in their
// message ("ENOSPC: no space left on device, write"); stream errors only say "write EPIPE".

import {describeThrown} from '../engine/describe-thrown.js';

const meanings: Record<string, string> = {
	EPIPE: 'broken pipe',
	ENOSPC: 'no space left on device',
	EDQUOT: 'disk quota exceeded',
	EIO: 'input/output error',
	EACCES: 'permission denied',
	EPERM: 'operation not permitted',
	EROFS: 'read-only file system',
	EFBIG: 'file too large',
	ENXIO: 'no such device or address',
	ENOENT: 'no such file or directory',
	ENOTDIR: 'not a directory',
	EISDIR: 'is a directory',
	ELOOP: 'too many levels of symbolic links',
	EBADF: 'bad file descriptor',
};

const readField = (error: unknown, field: 'code' | 'message'): unknown => {
	try {
		return (error as Record<string, unknown> | null)?.[field];
	} catch {
		return undefined;
	}
};

/** The error's code, if it has one ("ENOSPC"). */
export const errorCode = (error: unknown): string | undefined => {
	const code = readField(error, 'code');
	return typeof code === 'string' ? code : undefined;
};

/** "ENOSPC (no space left on device)"; an error without a code is described as thrown. */
export const describeSystemError = (error: unknown): string => {
	const code = errorCode(error);
	if (code === undefined) {
		return describeThrown(error);
	}

	const message = readField(error, 'message');
	const libuv = typeof message === 'string' ? new RegExp(`^${code}: ([^,]+)`).exec(message)?.[1] : undefined;
	const meaning = libuv ?? meanings[code];
	return meaning === undefined ? code : `${code} (${meaning})`;
};
