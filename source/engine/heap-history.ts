// Samples of the heap over time, every `everyTicks` ticks, newest `capacity` kept: what the
// sparklines and rates of the live view are drawn from (snapshot.md `history`).

import type {Kernel} from '../kernel/kernel.js';
import {RingBuffer} from './ring-buffer.js';

export const HISTORY_EVERY_TICKS = 10;
export const HISTORY_CAPACITY = 512;
/** The long view (the graphs' 50,000-tick window): one sample in ten, as many kept. */
export const COARSE_EVERY_TICKS = 100;

export type HistorySample = {
	tick: number;
	kmallocAllocated: number;
	kmallocAvailable: number;
	subheapCount: number;
	kmallocCalls: number;
	kfreeCalls: number;
};

export class HeapHistory {
	readonly everyTicks = HISTORY_EVERY_TICKS;
	readonly samples = new RingBuffer<HistorySample>(HISTORY_CAPACITY);
	readonly coarseEveryTicks = COARSE_EVERY_TICKS;
	/** Every tenth sample: ten times the span, for graphs of the last 50,000 ticks. */
	readonly coarse = new RingBuffer<HistorySample>(HISTORY_CAPACITY);

	sample(kernel: Kernel, tick: number): void {
		let subheapCount = 0;
		for (const _subheap of kernel.heap.subheaps()) {
			subheapCount++;
		}

		const sample = {
			tick,
			// memstat's kmalloc_allocated and kmalloc_available (memstat.ts), read as it reads them:
			// building the whole file (every slab's keys) every 10 ticks for these two was most of a sample.
			kmallocAllocated: kernel.heap.allocatedBytes(),
			kmallocAvailable: kernel.heap.freeBytes() + kernel.global.backupBytes,
			subheapCount,
			kmallocCalls: kernel.kmallocCalls,
			kfreeCalls: kernel.kfreeCalls,
		};
		this.samples.push(sample);
		if (tick % COARSE_EVERY_TICKS === 0) {
			this.coarse.push(sample);
		}
	}
}
