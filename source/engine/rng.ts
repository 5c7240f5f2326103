// The one source of randomness a workload may use: sfc32 (Chris Doty-Humphrey's Small Fast
// Counter, 32-bit), seeded through splitmix32 so that nearby seeds give unrelated streams. Small,
// well known, and the same on every machine: same seed, same run, tick for tick.

export type Rng = {
	/** [0, 1) */
	next(): number;
	/** An integer in [lo, hi], both included. */
	int(lo: number, hi: number): number;
	pick<T>(items: readonly T[]): T;
	chance(probability: number): boolean;
};

const splitmix32 = (seed: number): (() => number) => {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x9e3779b9) >>> 0;
		let z = state;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
		return (z ^ (z >>> 16)) >>> 0;
	};
};

/** A 32-bit hash of strings and numbers, to derive independent streams (FNV-1a). */
export const hashSeed = (...parts: Array<string | number>): number => {
	let hash = 0x811c9dc5;
	for (const part of parts) {
		for (const character of `${String(part)}\u0000`) {
			hash = Math.imul(hash ^ character.codePointAt(0)!, 0x01000193) >>> 0;
		}
	}

	return hash;
};

/**
The generator's four words are fields of an object, not variables of a closure: a simulation is
copied whole for time travel (clone-graph.ts), its streams with it. The words are kept signed
(`| 0`), the same bits as sfc32's unsigned ones (`>>> 0` only on the way out, in next()): half of
all unsigned words are above 2^31 − 1, which V8 holds as boxed doubles, and code it had compiled
for small integers was thrown away and compiled again each time one came (four times per thread,
in every sweep worker).
*/
export class Sfc32 implements Rng {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(seed: number) {
		const mix = splitmix32(seed);
		this.a = mix() | 0;
		this.b = mix() | 0;
		this.c = mix() | 0;
		this.d = mix() | 0;
		// Warm up, as sfc32's author recommends.
		for (let index = 0; index < 12; index++) {
			this.next32();
		}
	}

	next(): number {
		return (this.next32() >>> 0) / 4_294_967_296;
	}

	int(lo: number, hi: number): number {
		return lo + Math.floor(this.next() * (hi - lo + 1));
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) {
			throw new RangeError('rng.pick() of an empty list');
		}

		return items[Math.floor(this.next() * items.length)]!;
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	// The sfc32 step on signed words: the same bits as the unsigned reference.
	private next32(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return t;
	}
}

export const createRng = (seed: number): Rng => new Sfc32(seed);
