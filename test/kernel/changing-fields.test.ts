// The kernel's fields that change after construction are known to V8 as changing from the start
// (holder-book.ts, expandable-heap.ts, subheap-list.ts, processor.ts, region.ts, heap-memory.ts, kernel-machine.ts).
// V8 takes a field stored only once for a constant, and code it optimizes relies on that; the
// first store of another value then discards that code. In the live view that was most of
// kmalloc's and kfree's optimized code at once, several times in its first seconds, each function
// recompiled on V8's helper threads; in a sweep worker, the first panic did the same.
//
// Each case reads the field from a function optimized against a fresh object, stores another
// value of the field's kind as the kernel does, and checks the function is still optimized.

import {describe, expect, test} from 'vitest';
import {Kernel} from '../../source/kernel/kernel.js';
import {HolderBook} from '../../source/kernel/holder-book.js';
import {Region} from '../../source/kernel/region.js';
import {HeapMemory} from '../../source/kernel/heap-memory.js';
import {isOptimized, optimizeAfter} from './v8-natives.js';

type Fields = Record<string, unknown>;

/** Whether code optimized to read `field` of `object` survives the field's change to `next`. */
const survivesChange = (object: Fields, field: string, next: unknown): {before: boolean; after: boolean} => {
	// eslint-disable-next-line @typescript-eslint/no-implied-eval
	const read = new Function('object', `return object.${field}`) as (object: Fields) => unknown;
	optimizeAfter(read, () => {
		read(object);
		read(object);
	}, () => read(object));
	const before = isOptimized(read);
	object[field] = next;
	read(object);
	return {before, after: isOptimized(read)};
};

const cases: Array<[string, string, () => Fields, (value: unknown) => unknown]> = [
	['HolderBook', 'liveBlocks', () => new HolderBook() as unknown as Fields, () => new Int32Array(128)],
	['HolderBook', 'liveChunks', () => new HolderBook() as unknown as Fields, () => new Int32Array(128)],
	['HolderBook', 'kmallocs', () => new HolderBook() as unknown as Fields, () => new Float64Array(128)],
	['HolderBook', 'kfrees', () => new HolderBook() as unknown as Fields, () => new Float64Array(128)],
	['HolderBook', 'lastTick', () => new HolderBook() as unknown as Fields, () => new Float64Array(128)],
	['HolderBook', 'generations', () => new HolderBook() as unknown as Fields, () => new Uint32Array(128)],
	['HolderBook', 'retiredKmallocs', () => new HolderBook() as unknown as Fields, (value) => (value as number) + 0.5],
	['HolderBook', 'retiredKfrees', () => new HolderBook() as unknown as Fields, (value) => (value as number) + 0.5],
	['ExpandableHeap', 'expanding', () => new Kernel().heap as unknown as Fields, (value) => !(value as boolean)],
	['SubheapList', 'unmappedLinked', () => (new Kernel().heap as unknown as {list: Fields}).list, (value) => (value as number) + 1],
	['Processor', 'pending', () => new Kernel().processor as unknown as Fields, () => []],
	['Region', 'mapped', () => new Region(0xd000_0000, 0x10_0000, 'test', 'reserve') as unknown as Fields, (value) => !(value as boolean)],
	['HeapMemory', 'mapped', () => new HeapMemory(0xd000_0000, 0x10_0000) as unknown as Fields, (value) => !(value as boolean)],
	['Kernel', 'panic', () => new Kernel() as unknown as Fields, () => ({tick: 5, kind: 'oom', lines: ['kmalloc(): PANIC! Out of memory']})],
	['Region', 'heapMemory', () => new Region(0xd000_0000, 0x10_0000, 'test', 'reserve') as unknown as Fields, () => new HeapMemory(0xd000_0000, 0x10_0000)],
];

describe('fields the kernel changes do not discard optimized code when they change', () => {
	test.each(cases)('%s.%s', (_name, field, make, next) => {
		const object = make();
		expect(survivesChange(object, field, next(object[field]))).toEqual({before: true, after: true});
	});
});
