// Replaces a regular file, or creates a new one, so that readers see the old file or the whole
// new one, never a half: the bytes are ready before the temp file exists (a short window), the
// temp file sits in the same folder (same file system, so the rename is atomic), takes the old
// file's mode and owner, is fsync'd, then renamed over the target.
//
// No temp file outlives the write: it is removed on failure, on SIGINT, SIGTERM and SIGHUP, and
// on any exit while it exists (an uncaught exception from a workload's timer included). Only
// SIGKILL can leave one behind.

import {randomBytes} from 'node:crypto';
import {close, fchmod, fchown, fsync, openSync, unlinkSync, writeFile} from 'node:fs';
import {open, rename, rm} from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import {promisify} from 'node:util';
import type {ExistingFile} from './check-output-path.js';

export const temporaryName = (file: string): string =>
	path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

const temporaryFiles = new Set<string>();
const cleanupSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const removeTemporaryFiles = (): void => {
	for (const file of temporaryFiles) {
		try {
			unlinkSync(file);
		} catch {
			// Already renamed into place, or never created.
		}
	}

	temporaryFiles.clear();
};

const onSignal = (signal: NodeJS.Signals): void => {
	removeTemporaryFiles();
	stopCleanup();
	// Where someone else listens (the live dashboard), they decide how to end; alone, we end as
	// the signal would have ended us, so that a shell sees 130, 143 or 129.
	if (process.listenerCount(signal) === 0) {
		process.kill(process.pid, signal);
	}
};

const startCleanup = (): void => {
	for (const signal of cleanupSignals) {
		process.on(signal, onSignal);
	}

	process.on('exit', removeTemporaryFiles);
};

function stopCleanup(): void {
	for (const signal of cleanupSignals) {
		process.off(signal, onSignal);
	}

	process.off('exit', removeTemporaryFiles);
}

/** Removes `file` on any signal or exit until the returned function is called. */
export const trackTemporaryFile = (file: string): (() => void) => {
	if (temporaryFiles.size === 0) {
		startCleanup();
	}

	temporaryFiles.add(file);
	return () => {
		if (temporaryFiles.delete(file) && temporaryFiles.size === 0) {
			stopCleanup();
		}
	};
};

const closeFile = promisify(close);
const syncFile = promisify(fsync);
const writeToFile = promisify(writeFile);

const keepOwnerAndMode = async (fd: number, existing: ExistingFile): Promise<void> => {
	if (existing.uid !== process.getuid?.() || existing.gid !== process.getgid?.()) {
		// Only root (or a member of the file's group) may; otherwise the file becomes ours, as
		// with any editor that saves by rename.
		await promisify(fchown)(fd, existing.uid, existing.gid).catch(() => undefined);
	}

	// After chown, which clears set-user-ID bits.
	await promisify(fchmod)(fd, existing.mode);
};

/**
 * Writes `data` to `file` atomically. `existing` is the file being replaced (its mode and owner
 * are kept); a new file gets 0666 less the umask, as a shell's `>` would give it.
 */
export const writeFileAtomically = async (file: string, data: string | Uint8Array, existing?: ExistingFile): Promise<void> => {
	const target = path.resolve(file);
	const bytes = typeof data === 'string' ? Buffer.from(data) : data;
	const temporary = temporaryName(target);
	const release = trackTemporaryFile(temporary);
	let fd: number | undefined;
	try {
		// Created synchronously: an asynchronous open still under way when a signal handler or
		// the exit handler removes the temp file would create it again just after (seen on Node
		// 24 with a workload's timer throwing at the last tick). The later steps use only the
		// descriptor, and the rename fails harmlessly once the name is gone.
		// 0600 until the final mode is set: a replaced file may have been private.
		fd = openSync(temporary, 'wx', existing ? 0o600 : 0o666);
		if (existing) {
			await keepOwnerAndMode(fd, existing);
		}

		await writeToFile(fd, bytes);
		await syncFile(fd);
		const written = fd;
		fd = undefined;
		await closeFile(written);
		await rename(temporary, target);
	} catch (error) {
		if (fd !== undefined) {
			await closeFile(fd).catch(() => undefined);
		}

		await rm(temporary, {force: true});
		throw error;
	} finally {
		release();
	}

	// Make the rename itself durable; not every file system lets a directory be fsync'd.
	const directory = await open(path.dirname(target), 'r').catch(() => undefined);
	await directory?.sync().catch(() => undefined);
	await directory?.close();
};
