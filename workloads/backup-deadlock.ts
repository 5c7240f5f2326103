// Issue #4675, fixed by 22250780ffa (reference §5.4): NetworkTask maps a receive buffer while the
// heap is full to the last chunk. RangeAllocator::allocate_anywhere grows its Vector<Range>
// through kmalloc while it holds its non-recursive spinlock; that kmalloc expands the heap; the
// backup is replaced synchronously inside add_memory, which calls allocate_anywhere again on the
// same CPU and spins forever. From 2020-12-31 the replacement waits for a deferred call and the
// buffer is mapped. The first round lines the vector up exactly (three buffers, then the fourth).

import type {RegionHandle, Workload} from '../source/engine/workload-api.js';
import {fillHeap, freeAll, openHole} from './lib/fill-heap.js';

type State = {fill: number[]; buffers: RegionHandle[]};

const ROUND = 400;
const PROCESS = 'NetworkTask(5:5)';

const workload: Workload<State> = {
	name: 'backup-deadlock',
	description: 'maps a buffer while the heap is full as the range vector grows: the #4675 hang before 2020-12-31',
	setup(_kernel, ctx) {
		ctx.state = {fill: [], buffers: []};
	},
	tick(kernel, ctx) {
		const {state} = ctx;
		const map = () => {
			const buffer = kernel.allocateKernelRegion(16_384, 'E1000 RX buffer', {strategy: 'allocate-now'});
			if (buffer) {
				state.buffers.push(buffer);
			}
		};

		kernel.asProcess(PROCESS, () => {
			switch (ctx.tick % ROUND) {
				case 1: {
					// After boot the range vector holds 2 ranges in room for 5: three more fit.
					map();
					map();
					map();
					break;
				}

				case 2: {
					// Under a lock, so the backup's replacement, deferred from 2020-12-31, runs once
					// the hole is open: its metadata goes to the pool, not into the new subheap.
					kernel.withLock(() => {
						fillHeap(kernel, state.fill);
						map(); // the 6th range: the vector grows, with the heap full
						openHole(kernel, state.fill);
					});
					break;
				}

				case ROUND - 1: {
					freeAll(kernel, state.fill);
					for (const buffer of state.buffers.splice(0)) {
						kernel.freeRegion(buffer);
					}

					break;
				}

				default:
			}
		});
	},
};

export default workload;
