// What the live view holds of its engine: the latest view, a way to be told of the next one, and
// commands. Two kinds: the engine's own thread (kmtop; live-engine-thread.ts) and the engine in
// this thread (tests, where the test drives the clock).

import type {EngineCommand, PublishedView, ShownSections, SubheapOutcome} from './engine-protocol.js';
import type {LiveEngine} from './live-engine.js';
import type {SnapshotDocument} from './snapshot-types.js';

/** How the engine is doing, besides what it publishes. */
export type EngineState =
	| {kind: 'running'}
	/** A workload hung; a new engine is re-running the session to where it was. */
	| {kind: 'recovering'; message: string; tick: number; reached: number}
	/** The engine itself failed (kmtop's error, not the workload's): the view stays as it was. */
	| {kind: 'failed'; message: string};

export type LinkedView = PublishedView & {
	state: EngineState;
	/** One line for the status bar, new when its id changes (a workload that hung and was stopped). */
	notice?: {id: number; text: string};
};

export type EngineLink = {
	current: () => LinkedView;
	subscribe: (listener: () => void) => () => void;
	send: (command: EngineCommand) => void;
	/** What the screen shows of the sections the engine may leave out; the next view follows at once. */
	show: (sections: ShownSections) => void;
	/**
	The live document even while the display is frozen (what `s` saves). Rejected, saying why, when
	the engine failed and the screen's copy of it lacks a section (take-shown-document.ts).
	*/
	liveDocument: () => Promise<SnapshotDocument>;
	/** Subheap #`id`'s document, built by the engine from its kernel as it is now. */
	subheapDocument: (id: number) => Promise<SubheapOutcome>;
	close: () => Promise<void>;
};

export type ViewStoreOptions = {
	/**
	Tell listeners on the event loop's next turn, once for all the views set before it, instead of
	at once. The engine's thread posts views whatever the UI is doing: when a frame takes longer
	than the refresh (a big terminal on a busy machine), views queue up, and drawing each as it is
	read kept the UI thread inside Node's message loop, where keys, resizes and timers never got
	their turn (the screen went on changing, the keys did nothing). Deferred, a backlog is one frame
	of the newest view, and input is read between frames.
	*/
	coalesce?: boolean;
};

/** Listeners and the current view: the part both kinds of link share. */
export const createViewStore = (initial: LinkedView, options: ViewStoreOptions = {}) => {
	let view = initial;
	let pending = false;
	const listeners = new Set<() => void>();
	const notify = () => {
		pending = false;
		for (const listener of listeners) {
			listener();
		}
	};

	return {
		current: () => view,
		set(next: LinkedView) {
			view = next;
			if (!options.coalesce) {
				notify();
			} else if (!pending) {
				pending = true;
				setImmediate(notify);
			}
		},
		subscribe: (listener: () => void) => {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
	};
};

export type LocalLinkOptions = {
	/** How often the engine advances; 0 leaves the clock to the test (it steps the simulation itself). */
	advanceEveryMs?: number;
	refreshMs?: number;
};

/** The engine in this thread, for tests: commands act at once and publish. */
export const createLocalEngineLink = (engine: LiveEngine, options: LocalLinkOptions = {}): EngineLink & {publish(): void} => {
	const store = createViewStore({...engine.view(), state: {kind: 'running'}});
	const publish = () => {
		store.set({...engine.view(), state: {kind: 'running'}});
	};

	engine.onChange = publish;
	const timers = [setInterval(publish, Math.max(16, options.refreshMs ?? 250))];
	if ((options.advanceEveryMs ?? 0) > 0) {
		timers.push(
			setInterval(() => {
				engine.advance();
			}, options.advanceEveryMs),
		);
	}

	return {
		current: store.current,
		subscribe: store.subscribe,
		publish,
		send(command) {
			engine.apply(command);
			publish();
		},
		show(sections) {
			engine.shown = sections;
			publish();
		},
		liveDocument() {
			return Promise.resolve(engine.session.liveSnapshot());
		},
		subheapDocument(id) {
			return Promise.resolve(engine.subheap(id));
		},
		close() {
			for (const timer of timers) {
				clearInterval(timer);
			}

			return Promise.resolve();
		},
	};
};
