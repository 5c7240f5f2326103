// A sweep worker runs one kernel after another, and each run asks for much the same large typed
// arrays (kernel-arrays.ts): a big-allocations run, ~60 MB of them, mostly a subheap's 32 Ki
// chunk states and 64 Ki words. Fresh ones every run cost the worker twice: the collector counts
// them as external memory, so they start scavenges and mark-compacts (71 of a 40-run sweep's 84
// scavenges), and fresh pages are mapped, faulted in, zeroed and unmapped again. So a worker keeps
// the arrays of the run before: a run is lent arrays, and gives them all back when its row is
// made, for the next run to take again (zero-filled, as a new one is: the kernel cannot tell).
//
// Arrays are kept by exact type and length (the kernel asks for a few lengths over and over), and
// at most `maxBytes` of them are lent or kept: past that, a run gets fresh arrays the collector
// frees as before, and the pool never holds more than that much memory.

import type {KernelArrays} from '../kernel/kernel-arrays.js';

type PooledArray = Uint8Array | Uint32Array | Int32Array;
type Kind = 'uint8' | 'uint32' | 'int32';

const makers: Record<Kind, (length: number) => PooledArray> = {
	uint8: (length) => new Uint8Array(length),
	uint32: (length) => new Uint32Array(length),
	int32: (length) => new Int32Array(length),
};

/** Below this, an array lives on V8's heap (not external memory) and costs less to make than to keep. */
const SMALLEST_KEPT_BYTES = 1024;

export type KernelArrayPool = {
	/** What a run takes its arrays from. */
	arrays: KernelArrays;
	/** The run is over and nothing reads its arrays again: they go back to the pool. */
	reclaim(): void;
	/** Bytes the pool holds (lent or free), for tests. */
	readonly heldBytes: number;
};

export const createKernelArrayPool = ({maxBytes}: {maxBytes: number}): KernelArrayPool => {
	const free = new Map<string, PooledArray[]>();
	let lent: PooledArray[] = [];
	let heldBytes = 0;

	const take = (kind: Kind, length: number): PooledArray => {
		const key = `${kind}:${length}`;
		const kept = free.get(key)?.pop();
		if (kept) {
			kept.fill(0);
			lent.push(kept);
			return kept;
		}

		const array = makers[kind](length);
		if (array.byteLength >= SMALLEST_KEPT_BYTES && heldBytes + array.byteLength <= maxBytes) {
			heldBytes += array.byteLength;
			lent.push(array);
		}

		return array;
	};

	return {
		arrays: {
			uint8: (length) => take('uint8', length) as Uint8Array,
			uint32: (length) => take('uint32', length) as Uint32Array,
			int32: (length) => take('int32', length) as Int32Array,
		},
		reclaim() {
			for (const array of lent) {
				const kind: Kind = array instanceof Uint8Array ? 'uint8' : array instanceof Uint32Array ? 'uint32' : 'int32';
				const key = `${kind}:${array.length}`;
				const list = free.get(key);
				if (list) {
					list.push(array);
				} else {
					free.set(key, [array]);
				}
			}

			lent = [];
		},
		get heldBytes() {
			return heldBytes;
		},
	};
};
