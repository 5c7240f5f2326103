import {Buffer} from 'node:buffer';
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {BLOCK_BYTES, compactBuffer, CompactBuffer, expandBuffer, PATTERN_BYTES} from '../../source/engine/compact-buffer.js';

const bytesOf = (buffer: ArrayBuffer): number[] => [...new Uint8Array(buffer)];
/** Whether two buffers hold the same bytes (a memcmp: the property below compares many). */
const same = (a: ArrayBuffer, b: ArrayBuffer): boolean => Buffer.compare(new Uint8Array(a), new Uint8Array(b)) === 0;
/** Each block: `own` (a buffer of its own) or `repeat` (kept as its 16 bytes). */
const kinds = (compact: CompactBuffer): string[] => compact.blocks.map((block) => (block === undefined ? 'repeat' : 'own'));
const TABLES = 8 + PATTERN_BYTES;
const OBJECT = 64;

const filled = (length: number, fill: (view: DataView) => void): ArrayBuffer => {
	const buffer = new ArrayBuffer(length);
	fill(new DataView(buffer));
	return buffer;
};

/** Bytes that repeat nothing: each its own. */
const noise = (view: DataView, from = 0, to = view.byteLength): void => {
	for (let at = from; at < to; at++) {
		view.setUint8(at, (at * 7 + (at >> 8) * 13 + 1) & 0xff);
	}
};

describe('compactBuffer', () => {
	test.each([
		['zeros, three blocks', filled(3 * BLOCK_BYTES, () => undefined), ['repeat', 'repeat', 'repeat'], 0],
		['one byte over and over (a free span\'s chunk states)', new Uint8Array(2 * BLOCK_BYTES).fill(1).buffer, ['repeat', 'repeat'], 0],
		['-1 as doubles (a holder table\'s last ticks)', new Float64Array(BLOCK_BYTES / 8).fill(-1).buffer, ['repeat'], 0],
		['a bitmap tree node over and over', filled(BLOCK_BYTES, (view) => {
			for (let at = 0; at < BLOCK_BYTES; at += 16) {
				view.setInt32(at, 32, true);
				view.setInt32(at + 4, 32, true);
				view.setInt32(at + 8, 32, true);
			}
		}), ['repeat'], 0],
		['noise, then zeros', filled(2 * BLOCK_BYTES, (view) => {
			noise(view, 0, BLOCK_BYTES);
		}), ['own', 'repeat'], BLOCK_BYTES],
		['zeros, one word set in the second block', filled(2 * BLOCK_BYTES, (view) => {
			view.setUint32(BLOCK_BYTES + 40, 7, true);
		}), ['repeat', 'own'], BLOCK_BYTES],
		['a last block of 100 zeros', filled(BLOCK_BYTES + 100, () => undefined), ['repeat', 'repeat'], 0],
		['a last block of 16 bytes (too short to repeat)', filled(BLOCK_BYTES + 16, () => undefined), ['repeat', 'own'], 16],
		['8 bytes', filled(8, () => undefined), ['own'], 8],
		['nothing', new ArrayBuffer(0), [], 0],
	])('%s', (_name, source, expectedKinds, ownBytes) => {
		const compact = compactBuffer(source);
		expect(kinds(compact)).toEqual(expectedKinds);
		expect(compact.bytes).toBe(OBJECT + TABLES * expectedKinds.length + ownBytes);
		expect(compact.ownBlocks().reduce((sum, block) => sum + block.byteLength, 0)).toBe(ownBytes);
		expect(bytesOf(expandBuffer(compact))).toEqual(bytesOf(source));
	});

	test('shares an earlier form\'s blocks whose bytes did not change, and is that form when none changed', () => {
		const source = filled(4 * BLOCK_BYTES, (view) => {
			noise(view);
		});
		const earlier = compactBuffer(source);
		expect(compactBuffer(source, earlier)).toBe(earlier);
		new DataView(source).setUint8(2 * BLOCK_BYTES + 5, 0);
		const later = compactBuffer(source, earlier);
		expect(later).not.toBe(earlier);
		expect(later.blocks.map((block, index) => block === earlier.blocks[index])).toEqual([true, true, false, true]);
		expect(bytesOf(expandBuffer(later))).toEqual(bytesOf(source));
		expect(bytesOf(expandBuffer(earlier))[2 * BLOCK_BYTES + 5]).not.toBe(0);
		// A buffer of another length shares nothing.
		const longer = compactBuffer(filled(5 * BLOCK_BYTES, (view) => {
			noise(view);
		}), earlier);
		expect(longer.blocks.filter((block) => earlier.blocks.includes(block))).toEqual([]);
	});

	test('a block that now repeats another pattern, or no longer repeats, is a new form', () => {
		const source = new Uint8Array(BLOCK_BYTES).fill(1);
		const earlier = compactBuffer(source.buffer);
		source.fill(2);
		const other = compactBuffer(source.buffer, earlier);
		expect(other).not.toBe(earlier);
		expect(bytesOf(expandBuffer(other))).toEqual(bytesOf(source.buffer));
		source[9] = 3;
		const own = compactBuffer(source.buffer, other);
		expect(kinds(own)).toEqual(['own']);
		expect(bytesOf(expandBuffer(own))).toEqual(bytesOf(source.buffer));
	});

	test('an expanded buffer is new each time: writing it changes neither the form nor another expansion', () => {
		const compact = compactBuffer(filled(2 * BLOCK_BYTES, (view) => {
			noise(view, 0, BLOCK_BYTES);
		}));
		const first = new Uint8Array(expandBuffer(compact));
		first.fill(9);
		expect(new Uint8Array(compact.blocks[0]!)[0]).toBe(1);
		expect(new Uint8Array(expandBuffer(compact))[0]).toBe(1);
	});
});

// Buffers as the kernel's are: runs of zeros, of one byte, of one word, of one 16-byte node, and of noise.
const run = fc.oneof(
	fc.record({kind: fc.constant('bytes' as const), length: fc.integer({min: 1, max: 3 * BLOCK_BYTES}), value: fc.integer({min: 0, max: 255})}),
	fc.record({kind: fc.constant('words' as const), length: fc.integer({min: 1, max: 3 * BLOCK_BYTES}), value: fc.integer({min: 0, max: 0xffff_ffff})}),
	fc.record({kind: fc.constant('node' as const), length: fc.integer({min: 1, max: 3 * BLOCK_BYTES}), value: fc.integer({min: 1, max: 0xffff})}),
	fc.record({kind: fc.constant('noise' as const), length: fc.integer({min: 1, max: 600}), value: fc.integer()}),
);
type Run = typeof run extends fc.Arbitrary<infer T> ? T : never;

const bufferOf = (runs: Run[], length: number): ArrayBuffer => {
	const bytes = new Uint8Array(length);
	let at = 0;
	for (const {kind, length: runLength, value} of runs) {
		const end = Math.min(length, at + runLength);
		for (let index = at; index < end; index++) {
			const offset = index - at;
			bytes[index] = kind === 'bytes' ? value
				: kind === 'words' ? (value >>> (8 * (index & 3))) & 0xff
					: kind === 'node' ? ((index & 15) < 12 ? (value >>> (8 * (index & 1))) & 0xff : 0)
						: (Math.imul(value ^ offset, 0x9e37_79b1) >>> 13) & 0xff;
		}

		at = end;
	}

	return bytes.buffer;
};

const views = [Uint8Array, Int8Array, Uint16Array, Int16Array, Uint32Array, Int32Array, Float32Array, Float64Array, BigInt64Array] as const;

describe('compact form, any typed array', () => {
	test('round-trips: the expansion has the bytes of the source, whatever the earlier form it shared with', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...views),
				fc.integer({min: 0, max: 5 * BLOCK_BYTES / 8}),
				fc.array(run, {maxLength: 12}),
				fc.array(fc.record({at: fc.nat(), value: fc.integer({min: 0, max: 255})}), {maxLength: 20}),
				(Kind, elements, runs, edits) => {
					const length = elements * Kind.BYTES_PER_ELEMENT;
					const before = bufferOf(runs, length);
					const earlier = compactBuffer(before);
					expect(same(expandBuffer(earlier), before)).toBe(true);
					// The same buffer some ticks on: a few bytes written.
					const after = before.slice(0);
					const bytes = new Uint8Array(after);
					for (const {at, value} of edits) {
						if (length > 0) {
							bytes[at % length] = value;
						}
					}

					const later = compactBuffer(after, earlier);
					const expanded = expandBuffer(later);
					expect(expanded.byteLength).toBe(length);
					expect(same(expanded, after)).toBe(true);
					expect([...new Kind(expanded)]).toEqual([...new Kind(after)]);
					// What it shares is exactly the blocks of its own that did not change.
					for (const [index, block] of later.blocks.entries()) {
						const start = index * BLOCK_BYTES;
						const unchanged = same(before.slice(start, start + BLOCK_BYTES), after.slice(start, start + BLOCK_BYTES));
						if (block !== undefined) {
							expect(block === earlier.blocks[index]).toBe(unchanged && earlier.blocks[index] !== undefined);
						}
					}

					// The earlier form still stands for what it stood for.
					expect(same(expandBuffer(earlier), before)).toBe(true);
				},
			),
			{numRuns: 300},
		);
	});
});
