// Which lines go through dmesgln() and which through klog(): from 2021-02 panics, failed VERIFYs
// and the range allocator's failure print with dmesgln, whose prefix has no CPU number
// (AK/Format.cpp's vdmesgln at 5d180d1f996); klog() kept its `[#0 name(pid:tid)]`.
import {describe, expect, it} from 'vitest';
import {boot} from './helpers.js';

describe('the range allocator out of kernel address space (0x3f000000 bytes)', () => {
	it.each([
		['2020-12-31', '[Compositor(20:20)]: VRA: Failed to allocate anywhere: 1073741824, 4096'],
		['2021-02-23', '[Compositor(20:20)]: RangeAllocator: Failed to allocate anywhere: size=1073741824, alignment=4096'],
	])('%s logs %s', (revision, line) => {
		const {kernel} = boot({revision});
		kernel.currentProcess = 'Compositor(20:20)';
		expect(kernel.allocateKernelRegion(0x4000_0000, 'too big', 'reserve')).toBeUndefined();
		expect(kernel.dmesg.tail(1)).toEqual([line]);
	});
});

describe('a panic\'s lines', () => {
	it.each([
		// klog(): no CPU number before 95bfc12ff43 (2021-01-27).
		['2020-12-31', ['[Compositor(20:20)]: ASSERTION FAILED: m_size < MAX_SIZE'], '[Compositor(20:20)]: kmalloc: 16'],
		// dmesgln() for the panic, klog() with its #0 for the line before it.
		['2021-02-23', ['[Compositor(20:20)]: ASSERTION FAILED: m_size < MAX_SIZE'], '[#0 Compositor(20:20)]: kmalloc: 16'],
	])('%s: %j, after %s', (revision, panicLines, klogLine) => {
		const {kernel} = boot({revision});
		kernel.currentProcess = 'Compositor(20:20)';
		kernel.klog('kmalloc: 16');
		expect(kernel.dmesg.tail(1)).toEqual([klogLine]);
		expect(() => kernel.halt('verify', ['ASSERTION FAILED: m_size < MAX_SIZE', 'kmtop: a test'])).toThrow();
		expect(kernel.panic!.lines.slice(0, 1)).toEqual(panicLines);
	});
});
