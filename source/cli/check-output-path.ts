// Where `-o FILE` goes. Decided before the run, so that a path that cannot be written is one line
// and exit 2 up front rather than after a long run, and again just before writing, since the file
// system may have changed meanwhile. Each kind of path behaves as a shell's `>` would, except that
// a regular file is replaced atomically (no reader ever sees half a document):
// - a regular file or a new path: replaced through a temp file (write-file-atomically.ts), keeping
//   the old file's mode and owner; through a symlink, the link's target is replaced, the link stays;
// - a device (/dev/null, /dev/full, a tty) or a FIFO: opened and written in place, never renamed
//   over, and only the device's own permissions matter, not those of its folder (/dev);
// - /dev/stdout and /dev/stderr (or /dev/fd/1, /proc/self/fd/2): written to our own stream, which
//   works for pipes and for other users' terminals, where reopening the path would not;
// - a regular file whose folder we may not write (no temp file possible): written in place.

import {accessSync, closeSync, constants, lstatSync, openSync, readlinkSync, realpathSync, statSync, unlinkSync, type Stats} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {describeSystemError, errorCode} from './describe-system-error.js';
import {temporaryName, trackTemporaryFile} from './write-file-atomically.js';

export type ExistingFile = {mode: number; uid: number; gid: number};

export type OutputTarget =
	| {kind: 'replace'; path: string; existing: ExistingFile | undefined}
	| {kind: 'in-place'; path: string}
	| {kind: 'descriptor'; fd: 1 | 2}
	| {kind: 'problem'; message: string};

/** Linux allows 40 symlinks in one lookup (MAXSYMLINKS). */
const MAX_LINKS = 40;

// A path naming one of our own open file descriptors; the kernel's links behind these name
// pipes and sockets ("pipe:[4711]") that no path reaches.
const descriptorPath = /^\/(?:dev\/fd|proc\/(?:self|thread-self|(\d+)(?:\/task\/\d+)?)\/fd)\/(\d+)$/;

const ownDescriptor = (file: string): number | undefined => {
	const match = descriptorPath.exec(file);
	return match && (match[1] === undefined || Number(match[1]) === process.pid) ? Number(match[2]) : undefined;
};

const canWrite = (file: string): boolean => {
	try {
		accessSync(file, constants.W_OK);
		return true;
	} catch {
		return false;
	}
};

const classifyExisting = (file: string, resolved: string, info: Stats): OutputTarget => {
	const problem = (why: string): OutputTarget => ({kind: 'problem', message: `cannot write ${file}: ${why}`});
	if (info.isDirectory()) {
		return problem('it is a directory');
	}

	if (info.isSocket()) {
		return problem('it is a socket');
	}

	// As a shell's `>` would: a file we may not write is not replaced, even where the folder allows it.
	if (!canWrite(resolved)) {
		return problem('permission denied');
	}

	if (!info.isFile()) {
		return {kind: 'in-place', path: resolved};
	}

	return canWrite(path.dirname(resolved))
		? {kind: 'replace', path: resolved, existing: {mode: info.mode & 0o7777, uid: info.uid, gid: info.gid}}
		: {kind: 'in-place', path: resolved};
};

const classifyNew = (file: string, resolved: string): OutputTarget => {
	const directory = path.dirname(resolved);
	if (!statSync(directory, {throwIfNoEntry: false})?.isDirectory()) {
		return {kind: 'problem', message: `cannot write ${file}: no such directory ${directory}`};
	}

	return canWrite(directory)
		? {kind: 'replace', path: resolved, existing: undefined}
		: {kind: 'problem', message: `cannot write ${file}: permission denied`};
};

/** What writing `file` means, following symlinks; a problem is one line naming `file`. */
export const resolveOutputTarget = (file: string): OutputTarget => {
	// As a shell's `>`: a trailing slash names a folder (path.resolve would drop it and write the file).
	if (file.endsWith('/')) {
		// What the path names without its slash (Node 24's statSync of `file.json/` says nothing
		// rather than ENOTDIR).
		let info: Stats | undefined;
		try {
			info = statSync(file.replace(/\/+$/, '') || '/', {throwIfNoEntry: false});
		} catch {
			info = undefined;
		}

		const why = info === undefined ? 'a path ending in / names a directory' : info.isDirectory() ? 'it is a directory' : describeSystemError({code: 'ENOTDIR'});
		return {kind: 'problem', message: `cannot write ${file}: ${why}`};
	}

	let current = path.resolve(file);
	try {
		for (let links = 0; links <= MAX_LINKS; links++) {
			const descriptor = ownDescriptor(current);
			if (descriptor === 1 || descriptor === 2) {
				return {kind: 'descriptor', fd: descriptor};
			}

			const info = lstatSync(current, {throwIfNoEntry: false});
			if (info === undefined) {
				return classifyNew(file, current);
			}

			if (!info.isSymbolicLink()) {
				return classifyExisting(file, current, info);
			}

			if (descriptor !== undefined) {
				// Another of our descriptors (a shell's `>(…)` is /dev/fd/63): reopened through its
				// path and written in place, whatever it is; there is no folder to rename in.
				const target = classifyExisting(file, current, statSync(current));
				return target.kind === 'problem' ? target : {kind: 'in-place', path: current};
			}

			// Resolve the link against its folder's real path, as the kernel does ("a/../b" after a
			// symlinked folder is not the textual "b").
			current = path.resolve(realpathSync(path.dirname(current)), readlinkSync(current));
		}

		return {kind: 'problem', message: `cannot write ${file}: ${describeSystemError({code: 'ELOOP'})}`};
	} catch (error) {
		const why = errorCode(error) === 'EACCES' ? 'permission denied' : describeSystemError(error);
		return {kind: 'problem', message: `cannot write ${file}: ${why}`};
	}
};

/**
Why the temp file of a replace cannot be made in `directory`, by making one and removing it: a
permission check alone passes for root where nothing can be created (/proc, /sys, a read-only mount).
*/
const creationProblem = (directory: string): string | undefined => {
	const probe = temporaryName(path.join(directory, 'kmtop-output-check'));
	// Tracked as the write's temp file is. A signal that comes meanwhile is handled at the event
	// loop's next turn, so the tracking (and its listeners) stays until then: released at once,
	// a SIGHUP or SIGTERM would find no listener and be lost.
	const release = trackTemporaryFile(probe);
	try {
		closeSync(openSync(probe, 'wx', 0o600));
		unlinkSync(probe);
		return undefined;
	} catch (error) {
		return describeSystemError(error);
	} finally {
		setImmediate(release);
	}
};

/** Undefined when `file` can be written, else why not (one line). */
export const checkOutputPath = (file: string): string | undefined => {
	const target = resolveOutputTarget(file);
	if (target.kind === 'problem') {
		return target.message;
	}

	const problem = target.kind === 'replace' ? creationProblem(path.dirname(target.path)) : undefined;
	return problem === undefined ? undefined : `cannot write ${file}: ${problem}`;
};
