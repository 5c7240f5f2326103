// Occasional requests above 1 MiB, and some just under the edge: a request of 1,016,765 to
// 1,016,768 bytes passes add_memory's free-bytes test on a fresh 1 MiB backup (31,774 chunks,
// 1,016,768 bytes) but needs 31,775 chunks, so the retry fails and, the backup being replaced
// only later, the second expansion finds none: KERNEL PANIC (reference §11 scenario 6). Larger
// requests take the "Adding even more memory" path and are freed again later.

import type {KernelFacade, Workload} from '../source/engine/workload-api.js';

type Timed = {address: number; freeAt: number};
type State = {big: Timed[]; small: Timed[]};

// Frees the blocks due by `tick`, in list order, and keeps the rest in place. The small list
// holds about 4,500 blocks: filtered into a new array each tick (which the next push then copies
// to grow it), it made a gigabyte of garbage per 8,000-tick run, a fifth of the run's time in the
// collector; on a sweep, every worker's collector shares the cache and V8's helper threads.
const freeDue = (kernel: KernelFacade, blocks: Timed[], tick: number): void => {
	let kept = 0;
	for (let index = 0; index < blocks.length; index++) {
		const block = blocks[index]!;
		if (block.freeAt > tick) {
			// Until the first block freed, each stays where it is: no write.
			if (kept !== index) {
				blocks[kept] = block;
			}

			kept++;
		} else {
			kernel.kfree(block.address);
		}
	}

	blocks.length = kept;
};

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

			freeDue(kernel, state.big, ctx.tick);
			freeDue(kernel, state.small, ctx.tick);
		});
	},
};

export default workload;
