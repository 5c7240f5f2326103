// Chunk states four to a byte (chunk-states.ts): after any fills and sets, each chunk reads what a
// byte-a-chunk array holds, and a fill writes only the bytes its chunks are in.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {fillStates, setState, stateBytes, stateOf} from '../../source/kernel/chunk-states.js';

describe('chunk states, four to a byte', () => {
	it.each([
		// chunks [from, to) take state; the bytes after (hex), from all zero
		{from: 0, to: 1, state: 3, bytes: '03 00 00'},
		{from: 1, to: 3, state: 2, bytes: '28 00 00'},
		{from: 3, to: 4, state: 1, bytes: '40 00 00'},
		{from: 2, to: 9, state: 1, bytes: '50 55 01'},
		{from: 4, to: 8, state: 2, bytes: '00 aa 00'},
		{from: 0, to: 12, state: 3, bytes: 'ff ff ff'},
		{from: 5, to: 5, state: 3, bytes: '00 00 00'},
	])('chunks [$from, $to) take $state: bytes $bytes', ({from, to, state, bytes}) => {
		const states = new Uint8Array(3);
		fillStates(states, from, to, state);
		expect([...states].map((byte) => byte.toString(16).padStart(2, '0')).join(' ')).toBe(bytes);
	});

	it.each([
		{chunks: 0, bytes: 0},
		{chunks: 1, bytes: 1},
		{chunks: 4, bytes: 1},
		{chunks: 5, bytes: 2},
		{chunks: 31_775, bytes: 7944},
	])('$chunks chunks take $bytes bytes', ({chunks, bytes}) => {
		expect(stateBytes(chunks)).toBe(bytes);
	});

	it('reads past the array as 0 (never written)', () => {
		expect(stateOf(new Uint8Array(2), 8)).toBe(0);
		expect(stateOf(new Uint8Array(2), 1000)).toBe(0);
	});

	it('holds what a byte a chunk holds after any fills and sets', () => {
		const chunks = 70;
		const write = fc.record({from: fc.nat({max: chunks}), length: fc.nat({max: chunks}), state: fc.integer({min: 0, max: 3}), one: fc.boolean()});
		fc.assert(
			fc.property(fc.array(write, {maxLength: 30}), (writes) => {
				const packed = new Uint8Array(stateBytes(chunks));
				const flat = new Uint8Array(chunks);
				for (const {from, length, state, one} of writes) {
					const to = Math.min(chunks, from + length);
					if (one && from < chunks) {
						setState(packed, from, state);
						flat[from] = state;
					} else {
						fillStates(packed, from, to, state);
						flat.fill(state, from, to);
					}
				}

				for (let chunk = 0; chunk < chunks; chunk++) {
					expect(stateOf(packed, chunk)).toBe(flat[chunk]);
				}
			}),
		);
	});
});
