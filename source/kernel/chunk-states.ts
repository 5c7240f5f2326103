// A HeapMemory's chunk states (heap-memory.ts), four to a byte: two bits a chunk, chunk c in bits
// 2·(c % 4) of byte c / 4. A big block is written whole twice (0xbb on kmalloc, 0xaa on kfree),
// and a big-allocations sweep run writes some 100,000-chunk blocks in each of its subheaps: a
// byte a chunk was the most memory a run wrote, and two runs at once share the caches and the
// memory bus (issue #17). Four to a byte, a range is mostly a plain byte fill of a quarter the bytes.

/** Never written since the pages were zero-filled. */
export const CHUNK_ZERO = 0;
/** Scrubbed by kfree: 0xaa throughout. */
export const CHUNK_FREED = 1;
/** Inside a live allocation: 0xbb (we do not model what callers write). */
export const CHUNK_INTERIOR = 2;
/** Starts with a 4-byte word (an allocation header), then 0xbb. */
export const CHUNK_WORD = 3;

/** Chunks a state byte holds. */
export const CHUNKS_PER_STATE_BYTE = 4;

/** Bytes of states for `chunks` chunks. */
export const stateBytes = (chunks: number): number => Math.ceil(chunks / CHUNKS_PER_STATE_BYTE);

/** The state (0..3) of `chunk`; 0 past the array (its byte undefined). */
export const stateOf = (states: Uint8Array, chunk: number): number => (states[chunk >>> 2]! >>> ((chunk & 3) << 1)) & 3;

/** `chunk`'s state becomes `state` (0..3); the chunk is within the array. */
export const setState = (states: Uint8Array, chunk: number, state: number): void => {
	const shift = (chunk & 3) << 1;
	const at = chunk >>> 2;
	states[at] = (states[at]! & ~(3 << shift)) | (state << shift);
};

/** Chunks [from, to) take `state` (0..3); they are within the array. */
export const fillStates = (states: Uint8Array, from: number, to: number, state: number): void => {
	if (from >= to) {
		return;
	}

	const pattern = state * 0x55; // the state in all four places of a byte
	const first = from >>> 2;
	const last = (to - 1) >>> 2;
	// Bits of the first byte from `from` on, of the last byte up to `to - 1`.
	const firstMask = (0xff << ((from & 3) << 1)) & 0xff;
	const lastMask = 0xff >>> ((3 - ((to - 1) & 3)) << 1);
	if (first === last) {
		const mask = firstMask & lastMask;
		states[first] = (states[first]! & ~mask) | (pattern & mask);
		return;
	}

	states[first] = (states[first]! & ~firstMask) | (pattern & firstMask);
	states.fill(pattern, first + 1, last);
	states[last] = (states[last]! & ~lastMask) | (pattern & lastMask);
};
