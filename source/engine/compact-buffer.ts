// The form a stored copy keeps a buffer in (keep-checkpoints.ts). Stored copies are never run,
// only copied again, so their buffers need not be laid out as the kernel uses them: a buffer is
// cut into 4 KiB blocks; a block whose bytes repeat every 16 bytes is kept as those 16 bytes,
// any other block as a buffer of its own. Most of a big heap's buffers are such repeats: the
// chunk states of a free or allocated span are one byte over and over, the header words of a
// span nobody allocated in are zero, and the bitmap tree's nodes over a free or full span are
// one 16-byte node over and over. A block of its own that did not change since an earlier copy
// is that copy's block, shared: a 77 MiB heap whose few pages changed costs those pages.
//
// A compact buffer and its blocks are never written once made, so any number of copies may
// hold them; `expandBuffer` gives a fresh buffer with the same bytes to run on.

import {Buffer} from 'node:buffer';

/** A block: the granularity of sharing between copies, and of what repeats. */
export const BLOCK_BYTES = 4096;
/** What a repeating block is kept as (a node of the bitmap tree: four 32-bit words). */
export const PATTERN_BYTES = 16;
/** What a block of any kind costs in the tables: its slot and its pattern. */
const TABLE_BYTES_PER_BLOCK = 8 + PATTERN_BYTES;
const OBJECT_BYTES = 64;

export class CompactBuffer {
	readonly byteLength: number;
	/** A block's bytes (never written: other copies may share them), or undefined where it repeats its pattern. */
	readonly blocks: ReadonlyArray<ArrayBuffer | undefined>;
	/** 16 bytes a block: what it repeats, where `blocks` has none. */
	readonly patterns: Uint8Array;
	/** What it holds: its blocks and its tables. */
	readonly bytes: number;

	constructor(byteLength: number, blocks: Array<ArrayBuffer | undefined>, patterns: Uint8Array) {
		this.byteLength = byteLength;
		this.blocks = blocks;
		this.patterns = patterns;
		let bytes = OBJECT_BYTES + TABLE_BYTES_PER_BLOCK * blocks.length;
		for (const block of blocks) {
			bytes += block?.byteLength ?? 0;
		}

		this.bytes = bytes;
	}

	/** The blocks of its own it holds (each once). */
	ownBlocks(): ArrayBuffer[] {
		return this.blocks.filter((block): block is ArrayBuffer => block !== undefined);
	}
}

/** Whether bytes [start, end) repeat every PATTERN_BYTES bytes (a memcmp of the range against itself shifted). */
const repeats = (bytes: Buffer, start: number, end: number): boolean =>
	end - start > PATTERN_BYTES && bytes.compare(bytes, start + PATTERN_BYTES, end, start, end - PATTERN_BYTES) === 0;

/**
The compact form of `source`. `earlier`, a compact form of a buffer this one may have been
(the same buffer at an earlier copy), lends the blocks whose bytes are the same; when every
block is the same, `earlier` itself is the answer.
*/
export const compactBuffer = (source: ArrayBuffer, earlier?: CompactBuffer): CompactBuffer => {
	const {byteLength} = source;
	const bytes = Buffer.from(source);
	const count = Math.ceil(byteLength / BLOCK_BYTES);
	const blocks = new Array<ArrayBuffer | undefined>(count).fill(undefined);
	const patterns = new Uint8Array(count * PATTERN_BYTES);
	const lender = earlier?.byteLength === byteLength ? earlier : undefined;
	let unchanged = lender !== undefined;
	for (let index = 0; index < count; index++) {
		const start = index * BLOCK_BYTES;
		const end = Math.min(byteLength, start + BLOCK_BYTES);
		const lent = lender?.blocks[index];
		if (lent !== undefined && bytes.compare(new Uint8Array(lent), 0, lent.byteLength, start, end) === 0) {
			blocks[index] = lent;
			continue;
		}

		if (repeats(bytes, start, end)) {
			bytes.copy(patterns, index * PATTERN_BYTES, start, start + PATTERN_BYTES);
			unchanged &&= lent === undefined && bytes.compare(lender!.patterns, index * PATTERN_BYTES, (index + 1) * PATTERN_BYTES, start, start + PATTERN_BYTES) === 0;
			continue;
		}

		blocks[index] = source.slice(start, end);
		unchanged = false;
	}

	return unchanged ? lender! : new CompactBuffer(byteLength, blocks, patterns);
};

/** A new buffer with the bytes `compact` stands for. */
export const expandBuffer = (compact: CompactBuffer): ArrayBuffer => {
	const {byteLength, blocks, patterns} = compact;
	const buffer = new ArrayBuffer(byteLength); // zero-filled: zero blocks need nothing
	const bytes = new Uint8Array(buffer);
	const count = blocks.length;
	let index = 0;
	while (index < count) {
		const block = blocks[index];
		if (block !== undefined) {
			bytes.set(new Uint8Array(block), index * BLOCK_BYTES);
			index++;
			continue;
		}

		// A run of blocks repeating one pattern is filled at once.
		const pattern = patterns.subarray(index * PATTERN_BYTES, (index + 1) * PATTERN_BYTES);
		let runEnd = index + 1;
		while (runEnd < count && blocks[runEnd] === undefined && samePattern(patterns, runEnd, pattern)) {
			runEnd++;
		}

		if (pattern.some((byte) => byte !== 0)) {
			fillPattern(bytes, index * BLOCK_BYTES, Math.min(byteLength, runEnd * BLOCK_BYTES), pattern);
		}

		index = runEnd;
	}

	return buffer;
};

const samePattern = (patterns: Uint8Array, index: number, pattern: Uint8Array): boolean => {
	const at = index * PATTERN_BYTES;
	for (let byte = 0; byte < PATTERN_BYTES; byte++) {
		if (patterns[at + byte] !== pattern[byte]) {
			return false;
		}
	}

	return true;
};

/** Fills [start, end) with `pattern` over and over, doubling what is filled with each copy. */
const fillPattern = (bytes: Uint8Array, start: number, end: number, pattern: Uint8Array): void => {
	const length = end - start;
	bytes.set(pattern.subarray(0, Math.min(PATTERN_BYTES, length)), start);
	let filled = PATTERN_BYTES;
	while (filled < length) {
		const more = Math.min(filled, length - filled);
		bytes.copyWithin(start + filled, start, start + more);
		filled += more;
	}
};

/** A typed array (or DataView) of a stored copy: its kind and place over a compact buffer. */
export class StoredView {
	readonly kind: ViewKind;
	readonly buffer: CompactBuffer;
	readonly byteOffset: number;
	/** Elements (a DataView's bytes). */
	readonly length: number;

	constructor(kind: ViewKind, buffer: CompactBuffer, byteOffset: number, length: number) {
		this.kind = kind;
		this.buffer = buffer;
		this.byteOffset = byteOffset;
		this.length = length;
	}
}

export type ViewKind = new (buffer: ArrayBuffer, byteOffset: number, length: number) => ArrayBufferView;
