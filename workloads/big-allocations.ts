// Occasional requests above 1 MiB, and some just under the edge: a request of 1,016,765 to
// 1,016,768 bytes passes add_memory's free-bytes test on a fresh 1 MiB backup (31,774 chunks,
// 1,016,768 bytes) but needs 31,775 chunks, so the retry fails and, the backup being replaced
// only later, the second expansion finds none: KERNEL PANIC (reference §11 scenario 6). Larger
// requests take the "Adding even more memory" path and are freed again later.

import type {KernelFacade, Workload} from '../source/engine/workload-api.js';

/**
Blocks to free, filed by the tick they are due: for each tick, [order, address] pairs in the
order they were allocated. Scanning every held block each tick to find the due ones (about
4,500 small blocks, a few dozen due) was half of an 8,000-tick run's time, and the sweep's
second worker paid for it twice over: a read of every block's record each tick, where the
other core's run competes for the same caches.
*/
type DueBook = {byTick: Map<number, number[]>; lastFreed: number};
type State = {big: DueBook; small: DueBook; allocated: number};

const newBook = (): DueBook => ({byTick: new Map(), lastFreed: Number.NEGATIVE_INFINITY});

const file = (book: DueBook, order: number, address: number, freeAt: number): void => {
	const due = book.byTick.get(freeAt);
	if (due) {
		due.push(order, address);
	} else {
		book.byTick.set(freeAt, [order, address]);
	}
};

// Frees every block due by `tick` in the order it was allocated, as a scan of the held blocks in
// allocation order would. Each tick runs the hook, so that is the blocks due at this tick alone;
// should ticks ever be skipped, the ones due meanwhile are merged back into allocation order.
const freeDue = (kernel: KernelFacade, book: DueBook, tick: number): void => {
	let due: number[] | undefined;
	if (book.lastFreed === tick - 1) {
		due = book.byTick.get(tick);
		book.byTick.delete(tick);
	} else {
		const pairs: Array<[number, number]> = [];
		for (const [freeAt, entries] of book.byTick) {
			if (freeAt <= tick) {
				for (let index = 0; index < entries.length; index += 2) {
					pairs.push([entries[index]!, entries[index + 1]!]);
				}

				book.byTick.delete(freeAt);
			}
		}

		due = pairs.sort((a, b) => a[0] - b[0]).flat();
	}

	book.lastFreed = tick;
	if (due) {
		for (let index = 1; index < due.length; index += 2) {
			kernel.kfree(due[index]!);
		}
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
				file(state.small, state.allocated++, address, ctx.tick + rng.int(10, 3000));
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
