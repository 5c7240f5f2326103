// The live view's data store (the `bottom` way: collection, store and drawing apart). It owns
// the simulation and the knobs a user turns (rate, pause, freeze, workload, revision) and hands
// out snapshot documents; it never draws. Freeze is one flag here: the simulation goes on, the
// document handed out stays the one taken when the flag went up.

import {revisions} from '../kernel/revisions.js';
import {advanceSession} from './advance-session.js';
import {buildSnapshot, leaveOutSections, type SnapshotOptions} from './build-snapshot.js';
import {applyJournalAction, type JournalAction, type JournalEntry, type KnownHang} from './session-journal.js';
import {Simulation, type HookWatch} from './simulation.js';
import {TickPacer} from './pace-ticks.js';
import {TimeMachine} from './time-machine.js';
import {RecordingSchedule} from './recording-schedule.js';
import {travelBy, travelTo} from './travel-session.js';
import {SessionComparison} from './session-comparison.js';
import {isTraceWorkload} from './trace/is-trace-workload.js';
import {TraceReadAhead} from './read-trace-ahead.js';
import type {SnapshotDocument} from './snapshot-types.js';
import type {Workload} from './workload-api.js';

export type LiveSessionOptions = {
	seed: number;
	revision: string;
	ramBytes: number;
	rate: number;
	debugAsserts?: boolean;
	/** The workloads the keys 1…9 and w/W cycle through, in order. */
	workloads: Workload[];
	initialWorkload: Workload;
	/** How long one `advance` may compute, so a rate beyond the machine does not freeze the screen. */
	budgetMs?: number;
	now?: () => number;
	/** The engine thread's watchdog hooks, and hangs to stop where they happened (a replay). */
	watch?: HookWatch;
	knownHangs?: KnownHang[];
	/** `kmtop replay`: a recording's entries, applied when the simulation reaches them. */
	schedule?: JournalEntry[];
	/** Memory the time machine's copies may hold (time-machine.ts). */
	checkpointBudgetBytes?: number;
};

export class LiveSession {
	readonly simulation: Simulation;
	readonly workloads: Workload[];
	paused = false;
	/**
	The pause is travel's (`←`, `→`, `g` pause a running present), not the user's space. It lasts
	while the view looks around this kernel's past; a reboot starts a kernel with no past to look
	at, which runs at the rate as it would had the user never travelled (travel-session.ts).
	*/
	pausedByTravel = false;
	/**
	Runs of the present towards a travel's target under way (`g` ahead, `→` at the present): the
	present is paused but not waiting, so no step back is prepared meanwhile (it would chase a
	target that moves, taking the engine's time from the run the user asked for).
	*/
	presentRuns = 0;
	presentTarget: {boot: number; tick: number} | undefined;
	presentRunStops = 0;

	/** The target of a run of the present to a tick ahead (`g`) still on its way there; undefined once it has arrived. */
	get runningTo(): {boot: number; tick: number} | undefined {
		const target = this.presentTarget;
		return target && this.presentRuns > 0 && target.boot === this.simulation.bootNumber && this.simulation.tick < target.tick && !this.simulation.halted ? target : undefined;
	}
	frozen = false;
	/** Counts the frozen documents taken (f, and a switch or reboot while frozen): what was measured with one goes with it. */
	freezes = 0;
	/** Every key that changed the simulation, with its tick (session-journal.ts). */
	readonly journal: JournalEntry[] = [];
	/** Told of each journal entry before it takes effect (the entry survives a hook that then hangs). */
	onJournal: ((entry: JournalEntry) => void) | undefined;
	/** Copies of the past, to travel back to (undefined for a trace replay, which streams its file). */
	readonly timeMachine: TimeMachine | undefined;
	/** Why time travel is not available, when it is not. */
	readonly travelRefusal: string | undefined;
	/** A recording's entries still to come (`kmtop replay`), oldest first. */
	readonly schedule: JournalEntry[];
	private readonly recording: RecordingSchedule;
	/** `c`: this boot's revision beside the next one, run alongside the present (session-comparison.ts). */
	readonly comparing: SessionComparison;
	private frozenSnapshot: SnapshotDocument | undefined;
	/** The rate, and the fraction of a tick owed from one advance to the next (pace-ticks.ts). */
	readonly pacer: TickPacer;
	/** How long one `advance` may compute. */
	readonly budgetMs: number;
	readonly now: () => number;

	constructor(options: LiveSessionOptions) {
		this.workloads = options.workloads.includes(options.initialWorkload)
			? options.workloads
			: [...options.workloads, options.initialWorkload];
		this.pacer = new TickPacer(options.rate);
		this.budgetMs = options.budgetMs ?? 40;
		this.now = options.now ?? (() => performance.now());
		this.simulation = new Simulation({
			seed: options.seed,
			revision: options.revision,
			ramBytes: options.ramBytes,
			debugAsserts: options.debugAsserts,
			workload: options.initialWorkload,
			watch: options.watch,
			knownHangs: options.knownHangs,
		});
		this.recording = new RecordingSchedule(this, options.schedule ?? []);
		this.schedule = this.recording.schedule;
		this.comparing = new SessionComparison(this, options, this.budgetMs);
		if (this.workloads.some((workload) => isTraceWorkload(workload))) {
			this.travelRefusal = 'a trace replay cannot travel in time: it reads its file as it plays';
		} else {
			this.timeMachine = new TimeMachine(this, {budgetBytes: options.checkpointBudgetBytes, now: this.now});
		}
	}

	/** Ticks per second while running. */
	get rate(): number {
		return this.pacer.rate;
	}

	set rate(rate: number) {
		this.pacer.rate = rate;
	}

	/** In the past: time travel shows an earlier tick; the present waits, paused. */
	get inPast(): boolean {
		return this.timeMachine?.past !== undefined;
	}

	/** The simulation the view shows: the past's copy while travelling, else the present. */
	get shownSimulation(): Simulation {
		return this.timeMachine?.past ?? this.simulation;
	}

	/** Why time travel does not work now, or undefined when it does. */
	get travelUnavailable(): string | undefined {
		return this.travelRefusal ?? this.timeMachine?.unavailable;
	}

	/** Applies the recording's entries due at the present's boot and tick (recording-schedule.ts). */
	applyDueEntries(): void {
		this.recording.applyDueEntries();
	}

	/** Ticks until the next recorded entry in this boot (Infinity when there is none). */
	ticksToNextEntry(): number {
		return this.recording.ticksToNextEntry();
	}

	/** A key changed the simulation during a replay: the recording's remaining entries are dropped. */
	leaveRecording(): number {
		return this.recording.leaveRecording();
	}

	/** Runs the ticks `elapsedMs` of wall time owes at the current rate; returns how many ran (advance-session.ts). */
	advance(elapsedMs: number): number {
		return advanceSession(this, elapsedMs);
	}

	/** A trace replay streams its file: the ticks wait until their records are read; its readError, a trace that failed to read part way. */
	readonly traceReading = new TraceReadAhead();

	/** What the view shows: the past's document, the frozen one, or the present's (without what `options` leaves out). */
	snapshot(options: Pick<SnapshotOptions, 'holders' | 'frequentEvents'> = {}): SnapshotDocument {
		const past = this.timeMachine?.past;
		if (past) {
			return buildSnapshot(past, options);
		}

		if (this.frozen && this.frozenSnapshot) {
			return leaveOutSections(this.frozenSnapshot, options);
		}

		return buildSnapshot(this.simulation, options);
	}

	/** The live document even while the display is frozen, the past one while travelling (what `s` saves). */
	liveSnapshot(): SnapshotDocument {
		return buildSnapshot(this.shownSimulation);
	}

	togglePause(): void {
		// Whatever space does, the pause (or its end) is the user's now.
		this.pausedByTravel = false;
		if (this.inPast) {
			// Space in the past resumes from the present.
			this.timeMachine!.leave();
			this.paused = false;
			return;
		}

		this.paused = !this.paused;
	}

	/** `.`: one tick, while paused (in the past, one tick towards the present). */
	stepOnce(): void {
		if (this.paused && !this.inPast) {
			this.simulation.step(1);
			this.applyDueEntries();
		}
	}

	/**
	Shows the state `delta` ticks from what is shown (pausing first): back into the past, or on
	towards the present and, past it, the present runs on (paused) the rest of the way.
	*/
	async travelBy(delta: number): Promise<void> {
		return travelBy(this, delta);
	}

	/** `g`: shows a tick of a boot, the past re-run from the nearest copy or the present run on to it. */
	async travelTo(target: {boot: number; tick: number}): Promise<void> {
		return travelTo(this, target);
	}

	/** `+`: twice as fast, up to the most --rate takes (so `++` is four times). */
	faster(): void {
		this.pacer.faster();
	}

	/** `-`: half as fast, down to one tick a second. */
	slower(): void {
		this.pacer.slower();
	}

	toggleFreeze(): void {
		this.frozen = !this.frozen;
		this.takeFrozenSnapshot();
	}

	get workloadIndex(): number {
		return this.workloads.indexOf(this.simulation.workload);
	}

	/**
	0-based index into the list; out of range does nothing. On a halted kernel the switch reboots
	too: switching alone would leave a halted kernel with nothing to run.
	*/
	switchWorkload(index: number): void {
		const workload = this.workloads[index];
		if (!workload) {
			return;
		}

		if (workload !== this.simulation.workload) {
			this.apply({type: 'switch-workload', workload: workload.name});
		}

		if (this.simulation.halted) {
			this.reboot();
		}
	}

	cycleWorkload(direction: 1 | -1): void {
		const count = this.workloads.length;
		this.switchWorkload((this.workloadIndex + direction + count) % count);
	}

	/** `v` / `V`: the next or previous revision, rebooting with the same seed. */
	cycleRevision(direction: 1 | -1): void {
		const ids = revisions.map((revision) => revision.id as string);
		const index = ids.indexOf(this.simulation.revision);
		this.rebootInto(ids[(index + direction + ids.length) % ids.length]!);
	}

	reboot(): void {
		this.rebootInto(this.simulation.revision);
	}

	/** A reboot the user asked for (r, v / V, a workload key on a halted kernel): it ends travel's pause, not the user's. */
	private rebootInto(revision: string): void {
		this.apply({type: 'reboot', revision});
		if (this.pausedByTravel) {
			this.paused = false;
			this.pausedByTravel = false;
		}
	}

	/** Does what a journal entry says, and keeps it in the journal (a replay calls it too). */
	apply(action: JournalAction): void {
		const entry = {boot: this.simulation.bootNumber, tick: this.simulation.tick, action};
		this.journal.push(entry);
		this.onJournal?.(entry);
		applyJournalAction(this.simulation, action, this.workloads);
		if (action.type === 'reboot') {
			this.comparing.rebooted();
		}

		this.takeFrozenSnapshot();
	}

	private takeFrozenSnapshot(): void {
		this.frozenSnapshot = this.frozen ? buildSnapshot(this.simulation) : undefined;
		this.freezes += this.frozen ? 1 : 0;
	}
}
