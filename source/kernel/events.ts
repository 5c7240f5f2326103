// The kernel's lifecycle events (reference §3.7–§3.9, §10.1): what happened to the heap, with
// the kernel's own log text where there is one. The engine adds its own kinds (workload switches,
// reboots) to the same stream.

export type KernelEventKind =
	| 'subheap-added'
	| 'subheap-removed'
	| 'backup-consumed'
	| 'backup-replaced'
	| 'backup-recycled'
	| 'backup-replacement-failed'
	| 'expansion-failed'
	| 'region-allocated'
	| 'region-freed'
	| 'deferred-call'
	| 'panic';

export type KernelEvent<Kind extends string = KernelEventKind> = {
	tick: number;
	kind: Kind;
	message: string;
};

/**
 * verify: a failed VERIFY / VERIFY_NOT_REACHED (§9.2); oom: kmalloc found no memory (§9.3);
 * hang: the watchdog stopped a loop the real kernel would never leave (§5.3a);
 * fault: the kernel touched memory it had already unmapped (§5.5, pre-74fa8949943 revisions).
 */
export type PanicKind = 'verify' | 'oom' | 'hang' | 'fault';

export type PanicRecord = {tick: number; kind: PanicKind; lines: string[]};
