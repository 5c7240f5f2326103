// Machine constants of the simulated i386 SerenityOS kernel (reference §1, §3.1, §6.2, §7).

/**
 * `value` as a heap number, not a small integer; the same value. V8 gives a number field the kind
 * of the first value stored: a field that starts as a small integer and later holds a double (a
 * sum of Float64Array elements is always one) changes kind, and with it the object's hidden class,
 * discarding the optimized code that knew the old class. Such fields start from one of these.
 */
export const asDouble = (value: number): number => new Float64Array([value])[0]!;

export const KiB = 1024;
export const MiB = 1024 * KiB;
export const GiB = 1024 * MiB;

/** i386: PAGE_SIZE 4096 (Kernel/Arch/i386/CPU.h). */
export const PAGE_SIZE = 4096;
/** `#define CHUNK_SIZE 32` in Kernel/Heap/kmalloc.cpp. */
export const CHUNK_SIZE = 32;
/** sizeof(AllocationHeader): one size_t on i386 (§1.1). */
export const ALLOCATION_HEADER_SIZE = 4;
/** Heap::allocate switches from first fit to best fit at 128 chunks (§1.2). */
export const BEST_FIT_THRESHOLD = 128;
/** KMALLOC_SCRUB_BYTE / KFREE_SCRUB_BYTE (Kernel/Heap/kmalloc.h). */
export const KMALLOC_SCRUB_BYTE = 0xbb;
export const KFREE_SCRUB_BYTE = 0xaa;

export const ETERNAL_RANGE_SIZE = 2 * MiB;
export const BACKUP_MEMORY_SIZE = 1 * MiB;

/**
 * The kernel image layout is a simulation choice: the kernel is linked at 0xc0100000 and its
 * `.heap` section (the eternal range, then the kmalloc pool) sits below 0xc0800000, where
 * kernel regions begin. Real builds put it wherever `end_of_kernel_image` fell; nothing the
 * kernel prints depends on it except the pool's own addresses.
 */
export const ETERNAL_RANGE_BASE = 0xc0300000;
export const KMALLOC_POOL_BASE = 0xc0500000;

/** Kernel virtual range of the range allocator: 0xc0800000, 0x3f000000 bytes (§6.2). */
export const KERNEL_RANGE_BASE = 0xc0800000;
export const KERNEL_RANGE_SIZE = 0x3f000000;

/** PAE: one page table maps 2 MiB (§0 "Paging is PAE"). */
export const PAGE_TABLE_SPAN = 2 * MiB;

/**
 * Physical memory layout, also a simulation choice: [0, 1 MiB) firmware and low memory,
 * [1 MiB, 8 MiB) the kernel image (with .heap), [8 MiB, 12 MiB) supervisor pages,
 * [12 MiB, RAM) user physical pages. The kernel's own boot allocations of supervisor pages
 * (the PAE page directory pointer table and its four page directories) are 5 pages.
 */
export const RESERVED_LOW_MEMORY = 8 * MiB;
export const SUPERVISOR_MEMORY = 4 * MiB;
export const SUPERVISOR_PAGES_USED_AT_BOOT = 5;
/** The smallest RAM that boots: the layout above plus the first backup and its page table, rounded. */
export const MIN_RAM_BYTES = 16 * MiB;
/** i386 without PAE's 36-bit extension in our model: 4 GiB. */
export const MAX_RAM_BYTES = 4 * GiB;

export const pageRoundUp = (value: number): number => Math.ceil(value / PAGE_SIZE) * PAGE_SIZE;

/** `VirtualAddress` prints as `V0x%08x` (§10.2). */
export const formatVirtualAddress = (address: number): string =>
	`V0x${(address >>> 0).toString(16).padStart(8, '0')}`;

/** Addresses in the snapshot: `"0xc0801000"`. */
export const formatAddress = (address: number): string =>
	`0x${(address >>> 0).toString(16).padStart(8, '0')}`;
