// A headless run (`kmtop snapshot`) on the engine's thread, watched from this one: Ctrl+C and
// signals are heard at once whatever the workload does, and a hook that runs past the watchdog
// is a recorded hang. The engine's thread is gone by then, so the run is made again, stopping the
// hung hook where it hung (the simulation is deterministic): the document is the run's, up to
// the hang, and the kernel's idle ticks after it, as when a workload throws.

import type {ComparedResult, RunOptions, SubheapOutcome, WorkloadSource} from './engine-protocol.js';

export type {SubheapOutcome} from './engine-protocol.js';
import {knownHangAt, startEngineThread, type EngineThread} from './engine-thread.js';
import type {JournalEntry, KnownHang} from './session-journal.js';
import type {SnapshotDocument} from './snapshot-types.js';
import type {TraceProgress} from './trace/trace-workload.js';

export type SnapshotThreadRun = {
	run: RunOptions;
	workload: WorkloadSource;
	/** Null: the workload's own length (a trace to its end), else 1,000. */
	ticks: number | null;
	/** Also this subheap's document (--panel map). */
	subheap?: number;
	/** A replay: the recording's journal, applied on the way to `ticks` of `boot`. */
	journal?: JournalEntry[];
	boot?: number;
	/** `kmtop compare`: these two revisions side by side, to `ticks`, instead of one document. */
	compare?: [string, string];
	tickTimeoutMs: number;
	/** Where the workload's console output goes (stderr: stdout is the document's). */
	output?: NodeJS.WritableStream;
	/** Told when a run starts (again, after a hang) with the ticks it will run (null: a trace, to its end). */
	onStarted?(ticks: number | null): void;
	/** With `trace` for a trace replay (also while it loads, at tick 0). */
	onProgress?(tick: number, trace?: TraceProgress): void;
	/** Aborting stops the run at once (Ctrl+C): the outcome is `interrupted`. */
	signal?: AbortSignal;
};

export type SnapshotOutcome =
	| {kind: 'document'; document: SnapshotDocument; subheap?: SubheapOutcome}
	| {kind: 'compared'; result: ComparedResult}
	| {kind: 'interrupted'}
	| {kind: 'bad-input'; message: string}
	| {kind: 'failed'; message: string; stack?: string};

/** A module that never finishes importing is bad input, like one that throws. */
export const describeLoadHang = (source: WorkloadSource, timeoutMs: number): string =>
	`${source.kind === 'builtin' ? source.name : source.path}: the workload did not finish loading within ${timeoutMs / 1000} s (--tick-timeout); does it loop at import?`;

/** A module that never finished loading, the thread out of work: its top-level await never settled. */
export const describeLoadEnd = (source: WorkloadSource): string =>
	`${source.kind === 'builtin' ? source.name : source.path}: the workload module never finished loading (a top-level await that never settles?)`;

export const runSnapshotThread = async (request: SnapshotThreadRun): Promise<SnapshotOutcome> =>
	new Promise((resolve) => {
		// A compare's hangs are kept per side (the watchdog's workload index says which side hung).
		const knownHangs: [KnownHang[], KnownHang[]] = [[], []];
		let thread: EngineThread | undefined;
		let workloads: string[] = [];
		let done = false;
		const finish = (outcome: SnapshotOutcome) => {
			if (!done) {
				done = true;
				request.signal?.removeEventListener('abort', onAbort);
				void thread?.stop();
				resolve(outcome);
			}
		};

		const onAbort = () => {
			finish({kind: 'interrupted'});
		};

		const attempt = () => {
			thread = startEngineThread(
				{
					run: request.run,
					workload: request.workload,
					mode: request.compare
						? {kind: 'compare', ticks: request.ticks ?? 1000, revisions: request.compare, knownHangs: [[...knownHangs[0]], [...knownHangs[1]]]}
						: {
								kind: 'snapshot',
								ticks: request.ticks,
								knownHangs: [...knownHangs[0]],
								...(request.subheap === undefined ? {} : {subheap: request.subheap}),
								...(request.journal ? {journal: request.journal, boot: request.boot ?? 1} : {}),
							},
				},
				{tickTimeoutMs: request.tickTimeoutMs, output: request.output},
				{
					message(message) {
						switch (message.type) {
							case 'started': {
								workloads = message.workloads;
								request.onStarted?.(message.ticks);
								break;
							}

							case 'progress': {
								request.onProgress?.(message.tick, message.trace);
								break;
							}

							case 'compared': {
								finish({kind: 'compared', result: message.result});
								break;
							}

							case 'document': {
								finish({kind: 'document', document: message.document, ...(message.subheap ? {subheap: message.subheap} : {})});
								break;
							}

							case 'load-error': {
								finish(message.badInput ? {kind: 'bad-input', message: message.message} : {kind: 'failed', message: message.message});
								break;
							}

							case 'internal-error': {
								finish({kind: 'failed', message: message.message, stack: message.stack});
								break;
							}

							default: {
								break;
							}
						}
					},
					hang(site, message) {
						const known = knownHangAt(site, workloads[site.workloadIndex] ?? workloads[0] ?? '', message);
						if (!known) {
							finish({kind: 'bad-input', message: describeLoadHang(request.workload, request.tickTimeoutMs)});
							return;
						}

						// A replay that hangs where it was told not to run is not the workload's doing.
						const side = request.compare ? knownHangs[site.workloadIndex === 1 ? 1 : 0] : knownHangs[0];
						if (side.some(({site}) => JSON.stringify(site) === JSON.stringify(known.site))) {
							finish({kind: 'failed', message: `the replay after a hang hung again at tick ${site.tick}`});
							return;
						}

						side.push(known);
						attempt();
					},
					failure(message, duringLoad) {
						finish(duringLoad ? {kind: 'bad-input', message: describeLoadEnd(request.workload)} : {kind: 'failed', message});
					},
				},
			);
		};

		if (request.signal?.aborted) {
			resolve({kind: 'interrupted'});
			return;
		}

		request.signal?.addEventListener('abort', onAbort);
		attempt();
	});
