// Sizes the way the people checking them read them. Every size kmtop itself adds is in one style,
// SystemMonitor's: `{bytes / 1024}K` with integer division (reference §8.2), so a figure in a
// panel compares at a glance with `Kernel heap: 3496K/5988K` and `Physical memory: …K` beside it;
// below 1 KiB, where K would read 0K, the bytes: `736B`. The kernel's own lines (SystemMonitor's,
// the kernel log's `bytes: 1048576`, the console's) are shown verbatim and never reformatted.

const KiB = 1024;
const PAGE_SIZE = 4096;

/** SystemMonitor's `{bytes / 1024}K`: integer division, never rounded up. */
export const formatKilobytes = (bytes: number): string => `${Math.floor(bytes / KiB)}K`;

/** kmtop's one size style: `3496K`, `1024K`, `480K`; below 1 KiB `736B`. */
export const formatSize = (bytes: number): string => (Math.abs(bytes) < KiB ? `${Math.trunc(bytes)}B` : formatKilobytes(bytes));

/**
Sizes in K that add up: each the K of the running total minus the K before it, so the column sums
to exactly `formatKilobytes` of the whole and every part is its own size in K, rounded down or up
by less than 1K (rounding each part down on its own would leave the column short of the total).
*/
export const apportionKilobytes = (bytes: readonly number[]): number[] => {
	let total = 0;
	return bytes.map((part) => {
		const before = Math.floor(total / KiB);
		total += part;
		return Math.floor(total / KiB) - before;
	});
};

/** `256 pages` (4 KiB pages), or the size when it is not whole pages. */
export const formatPages = (bytes: number): string => {
	const pages = bytes / PAGE_SIZE;
	return Number.isInteger(pages) ? `${pages} ${pages === 1 ? 'page' : 'pages'}` : formatSize(bytes);
};

/** The kernel's way of printing a virtual address: `V0xc0801000` (the document has `0xc0801000`). */
export const formatKernelAddress = (address: string): string => `V${address}`;
