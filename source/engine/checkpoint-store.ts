// Copies of a simulation kept to travel back from (time-machine.ts): to show tick T, the nearest
// copy at or before T is copied again and run on to T. The store is bounded by the bytes its
// copies hold, not by their count (a copy of a heap with forty subheaps weighs twenty of one
// with none). When it is full, the copy whose loss widens the gaps least for its age goes:
// copies end up spaced in proportion to their distance from the present, dense near it (one
// tick back re-runs a few hundred ticks) and sparse far back (the first hour re-runs longer).
// The first copy (the session's boot) always stays, so every tick can be reached.
//
// Copies share the blocks of their buffers that did not change between them (keep-checkpoints.ts,
// compact-buffer.ts): a block counts once however many copies hold it, and its bytes come back
// when the last one goes.

import type {StoredSimulation} from './clone-simulation.js';

/** Where a copy sits: its boot, its tick in that boot, and ticks since the session began (for distances). */
export type TimelinePoint = {boot: number; tick: number; order: number};

export type Checkpoint = TimelinePoint & {
	/** Journal entries the simulation had applied when it was copied. */
	journalLength: number;
	/** The copy, compact: never run, only copied again. */
	simulation: StoredSimulation;
	/** What the copy holds, its blocks included (clone-graph.ts's estimate). */
	bytes: number;
	/** The blocks of its buffers it holds (each once), which other copies may share. */
	blocks: readonly ArrayBuffer[];
};

/** Whether `a` comes before `b` on the session's timeline (boot first, then tick). */
export const isBefore = (a: {boot: number; tick: number}, b: {boot: number; tick: number}): boolean =>
	a.boot < b.boot || (a.boot === b.boot && a.tick < b.tick);

export class CheckpointStore {
	/** What the copies may hold; the keeper lowers it while copies outside the store run. */
	budgetBytes: number;
	/** Oldest first. */
	private readonly kept: Checkpoint[] = [];
	private total = 0;
	/** How many kept copies hold each block. */
	private readonly holders = new Map<ArrayBuffer, number>();

	constructor(budgetBytes: number) {
		this.budgetBytes = budgetBytes;
	}

	get bytes(): number {
		return this.total;
	}

	get count(): number {
		return this.kept.length;
	}

	get newest(): Checkpoint | undefined {
		return this.kept.at(-1);
	}

	get all(): readonly Checkpoint[] {
		return this.kept;
	}

	/**
	Keeps `checkpoint` (it must come after every kept one), then drops copies until the store is
	within its budget again, judging their gaps against `presentOrder`.
	*/
	add(checkpoint: Checkpoint, presentOrder = checkpoint.order): void {
		this.kept.push(checkpoint);
		this.total += checkpoint.bytes;
		for (const block of checkpoint.blocks) {
			const count = this.holders.get(block) ?? 0;
			this.holders.set(block, count + 1);
			if (count > 0) {
				this.total -= block.byteLength; // already counted: held by an earlier copy
			}
		}

		this.fit(presentOrder);
	}

	/** Drops copies until the store is within its budget (the boot's and the newest stay). */
	fit(presentOrder: number): void {
		while (this.total > this.budgetBytes && this.kept.length > 2) {
			this.dropOne(presentOrder);
		}
	}

	/** The latest copy at or before `point`, or undefined when there is none. */
	atOrBefore(point: {boot: number; tick: number}): Checkpoint | undefined {
		let low = 0;
		let high = this.kept.length - 1;
		let found: Checkpoint | undefined;
		while (low <= high) {
			const middle = (low + high) >>> 1;
			const candidate = this.kept[middle]!;
			if (isBefore(point, candidate)) {
				high = middle - 1;
			} else {
				found = candidate;
				low = middle + 1;
			}
		}

		return found;
	}

	/** Drops every copy after `point` (a branch of the timeline that no longer happens). */
	dropAfter(point: {boot: number; tick: number}): void {
		while (this.kept.length > 1 && isBefore(point, this.kept.at(-1)!)) {
			this.release(this.kept.pop()!);
		}
	}

	clear(): void {
		this.kept.length = 0;
		this.holders.clear();
		this.total = 0;
	}

	/** Whether a kept copy holds `block`. */
	holds(block: ArrayBuffer): boolean {
		return this.holders.has(block);
	}

	private release(checkpoint: Checkpoint): void {
		this.total -= checkpoint.bytes;
		for (const block of checkpoint.blocks) {
			const count = this.holders.get(block)!;
			if (count === 1) {
				this.holders.delete(block);
			} else {
				this.holders.set(block, count - 1);
				this.total += block.byteLength; // still held: its bytes stay counted
			}
		}
	}

	/**
	The copy whose removal leaves the smallest gap for its age: gap / age, where the gap is the
	distance between its neighbours and the age its distance from the present. Never the first
	(the boot) nor the newest (the nearest to the present).
	*/
	private dropOne(presentOrder: number): void {
		let best = -1;
		let bestScore = Number.POSITIVE_INFINITY;
		for (let index = 1; index < this.kept.length - 1; index++) {
			const gap = this.kept[index + 1]!.order - this.kept[index - 1]!.order;
			const age = Math.max(1, presentOrder - this.kept[index]!.order);
			const score = gap / age;
			if (score < bestScore) {
				bestScore = score;
				best = index;
			}
		}

		const [dropped] = this.kept.splice(best, 1);
		this.release(dropped!);
	}
}
