// Kernel throughput on the issue-7 trace, against the two baselines on the same trace in the same
// process, and the placement check: every block of the whole trace placed by the kernel's Heap
// exactly where the literal port of §1.4 places it.

import {Heap} from '../source/kernel/heap.js';
import {HeapMemory} from '../source/kernel/heap-memory.js';
import {Kernel} from '../source/kernel/kernel.js';
import {generateTrace, replayTrace, type Trace} from './generate-trace.js';
import {literalHeap, plainScanHeap, type ReferenceHeap} from './reference-heaps.js';

const MiB = 1024 * 1024;
const POOL = 32 * MiB;

export type Throughput = {opsPerSecond: number; seconds: number};

const time = (fn: () => void): number => {
	const started = performance.now();
	fn();
	return (performance.now() - started) / 1000;
};

/** The kernel API (kmalloc/kfree, accounting, subheaps, expansions): best of `runs`, after a warm-up. */
export const kernelThroughput = (trace: Trace, runs = 2): Throughput & {heapBytes: number; subheaps: number} => {
	let best = Number.POSITIVE_INFINITY;
	let kernel = new Kernel({ramBytes: 2048 * MiB});
	for (let run = 0; run <= runs; run++) {
		kernel = new Kernel({ramBytes: 2048 * MiB});
		const current = kernel;
		const seconds = time(() => {
			replayTrace(trace, (size) => current.kmalloc(size), (address) => current.kfree(address));
		});
		if (run > 0) {
			best = Math.min(best, seconds);
		}
	}

	const memstat = kernel.memstat();
	return {
		opsPerSecond: trace.ops.length / best,
		seconds: best,
		heapBytes: memstat.kmalloc_allocated! + memstat.kmalloc_available!,
		subheaps: [...kernel.heap.subheaps()].length,
	};
};

export const referenceThroughput = (trace: Trace, make: () => ReferenceHeap): Throughput => {
	const heap = make();
	const seconds = time(() => {
		replayTrace(trace, (size) => heap.allocate(size), (chunk) => heap.free(chunk));
	});
	return {opsPerSecond: trace.ops.length / seconds, seconds};
};

/** Our Heap and the literal port on one 32 MiB pool each: the first disagreement, or none. */
export const checkPlacement = (trace: Trace): {placements: number; mismatch: string | null} => {
	const faults = {
		verify(site: {expression: string}): never {
			throw new Error(site.expression);
		},
		fault(description: string): never {
			throw new Error(description);
		},
	};
	const ours = new Heap(new HeapMemory(0xd000_0000, POOL), 0xd000_0000, POOL, faults);
	const literal = literalHeap(POOL);
	let placements = 0;
	let mismatch: string | null = null;
	const pairs: Array<[number, number]> = [];
	replayTrace(
		trace,
		(size) => {
			const address = ours.allocate(size);
			const chunk = literal.allocate(size);
			const ourChunk = (address - 4 - ours.chunkBase) / 32;
			placements++;
			if (ourChunk !== chunk && mismatch === null) {
				mismatch = `op ${placements}: kmalloc(${size}) at chunk ${ourChunk}, the literal port says ${chunk}`;
			}

			pairs.push([address, chunk]);
			return pairs.length - 1;
		},
		(index) => {
			const [address, chunk] = pairs[index]!;
			ours.deallocate(address);
			literal.free(chunk);
		},
	);
	return {placements, mismatch};
};

export const measureKernel = (length: number) => {
	const trace = generateTrace(length);
	const kernel = kernelThroughput(trace);
	const literal = referenceThroughput(trace, () => literalHeap(POOL));
	const plain = referenceThroughput(trace, () => plainScanHeap(POOL));
	return {
		trace: {ops: length, seed: 12_345, averageLive: trace.averageLive, averageLiveBytes: trace.averageLiveBytes},
		kernel,
		literal,
		plain,
		ratios: {overLiteral: kernel.opsPerSecond / literal.opsPerSecond, overPlain: kernel.opsPerSecond / plain.opsPerSecond},
		placement: checkPlacement(trace),
	};
};

/** The same replay at growing live sets: heaps of about 4, 32, 128 and 512 MiB. */
export const measureGrowth = (length: number) =>
	[1650, 14_000, 50_000, 200_000].map((liveTarget) => {
		const trace = generateTrace(length, liveTarget);
		const result = kernelThroughput(trace, 1);
		return {liveTarget, averageLive: trace.averageLive, averageLiveBytes: trace.averageLiveBytes, ...result};
	});
