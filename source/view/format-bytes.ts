// Sizes the way the people checking them read them. K is 1024 bytes with integer division, as
// SystemMonitor prints it (reference §8.2); the kernel log prints exact bytes (`bytes: 1048576`)
// and addresses as `V0x…`; MiB with two decimals where a size is read at a glance.

const KiB = 1024;
const MiB = 1024 * KiB;
const PAGE_SIZE = 4096;

/** SystemMonitor's `{bytes / 1024}K`: integer division, never rounded up. */
export const formatKilobytes = (bytes: number): string => `${Math.floor(bytes / KiB)}K`;

/** `3.43 MiB`. */
export const formatMebibytes = (bytes: number): string => `${(bytes / MiB).toFixed(2)} MiB`;

/** Exact bytes, as the kernel log prints them: `1048576 bytes`. */
export const formatByteCount = (bytes: number): string => `${bytes} bytes`;

/** `256 pages` (4 KiB pages), or the exact bytes when they are not whole pages. */
export const formatPages = (bytes: number): string => {
	const pages = bytes / PAGE_SIZE;
	return Number.isInteger(pages) ? `${pages} ${pages === 1 ? 'page' : 'pages'}` : formatByteCount(bytes);
};

/**
A size in at most five columns, K and M being 1024-based like SystemMonitor's K: `736B`,
`10.4K`, `481K`, `1.94M`, `66.9M`. For columns where only the magnitude matters (largest free run).
*/
export const formatCompactSize = (bytes: number): string => {
	if (bytes < KiB) {
		return `${bytes}B`;
	}

	const [value, unit] = bytes < MiB ? [bytes / KiB, 'K'] : [bytes / MiB, 'M'];
	// Truncated, not rounded, so a compact size never claims more than there is.
	const digits = value < 10 ? (unit === 'M' ? 2 : 1) : value < 100 ? 1 : 0;
	const factor = 10 ** digits;
	return `${(Math.floor(value * factor) / factor).toFixed(digits)}${unit}`;
};

/** The kernel's way of printing a virtual address: `V0xc0801000` (the document has `0xc0801000`). */
export const formatKernelAddress = (address: string): string => `V${address}`;
