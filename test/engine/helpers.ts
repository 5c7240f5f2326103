import {Simulation, type SimulationOptions} from '../../source/engine/simulation.js';
import type {Workload} from '../../source/engine/workload-api.js';

export const MiB = 1024 * 1024;

export const simulate = (workload: Workload, options: Partial<SimulationOptions> = {}): Simulation =>
	new Simulation({seed: 1, revision: '2021-02-23', ramBytes: 512 * MiB, workload, ...options});

/** One short-lived allocation per tick: cheap enough for a million ticks. */
export const ticker: Workload<{last: number}> = {
	name: 'ticker',
	description: 'one kmalloc and one kfree a tick',
	setup(_kernel, ctx) {
		ctx.state = {last: 0};
	},
	tick(kernel, ctx) {
		if (ctx.state.last !== 0) {
			kernel.kfree(ctx.state.last);
		}

		ctx.state.last = kernel.kmalloc(ctx.rng.int(1, 500));
	},
};
