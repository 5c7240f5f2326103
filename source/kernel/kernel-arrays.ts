// Where the kernel's large typed arrays come from: a subheap memory's chunk states and words
// (heap-memory.ts), the bitmap read out of it, a bitmap's search tree (bitmap-search-tree.ts), a
// kernel region's page table. Each is new, zero-filled, as `new Uint8Array(n)` gives it, unless
// someone lends the kernel a source of them for a while: a sweep worker runs kernel after kernel
// (source/sweep/reuse-kernel-arrays.ts), and a fresh set of these for every run (~60 MB a
// big-allocations run, in arrays of up to 256 KiB) kept V8's collector busy with the "external
// memory" it adds. Whatever the source, an array comes zero-filled: the kernel cannot tell.

export type KernelArrays = {
	uint8(length: number): Uint8Array;
	uint32(length: number): Uint32Array;
	int32(length: number): Int32Array;
};

const fresh: KernelArrays = {
	uint8: (length) => new Uint8Array(length),
	uint32: (length) => new Uint32Array(length),
	int32: (length) => new Int32Array(length),
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
