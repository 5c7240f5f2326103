// The `made` section of a snapshot document: how it was made and the command line that makes
// it again. A run with nothing in its journal is a plain `kmtop snapshot` with every option
// spelled out (defaults change; a document must not); one with switches or reboots replays the
// recording it came from, or the document itself once saved (`s` writes its own name in).

import type {WorkloadSource} from './engine-protocol.js';
import {isEntryDue, type JournalEntry} from './session-journal.js';
import type {DocumentMade, MadeBy, SnapshotDocument} from './snapshot-types.js';

/** Stands for the saved document's own file in `rerun` until the file has a name. */
export const THIS_DOCUMENT = '<this file>';

export type MadeRun = {
	by: MadeBy;
	seed: number;
	ramBytes: number;
	start: DocumentMade['start'];
	/** The session's whole journal: the entries up to the document are kept. */
	journal: readonly JournalEntry[];
	/** Where the document is on the session's timeline. */
	boot: number;
	tick: number;
	/** The recording the session is written to or played from, if any. */
	recordingFile?: string;
};

/** A word for a POSIX shell: as it is when safe, else in single quotes. */
export const quoteArgument = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`);

const units: Array<[string, number]> = [['G', 1024 ** 3], ['M', 1024 ** 2], ['K', 1024]];

const formatRam = (bytes: number): string => {
	const unit = units.find(([, size]) => bytes % size === 0);
	return unit ? `${bytes / unit[1]}${unit[0]}` : String(bytes);
};

const workloadArguments = (source: WorkloadSource): string[] => {
	switch (source.kind) {
		case 'builtin': {
			return ['-w', source.name];
		}

		case 'file': {
			return ['-w', source.path];
		}

		case 'trace': {
			return [
				'--trace',
				source.path,
				'--trace-size',
				source.size,
				...(source.msPerTick === null ? [] : ['--trace-ms-per-tick', String(source.msPerTick)]),
				...(source.strict ? ['--strict'] : []),
			];
		}
	}
};

/** The options of a run as `kmtop` takes them, every one spelled out. */
export const runArguments = (run: {seed: number; ramBytes: number; start: DocumentMade['start']}): string[] => [
	...workloadArguments(run.start.workload),
	'--seed',
	String(run.seed),
	'--revision',
	run.start.revision,
	'--ram',
	formatRam(run.ramBytes),
	...(run.start.debugAsserts ? ['--debug-asserts'] : []),
];

export const describeMade = (run: MadeRun): DocumentMade => {
	const point = {boot: run.boot, tick: run.tick};
	const journal = run.journal.filter((entry) => isEntryDue(entry, point)).map((entry) => ({boot: entry.boot, tick: entry.tick, action: {...entry.action}}));
	// Without --boot, --replay counts --ticks in the last boot of what it plays. A saved document's
	// journal ends at its own boot; a recording may go on into later ones, so it always gets --boot
	// (else boot 1's tick 2,130 of a session rebooted later rerun as the last boot's tick 2,130).
	const boot = run.boot > 1 || run.recordingFile !== undefined ? ['--boot', String(run.boot)] : [];
	const words =
		journal.length === 0 && run.boot === 1
			? ['kmtop', 'snapshot', ...runArguments(run), '--ticks', String(run.tick)]
			: ['kmtop', 'snapshot', '--replay', run.recordingFile ?? THIS_DOCUMENT, ...boot, '--ticks', String(run.tick)];
	return {
		by: run.by,
		start: {revision: run.start.revision, workload: {...run.start.workload}, debugAsserts: run.start.debugAsserts},
		journal,
		boot: run.boot,
		rerun: words.map((word) => (word === THIS_DOCUMENT ? word : quoteArgument(word))).join(' '),
	};
};

/** The document with its `made` section, right after `run` (the schema's key order). */
export const withMade = (document: SnapshotDocument, made: DocumentMade): SnapshotDocument => {
	const {schema, kmtop, run, made: _old, ...rest} = document;
	return {schema, kmtop, run, made, ...rest};
};
