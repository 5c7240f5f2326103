// Helpers for the repro workloads (not a workload: the loader only reads workloads/*.js).
// Filling the heap to the last chunk with 28-byte blocks (one chunk each) never triggers an
// expansion, since a one-chunk request fits any hole; so the fill is exact.

import type {KernelFacade} from '../../source/engine/workload-api.js';

/** kmalloc_available counts the backup region: 1 MiB whenever a backup is there (§3.10). */
const BACKUP_BYTES = 1_048_576;
const CHUNK = 32;

export const freeChunks = (kernel: KernelFacade): number =>
	Math.max(0, (kernel.memstat().kmalloc_available! - BACKUP_BYTES) / CHUNK);

/** Allocates one-chunk blocks until only `leave` free chunks remain; returns them. */
export const fillHeap = (kernel: KernelFacade, leave = 0): number[] => {
	const blocks: number[] = [];
	for (let count = freeChunks(kernel) - leave; count > 0; count--) {
		blocks.push(kernel.kmalloc(28));
	}

	return blocks;
};

export const freeAll = (kernel: KernelFacade, blocks: number[]): void => {
	for (const block of blocks.splice(0)) {
		kernel.kfree(block);
	}
};
