import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {LiveBlocks} from '../../../source/engine/trace/track-live-blocks.js';

type Block = {address: number; size: number};

/** What `blocks` holds for `ptr`, by its handle, or undefined. */
const lookUp = (blocks: LiveBlocks, ptr: string): Block | undefined => {
	const handle = blocks.find(ptr);
	return handle === -1 ? undefined : {address: blocks.address(handle), size: blocks.bytes(handle)};
};

/** Books `ptr` as a replay does: a live one is released first. */
const book = (blocks: LiveBlocks, ptr: string, address: number, size: number): void => {
	const handle = blocks.find(ptr);
	if (handle !== -1) {
		blocks.delete(ptr, handle);
	}

	blocks.add(ptr, address, size);
};

describe('LiveBlocks', () => {
	it.each([
		['a 64-bit kernel pointer', 'ffff888003a1c200'],
		['a 32-bit one', 'c0a01000'],
		['one digit', '8'],
		['nine digits (a high half of one digit)', '100000000'],
		['the largest 64-bit value', 'ffffffffffffffff'],
		['17 digits (kept by its string)', '1ffff888003a1c200'],
		['40 digits', 'f'.repeat(40)],
		['a string that is not canonical hex (kept by its string)', '0x1A'],
	])('finds %s by its canonical spelling, and forgets it', (_name, ptr) => {
		const blocks = new LiveBlocks();
		expect(blocks.find(ptr)).toBe(-1);
		blocks.add(ptr, 0xC0_80_00_10, 4_294_967_295);
		expect(blocks.size).toBe(1);
		expect(lookUp(blocks, ptr)).toEqual({address: 0xC0_80_00_10, size: 4_294_967_295});
		blocks.delete(ptr, blocks.find(ptr));
		expect(blocks.size).toBe(0);
		expect(blocks.find(ptr)).toBe(-1);
	});

	it('tells apart pointers that share a half or differ beyond a double\'s 53 bits, and spellings that are not canonical', () => {
		const blocks = new LiveBlocks();
		const pointers = ['ffff888003a1c200', 'ffff888003a1c201', 'ffff888103a1c200', '3a1c200', 'ffff8880', 'ffff888000000000', '1ffff888003a1c200', 'fffffffffffffffe', 'ffffffffffffffff', '03a1c200', '3A1C200', 'ffff888003a1c20g'];
		for (const [index, ptr] of pointers.entries()) {
			blocks.add(ptr, index + 1, index * 16);
		}

		expect(pointers.map(ptr => lookUp(blocks, ptr)?.address)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
		expect(blocks.size).toBe(12);
	});

	it('keeps every block through growth and deletions that shift entries back', () => {
		const blocks = new LiveBlocks();
		// 8-byte aligned pointers a page apart: many share their low bits, as a slab's do.
		const pointers = Array.from({length: 5000}, (_, index) => (0xFF_FF_88_80_00_00_00_00n + (BigInt(index) * 4096n) + 8n).toString(16));
		for (const [index, ptr] of pointers.entries()) {
			blocks.add(ptr, index, index * 3);
		}

		for (let index = 0; index < pointers.length; index += 2) {
			blocks.delete(pointers[index]!, blocks.find(pointers[index]!));
		}

		expect(blocks.size).toBe(2500);
		expect(pointers.map(ptr => lookUp(blocks, ptr)?.address ?? -1)).toEqual(pointers.map((_, index) => (index % 2 === 0 ? -1 : index)));
		blocks.clear();
		expect(blocks.size).toBe(0);
		expect(pointers.every(ptr => blocks.find(ptr) === -1)).toBe(true);
	});

	it('answers as a Map keyed on the string does, for any sequence of bookings and frees', () => {
		// Few distinct pointers, of every length, so that bookings, frees and re-bookings collide.
		const pointer = fc.oneof(
			fc.bigInt({min: 1n, max: 64n}).map(value => value.toString(16)),
			fc.bigInt({min: 1n, max: 64n}).map(value => (value << 32n).toString(16)),
			fc.bigInt({min: 1n, max: 64n}).map(value => ((value << 60n) | value).toString(16)),
			fc.bigInt({min: 1n, max: 8n}).map(value => ((value << 64n) | 1n).toString(16)),
			fc.constantFrom('0x1a', '01a', '1A', 'g'),
		);
		const step = fc.record({free: fc.boolean(), ptr: pointer, address: fc.nat({max: 0xFF_FF_FF_FF}), size: fc.nat({max: 0xFF_FF_FF_FF})});
		fc.assert(fc.property(fc.array(step, {maxLength: 3000}), steps => {
			const blocks = new LiveBlocks();
			const model = new Map<string, Block>();
			for (const {free, ptr, address, size} of steps) {
				expect(lookUp(blocks, ptr)).toEqual(model.get(ptr));
				if (free) {
					const handle = blocks.find(ptr);
					if (handle !== -1) {
						blocks.delete(ptr, handle);
					}

					model.delete(ptr);
				} else {
					book(blocks, ptr, address, size);
					model.set(ptr, {address, size});
				}

				expect(blocks.size).toBe(model.size);
			}

			for (const [ptr, block] of model) {
				expect(lookUp(blocks, ptr)).toEqual(block);
			}
		}), {numRuns: 60});
	});
});
