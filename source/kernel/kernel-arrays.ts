// Where the kernel's large typed arrays come from: a subheap memory's chunk states and words
// (heap-memory.ts), the bitmap read out of it, a bitmap's search tree (bitmap-search-tree.ts), a
// kernel region's page table. Each is new, zero-filled, as `new Uint8Array(n)` gives it, unless
// someone lends the kernel a source of them for a while: a sweep worker runs kernel after kernel
// (source/sweep/reuse-kernel-arrays.ts), and a fresh set of these for every run (~60 MB a
// big-allocations run, in arrays of up to 256 KiB) kept V8's collector busy with the "external
// memory" it adds. Whatever the source, an array reads as zero-filled: the kernel cannot tell.
//
// Clearing reused memory was then the sweep's biggest cost (~49 MB a run zeroed, most of it the
// words of subheaps that hold a few headers), and two workers clearing at once contend for the
// memory bus. So the kernel says how it will use an array, and a lender clears only what could
// be read: nothing of one the kernel fills whole, nothing of the part of a grown one the old
// array is copied over, and of the words only the pages the kernel marked as written.

/** A page of a marked array (`uint32Grown`): 2^10 elements, 4 KiB of 32-bit words. */
export const WRITTEN_PAGE_SHIFT = 10;

export type KernelArrays = {
	/** `length` zeros. */
	uint8(length: number): Uint8Array;
	uint32(length: number): Uint32Array;
	int32(length: number): Int32Array;
	/** `length` elements the caller writes, every one, before it reads any: they may hold anything. */
	uint32ToFill(length: number): Uint32Array;
	int32ToFill(length: number): Int32Array;
	/** `old` followed by zeros up to `length` (≥ its length). */
	uint8Grown(old: Uint8Array, length: number): Uint8Array;
	/**
	 * `old` followed by zeros up to `length`; the caller marks `written[i >>> WRITTEN_PAGE_SHIFT]`
	 * (one byte a page, as many as the array has pages, zeros) for every element i it writes a
	 * value other than 0 to from now on. The pages `old` was copied to are marked already.
	 */
	uint32Grown(old: Uint32Array, length: number, written: Uint8Array): Uint32Array;
};

/** Pages of a `length`-element marked array: the length of its `written`. */
export const writtenPages = (length: number): number => Math.ceil(length / 2 ** WRITTEN_PAGE_SHIFT);

const grown = <T extends Uint8Array | Uint32Array>(array: T, old: T): T => {
	array.set(old);
	return array;
};

const fresh: KernelArrays = {
	uint8: (length) => new Uint8Array(length),
	uint32: (length) => new Uint32Array(length),
	int32: (length) => new Int32Array(length),
	uint32ToFill: (length) => new Uint32Array(length),
	int32ToFill: (length) => new Int32Array(length),
	uint8Grown: (old, length) => grown(new Uint8Array(length), old),
	uint32Grown: (old, length) => grown(new Uint32Array(length), old),
};

let current: KernelArrays = fresh;

/** The source the kernel takes its large arrays from now. */
export const kernelArrays = (): KernelArrays => current;

/**
 * Lends the kernel `source` until the returned function is called (then fresh arrays again).
 * One kernel at a time: whoever lends knows which kernel runs meanwhile, and when it is done with
 * its arrays.
 */
export const lendKernelArrays = (source: KernelArrays): (() => void) => {
	current = source;
	return () => {
		if (current === source) {
			current = fresh;
		}
	};
};

/** Given-back arrays kept per length: about the regions of one length a workload frees before it maps more. */
const KEPT_PER_LENGTH = 4;
/**
 * The bytes all kept arrays may hold together (65,536 page addresses): a workload that maps
 * regions of many lengths must not leave a few of every length it ever freed. vmobject-churn's
 * 33 lengths, four of each, need about 200 KiB.
 */
export const KEPT_BYTES = 256 * 1024;
/** Arrays given back, by length, to be handed out again by `uint32Reused`. */
const givenBack = new Map<number, Uint32Array[]>();
/** The bytes of the arrays in `givenBack`. */
let keptBytes = 0;
/** Arrays `uint32Reused` made itself: only these may be handed out again (not a lender's, which it takes back). */
const reusable = new WeakSet<Uint32Array>();

/**
 * `length` elements the caller writes, every one, before it reads any, taken from the arrays
 * given back where one of that length is (a region's PhysicalPage addresses, region.ts): a
 * region is mapped every few ticks in vmobject-churn, and each new typed array was a calloc and
 * an ArrayBuffer for the collector to track and sweep. While someone lends, the lender's.
 */
export const uint32Reused = (length: number): Uint32Array => {
	if (current !== fresh) {
		return current.uint32ToFill(length);
	}

	const list = givenBack.get(length);
	if (list !== undefined) {
		const kept = list.pop()!;
		if (list.length === 0) {
			givenBack.delete(length);
		}

		keptBytes -= kept.byteLength;
		reusable.add(kept);
		return kept;
	}

	const array = new Uint32Array(length);
	reusable.add(array);
	return array;
};

/** The caller is done with `array` from `uint32Reused`, and never reads it again. */
export const giveBackUint32 = (array: Uint32Array): void => {
	if (!reusable.has(array) || keptBytes + array.byteLength > KEPT_BYTES) {
		return;
	}

	const kept = givenBack.get(array.length);
	if (kept === undefined) {
		givenBack.set(array.length, [array]);
	} else if (kept.length < KEPT_PER_LENGTH) {
		kept.push(array);
	} else {
		return;
	}

	// Out of the set while kept: the same array given back twice is kept once.
	reusable.delete(array);
	keptBytes += array.byteLength;
};

/** The bytes the given-back arrays hold now (tests). */
export const keptUint32Bytes = (): number => keptBytes;
