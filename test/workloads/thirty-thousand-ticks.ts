// Every built-in workload runs 30,000 ticks on every revision with no workload error (issue 12):
// a kernel panic is a result (the revision's bug, shown), a workload that throws is a defect. Each
// run's outcome is pinned: the tick a revision panics at, or a full run. One test file per heavy
// workload, so the runner spreads them over the cores; the headless engine runs in-process.
import {describe, expect, it} from 'vitest';
import {Simulation} from '../../source/engine/simulation.js';
import {loadBuiltinWorkload} from '../../source/engine/workload-loader.js';
import {revisionIds} from '../../source/kernel/revisions.js';

export const TICKS = 30_000;

/**
 * Per revision: the tick its kernel panics at, or `subheaps` linked after all 30,000 ticks (the
 * repros fill the heap every round, so a heap that kept more each round would show here).
 */
export type Outcome = {panicAt: number} | {subheaps: number};

export const describeThirtyThousandTicks = (name: string, outcomes: Record<string, Outcome>) => {
	describe(`${name}, ${TICKS.toLocaleString('en-US')} ticks`, () => {
		it('has an outcome for every revision', () => {
			expect(Object.keys(outcomes)).toEqual(revisionIds());
		});

		it.each(revisionIds())(
			'on %s: no workload error',
			async (revision) => {
				const simulation = new Simulation({seed: 1, revision, ramBytes: 512 * 1024 * 1024, workload: await loadBuiltinWorkload(name)});
				simulation.step(TICKS);
				expect(simulation.workloadFailure).toBeUndefined();
				expect(simulation.events.list().filter((event) => event.kind === 'workload-error')).toEqual([]);
				expect(
					simulation.halted
						? {panicAt: simulation.kernel.panic?.tick}
						: {subheaps: [...simulation.kernel.heap.subheaps()].length, tick: simulation.tick},
				).toEqual({...outcomes[revision], ...(simulation.halted ? {} : {tick: TICKS})});
			},
		);
	});
};
