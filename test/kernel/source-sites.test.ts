// The file:line and function a failed VERIFY (ASSERT before 2021-02-23) prints, checked against
// each revision's tree: the lines of 5d180d1f996 for the default revision, and the lines an older
// revision's files had where they were shorter. A kernel developer greps these.
import {describe, expect, it} from 'vitest';
import {MiB} from '../../source/kernel/constants.js';
import {siteAt, sites} from '../../source/kernel/source-sites.js';
import {boot, panicOf} from './helpers.js';

const old = (revision: string) => boot({revision, ramBytes: 512 * MiB, debugAsserts: false});

describe('VERIFY sites at 5d180d1f996', () => {
	it.each([
		['heapConstructorFits', 'Heap.h', 59],
		['heapDeallocateInRange', 'Heap.h', 111],
		['heapDeallocateSizeFits', 'Heap.h', 112],
		['heapDeallocateCount', 'Heap.h', 117],
		['heapReallocateInRange', 'Heap.h', 132],
		['heapReallocateSizeFits', 'Heap.h', 133],
		['expandableDeallocateNotReached', 'Heap.h', 322],
		['expandableReallocateNotReached', 'Heap.h', 333],
		['addSubheapSize', 'Heap.h', 338],
		['bitmapSetRangeEnd', 'Bitmap.h', 180],
		['addMemoryNotAdding', 'kmalloc.cpp', 74],
		['eternalEnd', 'kmalloc.cpp', 234],
		['kmallocOutOfMemory', 'kmalloc.cpp', 251],
		['allocateKernelRegionPageAligned', 'MemoryManager.cpp', 505],
		['slabAllocTooLarge', 'SlabAllocator.cpp', 162],
	] as const)('%s is %s:%i', (name, file, line) => {
		const site = sites[name];
		expect(`${site.file.split('/').at(-1)}:${site.line}`).toBe(`${file}:${line}`);
		expect(siteAt(site, '2021-02-23')).toBe(site);
	});

	it('slab_alloc of more than 128 bytes: VERIFY_NOT_REACHED at SlabAllocator.cpp:162', () => {
		const {kernel} = boot();
		expect(panicOf(() => kernel.slabAlloc(129)).lines).toEqual([
			'[Kernel]: ASSERTION FAILED: false',
			'[Kernel]: ../Kernel/Heap/SlabAllocator.cpp:162 in void* Kernel::slab_alloc(size_t)',
		]);
	});

	it('an unaligned kernel region: the String / AllocationStrategy / Region::Cacheable signature, line 505', () => {
		const {kernel} = boot();
		expect(panicOf(() => kernel.allocateKernelRegion(4097, 'odd', 'allocate-now')).lines).toEqual([
			'[Kernel]: ASSERTION FAILED: !(size % PAGE_SIZE)',
			'[Kernel]: ../Kernel/VM/MemoryManager.cpp:505 in AK::OwnPtr<Kernel::Region> Kernel::MemoryManager::allocate_kernel_region(size_t, AK::String, u8, Kernel::AllocationStrategy, Kernel::Region::Cacheable)',
		]);
	});
});

describe('VERIFY sites at the older revisions', () => {
	it('2020-12-31 still has the booleans (476f17b3f18 was merged on 2021-01-01), at MemoryManager.cpp:404', () => {
		const {kernel} = old('2020-12-31');
		expect(panicOf(() => kernel.allocateKernelRegion(4097, 'odd', 'allocate-now')).lines).toEqual([
			'[Kernel]: ASSERTION FAILED: !(size % PAGE_SIZE)',
			'../Kernel/VM/MemoryManager.cpp:404 in AK::OwnPtr<Kernel::Region> Kernel::MemoryManager::allocate_kernel_region(size_t, const AK::StringView&, u8, bool, bool, bool)',
		]);
	});

	it.each([
		['2020-08-29', 287],
		['2020-09-02', 300],
		['2020-09-09', 305],
		['2020-11-04', 305],
		['2020-12-26', 322],
	] as const)('a bad kfree at %s fails ExpandableHeap::deallocate at Heap.h:%i', (revision, line) => {
		const {kernel} = old(revision);
		expect(panicOf(() => kernel.kfree(0xdead_beef)).lines[1]).toMatch(new RegExp(`^\\.\\./Kernel/Heap/Heap\\.h:${line} in void Kernel::ExpandableHeap<`));
	});

	it.each([
		['2020-08-28', 97],
		['2020-08-29', 189],
		['2020-09-09', 205],
		['2020-11-04', 223],
		['2020-12-31', 234],
	] as const)('the end of the eternal range at %s is kmalloc.cpp:%i', (revision, line) => {
		expect(siteAt(sites.eternalEnd, revision).line).toBe(line);
	});
});

describe('a double kfree before the Bitmap rework', () => {
	it.each(['2020-08-29', '2020-09-02'] as const)('%s: set_range loops over set(), whose ASSERT stops it at Bitmap.h:93', (revision) => {
		const {kernel} = old(revision);
		const address = kernel.kmalloc(100);
		kernel.kfree(address);
		expect(panicOf(() => kernel.kfree(address)).lines).toEqual([
			'[Kernel]: ASSERTION FAILED: index < m_size',
			'../AK/Bitmap.h:93 in void AK::Bitmap::set(size_t, bool) const',
		]);
	});

	it('2020-09-09 has the ranged set_range and its check', () => {
		const {kernel} = old('2020-09-09');
		const address = kernel.kmalloc(100);
		kernel.kfree(address);
		expect(panicOf(() => kernel.kfree(address)).lines[0]).toBe('[Kernel]: ASSERTION FAILED: start + len <= m_size');
	});
});

