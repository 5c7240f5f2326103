import {expect} from 'vitest';
import type {KernelEvent} from '../../source/kernel/events.js';
import {Kernel, type KernelOptions} from '../../source/kernel/kernel.js';
import {isKernelHalt} from '../../source/kernel/panic.js';

export type BootedKernel = {kernel: Kernel; events: KernelEvent[]};

/** A kernel as the tests want it: debug ASSERTs on unless a test says otherwise. */
export const boot = (options: KernelOptions = {}): BootedKernel => {
	const events: KernelEvent[] = [];
	const kernel = new Kernel({debugAsserts: true, ...options, events: {add: (event) => events.push(event)}});
	return {kernel, events};
};

export const main = (kernel: Kernel) => kernel.heap.main.heap;

/** Fills the main pool's free runs, leaving `leaveChunks` free chunks at the end of the last one. */
export const fillMainHeap = (kernel: Kernel, leaveChunks = 0): void => {
	const heap = main(kernel);
	for (;;) {
		const longest = heap.bitmap.longestFreeRun;
		const last = longest === heap.freeChunks;
		const chunks = last ? longest - leaveChunks : longest;
		if (chunks <= 0) {
			break;
		}

		kernel.kmalloc(chunks * 32 - 4);
		if (last) {
			break;
		}
	}

	expect(heap.freeChunks).toBe(leaveChunks);
};

/** Lines logged from `from` on, without the `[Kernel]: ` prefix. */
export const kernelLog = (kernel: Kernel, from = 0): string[] =>
	kernel.dmesg.tail().slice(from).map((line) => line.replace(/^\[[^\]]*\]: /, ''));

export const panicOf = (fn: () => unknown) => {
	try {
		fn();
	} catch (error) {
		if (isKernelHalt(error)) {
			return error.panic;
		}

		throw error;
	}

	throw new Error('expected the kernel to halt');
};

export const heapTotalBytes = (kernel: Kernel): number => {
	const memstat = kernel.memstat();
	return memstat.kmalloc_allocated! + memstat.kmalloc_available!;
};
