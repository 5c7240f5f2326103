// Whole-heap invariant checks, a debug-only ASSERT in kernel terms: expensive, off by default, on
// in the tests and with --debug-asserts. Each returns a description of the first broken
// invariant, or undefined.

import {CHUNK_SIZE} from './constants.js';
import {NO_BLOCK} from './holder-book.js';
import type {Kernel} from './kernel.js';

export const checkInvariants = (kernel: Kernel): string | undefined =>
	checkSubheapOrder(kernel) ??
	checkBitmaps(kernel) ??
	checkLiveBlocks(kernel) ??
	checkMemstat(kernel) ??
	checkPhysical(kernel);

const checkSubheapOrder = (kernel: Kernel): string | undefined => {
	let previous = -1;
	for (const subheap of kernel.heap.subheaps()) {
		if (subheap !== kernel.heap.main && subheap.heap.chunkBase <= previous) {
			return 'subheaps are sorted by address with the pool first';
		}

		previous = subheap.heap.chunkBase;
	}

	return undefined;
};

const checkBitmaps = (kernel: Kernel): string | undefined => {
	for (const subheap of kernel.heap.subheaps()) {
		if (subheap.heap.bitmap.countSet() !== subheap.heap.allocatedChunks) {
			return `subheap at 0x${subheap.base.toString(16)}: allocated chunks equal the set bits of its bitmap`;
		}
	}

	return undefined;
};

const checkLiveBlocks = (kernel: Kernel): string | undefined => {
	const heaps = [...kernel.heap.subheaps()].map((subheap) => subheap.heap);
	const perHeap = new Map(heaps.map((heap) => [heap, 0]));
	const blocks = [...kernel.liveBlocks].sort((a, b) => a[0] - b[0]);
	// kmtop's holder book, from the same walk: every live block booked where it starts, and per
	// holder, the book's running totals what the blocks say.
	const {holders} = kernel;
	const holderBlocks = new Int32Array(holders.count);
	const holderChunks = new Int32Array(holders.count);
	let previousEnd = 0;
	for (const [address, chunks] of blocks) {
		const start = address - 4;
		if (start < previousEnd) {
			return `live blocks do not overlap (0x${address.toString(16)})`;
		}

		previousEnd = start + chunks * CHUNK_SIZE;
		const containing = heaps.filter((heap) => heap.contains(address));
		if (containing.length !== 1) {
			return `every live block lies in exactly one linked subheap (0x${address.toString(16)} in ${containing.length})`;
		}

		const heap = containing[0]!;
		const first = (start - heap.chunkBase) / CHUNK_SIZE;
		for (let chunk = first; chunk < first + chunks; chunk++) {
			if (!heap.bitmap.get(chunk)) {
				return `live block 0x${address.toString(16)} is marked in its bitmap`;
			}
		}

		perHeap.set(heap, perHeap.get(heap)! + chunks);
		const holder = heap.memory.holderAt(first);
		if (holder === NO_BLOCK) {
			return `live block 0x${address.toString(16)} is booked to a holder`;
		}

		holderBlocks[holder]!++;
		holderChunks[holder]! += chunks;
	}

	for (let holder = 0; holder < holders.count; holder++) {
		if (holderBlocks[holder] !== holders.liveBlocks[holder] || holderChunks[holder] !== holders.liveChunks[holder]) {
			return `holder ${holder}: its live figures are those of the blocks booked to it (${holders.liveBlocks[holder]} blocks vs ${holderBlocks[holder]})`;
		}
	}

	for (const [heap, chunks] of perHeap) {
		if (chunks !== heap.allocatedChunks) {
			return `subheap at 0x${heap.chunkBase.toString(16)}: its live blocks add up to its allocated chunks (${chunks} vs ${heap.allocatedChunks})`;
		}
	}

	return undefined;
};

const checkMemstat = (kernel: Kernel): string | undefined => {
	let allocated = 0;
	let free = 0;
	for (const subheap of kernel.heap.subheaps()) {
		allocated += subheap.heap.allocatedChunks * CHUNK_SIZE;
		free += subheap.heap.freeChunks * CHUNK_SIZE;
	}

	const memstat = kernel.memstat();
	if (memstat.kmalloc_allocated !== allocated || memstat.kmalloc_available !== free + kernel.global.backupBytes) {
		return 'memstat equals the sum over subheaps plus the backup';
	}

	return undefined;
};

const checkPhysical = (kernel: Kernel): string | undefined => {
	const {physical, mm} = kernel;
	if (physical.userUsed + physical.userCommitted + physical.userUncommitted !== physical.userTotal) {
		return 'physical pages: used + committed + uncommitted = total';
	}

	let used = mm.pageTables.areas.size;
	let committed = 0;
	for (const region of mm.regions) {
		if (region.strategy === 'allocate-now') {
			used += region.pageCount;
		} else {
			committed += region.pageCount;
		}
	}

	for (const region of [...kernel.global.subheapMemory, ...(kernel.global.backup ? [kernel.global.backup] : [])]) {
		if (!mm.regions.has(region)) {
			return 'every subheap region and the backup are live regions';
		}
	}

	if (used !== physical.userUsed || committed !== physical.userCommitted) {
		return `physical page accounting balances (used ${physical.userUsed} vs ${used}, committed ${physical.userCommitted} vs ${committed})`;
	}

	return undefined;
};
