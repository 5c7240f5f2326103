import type {RunPlan} from './parse-arguments.js';
import {checkOutput, runOptions, startOf, workloadSource, writeOutput} from './resolve-run.js';
import {runHeadless} from './run-headless.js';
import {compareSchemaId, type CompareDocument} from '../engine/compare-runs.js';
import {describeMade, quoteArgument, runArguments, withMade} from '../engine/describe-made.js';
import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {kmtopVersion} from '../engine/version.js';

/** Ticks `kmtop compare` runs without --ticks: enough to reach the README's panics (the last at 5927). */
export const COMPARE_TICKS = 10_000;

/** `kmtop compare`: two revisions, same seed and workload, side by side (compare-runs.ts). */
export const compareCommand = async (plan: RunPlan): Promise<number> => {
	checkOutput(plan);
	const revisions = plan.compareRevisions as [string, string];
	const ticks = plan.ticks ?? COMPARE_TICKS;
	const outcome = await runHeadless({run: runOptions(plan), workload: workloadSource(plan), ticks, compare: revisions, tickTimeoutMs: plan.tickTimeoutMs});
	if (outcome.kind !== 'compared') {
		return 130;
	}

	const {result} = outcome;
	const start = startOf(plan);
	// The run's options with both revisions in the place of the one.
	const options = runArguments({seed: plan.seed, ramBytes: plan.ramBytes, start});
	const at = options.indexOf('--revision');
	options.splice(at, 2, '--revision', revisions[0], '--revision', revisions[1]);
	const words = ['kmtop', 'compare', ...options, '--ticks', String(ticks)];
	const sideDocument = (index: 0 | 1): SnapshotDocument =>
		withMade(result.documents[index], {
			...describeMade({by: 'compare', seed: plan.seed, ramBytes: plan.ramBytes, start: {...start, revision: revisions[index]}, journal: [], boot: 1, tick: result.documents[index].run.tick}),
		});
	const report: CompareDocument = {
		schema: compareSchemaId,
		kmtop: {version: kmtopVersion},
		run: {seed: plan.seed, workload: result.documents[0].run.workload, ramBytes: plan.ramBytes, ticks, revisions},
		made: {by: 'compare', rerun: words.map((word) => quoteArgument(word)).join(' ')},
		sides: result.sides,
		memstatKeys: result.memstatKeys,
		firstDifference: result.firstDifference,
		panics: result.panics,
		documents: [sideDocument(0), sideDocument(1)],
	};
	if (plan.format === 'json') {
		await writeOutput(plan, `${JSON.stringify(report, null, 2)}\n`);
	} else {
		const {describeCompare} = await import('../view/describe-compare.js');
		await writeOutput(plan, `${describeCompare(report, plan.columns).join('\n')}\n`);
	}

	return 0;
};
