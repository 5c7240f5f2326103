// The bug 74fa8949943 fixed (reference §5.5, §11 scenario 12), set up on purpose every 500 ticks:
// a subheap holds a single block and every other subheap is full to the last chunk; the block is
// freed, the subheap empties, and remove_memory runs. From 2020-11-04 remove_memory allocates
// (the deferred call's lambda); while the subheap is still linked that allocation lands inside
// it, an orphan that faults when the region is freed. Since 2020-12-26 the subheap is unlinked
// first, so the allocation expands the heap instead, inside the kfree. Before 2020-11-04 the
// region is freed while still linked, and unlinking it reads unmapped memory.

import type {Workload} from '../source/engine/workload-api.js';
import {fillHeap, freeAll, openHole} from './lib/fill-heap.js';

type State = {fill: number[]; lone: number};

const ROUND = 500;
const LONE_SUBHEAP_FREE_CHUNKS = 31_774 - 251;
const PROCESS = 'FileManager(41:41)';

const workload: Workload<State> = {
	name: 'unlink-race',
	description: 'frees the only block of a subheap while every other one is full: the orphaned block before 2020-12-26',
	setup(_kernel, ctx) {
		ctx.state = {fill: [], lone: 0};
	},
	tick(kernel, ctx) {
		const {state} = ctx;
		kernel.asProcess(PROCESS, () => {
			switch (ctx.tick % ROUND) {
				case 1: {
					// A hole in the pool with room for the new backup's metadata (about 45 chunks) but
					// not for an 8,000-byte block (251 chunks): the block gets a subheap of its own.
					fillHeap(kernel, state.fill);
					openHole(kernel, state.fill, 200);
					state.lone = kernel.kmalloc(8000);
					break;
				}

				case 2: {
					// Fill the pool to the last chunk, but not the new subheap: a fresh 1 MiB backup
					// subheap has 31,774 chunks, 251 of them the lone block's.
					fillHeap(kernel, state.fill, LONE_SUBHEAP_FREE_CHUNKS);
					break;
				}

				case 3: {
					// Under a lock, so the deferred calls the kfree queues (the removal, and from
					// 2020-12-31 the backup's replacement) run once the hole is open: the next
					// backup's metadata goes to the pool, not into the subheap this kfree may add.
					kernel.withLock(() => {
						kernel.kfree(state.lone);
						openHole(kernel, state.fill);
					});
					break;
				}

				case ROUND - 1: {
					freeAll(kernel, state.fill);
					break;
				}

				default:
			}
		});
	},
};

export default workload;
