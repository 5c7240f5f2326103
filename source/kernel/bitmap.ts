// A Heap's allocation bitmap (AK/Bitmap.h, reference §1.4), one bit per 32-byte chunk, with the
// kernel's exact placement: `find_first_fit` returns the leftmost run of n clear bits, and
// `find_best_fit` reproduces the capped-length quirk that lands a 128-chunk request at 672 in
// free runs [0,300) + [400,900). The kernel scans words from chunk 0 on every call; we keep a
// segment tree over the words (per node: free bits at its left edge, at its right edge, and its
// longest free run) so a search is O(log n) and a full subheap is skipped in O(1) (issue #2,
// "Speed, designed in now"; issue #7). test/kernel/bitmap-placement.test.ts checks every
// placement against a literal port of the kernel's search.
//
// The tree is derived from the words, and it costs a byte a chunk (32 KiB for a 1 MiB subheap)
// where the words cost a bit: a kernel 7,000,000 ticks into vmobject-churn has ~500 subheaps,
// most of them full of long-lived blocks and searched rarely if ever (issue #16: memory). So the
// tree is built on the first search, kept while searches keep coming, and dropped by
// `dropTreeIfIdle` (subheap-list.ts sweeps now and then); without one, a kfree sets words only.

import {emulateBestFit} from './bitmap-best-fit.js';
import {BEST, buildSearchTree, nodeBits, searchWord, SUF, updateAncestors} from './bitmap-search-tree.js';
import {countSetBits, countTrailingZeros, firstRunInWord, longestClearRun} from './bitmap-words.js';

export {countTrailingZeros} from './bitmap-words.js';

const FULL = 0xffffffff;

export class ChunkBitmap {
	/**
	 * Fields derived from the words, which a copy kept for time travel leaves out (clone-graph.ts):
	 * the tree is a byte a chunk against the words' bit, and is built again on the next search.
	 */
	static readonly derivedFields: readonly string[] = ['tree'];

	/** Number of bits (chunks). */
	readonly size: number;
	/** The bitmap's memory, as the kernel reads it: bit i is bit i%32 of word i/32. */
	readonly words: Uint32Array;
	/** Number of words the kernel's word loop covers: `size / 32` (§1.4, "full words"). */
	readonly fullWords: number;
	private readonly leaves: number;
	private readonly leafLevel: number;
	/**
	 * The segment tree, four ints a node (node·4: free bits at its left edge, at its right edge,
	 * its longest free run, padding), so one cache line serves a node and its sibling: the hot
	 * path is memory-bound on big heaps. Undefined until a search needs it, and after it idled.
	 */
	private tree: Int32Array | undefined;
	/** Whether a search used the tree since the last `dropTreeIfIdle`. */
	private searched = false;
	/**
	 * The last word when the map ends inside it (-1 otherwise), and the bits past the end to force
	 * set, as an int32 (a Smi): a mask with bit 31 set kept as a double would change the field's
	 * representation for every bitmap, and discard the optimized code that reads it.
	 */
	private readonly paddedWord: number;
	private readonly padMask: number;

	/** `words` is the memory the bitmap sits on; the Heap constructor does not clear it (§1.1). */
	constructor(size: number, words?: Uint32Array) {
		this.size = size;
		const wordCount = Math.ceil(size / 32);
		this.words = words ?? new Uint32Array(wordCount);
		this.fullWords = Math.floor(size / 32);
		this.paddedWord = size % 32 === 0 ? -1 : wordCount - 1;
		this.padMask = size % 32 === 0 ? 0 : -1 << size % 32;
		let leaves = 1;
		while (leaves < wordCount) {
			leaves *= 2;
		}

		this.leaves = leaves;
		this.leafLevel = 31 - Math.clz32(leaves);
	}

	/** Whether the search tree is built (it is built on the first search, see above). */
	get hasTree(): boolean {
		return this.tree !== undefined;
	}

	/**
	 * Drops the tree when no search used it since the last call: what an idle subheap keeps is
	 * its words. Returns whether it dropped one. Placement never depends on it (the tree is
	 * rebuilt from the words, exactly, on the next search).
	 */
	dropTreeIfIdle(): boolean {
		const idle = !this.searched && this.tree !== undefined;
		if (idle) {
			this.tree = undefined;
		}

		this.searched = false;
		return idle;
	}

	get(index: number): boolean {
		return (this.words[index >>> 5]! & (1 << (index & 31))) !== 0;
	}

	/** Longest run of clear bits (free chunks) in the whole map. */
	get longestFreeRun(): number {
		return this.searchTree()[4 + BEST]!;
	}

	/**
	 * Sets or clears [start, start + length); the caller has checked the range (Bitmap::set_range).
	 * The hot path of every kmalloc and kfree: the words, then the tree above them, level by level
	 * up to the first level that came out unchanged (updateAncestors).
	 */
	setRange(start: number, length: number, value: boolean): void {
		if (length === 0) {
			return;
		}

		const {words, tree, leaves, paddedWord, padMask} = this;
		const end = start + length;
		const firstWord = start >>> 5;
		const lastWord = (end - 1) >>> 5;
		for (let w = firstWord; w <= lastWord; w++) {
			const lo = w === firstWord ? start & 31 : 0;
			const hi = w === lastWord ? ((end - 1) & 31) + 1 : 32;
			// Masks stay int32 (bits hi-lo..31 of ~0, moved up): 0xffffffff, or any with bit 31 set, would
			// be a heap number here, and the first such mask discarded this function's optimized code.
			const mask = hi - lo === 32 ? -1 : ~(-1 << (hi - lo)) << lo;
			const word = value ? (words[w]! | mask) >>> 0 : (words[w]! & ~mask) >>> 0;
			words[w] = word;
			if (tree === undefined) {
				continue;
			}

			const at = (leaves + w) * 4;
			// One path for every word (the padded one ORs its mask, the others 0): a branch taken only
			// at a map's last word would reach optimized code without feedback, and discard it.
			const leaf = (word | (w === paddedWord ? padMask : 0)) >>> 0;
			if (leaf === 0) {
				tree[at] = 32;
				tree[at + 1] = 32;
				tree[at + 2] = 32;
			} else if (leaf === FULL) {
				tree[at] = 0;
				tree[at + 1] = 0;
				tree[at + 2] = 0;
			} else {
				tree[at] = countTrailingZeros(leaf);
				tree[at + 1] = Math.clz32(leaf);
				tree[at + 2] = longestClearRun(leaf);
			}
		}

		if (tree === undefined) {
			return;
		}

		// Now, not at the next search: from 2026-12-01 to 2026-12-04 the nodes above waited for it
		// (merged with others waiting within 64 words), and the issue-7 trace, where a search
		// follows nearly every change, replayed 11 % slower (paired runs; merging only adjacent
		// words did not win it back, so the waiting cost, not the span). vmobject-churn's runs of
		// blocks set their range in one call (Heap.allocateRun) and measured the same either way.
		updateAncestors(tree, this.leaves, firstWord, lastWord);
	}

	/** Number of set bits among the first `size` bits (the allocated chunks: invariants.ts). */
	countSet(): number {
		return countSetBits(this.words, this.size);
	}

	/** `find_first_fit(n)`: the lowest index starting n clear bits, or -1 (§1.4). */
	findFirstFit(n: number): number {
		return this.leftmostRunFrom(0, n);
	}

	/** `find_best_fit(n)` with the kernel's capped-length quirk (§1.4); n ≥ 32 (kmalloc: ≥ 128). */
	findBestFit(n: number): number {
		return emulateBestFit(this, n);
	}

	/** Leftmost p ≥ from with bits [p, p + n) all clear, or -1. */
	leftmostRunFrom(from: number, n: number): number {
		const firstWord = from >>> 5;
		if (firstWord >= this.words.length || n <= 0) {
			return n <= 0 && from < this.size ? from : -1;
		}

		const below = from & 31;
		// The bits below `from` count as set; ~(-1 << below) stays int32 ((1 << 31) - 1 overflowed).
		const word = (this.leafWord(firstWord) | ~(-1 << below)) >>> 0;
		if (n <= 32) {
			const inWord = firstRunInWord(word, n);
			if (inWord >= 0) {
				return firstWord * 32 + inWord;
			}
		}

		const tree = this.searchTree();
		let carry = Math.clz32(word);
		for (let node = this.leaves + firstWord; node > 1; node >>>= 1) {
			if ((node & 1) !== 0) {
				continue;
			}

			const sibling = node + 1;
			const siblingPre = tree[sibling * 4]!;
			if (carry + siblingPre >= n) {
				return this.nodeStart(sibling) - carry;
			}

			if (tree[sibling * 4 + BEST]! >= n) {
				return this.descend(tree, sibling, n);
			}

			const siblingSize = this.nodeSize(sibling);
			carry = siblingPre === siblingSize ? carry + siblingSize : tree[sibling * 4 + SUF]!;
		}

		return -1;
	}

	/** The first set bit at or after `from`; bits past `size` count as set. */
	nextSetBit(from: number): number {
		const firstWord = from >>> 5;
		if (firstWord >= this.words.length) {
			return Math.max(from, this.size);
		}

		const word = (this.leafWord(firstWord) & (-1 << (from & 31))) >>> 0; // int32 mask, as in leftmostRunFrom
		if (word !== 0) {
			return firstWord * 32 + countTrailingZeros(word);
		}

		const tree = this.searchTree();
		for (let node = this.leaves + firstWord; node > 1; node >>>= 1) {
			if ((node & 1) === 0 && tree[(node + 1) * 4]! < this.nodeSize(node + 1)) {
				return this.nodeStart(node + 1) + tree[(node + 1) * 4]!;
			}
		}

		return this.size;
	}

	/** The tree, built when it is not (a search counts toward keeping it). */
	private searchTree(): Int32Array {
		this.searched = true;
		this.tree ??= buildSearchTree(this.words, this.size, this.leaves);
		return this.tree;
	}

	private descend(tree: Int32Array, node: number, n: number): number {
		while (node < this.leaves) {
			const left = node * 2;
			if (tree[left * 4 + BEST]! >= n) {
				node = left;
				continue;
			}

			const leftSuf = tree[left * 4 + SUF]!;
			if (leftSuf + tree[(left + 1) * 4]! >= n) {
				return this.nodeStart(left) + this.nodeSize(left) - leftSuf;
			}

			node = left + 1;
		}

		const w = node - this.leaves;
		return w * 32 + firstRunInWord(this.leafWord(w), n);
	}

	private nodeSize(node: number): number {
		return nodeBits(this.leafLevel, node);
	}

	private nodeStart(node: number): number {
		const depth = 31 - Math.clz32(node);
		return (node - (1 << depth)) * (32 << (this.leafLevel - depth));
	}

	/** The word as the search sees it (bitmap-search-tree.ts). */
	private leafWord(w: number): number {
		return searchWord(this.words, this.size, w);
	}
}
