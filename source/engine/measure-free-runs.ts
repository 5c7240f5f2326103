// How a subheap's free space is broken up, read from its bitmap (bit i set: chunk i allocated):
// every run of clear bits, counted in power-of-two buckets (runs of 1, 2–3, 4–7, … chunks), the
// longest run and where it starts, and the fragmentation index 1 − longest run / free chunks
// (0: all free space in one run; towards 1: scattered in small holes). Word by word, so a
// 63,550-chunk pool is a couple of thousand steps plus one per run.

import {CHUNK_SIZE} from '../kernel/constants.js';
import {countTrailingZeros} from '../kernel/bitmap-words.js';

export type FreeRunBucket = {
	/** The bucket holds runs of minChunks to maxChunks chunks (1–1, 2–3, 4–7, …). */
	minChunks: number;
	maxChunks: number;
	/** Runs of that length. */
	count: number;
	/** Their chunks, in bytes. */
	bytes: number;
};

export type FreeRuns = {
	/** Clear bits among the first `size`: the histogram's runs add up to it. */
	freeChunks: number;
	largestRunChunks: number;
	/** The first chunk of the lowest run of the largest length; -1 when nothing is free. */
	largestRunStart: number;
	/** From runs of 1 chunk up to the bucket of the largest run, empty buckets included; [] when nothing is free. */
	buckets: FreeRunBucket[];
	/** 1 − largest run / free chunks; null when nothing is free (there is no free space to break up). */
	fragmentationIndex: number | null;
};

/** The first set bit at or after `from`, or `size` when there is none before the end. */
export const nextSetBit = (words: Uint32Array, size: number, from: number): number => {
	if (from >= size) {
		return size;
	}

	let w = from >>> 5;
	const lastWord = (size - 1) >>> 5;
	let word = (words[w]! & (-1 << (from & 31))) >>> 0;
	while (word === 0) {
		if (++w > lastWord) {
			return size;
		}

		word = words[w]!;
	}

	return Math.min(size, w * 32 + countTrailingZeros(word));
};

/** The first clear bit at or after `from`, or `size` when there is none before the end. */
export const nextClearBit = (words: Uint32Array, size: number, from: number): number => {
	if (from >= size) {
		return size;
	}

	let w = from >>> 5;
	const lastWord = (size - 1) >>> 5;
	let word = (~words[w]! & (-1 << (from & 31))) >>> 0;
	while (word === 0) {
		if (++w > lastWord) {
			return size;
		}

		word = ~words[w]! >>> 0;
	}

	return Math.min(size, w * 32 + countTrailingZeros(word));
};

/** The bucket a run of `chunks` (≥ 1) falls in: 0 for 1, 1 for 2–3, 2 for 4–7, … */
export const freeRunBucketIndex = (chunks: number): number => 31 - Math.clz32(chunks);

export const measureFreeRuns = (words: Uint32Array, size: number): FreeRuns => {
	const counts: number[] = [];
	const chunks: number[] = [];
	let freeChunks = 0;
	let largestRunChunks = 0;
	let largestRunStart = -1;
	for (let start = nextClearBit(words, size, 0); start < size; ) {
		const end = nextSetBit(words, size, start);
		const length = end - start;
		const bucket = freeRunBucketIndex(length);
		while (counts.length <= bucket) {
			counts.push(0);
			chunks.push(0);
		}

		counts[bucket]!++;
		chunks[bucket]! += length;
		freeChunks += length;
		if (length > largestRunChunks) {
			largestRunChunks = length;
			largestRunStart = start;
		}

		start = nextClearBit(words, size, end);
	}

	return {
		freeChunks,
		largestRunChunks,
		largestRunStart,
		buckets: counts.map((count, bucket) => ({
			minChunks: 2 ** bucket,
			maxChunks: 2 ** (bucket + 1) - 1,
			count,
			bytes: chunks[bucket]! * CHUNK_SIZE,
		})),
		fragmentationIndex: freeChunks === 0 ? null : 1 - largestRunChunks / freeChunks,
	};
};
