// The benchmark's allocation trace (issue #7): mulberry32 seeded with 12345; sizes 70 % 16–128 B,
// 25 % 129–4,096 B, 5 % 4–64 KiB; a free picks a random live block. The trace climbs quickly to
// its live target, then allocation is a little more likely below it and a little less above, so
// the live count hovers there: about 8,000 blocks and 18.5 MB with the default target.

/** Tommy Ettinger's mulberry32, the generator the issue names. */
export const mulberry32 = (seed: number): (() => number) => {
	let state = seed | 0;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
};

export type Trace = {
	/** ≥ 0: kmalloc(size); < 0: kfree of live block number −op − 1 (swap-remove order). */
	ops: Int32Array;
	liveTarget: number;
	averageLive: number;
	averageLiveBytes: number;
};

const size = (random: () => number): number => {
	const p = random();
	if (p < 0.7) {
		return 16 + Math.floor(random() * 113);
	}

	if (p < 0.95) {
		return 129 + Math.floor(random() * 3968);
	}

	return 4097 + Math.floor(random() * 61_440);
};

export const generateTrace = (length: number, liveTarget = 8000, seed = 12_345): Trace => {
	const random = mulberry32(seed);
	const ops = new Int32Array(length);
	const sizes: number[] = [];
	let liveBytes = 0;
	let sumLive = 0;
	let sumBytes = 0;
	for (let index = 0; index < length; index++) {
		const live = sizes.length;
		const odds = live < liveTarget * 0.98 ? 0.9 : live < liveTarget ? 0.55 : 0.45;
		const allocate = live === 0 || random() < odds;
		if (allocate) {
			const bytes = size(random);
			ops[index] = bytes;
			sizes.push(bytes);
			liveBytes += bytes;
		} else {
			const victim = Math.floor(random() * sizes.length);
			ops[index] = -victim - 1;
			liveBytes -= sizes[victim]!;
			sizes[victim] = sizes.at(-1)!;
			sizes.pop();
		}

		sumLive += sizes.length;
		sumBytes += liveBytes;
	}

	return {ops, liveTarget, averageLive: sumLive / length, averageLiveBytes: sumBytes / length};
};

/** Runs a trace against any allocator: `free` gets what `allocate` returned. */
export const replayTrace = (trace: Trace, allocate: (size: number) => number, free: (handle: number) => void): void => {
	const live: number[] = [];
	const {ops} = trace;
	for (let index = 0; index < ops.length; index++) {
		const op = ops[index]!;
		if (op >= 0) {
			live.push(allocate(op));
		} else {
			const victim = -op - 1;
			const handle = live[victim]!;
			live[victim] = live.at(-1)!;
			live.pop();
			free(handle);
		}
	}
};
