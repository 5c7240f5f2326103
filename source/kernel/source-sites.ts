// The VERIFYs the simulated kernel can fail, with file, line and __PRETTY_FUNCTION__ as the i386
// build printed them (§9.2). The lines are those of each file at 5d180d1f996, read from that
// commit's tree; `siteAt` gives the line a site had at an older revision's commit, where the
// file was shorter. `../` is how the era's Ninja build spelled __FILE__ (a kmalloc PANIC reported
// in March 2021 reads `at ../Kernel/Heap/kmalloc.cpp:247`). The function strings follow g++'s
// format for i386, where size_t is `unsigned int`.

import type {SourceSite} from './panic.js';
import type {RevisionId} from './revisions.js';

const heapTemplate =
	'[with unsigned int CHUNK_SIZE = 32; unsigned int HEAP_SCRUB_BYTE_ALLOC = 187; unsigned int HEAP_SCRUB_BYTE_FREE = 170]';
const expandableTemplate =
	'[with unsigned int CHUNK_SIZE = 32; unsigned int HEAP_SCRUB_BYTE_ALLOC = 187; unsigned int HEAP_SCRUB_BYTE_FREE = 170; ExpandHeap = KmallocGlobalHeap::ExpandGlobalHeap]';

const heapReallocate = `void* Kernel::Heap<CHUNK_SIZE, HEAP_SCRUB_BYTE_ALLOC, HEAP_SCRUB_BYTE_FREE>::reallocate(void*, size_t, MainHeap&) [with MainHeap = Kernel::ExpandableHeap<32, 187, 170, KmallocGlobalHeap::ExpandGlobalHeap>; unsigned int CHUNK_SIZE = 32; unsigned int HEAP_SCRUB_BYTE_ALLOC = 187; unsigned int HEAP_SCRUB_BYTE_FREE = 170; size_t = unsigned int]`;
const heapDeallocate = `void Kernel::Heap<CHUNK_SIZE, HEAP_SCRUB_BYTE_ALLOC, HEAP_SCRUB_BYTE_FREE>::deallocate(void*) ${heapTemplate}`;

export const sites = {
	heapConstructorFits: {
		expression: 'm_total_chunks * CHUNK_SIZE + (m_total_chunks + 7) / 8 <= memory_size',
		file: '../Kernel/Heap/Heap.h',
		line: 59,
		function: `Kernel::Heap<CHUNK_SIZE, HEAP_SCRUB_BYTE_ALLOC, HEAP_SCRUB_BYTE_FREE>::Heap(u8*, size_t) ${heapTemplate.replace(']', '; u8 = unsigned char; size_t = unsigned int]')}`,
	},
	heapDeallocateInRange: {
		expression: '(u8*)a >= m_chunks && (u8*)ptr < m_chunks + m_total_chunks * CHUNK_SIZE',
		file: '../Kernel/Heap/Heap.h',
		line: 111,
		function: heapDeallocate,
	},
	heapDeallocateSizeFits: {
		expression: '(u8*)a + a->allocation_size_in_chunks * CHUNK_SIZE <= m_chunks + m_total_chunks * CHUNK_SIZE',
		file: '../Kernel/Heap/Heap.h',
		line: 112,
		function: heapDeallocate,
	},
	heapDeallocateCount: {
		expression: 'm_allocated_chunks >= a->allocation_size_in_chunks',
		file: '../Kernel/Heap/Heap.h',
		line: 117,
		function: heapDeallocate,
	},
	heapReallocateInRange: {
		expression: '(u8*)a >= m_chunks && (u8*)ptr < m_chunks + m_total_chunks * CHUNK_SIZE',
		file: '../Kernel/Heap/Heap.h',
		line: 132,
		function: heapReallocate,
	},
	heapReallocateSizeFits: {
		expression: '(u8*)a + a->allocation_size_in_chunks * CHUNK_SIZE <= m_chunks + m_total_chunks * CHUNK_SIZE',
		file: '../Kernel/Heap/Heap.h',
		line: 133,
		function: heapReallocate,
	},
	bitmapSetRangeEnd: {
		expression: 'start + len <= m_size',
		file: '../AK/Bitmap.h',
		line: 180,
		function: 'void AK::Bitmap::set_range(size_t, size_t) [with bool VALUE = false; size_t = unsigned int]',
	},
	expandableDeallocateNotReached: {
		expression: 'false',
		file: '../Kernel/Heap/Heap.h',
		line: 322,
		function: `void Kernel::ExpandableHeap<CHUNK_SIZE, HEAP_SCRUB_BYTE_ALLOC, HEAP_SCRUB_BYTE_FREE, ExpandHeap>::deallocate(void*) ${expandableTemplate}`,
	},
	expandableReallocateNotReached: {
		expression: 'false',
		file: '../Kernel/Heap/Heap.h',
		line: 333,
		function: `void* Kernel::ExpandableHeap<CHUNK_SIZE, HEAP_SCRUB_BYTE_ALLOC, HEAP_SCRUB_BYTE_FREE, ExpandHeap>::reallocate(void*, size_t) ${expandableTemplate.replace(']', '; size_t = unsigned int]')}`,
	},
	addSubheapSize: {
		expression: 'memory_size > sizeof(SubHeap)',
		file: '../Kernel/Heap/Heap.h',
		line: 338,
		function: `Kernel::ExpandableHeap<CHUNK_SIZE, HEAP_SCRUB_BYTE_ALLOC, HEAP_SCRUB_BYTE_FREE, ExpandHeap>::HeapType& Kernel::ExpandableHeap<CHUNK_SIZE, HEAP_SCRUB_BYTE_ALLOC, HEAP_SCRUB_BYTE_FREE, ExpandHeap>::add_subheap(void*, size_t) ${expandableTemplate.replace(']', '; size_t = unsigned int]')}`,
	},
	addMemoryNotAdding: {
		expression: '!m_adding',
		file: '../Kernel/Heap/kmalloc.cpp',
		line: 74,
		function: 'bool KmallocGlobalHeap::ExpandGlobalHeap::add_memory(size_t)',
	},
	eternalEnd: {
		expression: 's_next_eternal_ptr < s_end_of_eternal_range',
		file: '../Kernel/Heap/kmalloc.cpp',
		line: 234,
		function: 'void* kmalloc_eternal(size_t)',
	},
	kmallocOutOfMemory: {
		expression: '',
		file: '../Kernel/Heap/kmalloc.cpp',
		line: 251,
		function: 'void* kmalloc_impl(size_t)',
	},
	/** Until 476f17b3f18 reached master on 2021-01-01: booleans for user/commit/cache (line 386 at 4b66692a553). */
	allocateKernelRegionPageAlignedAug2020: {
		expression: '!(size % PAGE_SIZE)',
		file: '../Kernel/VM/MemoryManager.cpp',
		line: 386,
		function:
			'AK::OwnPtr<Kernel::Region> Kernel::MemoryManager::allocate_kernel_region(size_t, const AK::StringView&, u8, bool, bool, bool)',
	},
	/** From 476f17b3f18 (in master 2021-01-01) an AllocationStrategy; by 5d180d1f996 a String name and a Region::Cacheable. */
	allocateKernelRegionPageAligned: {
		expression: '!(size % PAGE_SIZE)',
		file: '../Kernel/VM/MemoryManager.cpp',
		line: 505,
		function:
			'AK::OwnPtr<Kernel::Region> Kernel::MemoryManager::allocate_kernel_region(size_t, AK::String, u8, Kernel::AllocationStrategy, Kernel::Region::Cacheable)',
	},
	slabAllocTooLarge: {
		expression: 'false',
		file: '../Kernel/Heap/SlabAllocator.cpp',
		line: 162,
		function: 'void* Kernel::slab_alloc(size_t)',
	},
} satisfies Record<string, SourceSite>;

type SiteName = keyof typeof sites;

/**
 * The lines that differ from 5d180d1f996's at each older revision's commit (2020-09-02 is
 * 1ece93c8055, 2020-08-28 the commit before 4b66692a553). Heap.h's ExpandableHeap grew as the
 * fixes went in; kmalloc.cpp and MemoryManager.cpp grew all along. Where a check did not exist
 * yet (Heap.h and ASSERT(!m_adding) before their commits, Bitmap::set_range's range check before
 * September 2020), the site keeps 5d180d1f996's text: those kernels had no such line to print.
 */
const olderLines: Partial<Record<RevisionId, Partial<Record<SiteName, number>>>> = {
	'2020-08-28': {eternalEnd: 97, allocateKernelRegionPageAlignedAug2020: 379},
	'2020-08-29': {
		heapConstructorFits: 58,
		heapDeallocateInRange: 110,
		heapDeallocateSizeFits: 111,
		heapDeallocateCount: 116,
		heapReallocateInRange: 131,
		heapReallocateSizeFits: 132,
		expandableDeallocateNotReached: 287,
		expandableReallocateNotReached: 298,
		addSubheapSize: 303,
		eternalEnd: 189,
	},
	'2020-09-02': {expandableDeallocateNotReached: 300, expandableReallocateNotReached: 311, addSubheapSize: 316, eternalEnd: 193, allocateKernelRegionPageAlignedAug2020: 395},
	'2020-09-09': {expandableDeallocateNotReached: 305, expandableReallocateNotReached: 316, addSubheapSize: 321, addMemoryNotAdding: 69, eternalEnd: 205, allocateKernelRegionPageAlignedAug2020: 399},
	'2020-11-04': {expandableDeallocateNotReached: 305, expandableReallocateNotReached: 316, addSubheapSize: 321, addMemoryNotAdding: 71, eternalEnd: 223, allocateKernelRegionPageAlignedAug2020: 400},
	'2020-12-26': {addMemoryNotAdding: 71, eternalEnd: 223, allocateKernelRegionPageAlignedAug2020: 404},
	'2020-12-31': {addMemoryNotAdding: 73, allocateKernelRegionPageAlignedAug2020: 404},
};

/**
 * Until the Bitmap rework that 678bbd29cac's tree has (2020-09-06), set_range was a loop over
 * set(), and a length read from a freed header (0xaaaaaaaa chunks) ran it to the end of the
 * bitmap, where set()'s own ASSERT stopped it (AK/Bitmap.h at 4b66692a553 and 1ece93c8055).
 */
const bitmapSetBeforeSeptember: SourceSite = {
	expression: 'index < m_size',
	file: '../AK/Bitmap.h',
	line: 93,
	function: 'void AK::Bitmap::set(size_t, bool) const',
};

const bitmapSetRevisions = new Set<RevisionId>(['2020-08-28', '2020-08-29', '2020-09-02']);

const siteNames = new Map<SourceSite, SiteName>(Object.entries(sites).map(([name, site]) => [site, name as SiteName]));

/** `site` as revision `revision` printed it: the same check, at the line it had in that tree. */
export const siteAt = (site: SourceSite, revision: RevisionId): SourceSite => {
	if (site === sites.bitmapSetRangeEnd && bitmapSetRevisions.has(revision)) {
		return bitmapSetBeforeSeptember;
	}

	const name = siteNames.get(site);
	const line = name === undefined ? undefined : olderLines[revision]?.[name];
	return line === undefined ? site : {...site, line};
};
