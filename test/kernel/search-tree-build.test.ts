// buildSearchTree (bitmap-search-tree.ts): every node as a bit-by-bit count over the words says,
// and the bit loop of longestClearRun only for words neither all free nor all taken (a sweep's
// trees are mostly those: a new subheap's free words, a big block's taken ones).
import {describe, expect, it, vi} from 'vitest';
import {BEST, buildSearchTree, SUF} from '../../source/kernel/bitmap-search-tree.js';
import * as bitmapWords from '../../source/kernel/bitmap-words.js';

vi.mock('../../source/kernel/bitmap-words.js', async (original) => {
	const actual = await original<typeof bitmapWords>();
	return {...actual, longestClearRun: vi.fn(actual.longestClearRun)};
});

/** Bit i free (as the search sees it: bits past `size` are taken). */
const isFree = (words: Uint32Array, size: number, bit: number): boolean => bit < size && (words[bit >>> 5]! & (1 << (bit & 31))) === 0;

/** PRE, SUF and BEST of bits [from, from + span), counted bit by bit. */
const countRuns = (words: Uint32Array, size: number, from: number, span: number): number[] => {
	let pre = 0;
	while (pre < span && isFree(words, size, from + pre)) {
		pre++;
	}

	let suf = 0;
	while (suf < span && isFree(words, size, from + span - 1 - suf)) {
		suf++;
	}

	let best = 0;
	for (let bit = 0, run = 0; bit < span; bit++) {
		run = isFree(words, size, from + bit) ? run + 1 : 0;
		best = Math.max(best, run);
	}

	return [pre, suf, best];
};

const mapOf = (size: number, taken: Array<[number, number]>): Uint32Array => {
	const words = new Uint32Array(Math.ceil(size / 32));
	for (const [start, end] of taken) {
		for (let bit = start; bit < end; bit++) {
			words[bit >>> 5]! |= 1 << (bit & 31);
		}
	}

	return words;
};

describe('buildSearchTree', () => {
	it.each([
		// size, taken ranges, leaves, words neither all free nor all taken
		{name: 'a new subheap', size: 4096, taken: [] as Array<[number, number]>, leaves: 128, mixed: 0},
		{name: 'one big block, a free tail, a last word in part past the map', size: 3990, taken: [[0, 3900]] as Array<[number, number]>, leaves: 128, mixed: 2},
		{name: 'scattered blocks', size: 1000, taken: [[3, 5], [40, 50], [64, 200], [511, 513], [700, 990]] as Array<[number, number]>, leaves: 32, mixed: 8},
		{name: 'all taken', size: 3 * 32, taken: [[0, 96]] as Array<[number, number]>, leaves: 4, mixed: 0},
	])('$name: every node as counted bit by bit, $mixed bit loops', ({size, taken, leaves, mixed}) => {
		const words = mapOf(size, taken);
		vi.mocked(bitmapWords.longestClearRun).mockClear();
		const tree = buildSearchTree(words, size, leaves);
		expect(bitmapWords.longestClearRun).toHaveBeenCalledTimes(mixed);
		expect(tree).toHaveLength(8 * leaves);
		for (let node = 1; node < 2 * leaves; node++) {
			const depth = 31 - Math.clz32(node);
			const span = (leaves >>> depth) * 32;
			const from = (node - (1 << depth)) * span;
			expect([tree[node * 4], tree[node * 4 + SUF], tree[node * 4 + BEST], tree[node * 4 + 3]]).toEqual([...countRuns(words, size, from, span), 0]);
		}

		expect([...tree.subarray(0, 4)]).toEqual([0, 0, 0, 0]);
	});
});
