// How a subheap's free space is broken up, as a small table: one row per bucket of free-run
// lengths (1, 2–3, 4–7, … chunks) with the runs, their bytes and a bar of their share of the free
// bytes; then the free total, the largest run and the fragmentation index 1 − largest / free.

import type {FreeRunBucket, SubheapDocument} from '../engine/build-subheap-document.js';
import {formatCount, formatCountOf, formatPercent} from './format-number.js';
import {renderBar} from './render-bar.js';
import {firstFitting, fitLine, padEnd, padStart, segment, type StyledLine} from './styled-line.js';

const MIN_BAR = 4;
const MAX_BAR = 24;

/** `0xc0801020` → `V0xc0801020`, the kernel's way (format-bytes.ts). */
export const chunkAddress = (document: SubheapDocument, chunk: number): string =>
	`V0x${(document.chunkBase + chunk * document.chunkSize).toString(16).padStart(8, '0')}`;

/** `1 chunk`, `2–3`, `16384–32767`. */
const bucketLabel = (bucket: FreeRunBucket): string =>
	bucket.minChunks === bucket.maxChunks ? String(bucket.minChunks) : `${bucket.minChunks}–${bucket.maxChunks}`;

const chunksAndBytes = (chunks: number, chunkSize: number): string =>
	`${formatCount(chunks)} ${chunks === 1 ? 'chunk' : 'chunks'} (${formatCount(chunks * chunkSize)} bytes)`;

/** `0.412`: three decimals, never rounded to a value it does not have at the ends (0 and 1). */
export const formatFragmentationIndex = (index: number | null): string => {
	if (index === null) {
		return '—';
	}

	const text = index.toFixed(3);
	if (text === '0.000' && index > 0) {
		return '0.001';
	}

	return text === '1.000' && index < 1 ? '0.999' : text;
};

/** The table: a header, then one row per bucket up to the largest run's. */
export const describeFreeRunTable = (document: SubheapDocument, width: number): StyledLine[] => {
	const buckets = document.freeRuns;
	if (buckets.length === 0) {
		return [];
	}

	const freeBytes = document.freeChunks * document.chunkSize;
	const labelWidth = Math.max(8, ...buckets.map((bucket) => bucketLabel(bucket).length));
	const runsWidth = Math.max(4, ...buckets.map((bucket) => formatCount(bucket.count).length));
	const bytesWidth = Math.max(5, ...buckets.map((bucket) => formatCount(bucket.bytes).length));
	const fixed = 1 + labelWidth + 2 + runsWidth + 2 + bytesWidth + 2 + 1 + 6;
	const bar = Math.min(MAX_BAR, Math.max(MIN_BAR, width - fixed));
	const header = fitLine(
		[segment(` ${padEnd('free run', labelWidth)}  ${padStart('runs', runsWidth)}  ${padStart('bytes', bytesWidth)}  ${padEnd(bar + 7 >= 19 ? 'share of free bytes' : 'share of free', bar + 7)}`, 'dim')],
		width,
	);
	const rows = buckets.map((bucket): StyledLine => {
		const share = freeBytes === 0 ? 0 : bucket.bytes / freeBytes;
		const drawn = renderBar(share, bar);
		return fitLine(
			[
				segment(` ${padEnd(bucketLabel(bucket), labelWidth)}  `, 'bold'),
				segment(`${padStart(formatCount(bucket.count), runsWidth)}  ${padStart(formatCount(bucket.bytes), bytesWidth)}  `, bucket.count === 0 ? 'dim' : 'plain'),
				segment(drawn.filled, 'accent'),
				segment(drawn.empty, 'dim'),
				segment(` ${padStart(formatPercent(share), 6)}`, bucket.count === 0 ? 'dim' : 'plain'),
			],
			width,
		);
	});
	return [header, ...rows];
};

/** Free total, largest run, the index (with its two numbers), and stray bits when there are any. */
export const describeFreeRunSummary = (document: SubheapDocument, width: number): StyledLine[] => {
	const {chunkSize} = document;
	const lines: StyledLine[] = document.freeChunks === 0 ? [fitLine([segment(' no free chunk: the subheap is full, fragmentation index —', 'warn')], width)] : [
		fitLine([segment(' free '), segment(chunksAndBytes(document.freeChunks, chunkSize), 'bold'), segment(` in ${formatCountOf(document.freeRuns.reduce((sum, bucket) => sum + bucket.count, 0), 'run')}`)], width),
		fitLine(
			[
				segment(' largest free run '),
				segment(chunksAndBytes(document.largestFreeRunChunks, chunkSize), 'bold'),
				segment(` at chunk ${formatCount(document.largestFreeRunStart)} (${chunkAddress(document, document.largestFreeRunStart)})`),
			],
			width,
		),
		firstFitting(
			width,
			...[' (1 − largest free run / free chunks)', ''].map((why) => [
				segment(' fragmentation index '),
				segment(formatFragmentationIndex(document.fragmentationIndex), 'bold'),
				segment(` = 1 − ${formatCount(document.largestFreeRunChunks)} / ${formatCount(document.freeChunks)}${why}`, 'dim'),
			]),
		),
	];
	// Only where the bitmap holds bits no allocation counted (§5.5's orphan, §2.4's re-read bitmap).
	const counted = document.totalChunks - document.allocatedChunks;
	if (counted !== document.freeChunks) {
		lines.push(
			firstFitting(
				width,
				[segment(` the heap's own count says ${formatCount(counted)} chunks are free; its bitmap shows ${formatCount(document.freeChunks)}`, 'bad')],
				[segment(` counted free: ${formatCount(counted)} chunks; bitmap: ${formatCount(document.freeChunks)}`, 'bad')],
			),
		);
	}

	return lines;
};
