// The search tree over a ChunkBitmap's words (bitmap.ts): a segment tree, a leaf a word, four
// ints a node: PRE (0) free bits at its left edge, SUF at its right edge, BEST its longest free
// run, and padding, so one cache line serves a node and its sibling. Derived from the words
// alone, so it can be dropped and built again, exactly, at any time (issue #16: memory).

import {countTrailingZeros, longestClearRun} from './bitmap-words.js';
import {kernelArrays} from './kernel-arrays.js';

/** Offsets within a node: free bits at its right edge, its longest free run (PRE is 0). */
export const SUF = 1;
export const BEST = 2;

const FULL = 0xffffffff;

/** Word `w` as the search sees it: bits past `size`, and words past the map, count as set. */
export const searchWord = (words: Uint32Array, size: number, w: number): number => {
	if (w >= words.length) {
		return 0xffffffff;
	}

	const word = words[w]!;
	const bitsInWord = size - w * 32;
	// -1 << n: the bits past `size` set, as an int32 (~((1 << n) - 1) overflowed at n = 31).
	return bitsInWord >= 32 ? word : (word | (-1 << bitsInWord)) >>> 0;
};

/** Bits under `node` in a tree whose leaves (words) are at depth `leafLevel`. */
export const nodeBits = (leafLevel: number, node: number): number => 32 << (leafLevel - (31 - Math.clz32(node)));

/** The tree over `words` (`leaves` a power of two at least their count). */
export const buildSearchTree = (words: Uint32Array, size: number, leaves: number): Int32Array => {
	// Every int is written below, padding and the unused node 0 included: a lent array may
	// arrive dirty (kernel-arrays.ts), and clearing it first would touch it all twice.
	const tree = kernelArrays().int32ToFill(8 * leaves);
	tree.fill(0, 0, 4);
	for (let w = 0; w < leaves; w++) {
		const word = searchWord(words, size, w);
		const at = (leaves + w) * 4;
		// Most words are all free (a new subheap's) or all taken (past the map, a big block): their
		// runs need no bit loop, which cost a sweep run more than the rest of the build.
		if (word === 0) {
			tree[at] = 32;
			tree[at + SUF] = 32;
			tree[at + BEST] = 32;
		} else if (word === FULL) {
			tree[at] = 0;
			tree[at + SUF] = 0;
			tree[at + BEST] = 0;
		} else {
			tree[at] = countTrailingZeros(word);
			tree[at + SUF] = Math.clz32(word);
			tree[at + BEST] = longestClearRun(word);
		}

		tree[at + 3] = 0;
	}

	// Level by level from the leaves' parents up, `half` the bits under each child.
	for (let first = leaves >>> 1, half = 32; first >= 1; first >>>= 1, half *= 2) {
		for (let node = first; node < 2 * first; node++) {
			const at = node * 4;
			const left = at * 2;
			const right = left + 4;
			const leftPre = tree[left]!;
			const leftSuf = tree[left + SUF]!;
			const rightPre = tree[right]!;
			const rightSuf = tree[right + SUF]!;
			tree[at] = leftPre === half ? half + rightPre : leftPre;
			tree[at + SUF] = rightSuf === half ? half + leftSuf : rightSuf;
			tree[at + BEST] = Math.max(tree[left + BEST]!, tree[right + BEST]!, leftSuf + rightPre);
			tree[at + 3] = 0;
		}
	}

	return tree;
};

/**
 * Recomputes, level by level, the nodes above leaves `firstWord`..`lastWord` from their children,
 * and stops after a level where none came out changed: a node whose figures are as they were
 * leaves its parent as it was computed. Most kfrees and kmallocs change a leaf's runs but not, a
 * few levels up, the runs above it (the subheap's longest run lies elsewhere): 7.1 levels of 10-11
 * on the issue-7 trace. Whether anything changed is or-ed up without a branch per node: a branch
 * a node mispredicted often enough to cost more than the levels it saved.
 */
export const updateAncestors = (tree: Int32Array, leaves: number, firstWord: number, lastWord: number): void => {
	let lo = (leaves + firstWord) >>> 1;
	let hi = (leaves + lastWord) >>> 1;
	let half = 32;
	while (lo >= 1) {
		let changed = 0;
		for (let node = lo; node <= hi; node++) {
			const at = node * 4;
			const left = at * 2;
			const right = left + 4;
			const leftPre = tree[left]!;
			const leftSuf = tree[left + 1]!;
			const leftBest = tree[left + 2]!;
			const rightPre = tree[right]!;
			const rightSuf = tree[right + 1]!;
			const rightBest = tree[right + 2]!;
			const pre = leftPre === half ? half + rightPre : leftPre;
			const suf = rightSuf === half ? half + leftSuf : rightSuf;
			const inner = leftSuf + rightPre;
			const best = leftBest > rightBest ? (leftBest > inner ? leftBest : inner) : rightBest > inner ? rightBest : inner;
			changed |= (pre ^ tree[at]!) | (suf ^ tree[at + 1]!) | (best ^ tree[at + 2]!);
			tree[at] = pre;
			tree[at + 1] = suf;
			tree[at + 2] = best;
		}

		if (changed === 0) {
			return;
		}

		lo >>>= 1;
		hi >>>= 1;
		half *= 2;
	}
};
