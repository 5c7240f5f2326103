// `kmtop --record FILE`: the session's recording, written as it goes (recording.ts). The file is
// opened before the screen is taken, so a path that cannot be written is one line and exit 2;
// each line is written whole as the engine reports the entry, so a session that ends badly
// still leaves a recording that replays up to its last entry. Written in place (never through a
// temp file and a rename): a device or a FIFO stays what it was.

import {closeSync, openSync, writeSync} from 'node:fs';
import {formatEndLine, formatEntryLine, formatStartLine, RecordingError, type RecordingStart} from '../engine/recording.js';
import type {JournalEntry} from '../engine/session-journal.js';
import {describeSystemError} from './describe-system-error.js';

export class SessionRecorder {
	readonly file: string;
	private fd: number | undefined;
	/** The first write that failed (the disk filled up): said once, when the session ends. */
	problem: string | undefined;

	constructor(file: string, start: RecordingStart) {
		this.file = file;
		try {
			this.fd = openSync(file, 'w');
		} catch (error) {
			throw new RecordingError(`--record ${file}: cannot write the recording: ${describeSystemError(error)}`);
		}

		this.write(formatStartLine(start));
		if (this.problem) {
			throw new RecordingError(this.problem);
		}
	}

	entry(entry: JournalEntry): void {
		this.write(formatEntryLine(entry));
	}

	/** Where the session ended; then the file is closed. */
	end(point: {boot: number; tick: number}): void {
		this.write(formatEndLine(point));
		this.close();
	}

	close(): void {
		if (this.fd !== undefined) {
			closeSync(this.fd);
			this.fd = undefined;
		}
	}

	private write(line: string): void {
		if (this.fd === undefined || this.problem) {
			return;
		}

		try {
			writeSync(this.fd, line);
		} catch (error) {
			this.problem = `--record ${this.file}: the recording stopped: ${describeSystemError(error)}`;
		}
	}
}
