// HeapMemory's arrays cover only the chunks written so far (heap-memory.ts): a chunk past them
// reads as zero-filled memory. The oracle is the flat model it replaced, one state byte and two
// cells a chunk for the whole memory from the start: after any sequence of writes both hold the
// same bytes, headers and holders everywhere.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {CHUNK_FREED, CHUNK_INTERIOR, CHUNK_WORD, CHUNK_ZERO} from '../../source/kernel/chunk-states.js';
import {HeapMemory} from '../../source/kernel/heap-memory.js';
import {readBitmap, readByte, readWord} from '../../source/kernel/heap-memory-reads.js';
import {kernelArrays, lendKernelArrays, WRITTEN_PAGE_SHIFT, type KernelArrays} from '../../source/kernel/kernel-arrays.js';

const BASE = 0xd000_0000;

/** The flat model: what main's HeapMemory held before its arrays grew on demand. */
class FlatMemory {
	readonly state: Uint8Array;
	readonly words: Uint32Array;

	constructor(slots: number) {
		this.state = new Uint8Array(slots);
		this.words = new Uint32Array(2 * slots);
	}

	writeAllocation(chunk: number, chunks: number, holder: number): void {
		this.state[chunk] = CHUNK_WORD;
		this.words[2 * chunk] = chunks;
		this.words[2 * chunk + 1] = holder;
		this.state.fill(CHUNK_INTERIOR, chunk + 1, chunk + chunks);
	}

	scrubFree(chunk: number, chunks: number): void {
		this.state.fill(CHUNK_FREED, chunk, chunk + chunks);
	}

	takeHolder(chunk: number): number {
		const holder = this.words[2 * chunk + 1]!;
		this.words[2 * chunk + 1] = 0;
		return holder;
	}

	/** Heap::reallocate's copy as heap-memory.ts models it, over whole arrays. */
	copyData(fromChunk: number, to: FlatMemory, toChunk: number, bytes: number, readSourceWord: (chunk: number) => number): void {
		const covered = Math.floor((bytes + 4) / 32);
		for (let j = 1; j < covered; j++) {
			if (fromChunk + j >= this.state.length || toChunk + j >= to.state.length) {
				break;
			}

			to.state[toChunk + j] = this.state[fromChunk + j]!;
			to.words[2 * (toChunk + j)] = this.words[2 * (fromChunk + j)]!;
		}

		if ((bytes + 4) % 32 >= 4 && covered >= 1 && toChunk + covered < to.state.length) {
			to.state[toChunk + covered] = CHUNK_WORD;
			to.words[2 * (toChunk + covered)] = readSourceWord(fromChunk + covered);
		}
	}
}

const placed = (slots: number): HeapMemory => {
	const memory = new HeapMemory(BASE, slots * 32);
	memory.placeHeap(0);
	return memory;
};

describe('HeapMemory covers the chunks written so far', () => {
	it('holds nothing until a block is written, then 1,024 chunks, then four times as many, then the whole memory once past a quarter of it', () => {
		const memory = placed(100_000);
		expect(memory.slots).toBe(100_000);
		expect(memory.coveredChunks).toBe(0);
		expect(readWord(memory, 99_999 * 32)).toBe(0);
		expect(memory.holderAt(50_000)).toBe(0);
		memory.writeAllocation(0, 4, 7);
		expect(memory.coveredChunks).toBe(1024);
		expect([memory.state.byteLength, memory.words.byteLength]).toEqual([256, 8 * 1024]); // states four to a byte
		memory.writeAllocation(1500, 2, 9);
		expect(memory.coveredChunks).toBe(4096);
		memory.scrubFree(9000, 3);
		expect(memory.coveredChunks).toBe(16_384);
		memory.writeAllocation(99_000, 1000, 3);
		expect(memory.coveredChunks).toBe(100_000);
		expect([readWord(memory, 0), memory.holderAt(0), readWord(memory, 1500 * 32), memory.holderAt(1500)]).toEqual([4, 7, 2, 9]);
		expect([memory.stateAt(9002), memory.stateAt(9003), memory.stateAt(99_500)]).toEqual([CHUNK_FREED, CHUNK_ZERO, CHUNK_INTERIOR]);
		expect(readByte(memory, 9002 * 32 + 31)).toBe(0xaa);
		expect(readByte(memory, 9003 * 32)).toBe(0);
	});

	it('covers a block\'s states to its end and its words to its first chunk: a big block alone keeps 8 KiB of words', () => {
		const memory = placed(100_000);
		memory.writeAllocation(0, 90_000, 7);
		expect([memory.coveredChunks, memory.wordChunks]).toEqual([100_000, 1024]);
		expect([memory.state.byteLength, memory.words.byteLength]).toEqual([25_000, 8 * 1024]);
		expect([readWord(memory, 0), memory.holderAt(0), memory.stateAt(89_999), readByte(memory, 89_999 * 32)]).toEqual([90_000, 7, CHUNK_INTERIOR, 0xbb]);
		memory.scrubFree(0, 90_000);
		expect(memory.wordChunks).toBe(1024);
		memory.writeAllocation(95_000, 2, 9);
		expect(memory.wordChunks).toBe(100_000);
		expect([readWord(memory, 95_000 * 32), memory.holderAt(95_000), readWord(memory, 0)]).toEqual([2, 9, 0xaa_aa_aa_aa]);
	});

	it('reads a chunk past what it covers as zero: byte, word, header, holder; taking a holder there writes nothing', () => {
		const memory = placed(10_000);
		memory.writeAllocation(2, 3, 5);
		expect([readByte(memory, 5000 * 32 + 1), readWord(memory, 5000 * 32 + 2), memory.wordAt(5000), memory.holderAt(5000)]).toEqual([0, 0, 0, 0]);
		expect(memory.takeHolder(5000)).toBe(0);
		expect(memory.coveredChunks).toBe(1024);
		expect(memory.takeHolder(2)).toBe(5);
		expect(memory.holderAt(2)).toBe(0);
	});

	it('holds the same bytes, headers and holders as flat arrays after any sequence of writes and copies', () => {
		const slots = 9000;
		const chunk = fc.nat({max: slots - 1});
		const write = fc.oneof(
			fc.record({kind: fc.constant('allocate' as const), chunk, chunks: fc.integer({min: 1, max: 2500}), holder: fc.integer({min: 1, max: 40})}),
			fc.record({kind: fc.constant('free' as const), chunk, chunks: fc.integer({min: 0, max: 2500})}),
			fc.record({kind: fc.constant('take' as const), chunk}),
			fc.record({kind: fc.constant('copy' as const), from: chunk, to: chunk, bytes: fc.integer({min: 0, max: 90_000})}),
		);
		fc.assert(
			fc.property(fc.array(write, {maxLength: 40}), (writes) => {
				// Every words array the memories grow through, with its written pages (kernel-arrays.ts).
				const marked: Array<[Uint32Array, Uint8Array]> = [];
				const plain = kernelArrays();
				const restore = lendKernelArrays({
					...plain,
					uint32Grown(old, length, written) {
						const words = plain.uint32Grown(old, length, written);
						written.fill(1, 0, Math.ceil(old.length / 2 ** WRITTEN_PAGE_SHIFT)); // as the contract says a lender does
						marked.push([words, written]);
						return words;
					},
				} satisfies KernelArrays);
				const [memory, other] = [placed(slots), placed(slots)];
				const [flat, flatOther] = [new FlatMemory(slots), new FlatMemory(slots)];
				for (const step of writes) {
					switch (step.kind) {
						case 'allocate': {
							const chunks = Math.min(step.chunks, slots - step.chunk);
							memory.writeAllocation(step.chunk, chunks, step.holder);
							flat.writeAllocation(step.chunk, chunks, step.holder);
							break;
						}

						case 'free': {
							const chunks = Math.min(step.chunks, slots - step.chunk);
							memory.scrubFree(step.chunk, chunks);
							flat.scrubFree(step.chunk, chunks);
							break;
						}

						case 'take': {
							expect(memory.takeHolder(step.chunk)).toBe(flat.takeHolder(step.chunk));
							break;
						}

						case 'copy': {
							HeapMemory.copyData(memory, step.from, other, step.to, step.bytes);
							flat.copyData(step.from, flatOther, step.to, step.bytes, (at) => readWord(memory, at * 32));
							break;
						}
					}
				}

				for (const [ours, theirs] of [[memory, flat], [other, flatOther]] as const) {
					for (let at = 0; at < slots; at++) {
						if (ours.stateAt(at) !== theirs.state[at] || readWord(ours, at * 32) !== readFlatWord(theirs, at) || ours.holderAt(at) !== theirs.words[2 * at + 1]) {
							expect({chunk: at, state: ours.stateAt(at), word: readWord(ours, at * 32), holder: ours.holderAt(at)}).toEqual({
								chunk: at,
								state: theirs.state[at],
								word: readFlatWord(theirs, at),
								holder: theirs.words[2 * at + 1],
							});
						}
					}

					expect(ours.coveredChunks).toBeLessThanOrEqual(slots);
					expect(ours.wordChunks).toBeLessThanOrEqual(ours.coveredChunks);
				}

				restore();
				// A sweep's next run clears the marked pages alone: a value anywhere else would outlive the run.
				const unmarked = marked.flatMap(([words, written]) => [...words.keys()].filter((at) => words[at] !== 0 && written[at >>> WRITTEN_PAGE_SHIFT] !== 1));
				expect(unmarked).toEqual([]);
			}),
			{numRuns: 200},
		);
	});
});

describe('readBitmap', () => {
	/** The bitmap as the kernel reads it, byte by byte from the memory (what readBitmap did before it read words). */
	const bytewise = (memory: HeapMemory, chunks: number): number[] => {
		const words = Array.from({length: Math.ceil(chunks / 32)}, () => 0);
		for (let byte = 0; byte < Math.ceil(chunks / 8); byte++) {
			words[byte >>> 2] = (words[byte >>> 2]! | (readByte(memory, chunks * 32 + byte) << (8 * (byte & 3)))) >>> 0;
		}

		return words;
	};

	it('reads the same words as byte by byte, over scrubbed, written and old-bitmap memory, for any layout', () => {
		const slots = 6000;
		const chunk = fc.nat({max: slots - 1});
		const write = fc.record({chunk, chunks: fc.integer({min: 1, max: 300}), free: fc.boolean(), holder: fc.integer({min: 1, max: 40})});
		fc.assert(
			fc.property(fc.array(write, {maxLength: 30}), fc.integer({min: 1, max: slots - 1}), fc.array(fc.integer({min: -40, max: 40}), {maxLength: 4}), (writes, first, moves) => {
				const memory = placed(slots);
				for (const step of writes) {
					const chunks = Math.min(step.chunks, slots - step.chunk);
					if (step.free) {
						memory.scrubFree(step.chunk, chunks);
					} else {
						memory.writeAllocation(step.chunk, chunks, step.holder);
					}
				}

				// Each layout near the one before, so that its bitmap overlaps the one read out before (§2.4).
				let chunks = first;
				for (const move of [0, ...moves]) {
					chunks = Math.min(slots - 1, Math.max(1, chunks + move));
					const expected = bytewise(memory, chunks);
					const bitmap = readBitmap(memory, chunks);
					expect(Array.from(bitmap)).toEqual(expected);
					// The heap on it sets and clears its bits: the next layout reads those, not the chunks'.
					bitmap.forEach((word, at) => {
						const bits = at < Math.floor(chunks / 32) ? 0xffff_ffff : (1 << (chunks % 32)) - 1;
						bitmap[at] = (word ^ (Math.imul(0x9e37_79b9, at + 1) & bits)) >>> 0;
					});
				}
			}),
			{numRuns: 300},
		);
	});
});

/** A chunk's first word in the flat model, as readWord gives it. */
const readFlatWord = (flat: FlatMemory, chunk: number): number =>
	[0, 0xaaaaaaaa, 0xbbbbbbbb, flat.words[2 * chunk]!][flat.state[chunk]!]!;
