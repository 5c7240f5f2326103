// Helpers for the repro workloads (not a workload: the loader only reads workloads/*.js).
// Filling the heap to the last chunk with 28-byte blocks (one chunk each) never triggers an
// expansion, since a one-chunk request fits any hole; so the fill is exact.
//
// A round of a repro must leave the heap as it found it, or every round costs more than the last.
// When the kernel expands a full heap, it puts the metadata of the regions it maps (the "even
// more" region, the next backup: VMObject, page vector, name) in the only free memory there is:
// the subheap it just added. Metadata of a live region pins that subheap, and since the next
// backup's metadata pins the subheap made from the previous one, the heap would keep one more
// subheap a round, and the next fill would have to cover it. So the repros open a hole in the pool
// (`openHole`) just before the kernel maps its regions (under withLock where the backup's
// replacement is deferred, so that it waits for the hole): the metadata goes to the pool, and the
// subheaps a round adds empty and are removed when the round frees its fill.

import type {KernelFacade} from '../../source/engine/workload-api.js';

/** kmalloc_available counts the backup region: 1 MiB whenever a backup is there (§3.10). */
const BACKUP_BYTES = 1_048_576;
const CHUNK = 32;
/** Room for the metadata of two regions (a 2 MiB region's page vector alone is 64 chunks). */
export const HOLE_CHUNKS = 256;

export const freeChunks = (kernel: KernelFacade): number =>
	Math.max(0, (kernel.memstat().kmalloc_available! - BACKUP_BYTES) / CHUNK);

/**
 * Allocates one-chunk blocks until only `leave` free chunks remain, appending them to `blocks`.
 * Appends in place: a fill is 60,000 to several 100,000 blocks, more than a spread
 * (`push(...blocks)`) can pass as arguments without overflowing the stack.
 */
export const fillHeap = (kernel: KernelFacade, blocks: number[], leave = 0): void => {
	for (let count = freeChunks(kernel) - leave; count > 0; count--) {
		blocks.push(kernel.kmalloc(28));
	}
};

/**
 * Frees `chunks` fill blocks that lie next to each other, the first such run of the fill (so the
 * lowest in the heap, in the pool): one hole of `chunks` contiguous chunks. Falls back to the
 * last blocks of the fill when no run is long enough.
 */
export const openHole = (kernel: KernelFacade, blocks: number[], chunks = HOLE_CHUNKS): void => {
	let start = Math.max(0, blocks.length - chunks);
	for (let first = 0, index = 1; index < blocks.length; index++) {
		if (blocks[index] !== blocks[index - 1]! + CHUNK) {
			first = index;
		} else if (index - first + 1 === chunks) {
			start = first;
			break;
		}
	}

	for (const block of blocks.splice(start, chunks)) {
		kernel.kfree(block);
	}
};

export const freeAll = (kernel: KernelFacade, blocks: number[]): void => {
	for (const block of blocks) {
		kernel.kfree(block);
	}

	blocks.length = 0;
};
