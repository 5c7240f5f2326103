// Loading the workloads an engine runs, with every failure as data: a bad module or trace is the
// user's input (one line, exit 2), anything else is kmtop's own error.

import {TraceFileError, TraceFormatError} from './trace/trace-errors.js';
import {createTraceWorkload, type TraceProgress} from './trace/trace-workload.js';
import type {WorkloadSource} from './engine-protocol.js';
import {describeThrown} from './describe-thrown.js';
import type {Workload} from './workload-api.js';
import {WorkloadLoadError, loadAllBuiltinWorkloads, loadBuiltinWorkload, loadWorkloadFile} from './workload-loader.js';

export type LoadedWorkloads =
	| {ok: true; initial: Workload; all: Workload[]}
	| {ok: false; badInput: boolean; message: string};

const loadSource = async (source: WorkloadSource, onTraceProgress?: (progress: TraceProgress) => void): Promise<Workload> => {
	switch (source.kind) {
		case 'builtin': {
			return loadBuiltinWorkload(source.name);
		}

		case 'file': {
			return loadWorkloadFile(source.path);
		}

		case 'trace': {
			return createTraceWorkload(source.path, {size: source.size, msPerTick: source.msPerTick, strict: source.strict, onProgress: onTraceProgress});
		}
	}
};

/**
The initial workload; with `withBuiltins`, every built-in too, the initial one in its place among
them. A trace is read while it loads (a file's events counted): `onTraceProgress` hears how far.
*/
export const loadWorkloads = async (source: WorkloadSource, withBuiltins: boolean, onTraceProgress?: (progress: TraceProgress) => void): Promise<LoadedWorkloads> => {
	try {
		const [builtins, initial] = await Promise.all([withBuiltins ? loadAllBuiltinWorkloads() : [], loadSource(source, onTraceProgress)]);
		const same = builtins.find((workload) => workload.name === initial.name);
		return {ok: true, initial: same ?? initial, all: builtins};
	} catch (error) {
		const badInput = error instanceof WorkloadLoadError || error instanceof TraceFileError || error instanceof TraceFormatError;
		return {ok: false, badInput, message: badInput ? (error as Error).message : `internal error: ${describeThrown(error)}`};
	}
};
