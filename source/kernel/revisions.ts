// The kernel's history as data (docs/revisions.md; reference §0 and §5). A revision is
// one record of named behaviour switches; each switch is read where its behaviour lives, never
// as a date comparison scattered through the code.

import {MiB} from './constants.js';

export type RevisionId =
	| '2020-08-28'
	| '2020-08-29'
	| '2020-09-02'
	| '2020-09-09'
	| '2020-11-04'
	| '2020-12-26'
	| '2020-12-31'
	| '2021-02-23';

export type Revision = {
	id: RevisionId;
	commit: string;
	date: string;
	/** One line for `kmtop revisions`. */
	summary: string;
	/** What this revision changed against the one before, for the help overlay. */
	changes: string[];

	// ---- The heap (Kernel/Heap/Heap.h, kmalloc.cpp) ----
	/** kmalloc pool size: 3 MiB before 4b66692a553, 2 MiB after (§3.1). */
	poolSize: number;
	/** Whether the heap can grow at all (ExpandableHeap + backup, 4b66692a553). */
	expandable: boolean;
	/** Search passes per allocate (678bbd29cac: 3, i.e. 2 expansions); null = unbounded (§5.3a). */
	expansionAttemptLimit: number | null;
	/** `m_expanding`: no recursive expansion, no removal while expanding (ee51b28edd8, §5.2). */
	expansionGuard: boolean;
	/** A removed subheap becomes the backup when there is none (1ece93c8055). */
	removedMemoryBecomesBackup: boolean;
	/** The "even more" region: `max(calc, 1 MiB)` (§5.3b) or `page_round_up(calc) + 1 MiB` (678bbd29cac). */
	extraRegionSizing: 'max-calc-1mib' | 'page-round-up-plus-1mib';
	/** `ASSERT(!m_adding)` in add_memory (678bbd29cac; the macro was renamed VERIFY in 2021). */
	addingGuard: boolean;
	/** remove_memory hands the region to a deferred call instead of freeing it (28b109688bf, §5.4). */
	deferredContraction: boolean;
	/** Unlink the emptied subheap before remove_memory; re-add if rejected (74fa8949943, §5.5). */
	unlinkBeforeRemove: boolean;
	/** sizeof(SubHeap): 28 until 74fa8949943 added `memory_size`, 32 after (§2.1). */
	subHeapHeaderSize: number;
	/** The backup is replaced by a deferred call, not inside add_memory (22250780ffa, §5.4). */
	deferredBackupReplacement: boolean;

	// ---- Text the kernel printed ----
	/** klog OOM line (before 531d72fdfda) or `KERNEL PANIC! :^(` (§9.3). */
	oomMessage: 'klog' | 'panic';
	/** ASSERT (until 5d180d1f996) or VERIFY: the same semantics, always on (§9.1). */
	assertionMacro: 'ASSERT' | 'VERIFY';
	/**
	 * allocate_kernel_region takes an AllocationStrategy, not booleans: 476f17b3f18, written on
	 * 2020-09-05 but merged on 2021-01-01, so of these revisions only 2021-02-23 has it.
	 */
	allocationStrategyApi: boolean;
	/** kmalloc's own function name in panic locations (§9.3). */
	kmallocFunctionName: string;
	/** klog prefix `[#<cpu> name(pid:tid)]` from 95bfc12ff43 (2021-01-27, §10.2). */
	klogCpuPrefix: boolean;
	/**
	 * Panic and failed VERIFY lines (34a83aba711, 2021-02-13) and the range allocator's failure
	 * (5af69d6e93b, 2021-02-12) go through dmesgln(), whose prefix names the thread without a CPU,
	 * `[name(pid:tid)]`, where klog() said `[#0 name(pid:tid)]`. Before, the range allocator's
	 * klog() line read `VRA: Failed to allocate anywhere: N, 4096`.
	 */
	dmesgln: boolean;
	/** /proc/memstat has `user_physical_committed/uncommitted` from d3e6cdf21fa (2021-01-04, §8.1). */
	memstatCommitted: boolean;

	// ---- Small fixes that ride along ----
	/** kmalloc_eternal rounds sizes up to 4 bytes (656ffe36f20, 2020-11-01, §3.5). */
	eternalRounding: boolean;
	/** The eternal end is computed from sizeof(pool), a harmless slip since both are 2 MiB (§3.1). */
	eternalEndFromPoolSize: boolean;
};

type Switches = Omit<Revision, 'id' | 'commit' | 'date' | 'summary' | 'changes'>;

const baseline: Switches = {
	poolSize: 3 * MiB,
	expandable: false,
	expansionAttemptLimit: null,
	expansionGuard: false,
	removedMemoryBecomesBackup: false,
	extraRegionSizing: 'max-calc-1mib',
	addingGuard: false,
	deferredContraction: false,
	unlinkBeforeRemove: false,
	subHeapHeaderSize: 28,
	deferredBackupReplacement: false,
	oomMessage: 'klog',
	assertionMacro: 'ASSERT',
	allocationStrategyApi: false,
	kmallocFunctionName: 'kmalloc_impl',
	klogCpuPrefix: false,
	dmesgln: false,
	memstatCommitted: false,
	eternalRounding: false,
	eternalEndFromPoolSize: false,
};

const r20200829: Switches = {...baseline, poolSize: 2 * MiB, expandable: true};
const r20200902: Switches = {...r20200829, expansionGuard: true, removedMemoryBecomesBackup: true};
const r20200909: Switches = {
	...r20200902,
	expansionAttemptLimit: 3,
	extraRegionSizing: 'page-round-up-plus-1mib',
	addingGuard: true,
};
const r20201104: Switches = {...r20200909, deferredContraction: true, eternalRounding: true};
const r20201226: Switches = {...r20201104, unlinkBeforeRemove: true, subHeapHeaderSize: 32};
const r20201231: Switches = {...r20201226, deferredBackupReplacement: true};
const r20210223: Switches = {
	...r20201231,
	oomMessage: 'panic',
	assertionMacro: 'VERIFY',
	allocationStrategyApi: true,
	klogCpuPrefix: true,
	dmesgln: true,
	memstatCommitted: true,
	eternalEndFromPoolSize: true,
};

export const revisions: readonly Revision[] = [
	{
		id: '2020-08-28',
		commit: 'before 4b66692a553',
		date: '2020-08-28',
		summary: 'one fixed 3 MiB pool, no expansion: a full pool is an OOM panic',
		changes: ['baseline: one fixed 3 MiB kmalloc pool, the same chunk allocator, no expansion at all'],
		...baseline,
	},
	{
		id: '2020-08-29',
		commit: '4b66692a553',
		date: '2020-08-29',
		summary: 'ExpandableHeap + 1 MiB backup; unbounded expansion loop, no guard, unrounded extra region',
		changes: [
			'ExpandableHeap with a 1 MiB backup region; the pool shrinks to 2 MiB',
			'the expansion loop is unbounded and unguarded',
			'extra region max(calc, 1 MiB), not page rounded: MM ASSERT above ~1 MiB',
			'backup replaced synchronously inside add_memory',
			'a removed subheap is freed at once and unlinked only after remove_memory',
		],
		...r20200829,
	},
	{
		id: '2020-09-02',
		commit: 'ee51b28edd8, 1ece93c8055',
		date: '2020-09-02',
		summary: 'expansion guard (m_expanding); removed memory becomes the backup when there is none',
		changes: [
			'm_expanding: no recursive expansion, no removal while expanding',
			'a removed region becomes the backup when there is none',
		],
		...r20200902,
	},
	{
		id: '2020-09-09',
		commit: '678bbd29cac',
		date: '2020-09-09',
		summary: 'at most 2 expansions / 3 passes; extra region page_round_up(calc) + 1 MiB; m_adding',
		changes: [
			'at most 2 expansions and 3 search passes per allocate',
			'extra region page_round_up(calc) + 1 MiB',
			'ASSERT(!m_adding) in add_memory',
		],
		...r20200909,
	},
	{
		id: '2020-11-04',
		commit: '28b109688bf',
		date: '2020-11-04',
		summary: 'deferred contraction: a removed region is queued to a deferred call (which allocates)',
		changes: [
			'a removed region is queued to a deferred call (allocating its closure) when a backup exists',
			'kmalloc_eternal rounds sizes up to 4 bytes (656ffe36f20)',
		],
		...r20201104,
	},
	{
		id: '2020-12-26',
		commit: '74fa8949943',
		date: '2020-12-26',
		summary: 'the emptied subheap is unlinked before remove_memory; re-added if rejected',
		changes: [
			'unlink the emptied subheap before remove_memory; re-add it if removal is rejected',
			'SubHeap grows to 32 bytes (memory_size)',
		],
		...r20201226,
	},
	{
		id: '2020-12-31',
		commit: '22250780ffa',
		date: '2020-12-31',
		summary: 'the backup is replaced by a deferred call, no longer inside add_memory',
		changes: ['the backup is replaced by a deferred call (fixes the #4675 deadlock)'],
		...r20201231,
	},
	{
		id: '2021-02-23',
		commit: '5d180d1f996',
		date: '2021-02-23',
		summary: 'ASSERT renamed VERIFY (always on); OOM reads KERNEL PANIC! :^( (default)',
		changes: [
			'ASSERT renamed VERIFY: a rename, both always on',
			'OOM panics with KERNEL PANIC! :^( (531d72fdfda)',
			'klog prefix shows the CPU (#0); memstat gains committed/uncommitted',
			'(860a3bbce34, 2021-02-28: `= default`, a smaller kernel image, no behaviour change)',
		],
		...r20210223,
	},
];

export const defaultRevisionId: RevisionId = '2021-02-23';

export const revisionIds = (): string[] => revisions.map((revision) => revision.id);

export const findRevision = (id: string): Revision | undefined =>
	revisions.find((revision) => revision.id === id);

export const getRevision = (id: string): Revision => {
	const revision = findRevision(id);
	if (!revision) {
		throw new Error(`unknown revision "${id}"`);
	}

	return revision;
};
