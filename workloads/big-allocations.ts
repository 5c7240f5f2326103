// Occasional requests above 1 MiB, and some just under the edge: a request of 1,016,765 to
// 1,016,768 bytes passes add_memory's free-bytes test on a fresh 1 MiB backup (31,774 chunks,
// 1,016,768 bytes) but needs 31,775 chunks, so the retry fails and, the backup being replaced
// only later, the second expansion finds none: KERNEL PANIC (reference §11 scenario 6). Larger
// requests take the "Adding even more memory" path and are freed again later.

import type {KernelFacade, Workload} from '../source/engine/workload-api.js';

/** Longest a block is held, in ticks: small blocks 10 to 3,000, big ones 100 to 1,500. */
const LONGEST_HOLD = 3000;
/** Slots of the due ring: a power of two above LONGEST_HOLD, so a slot holds one tick's blocks. */
const SLOTS = 4096;
/** Entries a book starts with; it doubles when full (a small book holds about 4,500 blocks). */
const FIRST_ENTRIES = 256;

/**
Blocks to free, filed by the tick they are due: a ring of SLOTS lists, slot `tick % SLOTS` the
blocks due at that tick in the order they were allocated, linked through typed arrays. Scanning
every held block each tick to find the due ones (about 4,500 small blocks) was half of an
8,000-tick run's time; a Map from tick to an array of blocks then still cost a tenth of a sweep
run: an array per tick and a hash entry, made, grown, promoted and collected, scattered over
the JS heap where the other core's run competes for the same caches. The arrays here are made
once a run and reused entry by entry (a free list).
*/
type DueBook = {
	/** First and last entry of each slot's list (0: empty; entries count from 1). */
	head: Int32Array;
	tail: Int32Array;
	/** Per entry: the next in its slot's list (0: none; in the free list, the next free one). */
	next: Int32Array;
	freeAt: Float64Array;
	order: Float64Array;
	address: Float64Array;
	/** First free entry (0: none), and entries ever used (the rest were never taken). */
	free: number;
	used: number;
	lastFreed: number;
};
type State = {big: DueBook; small: DueBook; allocated: number};

const newBook = (): DueBook => ({
	head: new Int32Array(SLOTS),
	tail: new Int32Array(SLOTS),
	next: new Int32Array(FIRST_ENTRIES),
	freeAt: new Float64Array(FIRST_ENTRIES),
	order: new Float64Array(FIRST_ENTRIES),
	address: new Float64Array(FIRST_ENTRIES),
	free: 0,
	used: 0,
	lastFreed: Number.NEGATIVE_INFINITY,
});

const grown = <T extends Int32Array | Float64Array>(array: T): T => {
	const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
	bigger.set(array);
	return bigger;
};

/** An entry for a new block: a freed one, or the next never used (the arrays doubled when full). */
const takeEntry = (book: DueBook): number => {
	if (book.free !== 0) {
		const entry = book.free;
		book.free = book.next[entry]!;
		return entry;
	}

	if (book.used + 1 === book.next.length) {
		book.next = grown(book.next);
		book.freeAt = grown(book.freeAt);
		book.order = grown(book.order);
		book.address = grown(book.address);
	}

	return ++book.used;
};

const file = (book: DueBook, order: number, address: number, freeAt: number): void => {
	const entry = takeEntry(book);
	book.freeAt[entry] = freeAt;
	book.order[entry] = order;
	book.address[entry] = address;
	book.next[entry] = 0;
	const slot = freeAt % SLOTS;
	if (book.head[slot] === 0) {
		book.head[slot] = entry;
	} else {
		book.next[book.tail[slot]!] = entry;
	}

	book.tail[slot] = entry;
};

/** Gives `entry` back to the free list. */
const release = (book: DueBook, entry: number): void => {
	book.next[entry] = book.free;
	book.free = entry;
};

/** Takes every entry due by `tick` off the lists, in allocation order (ticks were skipped: rare). */
const takeOverdue = (book: DueBook, tick: number): number[] => {
	const overdue: number[] = [];
	for (let slot = 0; slot < SLOTS; slot++) {
		let kept = 0;
		for (let entry = book.head[slot]!; entry !== 0; ) {
			const following = book.next[entry]!;
			if (book.freeAt[entry]! <= tick) {
				overdue.push(entry);
			} else {
				if (kept === 0) {
					book.head[slot] = entry;
				} else {
					book.next[kept] = entry;
				}

				book.next[entry] = 0;
				kept = entry;
			}

			entry = following;
		}

		if (kept === 0) {
			book.head[slot] = 0;
		}

		book.tail[slot] = kept;
	}

	return overdue.sort((a, b) => book.order[a]! - book.order[b]!);
};

// Frees every block due by `tick` in the order it was allocated, as a scan of the held blocks in
// allocation order would. Each tick runs the hook, so that is the blocks due at this tick alone:
// one slot's list, all of it (a block is held at most LONGEST_HOLD < SLOTS ticks). Should ticks
// ever be skipped, the ones due meanwhile are gathered from every slot, in allocation order.
const freeDue = (kernel: KernelFacade, book: DueBook, tick: number): void => {
	// On its first tick a book holds only blocks filed this tick, none of them due yet: it takes
	// the one-slot path too (that slot is empty). The scan of all SLOTS lists it took before ran
	// once a run, and every sweep worker compiled it, then discarded it again.
	const firstTick = book.lastFreed === Number.NEGATIVE_INFINITY;
	if (book.lastFreed !== tick - 1 && !firstTick) {
		book.lastFreed = tick;
		for (const entry of takeOverdue(book, tick)) {
			const address = book.address[entry]!;
			release(book, entry);
			kernel.kfree(address);
		}

		return;
	}

	book.lastFreed = tick;
	const slot = tick % SLOTS;
	let entry = book.head[slot]!;
	book.head[slot] = 0;
	book.tail[slot] = 0;
	while (entry !== 0) {
		const following = book.next[entry]!;
		const address = book.address[entry]!;
		release(book, entry);
		kernel.kfree(address);
		entry = following;
	}
};

const workload: Workload<State> = {
	name: 'big-allocations',
	description: 'occasional requests above 1 MiB and at the 1,016,768-byte edge: "even more memory", then the edge panic',
	setup(_kernel, ctx) {
		ctx.state = {big: newBook(), small: newBook(), allocated: 0};
	},
	tick(kernel, ctx) {
		const {state, rng} = ctx;
		kernel.asProcess('ImageDecoder(45:45)', () => {
			for (let count = rng.int(0, 6); count > 0; count--) {
				const address = kernel.kmalloc(rng.int(16, 2048));
				file(state.small, state.allocated++, address, ctx.tick + rng.int(10, LONGEST_HOLD));
			}

			if (rng.chance(0.008)) {
				// A decoded image, a firmware blob: well above the backup's 1,016,768 bytes.
				const address = kernel.kmalloc(rng.int(1_100_000, 3_500_000));
				file(state.big, state.allocated++, address, ctx.tick + rng.int(100, 1500));
			} else if (rng.chance(0.002)) {
				const address = kernel.kmalloc(rng.int(1_016_700, 1_016_768));
				file(state.big, state.allocated++, address, ctx.tick + rng.int(100, 1500));
			}

			freeDue(kernel, state.big, ctx.tick);
			freeDue(kernel, state.small, ctx.tick);
		});
	},
};

export default workload;
