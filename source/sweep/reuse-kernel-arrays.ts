// A sweep worker runs one kernel after another, and each run asks for much the same large typed
// arrays (kernel-arrays.ts): a big-allocations run, 7 to 77 MiB of them (a subheap's chunk states
// and words, grown fourfold at a time, its bitmap, its search tree). Fresh ones every run cost
// the worker twice: the collector counts their memory as external, so they start scavenges and
// mark-compacts (148 of the 80-run sweep's 158 scavenges), and fresh pages are mapped, faulted
// in, zeroed and unmapped again. So a worker keeps the memory of the run before: a run is lent
// arrays, and gives them all back when its row is made, for the next run to take again.
//
// Subheaps come in hundreds of sizes (one sized to each big request), so what is kept is the
// memory, not the arrays: ArrayBuffers in size classes (powers of two, and 1.5 times them), and a
// run gets a view of exactly the length it asked for, zero-filled as a new array is (the kernel
// cannot tell). At most `maxBytes` of buffers are lent or kept. When a new one would not fit,
// kept buffers of classes this run has not asked for make room, the stalest first (an odd size,
// met once, must not keep the place of the common ones for good); when they cannot, the run gets
// a fresh array the collector frees as before. So the pool never holds more than `maxBytes`.

import type {KernelArrays} from '../kernel/kernel-arrays.js';

/** Below this, an array lives on V8's heap (not external memory) and costs less to make than to keep. */
const SMALLEST_KEPT_BYTES = 1024;

/** The size class of `bytes`: the smallest 2^k or 1.5 · 2^k that holds them. */
export const sizeClass = (bytes: number): number => {
	const power = 2 ** Math.ceil(Math.log2(bytes));
	return bytes <= power * 0.75 ? power * 0.75 : power;
};

export type KernelArrayPool = {
	/** What a run takes its arrays from. */
	arrays: KernelArrays;
	/** The run is over and nothing reads its arrays again: their memory goes back to the pool. */
	reclaim(): void;
	/** Bytes the pool holds (lent or free), for tests. */
	readonly heldBytes: number;
};

type ArrayType<T> = {
	new (length: number): T;
	new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
	readonly BYTES_PER_ELEMENT: number;
};

export const createKernelArrayPool = ({maxBytes}: {maxBytes: number}): KernelArrayPool => {
	const free = new Map<number, ArrayBuffer[]>();
	// When each class was last asked for (a count of requests), to make room with the stalest.
	const lastAsked = new Map<number, number>();
	let requests = 0;
	// The request count when the current run started.
	let runStart = 0;
	let lent: ArrayBuffer[] = [];
	let heldBytes = 0;

	const makeRoom = (bytes: number) => {
		const stalest = [...free.keys()].filter((size) => lastAsked.get(size)! <= runStart).sort((a, b) => lastAsked.get(a)! - lastAsked.get(b)!);
		for (const size of stalest) {
			const list = free.get(size)!;
			while (list.length > 0 && heldBytes + bytes > maxBytes) {
				list.pop();
				heldBytes -= size;
			}

			if (list.length === 0) {
				free.delete(size);
			}

			if (heldBytes + bytes <= maxBytes) {
				return;
			}
		}
	};

	const take = <T extends Uint8Array | Uint32Array | Int32Array>(Type: ArrayType<T>, length: number): T => {
		const bytes = length * Type.BYTES_PER_ELEMENT;
		if (bytes < SMALLEST_KEPT_BYTES) {
			return new Type(length);
		}

		const size = sizeClass(bytes);
		lastAsked.set(size, ++requests);
		const kept = free.get(size)?.pop();
		if (kept) {
			lent.push(kept);
			const view = new Type(kept, 0, length);
			view.fill(0);
			return view;
		}

		if (heldBytes + size > maxBytes) {
			makeRoom(size);
		}

		if (heldBytes + size > maxBytes) {
			return new Type(length);
		}

		const buffer = new ArrayBuffer(size);
		heldBytes += size;
		lent.push(buffer);
		return new Type(buffer, 0, length);
	};

	return {
		arrays: {
			uint8: (length) => take(Uint8Array, length),
			uint32: (length) => take(Uint32Array, length),
			int32: (length) => take(Int32Array, length),
		},
		reclaim() {
			for (const buffer of lent) {
				const list = free.get(buffer.byteLength);
				if (list) {
					list.push(buffer);
				} else {
					free.set(buffer.byteLength, [buffer]);
				}
			}

			lent = [];
			runStart = requests;
			for (const size of lastAsked.keys()) {
				if (!free.has(size)) {
					lastAsked.delete(size);
				}
			}
		},
		get heldBytes() {
			return heldBytes;
		},
	};
};
