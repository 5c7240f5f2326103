// "Who holds the heap" (issue 15): one row per holder the kernel booked a block to (holder-book.ts),
// the thread a kmalloc ran as and the purpose where the kernel knows it. Live bytes are chunk
// bytes (32 a chunk, the 4-byte header and the rounding included), so the rows add up to exactly
// what memstat and the heap panel call allocated. Counts, not rates: whoever shows rates divides
// the change in the counts by the wall time between two documents.

import {CHUNK_SIZE} from '../kernel/constants.js';
import type {Kernel} from '../kernel/kernel.js';
import type {HolderRow} from './snapshot-types.js';

/**
 * A holder with nothing live drops out of the table once it made no call for this many ticks (10 s
 * at the live view's default rate), as an exited process leaves htop's list: threads come and go
 * and their pids never come back, so a table of every holder since boot would outgrow the rest of
 * the document within minutes (vmobject-churn: 2,400 rows at tick 30,000, 255 with this window).
 * The live engine may pass its own `activeSince`: the tick of the document before.
 */
export const HOLDERS_RECENT_TICKS = 1000;

/**
 * Every holder with a live block, or with a kmalloc or kfree at `activeSince` or later (by default
 * the last HOLDERS_RECENT_TICKS ticks); the most live bytes first, then the most kmallocs, then
 * the oldest holder.
 */
export const holderRows = (kernel: Kernel, allocatedBytes: number, activeSince = kernel.now - HOLDERS_RECENT_TICKS): HolderRow[] => {
	const {holders} = kernel;
	const rows: HolderRow[] = [];
	for (let id = 1; id < holders.count; id++) {
		const liveBlocks = holders.liveBlocks[id]!;
		const kmallocCount = holders.kmallocs[id]!;
		const kfreeCount = holders.kfrees[id]!;
		const active = holders.lastTick[id]! >= 0 && holders.lastTick[id]! >= activeSince;
		if (liveBlocks === 0 && holders.liveChunks[id] === 0 && !active) {
			continue;
		}

		const key = holders.keys[id]!;
		const liveBytes = holders.liveChunks[id]! * CHUNK_SIZE;
		rows.push({
			id,
			process: key.process ?? null,
			purpose: key.purpose ?? null,
			workload: key.workload ?? null,
			liveBlocks,
			liveBytes,
			// Six decimals: enough for a percentage with four, and the document stays readable.
			share: allocatedBytes === 0 ? 0 : Math.round((liveBytes / allocatedBytes) * 1e6) / 1e6,
			kmallocCount,
			kfreeCount,
		});
	}

	return rows.sort((a, b) => b.liveBytes - a.liveBytes || b.kmallocCount - a.kmallocCount || a.id - b.id);
};
