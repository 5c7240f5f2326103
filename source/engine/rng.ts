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

export const createRng = (seed: number): Rng => {
	const mix = splitmix32(seed);
	let a = mix();
	let b = mix();
	let c = mix();
	let d = mix();
	const next32 = (): number => {
		const t = (((a + b) >>> 0) + d) >>> 0;
		d = (d + 1) >>> 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) >>> 0;
		c = ((c << 21) | (c >>> 11)) >>> 0;
		c = (c + t) >>> 0;
		return t;
	};

	// Warm up, as sfc32's author recommends.
	for (let index = 0; index < 12; index++) {
		next32();
	}

	const next = (): number => next32() / 4_294_967_296;
	return {
		next,
		int(lo, hi) {
			return lo + Math.floor(next() * (hi - lo + 1));
		},
		pick(items) {
			if (items.length === 0) {
				throw new RangeError('rng.pick() of an empty list');
			}

			return items[Math.floor(next() * items.length)]!;
		},
		chance(probability) {
			return next() < probability;
		},
	};
};
