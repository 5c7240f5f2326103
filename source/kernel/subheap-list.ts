// ExpandableHeap's list of subheaps, `m_heaps` (Kernel/Heap/Heap.h, reference §2): the main
// subheap first, then the added ones in address order, linked through their SubHeap headers
// (subheap.ts, with the walks along it). Heap.h walks the list for everything; beside it we keep
// the linked subheaps as an array sorted by address, rebuilt after every change to the list, for
// what a walk over all of them answers: which subheap holds a block (a binary search), the stats'
// sums (§2.5) and the sweep of idle search trees. A change to the list also ends the first-fit
// hint (first-fit-hints.ts): a subheap may now sit before the hinted one.

import type {FirstFitHints} from './first-fit-hints.js';
import type {Heap, HeapFaults} from './heap.js';
import {type SubHeap, linkInOrder, searchSorted, unlinkFrom} from './subheap.js';

/**
 * Every this many allocations, subheaps whose bitmap was not searched since the last time drop
 * their search trees (bitmap.ts): a subheap of long-lived blocks keeps its bitmap's words only.
 * A tree costs about one search pass over its words to rebuild, so a subheap searched now and
 * then pays little, and one searched on every allocation keeps its tree. The first sweep comes
 * early, so that V8 has seen it run before it optimizes `allocate` (a branch never run is compiled
 * as a bail-out: the first sweep at 65,536, seconds into a live view, threw away kmalloc's
 * optimized path). Trees are a cache: when one is dropped changes no result.
 */
export const TREE_SWEEP_ALLOCATIONS = 65_536;
const FIRST_SWEEP_ALLOCATIONS = 1024;

export class SubheapList {
	readonly main: SubHeap;
	/** The list as an array sorted by address (the pool first), for binary searches. */
	private linked: SubHeap[] = [];
	/** Linked subheaps whose memory is gone: while there are any, every walk takes the slow path. */
	private unmappedLinked = 0;
	/** Allocations left before idle search trees are dropped (the first sweep after FIRST_SWEEP_ALLOCATIONS). */
	private allocationsUntilSweep = FIRST_SWEEP_ALLOCATIONS;
	private readonly hints: FirstFitHints;
	private readonly faults: HeapFaults;

	constructor(main: SubHeap, hints: FirstFitHints, faults: HeapFaults) {
		this.main = main;
		this.hints = hints;
		this.faults = faults;
		this.linked = [main];
		// Stored twice, so V8 knows it changes before it optimizes anything (holder-book.ts).
		this.unmappedLinked = 1;
		this.unmappedLinked = 0;
	}

	*subheaps(): Generator<SubHeap> {
		for (let subheap: SubHeap | undefined = this.main; subheap; subheap = subheap.next) {
			yield subheap;
		}
	}

	/** `add_subheap`'s link (§2.1): the main heap stays first, the rest in address order. */
	link(subheap: SubHeap): void {
		linkInOrder(this.main, subheap, this.faults);
		this.relink();
	}

	/** `*subheap_link = subheap->next`; false when it was not linked. */
	unlink(subheap: SubHeap): boolean {
		if (!unlinkFrom(this.main, subheap, this.faults)) {
			return false;
		}

		this.relink();
		return true;
	}

	/** A linked subheap's memory was unmapped (HeapMemory.unmap): every walk now touches each header. */
	memoryUnmapped(): void {
		this.relink();
	}

	/**
	 * The linked subheap holding `pointer`, by binary search; undefined when none does, and always
	 * while a linked subheap is unmapped: then only the kernel's walk, which faults on it, may answer.
	 */
	search(pointer: number): SubHeap | undefined {
		return this.unmappedLinked === 0 ? searchSorted(this.linked, pointer) : undefined;
	}

	/** The stats sum over every linked subheap, the main one included (§2.5). */
	totalChunks(): number {
		return this.linked.reduce((total, subheap) => total + subheap.heap.totalChunks, 0);
	}

	allocatedChunks(): number {
		return this.linked.reduce((total, subheap) => total + subheap.heap.allocatedChunks, 0);
	}

	/** Every TREE_SWEEP_ALLOCATIONS allocations, idle subheaps drop their search trees. */
	countAllocations(count: number): void {
		this.allocationsUntilSweep -= count;
		if (this.allocationsUntilSweep <= 0) {
			this.allocationsUntilSweep += TREE_SWEEP_ALLOCATIONS;
			for (const subheap of this.linked) {
				subheap.heap.bitmap.dropTreeIfIdle();
			}
		}
	}

	/** The heap holding `pointer`, without touching headers: where krealloc copies to, what a header read looks in. */
	findHeap(pointer: number): Heap | undefined {
		for (const subheap of this.subheaps()) {
			if (subheap.heap.contains(pointer)) {
				return subheap.heap;
			}
		}

		return undefined;
	}

	/** After every change to the list. */
	private relink(): void {
		this.hints.forgetAll();
		this.linked = [...this.subheaps()];
		this.unmappedLinked = this.linked.filter((subheap) => !subheap.heap.memory.mapped).length;
	}
}
