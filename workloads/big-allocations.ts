// Occasional requests above 1 MiB, and some just under the edge: a request of 1,016,765 to
// 1,016,768 bytes passes add_memory's free-bytes test on a fresh 1 MiB backup (31,774 chunks,
// 1,016,768 bytes) but needs 31,775 chunks, so the retry fails and, the backup being replaced
// only later, the second expansion finds none: KERNEL PANIC (reference §11 scenario 6). Larger
// requests take the "Adding even more memory" path and are freed again later.

import type {Workload} from '../source/engine/workload-api.js';

type Timed = {address: number; freeAt: number};
type State = {big: Timed[]; small: Timed[]};

const workload: Workload<State> = {
	name: 'big-allocations',
	description: 'occasional requests above 1 MiB and at the 1,016,768-byte edge: "even more memory", then the edge panic',
	setup(_kernel, ctx) {
		ctx.state = {big: [], small: []};
	},
	tick(kernel, ctx) {
		const {state, rng} = ctx;
		kernel.asProcess('ImageDecoder(45:45)', () => {
			for (let count = rng.int(0, 6); count > 0; count--) {
				state.small.push({address: kernel.kmalloc(rng.int(16, 2048)), freeAt: ctx.tick + rng.int(10, 3000)});
			}

			if (rng.chance(0.008)) {
				// A decoded image, a firmware blob: well above the backup's 1,016,768 bytes.
				state.big.push({address: kernel.kmalloc(rng.int(1_100_000, 3_500_000)), freeAt: ctx.tick + rng.int(100, 1500)});
			} else if (rng.chance(0.002)) {
				state.big.push({address: kernel.kmalloc(rng.int(1_016_700, 1_016_768)), freeAt: ctx.tick + rng.int(100, 1500)});
			}

			for (const list of ['big', 'small'] as const) {
				state[list] = state[list].filter((block) => block.freeAt > ctx.tick || (kernel.kfree(block.address), false));
			}
		});
	},
};

export default workload;
