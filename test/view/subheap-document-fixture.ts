// A subheap document written by hand: blocks (first chunk, chunks, holder) and stray bits set in
// the bitmap, the rest worked out as the engine does. View tests draw it without a kernel.

import type {SubheapDocument} from '../../source/engine/build-subheap-document.js';
import {measureFreeRuns} from '../../source/engine/measure-free-runs.js';

export type HandBlock = [first: number, chunks: number, holder?: number];

export type HandSubheap = {
	size: number;
	blocks?: HandBlock[];
	/** Bits set with no block: [start, end). */
	stray?: Array<[number, number]>;
	/** Holder ids on the blocks (those without one get -1); without it, no holder array at all. */
	holders?: boolean;
	lastPlacedChunk?: number;
	id?: number;
	chunkBase?: number;
};

export const handSubheap = ({size, blocks = [], stray = [], holders = false, lastPlacedChunk = -1, id = 1, chunkBase = 0xc080_1020}: HandSubheap): SubheapDocument => {
	const bitmap = new Uint32Array(Math.ceil(size / 32));
	const set = (start: number, end: number) => {
		for (let index = start; index < end; index++) {
			bitmap[index >>> 5]! |= 1 << (index & 31);
		}
	};

	const sorted = [...blocks].sort((a, b) => a[0] - b[0]);
	for (const [first, chunks] of sorted) {
		set(first, first + chunks);
	}

	for (const [start, end] of stray) {
		set(start, end);
	}

	const runs = measureFreeRuns(bitmap, size);
	return {
		id,
		origin: 'backup',
		tick: 4000,
		base: chunkBase - 32,
		chunkBase,
		chunkSize: 32,
		totalChunks: size,
		allocatedChunks: sorted.reduce((sum, [, chunks]) => sum + chunks, 0),
		mapped: true,
		bitmap,
		blocks: {
			firstChunk: Uint32Array.from(sorted, ([first]) => first),
			chunkCount: Uint32Array.from(sorted, ([, chunks]) => chunks),
			...(holders ? {holderId: Int32Array.from(sorted, ([, , holder]) => holder ?? -1)} : {}),
		},
		strayChunks: stray.reduce((sum, [start, end]) => sum + end - start, 0),
		lastPlacedChunk,
		freeChunks: runs.freeChunks,
		largestFreeRunChunks: runs.largestRunChunks,
		largestFreeRunStart: runs.largestRunStart,
		freeRuns: runs.buckets,
		fragmentationIndex: runs.fragmentationIndex,
	};
};
