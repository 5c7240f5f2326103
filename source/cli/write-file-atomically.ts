// Writes a file so that readers see the old file or the whole new one, never a half: a temp file
// in the same folder (same file system, so the rename is atomic), fsync'd, then renamed over the
// target. On any failure the temp file is removed and the error goes to the caller.

import {randomBytes} from 'node:crypto';
import {open, rename, rm} from 'node:fs/promises';
import path from 'node:path';

export const temporaryName = (file: string): string =>
	path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

export const writeFileAtomically = async (file: string, data: string): Promise<void> => {
	const temporary = temporaryName(path.resolve(file));
	let handle: Awaited<ReturnType<typeof open>> | undefined;
	try {
		handle = await open(temporary, 'wx');
		await handle.writeFile(data);
		await handle.sync();
		await handle.close();
		handle = undefined;
		await rename(temporary, file);
	} catch (error) {
		await handle?.close().catch(() => undefined);
		await rm(temporary, {force: true});
		throw error;
	}

	// Make the rename itself durable; not every file system lets a directory be fsync'd.
	const directory = await open(path.dirname(path.resolve(file)), 'r').catch(() => undefined);
	await directory?.sync().catch(() => undefined);
	await directory?.close();
};
