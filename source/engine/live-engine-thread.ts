// The live view's engine on its own thread. Views arrive a few times a second; commands go the
// other way. When the watchdog stops a hung workload the thread is gone with the kernel in it,
// so a new thread replays the session (its journal: every switch and reboot, with its tick) to
// the tick of the hang, records the hang there instead of running the hook, and the session
// goes on as after a workload that threw: the kernel runs on, the workload is stopped.

import type {EngineCommand, EngineToUi, EngineWorkerData, LiveFacts, RunOptions, ShownSections, SubheapOutcome, WorkloadSource} from './engine-protocol.js';
import {applyDelta, readFacts} from './document-delta.js';
import {createViewStore, type EngineLink, type EngineState} from './engine-link.js';
import {knownHangAt, startEngineThread, type EngineThread} from './engine-thread.js';
import type {HookSite} from './hook-watchdog.js';
import {describeLoadEnd, describeLoadHang} from './run-snapshot-thread.js';
import type {JournalEntry, KnownHang} from './session-journal.js';
import type {SnapshotDocument} from './snapshot-types.js';
import {takeShownDocument} from './take-shown-document.js';

export type LiveThreadOptions = {
	run: RunOptions;
	workload: WorkloadSource;
	rate: number;
	refreshMs: number;
	advanceEveryMs: number;
	tickTimeoutMs: number;
	/** What a saved document says about how it was made (by default: live, from `run` and `workload`). */
	made?: Extract<EngineWorkerData['mode'], {kind: 'live'}>['made'];
	/** `kmtop replay`: the recording's entries. */
	schedule?: JournalEntry[];
	/** Told of each journal entry as the engine applies it (the recorder of `--record`). */
	onJournal?(entry: JournalEntry): void;
	/** Starts the engine's thread (a test gives a fake one). */
	startThread?: typeof startEngineThread;
};

/** The engine could not start: a bad module or trace (exit 2), or kmtop's own failure. */
export class EngineStartError extends Error {
	readonly badInput: boolean;

	constructor(message: string, badInput: boolean) {
		super(message);
		this.badInput = badInput;
	}
}

export const startLiveEngineThread = async (options: LiveThreadOptions): Promise<EngineLink> =>
	new Promise((resolve, reject) => {
		const journal: JournalEntry[] = [];
		const knownHangs: KnownHang[] = [];
		const requests = new Map<number, {resolve: (document: SnapshotDocument) => void; reject: (error: Error) => void}>();
		const subheapRequests = new Map<number, {resolve: (outcome: SubheapOutcome) => void; reject: (error: Error) => void}>();
		let nextRequest = 0;
		let notices = 0;
		let store: ReturnType<typeof createViewStore> | undefined;
		let thread: EngineThread;
		let closed = false;
		let firstView = true;
		/** What the UI last said it shows, told again to a thread started after a hang. */
		let shown: ShownSections | undefined;

		const setState = (state: EngineState, notice?: string) => {
			if (store) {
				const view = store.current();
				store.set({...view, state, ...(notice === undefined ? {} : {notice: {id: ++notices, text: notice}})});
			}
		};

		const onMessage = (message: EngineToUi) => {
			switch (message.type) {
				case 'view': {
					// A new thread's first view is a whole document: nothing of the old one stays.
					const document = applyDelta(firstView ? undefined : store?.current().document, message.delta, message.keys);
					const facts = readFacts(message.facts);
					firstView = false;
					if (!store) {
						store = createViewStore({document, facts, state: {kind: 'running'}}, {coalesce: true});
						resolve(link);
						break;
					}

					// The first view after a recovery brings its notice: the hang, where, and what now.
					const previous = store.current();
					const notice = previous.state.kind === 'recovering' ? {id: ++notices, text: previous.state.message} : previous.notice;
					store.set({document, facts, state: {kind: 'running'}, ...(notice ? {notice} : {})});
					break;
				}

				case 'journal': {
					journal.push(message.entry);
					options.onJournal?.(message.entry);
					break;
				}

				case 'progress': {
					const state = store?.current().state;
					if (state?.kind === 'recovering') {
						setState({...state, reached: message.tick});
					}

					break;
				}

				case 'response': {
					requests.get(message.id)?.resolve(message.document);
					requests.delete(message.id);
					break;
				}

				case 'subheap-response': {
					subheapRequests.get(message.id)?.resolve(message.outcome);
					subheapRequests.delete(message.id);
					break;
				}

				case 'load-error': {
					fail(message.message, message.badInput);
					break;
				}

				case 'internal-error': {
					fail(`internal error: ${message.message}`, false);
					break;
				}

				default: {
					break;
				}
			}
		};

		// A subheap's document the stopped thread never answered cannot be made up: that request
		// fails (the view keeps the one it has).
		const refuseSubheapRequests = () => {
			for (const {reject} of subheapRequests.values()) {
				reject(new Error('the engine stopped before it answered'));
			}

			subheapRequests.clear();
		};

		// A save the failed thread never answered gets the last document shown, if it is whole
		// (take-shown-document.ts); a new thread after a hang is asked again instead (spawn).
		const settleDocumentRequests = () => {
			for (const {resolve, reject} of requests.values()) {
				try {
					resolve(takeShownDocument(store!.current()));
				} catch (error: unknown) {
					reject(error as Error);
				}
			}

			requests.clear();
		};

		const fail = (message: string, badInput: boolean) => {
			if (store) {
				refuseSubheapRequests();
				settleDocumentRequests();
				setState({kind: 'failed', message}, message);
			} else {
				reject(new EngineStartError(message, badInput));
			}
		};

		const onHang = (site: HookSite, message: string) => {
			const facts = store?.current().facts;
			if (!store || !facts) {
				fail(describeLoadHang(options.workload, options.tickTimeoutMs), true);
				return;
			}

			const workload = facts.workloads[site.workloadIndex] ?? facts.workloads[facts.workloadIndex] ?? '';
			const known = knownHangAt(site, workload, message);
			if (!known) {
				refuseSubheapRequests();
				settleDocumentRequests();
				setState({kind: 'failed', message: describeLoadHang(options.workload, options.tickTimeoutMs)});
				return;
			}

			knownHangs.push(known);
			refuseSubheapRequests();
			const text = `workload ${workload} hung at tick ${site.tick.toLocaleString('en-US')}: its ${site.hook} ran past the ${options.tickTimeoutMs / 1000} s watchdog (--tick-timeout); stopped, the kernel goes on`;
			setState({kind: 'recovering', message: text, tick: site.tick, reached: 0});
			spawn(facts, site.tick);
		};

		const spawn = (facts: LiveFacts | undefined, resumeAt?: number) => {
			if (closed) {
				return;
			}

			firstView = true;
			thread = (options.startThread ?? startEngineThread)(
				{
					run: options.run,
					workload: options.workload,
					mode: {
						kind: 'live',
						rate: facts?.rate ?? options.rate,
						// The user's pause holds; travel's ends with the past it was for (the new thread starts at the present).
						paused: (facts?.paused ?? false) && !facts?.pausedByTravel,
						refreshMs: options.refreshMs,
						advanceEveryMs: options.advanceEveryMs,
						...(resumeAt === undefined ? {} : {resume: {journal: [...journal], tick: resumeAt, knownHangs: [...knownHangs]}}),
						...(options.schedule ? {schedule: remainingSchedule(options.schedule, journal)} : {}),
						made: options.made ?? {by: 'live', start: {revision: options.run.revision, workload: options.workload, debugAsserts: options.run.debugAsserts}},
					},
				},
				{tickTimeoutMs: options.tickTimeoutMs},
				{
					message: onMessage,
					hang: onHang,
					failure(message, duringLoad) {
						if (duringLoad) {
							fail(describeLoadEnd(options.workload), true);
						} else {
							fail(`internal error: ${message}`, false);
						}
					},
				},
			);
			if (shown) {
				thread.post({type: 'shown', sections: shown});
			}

			// A save under way is the new thread's to answer, once it has re-run to the hang: the
			// whole document, which the screen's copy is not (take-shown-document.ts).
			for (const id of requests.keys()) {
				thread.post({type: 'request-document', id});
			}
		};

		const link: EngineLink = {
			current: () => store!.current(),
			subscribe: (listener) => store!.subscribe(listener),
			send(command: EngineCommand) {
				thread.post({type: 'command', command});
			},
			show(sections: ShownSections) {
				shown = sections;
				thread.post({type: 'shown', sections});
			},
			// Recovering, the new thread answers once it has re-run to the hang; failed, there is
			// no thread to ask, and only a whole copy of the last view is saved.
			async liveDocument() {
				if (store!.current().state.kind === 'failed') {
					return takeShownDocument(store!.current());
				}

				const id = nextRequest++;
				return new Promise((resolve, reject) => {
					requests.set(id, {resolve, reject});
					thread.post({type: 'request-document', id});
				});
			},
			async subheapDocument(subheap: number) {
				if (store!.current().state.kind !== 'running') {
					throw new Error(store!.current().state.kind === 'failed' ? 'the engine failed' : 'the engine is recovering');
				}

				const id = nextRequest++;
				return new Promise((resolve, reject) => {
					subheapRequests.set(id, {resolve, reject});
					thread.post({type: 'request-subheap', id, subheap});
				});
			},
			async close() {
				closed = true;
				await thread.stop();
			},
		};

		spawn(undefined);
	});

/**
A replay's entries not yet applied: the journal starts with the recording's own entries until a
key leaves the recording (then nothing of it remains).
*/
const remainingSchedule = (schedule: JournalEntry[], journal: JournalEntry[]): JournalEntry[] => {
	const same = (a: JournalEntry, b: JournalEntry | undefined) => b !== undefined && a.boot === b.boot && a.tick === b.tick && JSON.stringify(a.action) === JSON.stringify(b.action);
	return journal.every((entry, index) => same(entry, schedule[index])) ? schedule.slice(journal.length) : [];
};
