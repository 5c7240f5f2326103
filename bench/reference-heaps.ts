// The baselines the kernel's heap is measured against (issue #7), each one 32 MiB pool of 32-byte
// chunks with the kernel's 4-byte header arithmetic: the literal port of §1.4's search (first fit
// below 128 chunks, the quirky best fit from 128), and a plain word-level first fit that scans
// from chunk 0 skipping full words. Benchmarks only; the kernel never uses them.

import {literalFindBestFit, literalFindFirstFit} from '../test/reference/literal-bitmap-search.js';

const CHUNK = 32;

export type ReferenceHeap = {allocate(size: number): number; free(chunk: number): void; name: string};

const chunksFor = (size: number): number => Math.ceil((size + 4) / CHUNK);

class BitmapPool {
	readonly words: Uint32Array;
	readonly sizes: Int32Array;

	constructor(readonly chunks: number) {
		this.words = new Uint32Array(Math.ceil(chunks / 32));
		this.sizes = new Int32Array(chunks);
	}

	set(start: number, length: number, value: boolean): void {
		for (let bit = start; bit < start + length; bit++) {
			const mask = 1 << (bit & 31);
			this.words[bit >>> 5] = value ? this.words[bit >>> 5]! | mask : this.words[bit >>> 5]! & ~mask;
		}
	}
}

export const literalHeap = (poolBytes = 32 * 1024 * 1024): ReferenceHeap => {
	const pool = new BitmapPool(Math.floor(poolBytes / 33));
	return {
		name: 'literal AK/Bitmap.h port',
		allocate(size) {
			const n = chunksFor(size);
			const first = n < 128 ? literalFindFirstFit(pool.words, pool.chunks, n) : literalFindBestFit(pool.words, pool.chunks, n);
			if (first < 0) {
				throw new Error(`literal heap: no room for ${size}`);
			}

			pool.set(first, n, true);
			pool.sizes[first] = n;
			return first;
		},
		free(chunk) {
			pool.set(chunk, pool.sizes[chunk]!, false);
		},
	};
};

const trailingZeros = (word: number): number => (word === 0 ? 32 : 31 - Math.clz32(word & -word));

export const plainScanHeap = (poolBytes = 32 * 1024 * 1024): ReferenceHeap => {
	const pool = new BitmapPool(Math.floor(poolBytes / 33));
	const {words} = pool;
	const found = (start: number, n: number): number => {
		pool.set(start, n, true);
		pool.sizes[start] = n;
		return start;
	};

	return {
		name: 'plain word-level first fit',
		// First fit for every size, from chunk 0: full words skipped, runs inside a word found with
		// count-trailing-zeros, no tree and no best fit.
		allocate(size) {
			const n = chunksFor(size);
			let run = 0;
			let start = 0;
			for (let w = 0; w < words.length; w++) {
				const word = words[w]!;
				if (word === 0xffffffff) {
					run = 0;
					continue;
				}

				if (word === 0) {
					if (run === 0) {
						start = w * 32;
					}

					run += 32;
					if (run >= n) {
						return found(start, n);
					}

					continue;
				}

				let bit = 0;
				while (bit < 32) {
					const zeros = Math.min(trailingZeros(word >>> bit), 32 - bit);
					if (zeros > 0) {
						if (run === 0) {
							start = w * 32 + bit;
						}

						run += zeros;
						if (run >= n) {
							return found(start, n);
						}

						bit += zeros;
					}

					if (bit < 32) {
						const ones = trailingZeros(~(word >>> bit) >>> 0);
						bit += ones;
						run = 0;
					}
				}
			}

			throw new Error(`plain heap: no room for ${size}`);
		},
		free(chunk) {
			pool.set(chunk, pool.sizes[chunk]!, false);
		},
	};
};
