// A sweep worker runs one kernel after another, and each run asks for much the same large typed
// arrays (kernel-arrays.ts): a big-allocations run, 1 to 16 MiB of them (a subheap's chunk states
// and words, grown fourfold at a time, its bitmap, its search tree; 7 to 77 MiB until a block's
// words stopped covering its interior, heap-memory.ts). Fresh ones every run cost
// the worker twice: the collector counts their memory as external, so they start scavenges and
// mark-compacts (148 of the 80-run sweep's 158 scavenges), and fresh pages are mapped, faulted
// in, zeroed and unmapped again. So a worker keeps the memory of the run before: a run is lent
// arrays, and gives them all back when its row is made, for the next run to take again.
//
// Subheaps come in hundreds of sizes (one sized to each big request), so what is kept is the
// memory, not the arrays: ArrayBuffers in size classes (powers of two, and 1.5 times them), and a
// run gets a view of exactly the length it asked for, reading as zeros as a new array does (the
// kernel cannot tell). Clearing is the costly part (two workers clearing at once contend for
// memory), so each buffer knows how far it may be dirty, and a view is cleared up to there only,
// past what the kernel overwrites (kernel-arrays.ts); the pages of marked words are cleared when
// the run gives them back, and nothing else of them. At most `maxBytes` of buffers are lent or kept. When a new one would not fit,
// kept buffers of classes this run has not asked for make room, the stalest first (an odd size,
// met once, must not keep the place of the common ones for good); when they cannot, the run gets
// a fresh array the collector frees as before. So the pool never holds more than `maxBytes`.

import {WRITTEN_PAGE_SHIFT, writtenPages, type KernelArrays} from '../kernel/kernel-arrays.js';

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

type TypedArray = Uint8Array | Uint32Array | Int32Array;

/** A buffer lent to the current run: the length of its view, and its written pages when marked. */
type Lent = {buffer: ArrayBuffer; bytes: number; written: Uint8Array | undefined};

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
	let lent: Lent[] = [];
	// How many bytes from its start each buffer may hold something other than zero in (0: none).
	const dirtyBytes = new WeakMap<ArrayBuffer, number>();
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

	/**
	 * A view of `length`, the buffer's bytes up to `dirty` cleared except the first `kept`
	 * elements the caller overwrites (all of them when `kept` is Infinity).
	 */
	const take = <T extends TypedArray>(Type: ArrayType<T>, length: number, kept = 0, written?: Uint8Array): T => {
		const bytes = length * Type.BYTES_PER_ELEMENT;
		if (bytes < SMALLEST_KEPT_BYTES) {
			return new Type(length);
		}

		const size = sizeClass(bytes);
		lastAsked.set(size, ++requests);
		let buffer = free.get(size)?.pop();
		if (!buffer) {
			if (heldBytes + size > maxBytes) {
				makeRoom(size);
			}

			if (heldBytes + size > maxBytes) {
				return new Type(length);
			}

			buffer = new ArrayBuffer(size);
			heldBytes += size;
		}

		const view = new Type(buffer, 0, length);
		const dirtyElements = Math.min(length, Math.ceil((dirtyBytes.get(buffer) ?? 0) / Type.BYTES_PER_ELEMENT));
		if (dirtyElements > kept) {
			view.fill(0, kept, dirtyElements);
		}

		lent.push({buffer, bytes, written});
		return view;
	};

	/** `old` copied over the start of a new view; its pages marked in `written`, when given. */
	const grow = <T extends Uint8Array | Uint32Array>(Type: ArrayType<T>, old: T, length: number, written?: Uint8Array): T => {
		const view = take(Type, length, old.length, written);
		view.set(old);
		written?.fill(1, 0, writtenPages(old.length));

		return view;
	};

	/** After a run: how far each buffer it had may be dirty now, its marked pages cleared. */
	const settle = ({buffer, bytes, written}: Lent) => {
		const before = dirtyBytes.get(buffer) ?? 0;
		if (written) {
			const pageBytes = 4 << WRITTEN_PAGE_SHIFT;
			const memory = new Uint8Array(buffer, 0, bytes);
			for (let page = 0; page < written.length; page++) {
				if (written[page] !== 0) {
					memory.fill(0, page * pageBytes, (page + 1) * pageBytes);
				}
			}
		}

		// Marked words are clear up to `bytes` now; past them, the runs before may have written.
		const dirty = written ? (before > bytes ? before : 0) : Math.max(before, bytes);
		dirtyBytes.set(buffer, dirty);
	};

	return {
		arrays: {
			uint8: (length) => take(Uint8Array, length),
			uint32: (length) => take(Uint32Array, length),
			int32: (length) => take(Int32Array, length),
			uint32ToFill: (length) => take(Uint32Array, length, Infinity),
			int32ToFill: (length) => take(Int32Array, length, Infinity),
			uint8Grown: (old, length) => grow(Uint8Array, old, length),
			uint32Grown: (old, length, written) => grow(Uint32Array, old, length, written),
		},
		reclaim() {
			for (const entry of lent) {
				settle(entry);
				const {buffer} = entry;
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
