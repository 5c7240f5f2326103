// A recording as `kmtop replay FILE` and `kmtop snapshot --replay FILE` take it: read, parsed,
// and checked against this kmtop before anything runs. Each problem is one line (exit 2): a
// file that is not a recording, one from another kmtop version (its simulation may differ, so
// its figures would not be the ones recorded), a revision or custom workload that is not here.

import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {WorkloadSource} from '../engine/engine-protocol.js';
import {RecordingError, lastBootOf, parseRecording, type Recording} from '../engine/recording.js';
import {describeSystemError} from './describe-system-error.js';

export type RecordingChecks = {
	version: string;
	revisionIds: string[];
	workloadNames: string[];
};

const describeSource = (source: WorkloadSource): string => (source.kind === 'builtin' ? source.name : source.path);

export const readRecording = (file: string, checks: RecordingChecks): Recording => {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		throw new RecordingError(`${file}: cannot read the recording: ${describeSystemError(error)}`);
	}

	const recording = parseRecording(text, file);
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
	const fallback = recording.end?.boot === target ? recording.end.tick : (reboot?.tick ?? Math.max(0, ...entries.map((entry) => entry.tick)));
	return {boot: target, tick: ticks ?? fallback};
};

/** A custom workload's path as a recording keeps it: absolute, so a replay works from anywhere. */
export const recordedSource = (source: WorkloadSource): WorkloadSource =>
	source.kind === 'builtin' ? source : {...source, path: path.resolve(source.path)};
