// The loop 678bbd29cac fixed (reference §5.3a): with the heap full, a request of about 1.0 MB is
// more than the 1 MiB backup subheap holds but calc() says 1 MiB of extra region will do, and it
// does not, so until 2020-09-09 ExpandableHeap::allocate expands again and again, about 2 MiB of
// physical memory a pass, until the memory manager gives out and kmalloc panics. Since 678bbd29cac
// the extra region is page_round_up(calc) + 1 MiB and the request is served in one expansion.

import type {KernelFacade, Workload} from '../source/engine/workload-api.js';
import {fillHeap, freeAll, openHole} from './lib/fill-heap.js';

type State = {fill: number[]; request: number};

/** The heap's size with the backup: it grows when an expansion adds more than the backup. */
const totalBytes = (kernel: KernelFacade): number => {
	const memstat = kernel.memstat();
	return memstat.kmalloc_allocated! + memstat.kmalloc_available!;
};

/** Nearly a whole 1 MiB subheap (31,774 chunks), with room to spare for stray metadata. */
const BIG_BLOCK = 31_000 * 32 - 4;

/**
 * The request took an "even more" region; the backup consumed before it is an empty subheap, and
 * a subheap leaves only when a kfree empties it. So it gets a block too, freed with the fill: big
 * blocks until one lands outside the request's region (at most two: the region has room for one
 * besides the request). Neither can make the heap expand: the empty subheap takes one.
 */
const occupyConsumedBackup = (kernel: KernelFacade, state: State, size: number): void => {
	const afterRequest = state.request + Math.ceil((size + 4) / 32) * 32;
	for (let tries = 0; tries < 2; tries++) {
		const block = kernel.kmalloc(BIG_BLOCK);
		state.fill.push(block);
		if (block !== afterRequest) {
			return;
		}
	}
};

const ROUND = 300;
const PROCESS = 'ImageDecoder(45:45)';

const workload: Workload<State> = {
	name: 'expansion-loop',
	description: 'asks for ~1,020,000 bytes with the heap full: the endless expansion loop before 2020-09-09',
	setup(_kernel, ctx) {
		ctx.state = {fill: [], request: 0};
	},
	tick(kernel, ctx) {
		const {state, rng} = ctx;
		kernel.asProcess(PROCESS, () => {
			switch (ctx.tick % ROUND) {
				case 1: {
					// Full but for a hole far too small for the request, where the regions' metadata goes.
					fillHeap(kernel, state.fill);
					openHole(kernel, state.fill);
					const size = rng.int(1_017_000, 1_040_000);
					const heapBytes = totalBytes(kernel);
					state.request = kernel.kmalloc(size);
					if (totalBytes(kernel) > heapBytes) {
						occupyConsumedBackup(kernel, state, size);
					}

					break;
				}

				case ROUND - 1: {
					kernel.kfree(state.request);
					freeAll(kernel, state.fill);
					break;
				}

				default:
			}
		});
	},
};

export default workload;
