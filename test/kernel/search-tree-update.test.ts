// The search tree kept in step by setRange and the flush before each search (bitmap.ts,
// updateAncestors in bitmap-search-tree.ts), which stops climbing where a level came out unchanged:
// after kmalloc- and kfree-like changes anywhere in the map, searched in between, every search
// answers as the literal port of the kernel's scan over the words does.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {ChunkBitmap} from '../../source/kernel/bitmap.js';
import {literalFindFirstFit} from '../reference/literal-bitmap-search.js';

const longestClearRun = (bitmap: ChunkBitmap): number => {
	let longest = 0;
	for (let i = 0, run = 0; i < bitmap.size; i++) {
		run = bitmap.get(i) ? 0 : run + 1;
		longest = Math.max(longest, run);
	}

	return longest;
};

describe('the search tree after changes anywhere, searched in between', () => {
	it('answers every search as the literal port does', () => {
		fc.assert(
			fc.property(
				fc.integer({min: 64, max: 3000}),
				// start and length as fractions of the map, set or clear, the request searched for afterwards
				fc.array(fc.tuple(fc.double({min: 0, max: 1, noNaN: true}), fc.integer({min: 1, max: 300}), fc.boolean(), fc.integer({min: 1, max: 200})), {
					minLength: 1,
					maxLength: 60,
				}),
				(size, changes) => {
					const bitmap = new ChunkBitmap(size);
					bitmap.setRange(0, size, true);
					bitmap.setRange(0, Math.floor(size / 2), false);
					expect(bitmap.longestFreeRun).toBe(Math.floor(size / 2)); // the tree is built here
					for (const [where, length, set, n] of changes) {
						const start = Math.min(size - 1, Math.floor(where * size));
						bitmap.setRange(start, Math.min(length, size - start), set);
						expect(bitmap.findFirstFit(n)).toBe(literalFindFirstFit(bitmap.words, size, n));
						expect(bitmap.longestFreeRun).toBe(longestClearRun(bitmap));
					}
				},
			),
			{numRuns: 300},
		);
	});
});
