// The VERIFYs the simulated kernel can fail, with file, line and __PRETTY_FUNCTION__ as the i386
// build printed them (§9.2). Line numbers at 5d180d1f996: Heap.h:322 and kmalloc.cpp:251 are
// the reference's (§9.3, §11 scenario 18); the others are counted from the nearest stored source
// and the rename being line-neutral (reference §12: file spelling and lines are unconfirmed).
// The function strings follow g++'s format for i386, where size_t is `unsigned int`.

import type {SourceSite} from './panic.js';

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
		line: 114,
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
		line: 332,
		function: `void* Kernel::ExpandableHeap<CHUNK_SIZE, HEAP_SCRUB_BYTE_ALLOC, HEAP_SCRUB_BYTE_FREE, ExpandHeap>::reallocate(void*, size_t) ${expandableTemplate.replace(']', '; size_t = unsigned int]')}`,
	},
	addSubheapSize: {
		expression: 'memory_size > sizeof(SubHeap)',
		file: '../Kernel/Heap/Heap.h',
		line: 336,
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
	/** At 4b66692a553 (reference §5.3b): MemoryManager.cpp line 386, booleans for user/commit/cache. */
	allocateKernelRegionPageAlignedAug2020: {
		expression: '!(size % PAGE_SIZE)',
		file: '../Kernel/VM/MemoryManager.cpp',
		line: 386,
		function:
			'AK::OwnPtr<Kernel::Region> Kernel::MemoryManager::allocate_kernel_region(size_t, const AK::StringView&, u8, bool, bool, bool)',
	},
	/** From 476f17b3f18 the signature takes an AllocationStrategy; the line is our estimate. */
	allocateKernelRegionPageAligned: {
		expression: '!(size % PAGE_SIZE)',
		file: '../Kernel/VM/MemoryManager.cpp',
		line: 414,
		function:
			'AK::OwnPtr<Kernel::Region> Kernel::MemoryManager::allocate_kernel_region(size_t, const AK::StringView&, u8, Kernel::AllocationStrategy, bool)',
	},
	slabAllocTooLarge: {
		expression: 'false',
		file: '../Kernel/Heap/SlabAllocator.cpp',
		line: 157,
		function: 'void* Kernel::slab_alloc(size_t)',
	},
} satisfies Record<string, SourceSite>;
