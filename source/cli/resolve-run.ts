// What a parsed plan runs: the engine's options, where its workload comes from, how it started
// (as `made` and a recording say it), the recording it replays, and where its output goes.

import {statSync} from 'node:fs';
import {checkOutputPath} from './check-output-path.js';
import type {RunPlan, ParseContext} from './parse-arguments.js';
import {readRecording, recordedSource} from './read-recording.js';
import {BadInput} from './report-problem.js';
import {writeOutputFile, writeStdout} from './write-output.js';
import type {RunOptions, WorkloadSource} from '../engine/engine-protocol.js';
import type {Recording} from '../engine/recording.js';
import type {DocumentMade} from '../engine/snapshot-types.js';
import {kmtopVersion} from '../engine/version.js';

/** Where the engine's thread finds the run's workload (it loads it itself). */
export const workloadSource = (plan: RunPlan): WorkloadSource => {
	if (plan.trace !== null) {
		return {kind: 'trace', path: plan.trace, size: plan.traceSize, msPerTick: plan.traceMsPerTick, strict: plan.strict};
	}

	return plan.workload.kind === 'builtin' ? {kind: 'builtin', name: plan.workload.name} : {kind: 'file', path: plan.workload.path};
};

export const runOptions = (plan: RunPlan): RunOptions => ({seed: plan.seed, revision: plan.revision, ramBytes: plan.ramBytes, debugAsserts: plan.debugAsserts});

export const writeOutput = async (plan: RunPlan, text: string): Promise<void> =>
	plan.output === null ? writeStdout(text) : writeOutputFile(plan.output, text);

/** A recording to replay, read and checked against this kmtop (read-recording.ts). */
export const loadRecording = (file: string, context: ParseContext): Recording =>
	readRecording(file, {version: kmtopVersion, revisionIds: context.revisionIds, workloadNames: context.workloadNames});

/** How a run started, as the `made` section and a recording say it. */
export const startOf = (plan: RunPlan): DocumentMade['start'] => ({revision: plan.revision, workload: recordedSource(workloadSource(plan)), debugAsserts: plan.debugAsserts});

/** The same file (through links, hard ones too), when both exist. */
const sameFile = (a: string, b: string): boolean => {
	const first = statSync(a, {throwIfNoEntry: false});
	const second = statSync(b, {throwIfNoEntry: false});
	return first !== undefined && second !== undefined && first.dev === second.dev && first.ino === second.ino;
};

/** The files a run reads, named as its options say. */
const inputsOf = (plan: RunPlan): Array<[option: string, file: string]> => [
	...(plan.trace !== null && plan.trace !== '-' ? [['--trace', plan.trace] as [string, string]] : []),
	...(plan.workload.kind === 'path' ? [['-w', plan.workload.path] as [string, string]] : []),
	...(plan.replay === null ? [] : [['--replay', plan.replay] as [string, string]]),
];

export const checkOutput = (plan: RunPlan): void => {
	if (plan.output === null) {
		return;
	}

	const outputProblem = checkOutputPath(plan.output);
	if (outputProblem) {
		throw new BadInput(outputProblem);
	}

	// A shell's `>` would empty it before the run read it; replacing it after loses the capture.
	const input = inputsOf(plan).find(([, file]) => sameFile(plan.output!, file));
	if (input) {
		throw new BadInput(`cannot write ${plan.output}: it is the run's ${input[0]} file; give the output another name`);
	}
};
