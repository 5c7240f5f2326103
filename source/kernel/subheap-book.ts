// The monitor's ledger of subheaps: ids, where each came from, when it was added and what became
// of it (snapshot.md `subheaps`, `retiredSubheaps`). Not kernel state: the kernel never numbered
// its subheaps; this is what lets a user follow "#3 from the backup" across the screen.

import {formatAddress} from './constants.js';
import type {SubHeap} from './expandable-heap.js';

export type SubheapOrigin = 'pool' | 'backup' | 'region' | 'recycled';

export type RetiredFate = 'freed' | 'became-backup' | 'queued' | 're-added';

export type RetiredSubheap = {
	id: number;
	base: string;
	memoryBytes: number;
	addedAtTick: number;
	removedAtTick: number;
	fate: RetiredFate;
};

export type SubheapLabel = {id: number; origin: SubheapOrigin; addedAtTick: number; memoryBytes: number};

export const RETIRED_SUBHEAPS_KEPT = 64;

export class SubheapBook {
	now = 0;
	readonly retiredSubheaps: RetiredSubheap[] = [];
	/** Subheaps that left the list since boot (freed, became the backup, queued, re-added). */
	retiredCount = 0;
	/** Changes to `retiredSubheaps` since boot (a record added, a queued one resolved): a copy made at one count is current while it stands. */
	retiredChanges = 0;
	private nextId = 1;
	private readonly linkedByBase = new Map<number, SubHeap>();

	/** Subheaps added since boot (the pool, #0, is not one of them). */
	get addedCount(): number {
		return this.nextId - 1;
	}

	label(subheap: SubHeap): SubheapLabel {
		return subheap.bookLabel ?? {id: -1, origin: 'region', addedAtTick: 0, memoryBytes: subheap.memorySize};
	}

	added(subheap: SubHeap, origin: SubheapOrigin, memoryBytes: number): SubheapLabel {
		const label = {id: origin === 'pool' ? 0 : this.nextId++, origin, addedAtTick: this.now, memoryBytes};
		subheap.bookLabel = label;
		this.linkedByBase.set(subheap.base, subheap);
		return label;
	}

	/** A subheap left the list: freed, became the backup, or was queued to be freed. */
	retired(base: number, fate: RetiredFate): void {
		const subheap = this.linkedByBase.get(base);
		if (!subheap) {
			return;
		}

		this.linkedByBase.delete(base);
		this.retiredCount++;
		this.retiredChanges++;
		const label = this.label(subheap);
		this.retiredSubheaps.push({
			id: label.id,
			base: formatAddress(base),
			memoryBytes: label.memoryBytes,
			addedAtTick: label.addedAtTick,
			removedAtTick: this.now,
			fate,
		});
		if (this.retiredSubheaps.length > RETIRED_SUBHEAPS_KEPT) {
			this.retiredSubheaps.shift();
		}
	}

	/** A queued removal ran: the region was freed or became the backup. */
	resolved(base: number, fate: RetiredFate): void {
		for (let index = this.retiredSubheaps.length - 1; index >= 0; index--) {
			const record = this.retiredSubheaps[index]!;
			if (record.base === formatAddress(base) && record.fate === 'queued') {
				record.fate = fate;
				this.retiredChanges++;
				return;
			}
		}
	}

	/** remove_memory rejected the subheap and it was re-added, 32 bytes smaller (§2.4). */
	readded(removed: SubHeap, readded: SubHeap): void {
		const label = this.label(removed);
		this.linkedByBase.set(removed.base, removed);
		this.retired(removed.base, 're-added');
		this.added(readded, label.origin, label.memoryBytes);
	}
}
