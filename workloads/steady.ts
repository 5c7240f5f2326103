// A calm background: short-lived small objects, a few kernel regions, the odd log line. The heap
// breathes inside its pool; nothing dramatic happens, which is the point.

import type {RegionHandle, Workload} from '../source/engine/workload-api.js';

type Timed = {address: number; freeAt: number};
type State = {blocks: Timed[]; regions: Array<{region: RegionHandle; freeAt: number}>};

const sizes = [16, 24, 32, 48, 64, 96, 128, 208, 256, 552, 1096, 4096];
const processes = ['WindowServer(14:14)', 'Taskbar(27:27)', 'Clock(29:29)', 'Terminal(33:33)'];

const workload: Workload<State> = {
	name: 'steady',
	description: 'a calm background mix of short-lived objects, a few regions and the odd log line',
	setup(_kernel, ctx) {
		ctx.state = {blocks: [], regions: []};
	},
	tick(kernel, ctx) {
		const {state, rng} = ctx;
		kernel.asProcess(rng.pick(processes), () => {
			for (let count = rng.int(0, 5); count > 0; count--) {
				state.blocks.push({address: kernel.kmalloc(rng.pick(sizes)), freeAt: ctx.tick + rng.int(1, 400)});
			}

			if (rng.chance(0.01) && state.regions.length < 8) {
				const region = kernel.allocateKernelRegion(4096 * rng.int(1, 64), 'Gfx::Bitmap', {strategy: rng.pick(['allocate-now', 'reserve'] as const)});
				if (region) {
					state.regions.push({region, freeAt: ctx.tick + rng.int(100, 2000)});
				}
			}

			if (rng.chance(0.002)) {
				kernel.log('Clock: tick tock');
			}

			state.blocks = state.blocks.filter((block) => block.freeAt > ctx.tick || (kernel.kfree(block.address), false));
			state.regions = state.regions.filter((entry) => entry.freeAt > ctx.tick || (kernel.freeRegion(entry.region), false));
		});
	},
};

export default workload;
