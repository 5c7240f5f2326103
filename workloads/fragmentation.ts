// The textbook first-fit trap, in cycles of 3,000 ticks: fill the heap with medium buffers
// (2–6 KiB) and small records (24–96 bytes) in turn, free the buffers, keep the records. The
// heap is now mostly holes, each a few KiB, fenced by live records; a 10–30 KiB request fits
// none of them, so the heap expands while more than 1 MiB is still free (reference §4: growth
// follows a failed search, never a threshold). At the end of a cycle the records go too.

import type {KernelFacade, Workload} from '../source/engine/workload-api.js';

type Timed = {address: number; freeAt: number};
type State = {records: number[]; buffers: number[]; large: Timed[]; filled: number};

const CYCLE = 3000;
/** Buffers allocated per cycle: most of the 2 MiB pool, with room to spare for the kernel. */
const FILL_BYTES = 1_600_000;
const PROCESS = 'Browser(40:40)';

const freeAll = (kernel: KernelFacade, addresses: number[]): void => {
	for (const address of addresses.splice(0)) {
		kernel.kfree(address);
	}
};

const workload: Workload<State> = {
	name: 'fragmentation',
	description: 'buffers freed between kept records: the heap expands while more than 1 MiB is free',
	setup(_kernel, ctx) {
		ctx.state = {records: [], buffers: [], large: [], filled: 0};
	},
	tick(kernel, ctx) {
		const {state, rng} = ctx;
		const phase = ctx.tick % CYCLE;
		kernel.asProcess(PROCESS, () => {
			if (phase === 0) {
				freeAll(kernel, state.records);
				freeAll(kernel, state.large.map((block) => block.address));
				state.large = [];
				state.filled = 0;
			}

			if (state.filled < FILL_BYTES && phase < CYCLE / 2) {
				for (let pairs = 8; pairs > 0 && state.filled < FILL_BYTES; pairs--) {
					const size = rng.int(2048, 6144);
					state.buffers.push(kernel.kmalloc(size));
					state.records.push(kernel.kmalloc(rng.int(24, 96)));
					state.filled += size;
				}

				return;
			}

			// Buffers go, records stay: holes of a few KiB between live records.
			for (let count = 0; count < 40 && state.buffers.length > 0; count++) {
				kernel.kfree(state.buffers.shift()!);
			}

			if (state.buffers.length === 0 && rng.chance(0.3)) {
				state.large.push({address: kernel.kmalloc(rng.int(10_240, 30_720)), freeAt: ctx.tick + rng.int(10, 50)});
			}

			state.large = state.large.filter((block) => block.freeAt > ctx.tick || (kernel.kfree(block.address), false));
		});
	},
};

export default workload;
