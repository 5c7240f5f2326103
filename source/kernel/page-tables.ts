// The kernel page directory's page tables (reference §6.3): PAE, so one table per 2 MiB. The
// .heap section and the rest of the kernel image below 0xc0800000 are mapped by boot tables; a
// region elsewhere needs a new table for each 2 MiB area it touches first: one uncommitted user
// page, a PhysicalPage from the 16-byte slab, and an insert into `m_page_tables`, a HashMap that
// grows through kmalloc. The growth rule is AK::HashTable's as we read it for early 2021 (reference
// §12 leaves it open): rehash to max(4, 2 × capacity) once the load would reach 60 %, buckets
// of 12 bytes (three state flags and an 8-byte key/value pair) plus one end bucket.

import {KERNEL_RANGE_BASE, PAGE_TABLE_SPAN} from './constants.js';
import {purposes} from './holder-book.js';
import type {VectorHeap} from './kernel-vector.js';

const BUCKET_SIZE = 12;

export class PageTableMap {
	readonly areas = new Set<number>();
	capacity = 0;
	buffer = 0;

	/** 2 MiB areas a range touches that have no page table yet. */
	missingAreas(base: number, size: number): number[] {
		const missing: number[] = [];
		const first = Math.floor(base / PAGE_TABLE_SPAN);
		const last = Math.floor((base + size - 1) / PAGE_TABLE_SPAN);
		for (let area = first; area <= last; area++) {
			if (area * PAGE_TABLE_SPAN >= KERNEL_RANGE_BASE && !this.areas.has(area)) {
				missing.push(area);
			}
		}

		return missing;
	}

	insert(heap: VectorHeap, area: number): void {
		if ((this.areas.size + 1) * 100 >= this.capacity * 60) {
			const capacity = Math.max(4, this.capacity * 2);
			const buffer = heap.kmalloc(BUCKET_SIZE * (capacity + 1), purposes.pageTableMap);
			if (this.buffer !== 0) {
				heap.kfree(this.buffer);
			}

			this.buffer = buffer;
			this.capacity = capacity;
		}

		this.areas.add(area);
	}
}
