// A Heap's allocation bitmap (AK/Bitmap.h, reference §1.4), one bit per 32-byte chunk, with the
// kernel's exact placement: `find_first_fit` returns the leftmost run of n clear bits, and
// `find_best_fit` reproduces the capped-length quirk that lands a 128-chunk request at 672 in
// free runs [0,300) + [400,900). The kernel scans words from chunk 0 on every call; we keep a
// segment tree over the words (per node: free bits at its left edge, at its right edge, and its
// longest free run) so a search is O(log n) and a full subheap is skipped in O(1) (issue #2,
// "Speed, designed in now"; issue #7). test/kernel/bitmap-placement.test.ts checks every
// placement against a literal port of the kernel's search.

import {emulateBestFit} from './bitmap-best-fit.js';

const FULL = 0xffffffff;

/** Lowest set bit's index; 32 for 0. */
export const countTrailingZeros = (word: number): number =>
	word === 0 ? 32 : 31 - Math.clz32(word & -word);

/** Longest run of clear bits in a 32-bit word. */
const longestClearRun = (word: number): number => {
	let free = ~word >>> 0;
	let run = 0;
	while (free !== 0) {
		free = (free & (free << 1)) >>> 0;
		run++;
	}

	return run;
};

/** Index of the first bit that starts n (1..32) clear bits inside `word`, or -1. */
const firstRunInWord = (word: number, n: number): number => {
	let runs = ~word >>> 0; // Bit i set: bit i is free.
	let length = 1;
	while (length * 2 <= n) {
		runs &= runs >>> length; // Bit i set: 2·length free bits from i.
		length *= 2;
	}

	if (n > length) {
		runs &= runs >>> (n - length);
	}

	return runs === 0 ? -1 : countTrailingZeros(runs);
};

export class ChunkBitmap {
	/** Number of bits (chunks). */
	readonly size: number;
	/** The bitmap's memory, as the kernel reads it: bit i is bit i%32 of word i/32. */
	readonly words: Uint32Array;
	/** Number of words the kernel's word loop covers: `size / 32` (§1.4, "full words"). */
	readonly fullWords: number;
	private readonly leaves: number;
	private readonly leafLevel: number;
	private readonly pre: Int32Array;
	private readonly suf: Int32Array;
	private readonly best: Int32Array;

	/** `words` is the memory the bitmap sits on; the Heap constructor does not clear it (§1.1). */
	constructor(size: number, words?: Uint32Array) {
		this.size = size;
		const wordCount = Math.ceil(size / 32);
		this.words = words ?? new Uint32Array(wordCount);
		this.fullWords = Math.floor(size / 32);
		let leaves = 1;
		while (leaves < wordCount) {
			leaves *= 2;
		}

		this.leaves = leaves;
		this.leafLevel = 31 - Math.clz32(leaves);
		this.pre = new Int32Array(2 * leaves);
		this.suf = new Int32Array(2 * leaves);
		this.best = new Int32Array(2 * leaves);
		for (let w = 0; w < leaves; w++) {
			this.updateLeaf(w);
		}

		for (let node = leaves - 1; node >= 1; node--) {
			this.updateNode(node);
		}
	}

	get(index: number): boolean {
		return (this.words[index >>> 5]! & (1 << (index & 31))) !== 0;
	}

	/** Longest run of clear bits (free chunks) in the whole map. */
	get longestFreeRun(): number {
		return this.best[1]!;
	}

	/** Sets or clears [start, start + length); the caller has checked the range (Bitmap::set_range). */
	setRange(start: number, length: number, value: boolean): void {
		if (length === 0) {
			return;
		}

		const end = start + length;
		const firstWord = start >>> 5;
		const lastWord = (end - 1) >>> 5;
		for (let w = firstWord; w <= lastWord; w++) {
			const lo = w === firstWord ? start & 31 : 0;
			const hi = w === lastWord ? ((end - 1) & 31) + 1 : 32;
			const mask = hi - lo === 32 ? FULL : (((1 << (hi - lo)) - 1) << lo) >>> 0;
			this.words[w] = value ? (this.words[w]! | mask) >>> 0 : (this.words[w]! & ~mask) >>> 0;
			this.updateLeaf(w);
		}

		let lo = (this.leaves + firstWord) >>> 1;
		let hi = (this.leaves + lastWord) >>> 1;
		while (lo >= 1) {
			for (let node = lo; node <= hi; node++) {
				this.updateNode(node);
			}

			lo >>>= 1;
			hi >>>= 1;
		}
	}

	/** Number of set bits among the first `size` bits. */
	countSet(): number {
		let count = 0;
		for (let w = 0; w < this.words.length; w++) {
			const bitsInWord = this.size - w * 32;
			let word = bitsInWord >= 32 ? this.words[w]! : (this.words[w]! & ((1 << bitsInWord) - 1)) >>> 0;
			while (word !== 0) {
				word = (word & (word - 1)) >>> 0;
				count++;
			}
		}

		return count;
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
		const word = (this.leafWord(firstWord) | (below === 0 ? 0 : (1 << below) - 1)) >>> 0;
		if (n <= 32) {
			const inWord = firstRunInWord(word, n);
			if (inWord >= 0) {
				return firstWord * 32 + inWord;
			}
		}

		let carry = Math.clz32(word);
		for (let node = this.leaves + firstWord; node > 1; node >>>= 1) {
			if ((node & 1) !== 0) {
				continue;
			}

			const sibling = node + 1;
			const siblingPre = this.pre[sibling]!;
			if (carry + siblingPre >= n) {
				return this.nodeStart(sibling) - carry;
			}

			if (this.best[sibling]! >= n) {
				return this.descend(sibling, n);
			}

			const siblingSize = this.nodeSize(sibling);
			carry = siblingPre === siblingSize ? carry + siblingSize : this.suf[sibling]!;
		}

		return -1;
	}

	/** The first set bit at or after `from`; bits past `size` count as set. */
	nextSetBit(from: number): number {
		const firstWord = from >>> 5;
		if (firstWord >= this.words.length) {
			return Math.max(from, this.size);
		}

		const word = (this.leafWord(firstWord) & ~((1 << (from & 31)) - 1)) >>> 0;
		if (word !== 0) {
			return firstWord * 32 + countTrailingZeros(word);
		}

		for (let node = this.leaves + firstWord; node > 1; node >>>= 1) {
			if ((node & 1) === 0 && this.pre[node + 1]! < this.nodeSize(node + 1)) {
				return this.nodeStart(node + 1) + this.pre[node + 1]!;
			}
		}

		return this.size;
	}

	private descend(node: number, n: number): number {
		while (node < this.leaves) {
			const left = node * 2;
			if (this.best[left]! >= n) {
				node = left;
				continue;
			}

			const crossing = this.suf[left]! + this.pre[left + 1]!;
			if (crossing >= n) {
				return this.nodeStart(left) + this.nodeSize(left) - this.suf[left]!;
			}

			node = left + 1;
		}

		const w = node - this.leaves;
		return w * 32 + firstRunInWord(this.leafWord(w), n);
	}

	private nodeSize(node: number): number {
		return 32 << (this.leafLevel - (31 - Math.clz32(node)));
	}

	private nodeStart(node: number): number {
		const depth = 31 - Math.clz32(node);
		return (node - (1 << depth)) * (32 << (this.leafLevel - depth));
	}

	/** The word as the search sees it: bits past `size`, and words past the map, count as set. */
	private leafWord(w: number): number {
		if (w >= this.words.length) {
			return FULL;
		}

		const word = this.words[w]!;
		const bitsInWord = this.size - w * 32;
		return bitsInWord >= 32 ? word : (word | ~((1 << bitsInWord) - 1)) >>> 0;
	}

	private updateLeaf(w: number): void {
		const word = this.leafWord(w);
		const node = this.leaves + w;
		this.pre[node] = countTrailingZeros(word);
		this.suf[node] = Math.clz32(word);
		this.best[node] = longestClearRun(word);
	}

	private updateNode(node: number): void {
		const left = node * 2;
		const right = left + 1;
		const half = this.nodeSize(left);
		const leftPre = this.pre[left]!;
		const rightSuf = this.suf[right]!;
		this.pre[node] = leftPre === half ? half + this.pre[right]! : leftPre;
		this.suf[node] = rightSuf === half ? half + this.suf[left]! : rightSuf;
		this.best[node] = Math.max(this.best[left]!, this.best[right]!, this.suf[left]! + this.pre[right]!);
	}
}
