// What the live view and its engine say to each other. The engine (a worker thread: workloads
// are user code that can hang) owns the simulation; the UI sends it commands and receives views,
// a few times a second and right after each command. Everything here crosses a thread by
// structured clone: plain data only.

import type {JournalEntry, KnownHang} from './session-journal.js';
import type {SubheapOutcome} from './build-subheap-document.js';
import type {DocumentDelta, SectionKeys} from './document-delta.js';
import type {DocumentMade, SnapshotDocument} from './snapshot-types.js';
import type {CompareSideSummary, FirstDifference, PanicComparison} from './compare-runs.js';
import type {ComparisonFacts} from './live-comparison.js';
import type {TraceProgress} from './trace/trace-workload.js';

export type {SubheapOutcome} from './build-subheap-document.js';

/** How often the live engine advances the simulation (its own timer, not React's). */
export const ADVANCE_EVERY_MS = 33;

/** What a key asks of the engine (the key bindings themselves are the UI's). */
export type EngineCommand =
	| {type: 'toggle-pause'}
	| {type: 'step'}
	| {type: 'faster'}
	| {type: 'slower'}
	| {type: 'toggle-freeze'}
	| {type: 'reboot'}
	| {type: 'cycle-revision'; direction: 1 | -1}
	| {type: 'switch-workload'; index: number}
	| {type: 'cycle-workload'; direction: 1 | -1}
	/** Time travel: `ticks` back (negative) or on from what is shown; pauses. */
	| {type: 'travel-by'; ticks: number}
	/** Time travel to a tick of a boot (the boot shown when left out); past the present, the present runs on to it. */
	| {type: 'travel-to'; tick: number; boot?: number}
	/** `c`: this boot's revision beside the next one, or back to the dashboard. */
	| {type: 'toggle-comparison'}
	/** Esc: stops the present's run towards a `g` tick ahead where it has got to (paused there). */
	| {type: 'stop-run'};

export type TimePoint = {boot: number; tick: number};

/** Where the view is on the session's timeline. */
export type TimeFacts = {
	shown: TimePoint;
	present: TimePoint;
	/** A travel under way (a long one runs in slices). */
	travelling?: {target: TimePoint; reached: TimePoint};
	/** The present running on (paused) to a tick ahead, `g` past the present: Esc stops it. */
	runningTo?: TimePoint;
	/** Why time travel does not work in this session (a trace replay, a workload state with functions). */
	unavailable?: string;
};

/**
A line for the status bar. `whilePast`: it answers a key pressed in the past ("space returns to the
present first"), so it is moot, and goes, once the view is back at the present.
*/
export type LiveNotice = {id: number; text: string; whilePast?: boolean};

/** The live session's facts beside the document, measured by the engine against the wall clock. */
export type LiveFacts = {
	live: true;
	/** Ticks per second asked for. */
	rate: number;
	/** Ticks per second that really ran over the last second (0 while paused or halted). */
	achievedRate: number;
	/** Kernel calls per second that really ran over the last second (0 while paused or halted). */
	kmallocPerSecond: number;
	kfreePerSecond: number;
	/** The tick that was current 3 s of wall time ago: anything later is "new". */
	recentSinceTick: number;
	paused: boolean;
	/** The pause is travel's, not the user's (LiveSession.pausedByTravel): a thread started after a hang runs. */
	pausedByTravel?: true;
	frozen: boolean;
	/** The simulation's tick (the document's may be older while the display is frozen). */
	liveTick: number;
	/** 1 for the first kernel, one more for each reboot. */
	boot: number;
	/** Workload names in key order (1…9, then 0), and which one runs. */
	workloads: string[];
	workloadIndex: number;
	/** The session has a trace replay among its workloads (fixed for the run). */
	traceReplay: boolean;
	/** A trace that failed to read part way (a strict-mode error, a truncated gzip). */
	readError?: string;
	/** kmalloc and kfree calls per second of wall time by holder (the holders table's ids), for the holders that made any. */
	holderRates?: HolderRate[];
	/** Time travel: what is shown against the present. */
	time?: TimeFacts;
	/** `kmtop replay`: the recording's entries still to come. */
	replay?: {remaining: number};
	/** `c`: the two revisions side by side, while comparing. */
	comparison?: ComparisonFacts;
	/** One line from the engine for the status bar, new when its id changes (a key refused in the past). */
	notice?: LiveNotice;
	/**
	Sections the engine leaves out of the document (with their figures in these facts, the holders'
	rates) because the UI said no panel on screen shows them (ShownSections): the dashboard at 80×24,
	or at 120×40 once the Subheaps panel has grown, has no Holders panel, and the holders table was
	most of each view's bytes; no panel draws the region and deferred-call events, which changed the
	events section every view (vmobject-churn maps regions every tick). They come back in the view
	the engine publishes when told.
	*/
	withheld?: WithheldSection[];
};

/** The holders table; the region and deferred-call events of the events section (event-log.ts). */
export type WithheldSection = 'holders' | 'frequentEvents';

/** What the UI shows of the sections the engine may leave out (LiveFacts.withheld). */
export type ShownSections = Record<WithheldSection, boolean>;

export type HolderRate = {id: number; kmallocPerSecond: number; kfreePerSecond: number};

export type PublishedView = {document: SnapshotDocument; facts: LiveFacts};

/** Where the engine thread finds its workloads (it loads them itself: a module runs where it is imported). */
export type WorkloadSource =
	| {kind: 'builtin'; name: string}
	| {kind: 'file'; path: string}
	| {kind: 'trace'; path: string; size: 'req' | 'alloc'; msPerTick: number | null; strict: boolean};

export type RunOptions = {seed: number; revision: string; ramBytes: number; debugAsserts: boolean};

export type EngineWorkerData = {
	heartbeat: SharedArrayBuffer;
	run: RunOptions;
	/** The workload to start with; the live view also loads every built-in for its keys. */
	workload: WorkloadSource;
	mode:
		| {
				kind: 'snapshot';
				ticks: number | null;
				knownHangs: KnownHang[];
				/** Also that subheap's document (--panel map). */
				subheap?: number;
				/** A replay (`--replay`): the recording's journal, applied on the way to `ticks` of `boot`. */
				journal?: JournalEntry[];
				boot?: number;
		  }
		| {
				kind: 'live';
				rate: number;
				paused: boolean;
				refreshMs: number;
				advanceEveryMs: number;
				/** Back after a hang: replay the journal to `tick`, stopping the hung hook where it hung. */
				resume?: {journal: JournalEntry[]; tick: number; knownHangs: KnownHang[]};
				/** `kmtop replay`: the recording's entries, applied as the session reaches them. */
				schedule?: JournalEntry[];
				/** What a saved document says about how it was made (describe-made.ts). */
				made: {by: 'live' | 'replay'; start: DocumentMade['start']; recordingFile?: string};
		  }
		| {
				kind: 'compare';
				ticks: number;
				/** `run.revision` is ignored: these two run, side by side. */
				revisions: [string, string];
				/** Hangs found in earlier attempts, for each side. */
				knownHangs: [KnownHang[], KnownHang[]];
		  };
};

/** What `kmtop compare` learned: each side's summary and document, where they first parted. */
export type ComparedResult = {
	sides: [CompareSideSummary, CompareSideSummary];
	documents: [SnapshotDocument, SnapshotDocument];
	/** Memstat keys only one revision prints (a difference of format). */
	memstatKeys: [string[], string[]];
	firstDifference: FirstDifference | null;
	panics: PanicComparison | null;
};

export type UiToEngine =
	| {type: 'command'; command: EngineCommand}
	| {type: 'request-document'; id: number}
	/** The `Subheap #N` view: subheap `subheap`'s document as it is now (asked again while the view is open). */
	| {type: 'request-subheap'; id: number; subheap: number}
	/** What is on screen now: the engine publishes at once, with a section the screen now shows. */
	| {type: 'shown'; sections: ShownSections};

export type EngineToUi =
	| {type: 'load-error'; badInput: boolean; message: string}
	| {type: 'internal-error'; message: string; stack: string}
	/**
	A headless run starts: its length (null: a trace replay that runs until it is finished), its
	first workload, and the names a hang's workload index refers to.
	*/
	| {type: 'started'; ticks: number | null; workload: string; workloads: string[]}
	/** With `trace` for a trace replay: how far its reading and replay have got (tick 0 while it loads). */
	| {type: 'progress'; tick: number; trace?: TraceProgress}
	| {type: 'document'; document: SnapshotDocument; subheap?: SubheapOutcome}
	/** A view: the facts (as JSON text), and the document's sections that changed since the last view (document-delta.ts). */
	| {type: 'view'; delta: DocumentDelta; facts: string; keys?: SectionKeys}
	| {type: 'journal'; entry: JournalEntry}
	| {type: 'response'; id: number; document: SnapshotDocument}
	| {type: 'subheap-response'; id: number; outcome: SubheapOutcome}
	| {type: 'compared'; result: ComparedResult};
