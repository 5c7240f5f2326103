// A sweep's worker thread: runs the combinations it is sent, one at a time, and answers with
// their rows. Each workload module is loaded once per worker; a run's state is its own (the
// workload keeps it in ctx.state, as the workload API asks).

import type {Workload} from '../engine/workload-api.js';
import {loadBuiltinWorkload, loadWorkloadFile} from '../engine/workload-loader.js';
import {runSweepCase} from './run-sweep-case.js';
import {serveTasks} from './run-worker-pool.js';
import type {SweepCombination, SweepRow, WorkloadSource} from './sweep-row.js';

const loaded = new Map<string, Promise<Workload>>();

const load = async (source: WorkloadSource): Promise<Workload> => {
	const key = source.kind === 'builtin' ? `builtin:${source.name}` : `path:${source.path}`;
	let workload = loaded.get(key);
	if (!workload) {
		workload = source.kind === 'builtin' ? loadBuiltinWorkload(source.name) : loadWorkloadFile(source.path);
		loaded.set(key, workload);
	}

	return workload;
};

serveTasks<SweepCombination, SweepRow>(async (combination) => runSweepCase(await load(combination.source), combination));
