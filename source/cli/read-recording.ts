// A recording as `kmtop replay FILE` and `kmtop snapshot --replay FILE` take it: read, parsed,
// and checked against this kmtop before anything runs. Each problem is one line (exit 2): a
// file that is not a recording, one from another kmtop version (its simulation may differ, so
// its figures would not be the ones recorded), a revision or custom workload that is not here.
// The file is read a piece at a time and refused early when it cannot be one: NUL bytes near its
// start (a binary file, /dev/zero, which a plain read would take to the end of memory), or more
// bytes than any recording or saved document has.

import {closeSync, existsSync, openSync, readSync} from 'node:fs';
import path from 'node:path';
import type {WorkloadSource} from '../engine/engine-protocol.js';
import {RecordingError, lastBootOf, parseRecording, type Recording} from '../engine/recording.js';
import {stdinAliases} from '../engine/trace/trace-errors.js';
import {describeSystemError} from './describe-system-error.js';

export type RecordingChecks = {
	version: string;
	revisionIds: string[];
	workloadNames: string[];
	/** The most bytes a file may have (a session's recording is kilobytes; a saved document, megabytes). */
	maxBytes?: number;
};

/** Bytes from the start in which a NUL byte means binary data, not JSON text. */
const binaryCheckBytes = 64 * 1024;
const MiB = 1024 * 1024;
const defaultMaxBytes = 256 * MiB;

const pause = new Int32Array(new SharedArrayBuffer(4));

/** The file's descriptor, and whether it is ours to close: fd 0 itself for a name of standard input that open() refuses with ENXIO (a socket, as Node's child processes get it). */
const openRecording = (file: string): {fd: number; own: boolean} => {
	try {
		return {fd: openSync(file, 'r'), own: true};
	} catch (error) {
		if (stdinAliases.has(file) && (error as {code?: string}).code === 'ENXIO') {
			return {fd: 0, own: false};
		}

		throw error;
	}
};

/**
Reads into `buffer` as readSync does; a non-blocking descriptor (a socket as standard input) that
has nothing yet is waited for, a millisecond at a time, rather than failing with EAGAIN.
*/
const readWaiting = (fd: number, buffer: Buffer, length: number): number => {
	for (;;) {
		try {
			return readSync(fd, buffer, 0, length, null);
		} catch (error) {
			if ((error as {code?: string}).code !== 'EAGAIN') {
				throw error;
			}

			Atomics.wait(pause, 0, 0, 1);
		}
	}
};

const formatMiB = (bytes: number): string => (bytes >= MiB ? `${bytes / MiB} MiB` : `${bytes} bytes`);

/** The file's text, read a piece at a time (a pipe or a device as well as a file), or one line why not. */
const readRecordingText = (file: string, maxBytes: number): string => {
	const pieces: Buffer[] = [];
	// Each read lands here and is kept as a copy of its own length: a pipe gives 64 KiB a read, and
	// a 1 MiB buffer kept for each would reserve 16 times the file (as V8 counts external memory;
	// the pages never written stay out of RSS: 150 MB piped, 506 against 498 MB peak RSS).
	const scratch = Buffer.allocUnsafe(MiB);
	let total = 0;
	let opened: {fd: number; own: boolean} | undefined;
	try {
		opened = openRecording(file);
		for (;;) {
			const read = readWaiting(opened.fd, scratch, total < binaryCheckBytes ? binaryCheckBytes - total : MiB);
			if (read === 0) {
				break;
			}

			const piece = scratch.subarray(0, read);
			if (total < binaryCheckBytes && piece.includes(0)) {
				throw new RecordingError(`${file}: not a kmtop recording: it holds binary data (NUL bytes), and a recording is JSON text (kmtop --record FILE, or a snapshot saved with s)`);
			}

			total += read;
			if (total > maxBytes) {
				throw new RecordingError(`${file}: not a kmtop recording: it is over ${formatMiB(maxBytes)}, and a recording or a saved snapshot is far smaller`);
			}

			pieces.push(Buffer.from(piece));
		}
	} catch (error) {
		if (error instanceof RecordingError) {
			throw error;
		}

		throw new RecordingError(`${file}: cannot read the recording: ${describeSystemError(error)}`);
	} finally {
		if (opened?.own) {
			closeSync(opened.fd);
		}
	}

	return Buffer.concat(pieces, total).toString('utf8');
};

const describeSource = (source: WorkloadSource): string => (source.kind === 'builtin' ? source.name : source.path);

export const readRecording = (file: string, checks: RecordingChecks): Recording => {
	const recording = parseRecording(readRecordingText(file, checks.maxBytes ?? defaultMaxBytes), file);
	if (recording.kmtop !== checks.version) {
		throw new RecordingError(
			`${file}: recorded with kmtop ${recording.kmtop}, and this is kmtop ${checks.version}; another version may simulate differently, so replay it with kmtop ${recording.kmtop}`,
		);
	}

	const revisions = [recording.revision, ...recording.journal.flatMap((entry) => (entry.action.type === 'reboot' ? [entry.action.revision] : []))];
	const unknown = revisions.find((revision) => !checks.revisionIds.includes(revision));
	if (unknown) {
		throw new RecordingError(`${file}: the recording uses revision "${unknown}", which this kmtop does not have`);
	}

	const {workload} = recording;
	if (workload.kind === 'builtin' && !checks.workloadNames.includes(workload.name)) {
		throw new RecordingError(`${file}: the recording's workload "${workload.name}" is not a built-in of this kmtop`);
	}

	if (workload.kind !== 'builtin' && !existsSync(workload.path)) {
		const what = workload.kind === 'file' ? 'custom workload' : 'trace';
		throw new RecordingError(`${file}: the recording's ${what} ${describeSource(workload)} is missing; put it back at that path to replay`);
	}

	return recording;
};

/** The boot and tick `--replay` runs to: `--boot` (else the recording's last) and `--ticks` (else where that boot ended). */
export const replayTarget = (recording: Recording, file: string, boot: number | null, ticks: number | null): {boot: number; tick: number} => {
	const last = lastBootOf(recording);
	const target = boot ?? last;
	if (target > last) {
		throw new RecordingError(`--boot ${target}: ${file} has ${last} ${last === 1 ? 'boot' : 'boots'}`);
	}

	const reboot = recording.journal.find((entry) => entry.boot === target && entry.action.type === 'reboot');
	if (reboot && ticks !== null && ticks > reboot.tick) {
		throw new RecordingError(`--ticks ${ticks}: boot ${target} of ${file} ended at tick ${reboot.tick} (a reboot)`);
	}

	const entries = recording.journal.filter((entry) => entry.boot === target);
	const fallback = recording.end?.boot === target ? recording.end.tick : (reboot?.tick ?? entries.reduce((latest, entry) => Math.max(latest, entry.tick), 0));
	return {boot: target, tick: ticks ?? fallback};
};

/** A custom workload's path as a recording keeps it: absolute, so a replay works from anywhere. */
export const recordedSource = (source: WorkloadSource): WorkloadSource =>
	source.kind === 'builtin' ? source : {...source, path: path.resolve(source.path)};
