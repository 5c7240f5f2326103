// The bitmap's masks are int32s (bitmap.ts): a mask with bit 31 set, or 0xffffffff, kept as an
// unsigned 32-bit number is a heap number, not a Smi, and the first one met discarded optimized
// code in each sweep worker's first run (a field every bitmap has, leftmostRunFrom).
// Each case optimizes the code on masks that fit a Smi either way, then meets one that did not.

import {expect, test} from 'vitest';
import {ChunkBitmap} from '../../source/kernel/bitmap.js';
import {isOptimized, optimizeAfter} from './v8-natives.js';

test('a map that ends inside a word keeps the padding field of every bitmap as it was', () => {
	// As setRange reads it: in bitwise arithmetic, compiled for the field's representation.
	// eslint-disable-next-line @typescript-eslint/no-implied-eval
	const read = new Function('bitmap', 'return bitmap.padMask | 0') as (bitmap: ChunkBitmap) => number;
	const whole = new ChunkBitmap(64); // no padding: a mask of 0
	optimizeAfter(read, () => {
		read(whole);
		read(whole);
	}, () => read(whole));
	expect(isOptimized(read)).toBe(true);
	const padded = new ChunkBitmap(37); // the top 27 bits of its second word padded, bit 31 among them
	expect(read(padded)).not.toBe(0);
	expect(isOptimized(read)).toBe(true);
});

test('leftmostRunFrom stays optimized when it first searches from bit 31 of a word', () => {
	const bitmap = new ChunkBitmap(256);
	// eslint-disable-next-line @typescript-eslint/unbound-method -- only its optimization status is read
	const {leftmostRunFrom} = ChunkBitmap.prototype;
	const search = () => {
		for (let from = 0; from < 31; from++) {
			bitmap.leftmostRunFrom(from, 1);
		}
	};

	optimizeAfter(leftmostRunFrom, search, search);
	expect(isOptimized(leftmostRunFrom)).toBe(true);
	expect(bitmap.leftmostRunFrom(31, 1)).toBe(31);
	expect(isOptimized(leftmostRunFrom)).toBe(true);
});
