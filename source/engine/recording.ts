// A recorded session (`kmtop --record FILE`): how the session started and every key that
// changed the simulation, with its boot and tick. JSON Lines, written as the session goes, so a
// session that ends badly still leaves a file that replays: the first line says what it is and
// how the run started, one line per journal entry follows, and the last says where the session
// ended. The simulation is deterministic, so this is all a replay needs; but only the same kmtop
// simulates the same way, so a recording from another version is refused.
//
// A snapshot document saved from a session (`s`) names how it was made (its `made` section:
// the start and the journal), so it replays too: `kmtop snapshot --replay saved.json`.

import type {WorkloadSource} from './engine-protocol.js';
import type {JournalAction, JournalEntry} from './session-journal.js';
import {snapshotSchemaId} from './snapshot-types.js';

export const RECORDING_FORMAT = 'kmtop.recording/1';

export type RecordingStart = {
	format: typeof RECORDING_FORMAT;
	kmtop: string;
	seed: number;
	revision: string;
	ramBytes: number;
	workload: WorkloadSource;
	debugAsserts: boolean;
};

export type Recording = RecordingStart & {
	journal: JournalEntry[];
	/** Where the session ended (missing when it did not end cleanly). */
	end?: {boot: number; tick: number};
	/** What the file was: a recording, or a snapshot document with a `made` section. */
	kind: 'recording' | 'document';
};

/** A recording that cannot be replayed: one line for the user (exit 2). */
export class RecordingError extends Error {}

export const formatStartLine = (start: RecordingStart): string => `${JSON.stringify(start)}\n`;

export const formatEntryLine = (entry: JournalEntry): string =>
	`${JSON.stringify({boot: entry.boot, tick: entry.tick, action: entry.action})}\n`;

export const formatEndLine = (end: {boot: number; tick: number}): string => `${JSON.stringify({end})}\n`;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isCount = (value: unknown, min = 0): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= min;

const readSource = (value: unknown): WorkloadSource | undefined => {
	if (!isRecord(value)) {
		return undefined;
	}

	if (value.kind === 'builtin' && typeof value.name === 'string') {
		return {kind: 'builtin', name: value.name};
	}

	if (value.kind === 'file' && typeof value.path === 'string') {
		return {kind: 'file', path: value.path};
	}

	if (value.kind === 'trace' && typeof value.path === 'string' && (value.size === 'req' || value.size === 'alloc') && typeof value.strict === 'boolean') {
		const msPerTick = value.msPerTick === null || (typeof value.msPerTick === 'number' && Number.isFinite(value.msPerTick) && value.msPerTick > 0) ? value.msPerTick : undefined;
		return msPerTick === undefined ? undefined : {kind: 'trace', path: value.path, size: value.size, msPerTick, strict: value.strict};
	}

	return undefined;
};

const readAction = (value: unknown): JournalAction | undefined => {
	if (!isRecord(value)) {
		return undefined;
	}

	if (value.type === 'switch-workload' && typeof value.workload === 'string') {
		return {type: 'switch-workload', workload: value.workload};
	}

	if (value.type === 'reboot' && typeof value.revision === 'string') {
		return {type: 'reboot', revision: value.revision};
	}

	return undefined;
};

const readStart = (value: Record<string, unknown>): Omit<RecordingStart, 'format'> | undefined => {
	const workload = readSource(value.workload);
	if (!workload || typeof value.kmtop !== 'string' || !Number.isSafeInteger(value.seed) || typeof value.revision !== 'string' || !isCount(value.ramBytes, 1) || typeof value.debugAsserts !== 'boolean') {
		return undefined;
	}

	return {kmtop: value.kmtop, seed: value.seed as number, revision: value.revision, ramBytes: value.ramBytes, workload, debugAsserts: value.debugAsserts};
};

const readEntry = (value: unknown): JournalEntry | undefined => {
	if (!isRecord(value) || !isCount(value.boot, 1) || !isCount(value.tick)) {
		return undefined;
	}

	const action = readAction(value.action);
	return action ? {boot: value.boot, tick: value.tick, action} : undefined;
};

/** The end is where the journal leaves off: its last boot, at or after that boot's last entry. */
const checkEnd = (journal: JournalEntry[], end: {boot: number; tick: number}, file: string): void => {
	const boots = 1 + journal.filter((entry) => entry.action.type === 'reboot').length;
	const last = journal.filter((entry) => entry.boot === end.boot).at(-1);
	if (end.boot !== boots) {
		throw new RecordingError(`${file}: its end is in boot ${end.boot} and its journal reaches boot ${boots}: not a recording kmtop wrote`);
	}

	if (last !== undefined && last.tick > end.tick) {
		throw new RecordingError(`${file}: its end at tick ${end.tick} comes before its entry at tick ${last.tick}: not a recording kmtop wrote`);
	}
};

/** Entries in session order: boots rise one at a time after a reboot, ticks never go back within a boot. */
const checkOrder = (journal: JournalEntry[], where: (index: number) => string): void => {
	let boot = 1;
	let tick = 0;
	for (const [index, entry] of journal.entries()) {
		if (entry.boot !== boot || entry.tick < tick) {
			throw new RecordingError(`${where(index)}: boot ${entry.boot}, tick ${entry.tick} is out of order (after boot ${boot}, tick ${tick})`);
		}

		tick = entry.tick;
		if (entry.action.type === 'reboot') {
			boot++;
			tick = 0;
		}
	}
};

const parseDocument = (document: Record<string, unknown>, file: string): Recording => {
	const made = document.made;
	const run = document.run;
	if (!isRecord(made) || !isRecord(run) || !isRecord(made.start) || !Array.isArray(made.journal)) {
		throw new RecordingError(`${file}: a snapshot document without a "made" section (saved by an older kmtop?) cannot be replayed`);
	}

	const kmtop = isRecord(document.kmtop) ? document.kmtop.version : undefined;
	const start = readStart({...made.start, kmtop, seed: run.seed, ramBytes: run.ramBytes});
	const journal = made.journal.map(readEntry);
	if (!start || journal.some((entry) => entry === undefined) || !isCount(made.boot, 1) || !isCount(run.tick)) {
		throw new RecordingError(`${file}: its "made" section is not one kmtop wrote`);
	}

	const entries = journal as JournalEntry[];
	checkOrder(entries, (index) => `${file}: made.journal[${index}]`);
	return {format: RECORDING_FORMAT, ...start, journal: entries, end: {boot: made.boot, tick: run.tick}, kind: 'document'};
};

/** Reads a recording (or a snapshot document that names how it was made); throws RecordingError. */
/**
The lines that are not blank (a line with anything but white space), one at a time, found by a
search for the next such character: a file of blank lines by the hundred million makes no array of
them (`text.split('\n')` of 150,000,000 newlines ended kmtop in a V8 fatal error, "invalid size").
*/
function* nonBlankLines(text: string): Generator<string> {
	const nonBlank = /\S/g;
	for (;;) {
		const found = nonBlank.exec(text);
		if (!found) {
			return;
		}

		const start = text.lastIndexOf('\n', found.index) + 1;
		const newline = text.indexOf('\n', found.index);
		const end = newline < 0 ? text.length : newline;
		yield text.slice(start, end);
		nonBlank.lastIndex = end;
	}
}

export const parseRecording = (text: string, file: string): Recording => {
	const trimmed = text.trimStart();
	if (trimmed.startsWith('{') && !trimmed.split('\n', 1)[0]!.includes(RECORDING_FORMAT)) {
		let document: unknown;
		try {
			document = JSON.parse(text);
		} catch {
			document = undefined;
		}

		if (isRecord(document) && document.schema === snapshotSchemaId) {
			return parseDocument(document, file);
		}
	}

	const lines = nonBlankLines(text);
	const parse = (line: string, number: number): unknown => {
		try {
			return JSON.parse(line) as unknown;
		} catch {
			throw new RecordingError(`${file}: line ${number} is not JSON`);
		}
	};

	const firstLine = lines.next();
	const first = firstLine.done ? undefined : parse(firstLine.value, 1);
	if (!isRecord(first) || first.format !== RECORDING_FORMAT) {
		throw new RecordingError(`${file}: not a kmtop recording (its first line should say "format": "${RECORDING_FORMAT}"); record one with kmtop --record FILE`);
	}

	const start = readStart(first);
	if (!start) {
		throw new RecordingError(`${file}: line 1 is not the start of a recording kmtop wrote`);
	}

	const journal: JournalEntry[] = [];
	let end: {boot: number; tick: number} | undefined;
	// Numbered as the lines that are not blank (the first is 1).
	let number = 1;
	for (const line of lines) {
		number++;
		const value = parse(line, number);
		if (isRecord(value) && isRecord(value.end) && isCount(value.end.boot, 1) && isCount(value.end.tick)) {
			end = {boot: value.end.boot, tick: value.end.tick};
			continue;
		}

		const entry = readEntry(value);
		if (!entry || end) {
			throw new RecordingError(`${file}: line ${number} is not a journal entry kmtop wrote`);
		}

		journal.push(entry);
	}

	checkOrder(journal, (index) => `${file}: line ${index + 2}`);
	if (end) {
		checkEnd(journal, end, file);
	}

	return {format: RECORDING_FORMAT, ...start, journal, ...(end ? {end} : {}), kind: 'recording'};
};

/** The last boot a recording reaches: one more than its reboots. */
export const lastBootOf = (recording: Recording): number =>
	recording.end?.boot ?? 1 + recording.journal.filter((entry) => entry.action.type === 'reboot').length;
