// The loop 678bbd29cac fixed (reference §5.3a): with the heap full, a request of about 1.0 MB is
// more than the 1 MiB backup subheap holds but calc() says 1 MiB of extra region will do, and it
// does not, so until 2020-09-09 ExpandableHeap::allocate expands again and again, about 2 MiB of
// physical memory a pass, until the memory manager gives out and kmalloc panics. Since 678bbd29cac
// the extra region is page_round_up(calc) + 1 MiB and the request is served in one expansion.

import type {Workload} from '../source/engine/workload-api.js';
import {fillHeap, freeAll, openHole} from './lib/fill-heap.js';

type State = {fill: number[]; request: number};

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
					// Full but for a hole far too small for the request, where the regions' metadata goes;
					// then the new subheaps are filled too, so they empty (and go) when the round ends.
					fillHeap(kernel, state.fill);
					openHole(kernel, state.fill);
					state.request = kernel.kmalloc(rng.int(1_017_000, 1_040_000));
					fillHeap(kernel, state.fill);
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
