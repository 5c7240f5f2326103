// The live engine: a LiveSession driven by the wall clock, answering commands and publishing
// views. It runs wherever it is put (a worker thread in kmtop, in-process in tests) and knows
// nothing of threads: its owner calls `advance` on a timer and sends `view()` to the screen.

import {subheapOutcome, type SubheapOutcome} from './build-subheap-document.js';
import type {EngineCommand, LiveFacts, LiveNotice, PublishedView, ShownSections, TimeFacts} from './engine-protocol.js';
import type {LiveSession} from './live-session.js';
import {isTraceWorkload} from './trace/is-trace-workload.js';
import {createWaitingDocument, isCalm} from './waiting-present.js';
import {LiveFactsMeter} from './measure-live-facts.js';

export class LiveEngine {
	readonly session: LiveSession;
	private readonly now: () => number;
	private readonly meter: LiveFactsMeter;
	private lastAdvance: number;
	private notices = 0;
	/** Commands applied so far: a waiting present's document is made again after one (waiting-present.ts). */
	private commands = 0;
	private readonly waitingDocument = createWaitingDocument();
	private notice: LiveNotice | undefined;
	/** Told when something changed without a command (a travel that ran in slices arrived). */
	onChange: (() => void) | undefined;
	/** What the UI has on screen (the UI says; until it does, everything). */
	shown: ShownSections = {holders: true, frequentEvents: true};

	constructor(session: LiveSession, now: () => number = () => performance.now()) {
		this.session = session;
		this.now = now;
		this.lastAdvance = now();
		this.meter = new LiveFactsMeter(session, now);
		this.meter.sample();
	}

	/** Runs the ticks owed since the last call at the session's rate. */
	advance(): number {
		const now = this.now();
		const ran = this.session.advance(now - this.lastAdvance);
		this.lastAdvance = now;
		this.meter.sample();
		return ran;
	}

	/** Whether advancing right before each view is enough (waiting-present.ts). */
	calm(refreshMs: number): boolean {
		return isCalm(this.session, refreshMs);
	}

	apply(command: EngineCommand): void {
		this.commands++;
		const {session} = this;
		if (changesSimulation(command) && !this.mayChangeSimulation()) {
			return;
		}

		switch (command.type) {
			case 'toggle-pause': {
				session.togglePause();
				break;
			}

			case 'step': {
				if (session.inPast) {
					this.travel(session.travelBy(1));
				} else {
					session.stepOnce();
				}

				break;
			}

			case 'stop-run': {
				// Where it has got to, paused: Esc while the present runs to a `g` tick ahead.
				session.presentRunStops++;
				break;
			}

			case 'toggle-comparison': {
				if (session.inPast) {
					this.say('c compares at the present: space returns to it', {whilePast: true});
				} else if (session.travelRefusal !== undefined && !session.comparing.comparison) {
					// Short enough for an 80-column footer (its hint was cut there), and kmtop compare
					// refuses a trace too, for the same reason, so there is no command to point at.
					this.say('a trace replay cannot be compared live: it reads its file once');
				} else {
					session.comparing.toggleComparison();
				}

				break;
			}

			case 'travel-by': {
				if (this.mayTravel()) {
					this.travel(session.travelBy(command.ticks));
				}

				break;
			}

			case 'travel-to': {
				if (this.mayTravel()) {
					const boot = command.boot ?? session.timeMachine!.destination.boot;
					this.travel(session.travelTo({boot, tick: command.tick}));
				}

				break;
			}

			case 'faster': {
				session.faster();
				break;
			}

			case 'slower': {
				session.slower();
				break;
			}

			case 'toggle-freeze': {
				session.toggleFreeze();
				break;
			}

			case 'reboot': {
				session.reboot();
				break;
			}

			case 'cycle-revision': {
				session.cycleRevision(command.direction);
				break;
			}

			case 'switch-workload': {
				session.switchWorkload(command.index);
				break;
			}

			case 'cycle-workload': {
				session.cycleWorkload(command.direction);
				break;
			}
		}

		// Time stood still for the engine while the command ran: don't owe ticks for it.
		this.lastAdvance = this.now();
		this.meter.sample();
	}

	/** The travel runs on (in slices); the owner publishes when it arrives. */
	private travel(travelling: Promise<void>): void {
		travelling.then(
			() => {
				this.onChange?.();
			},
			(error: unknown) => {
				this.say(`time travel failed: ${error instanceof Error ? error.message : String(error)}`);
				this.onChange?.();
			},
		);
	}

	private mayTravel(): boolean {
		if (this.session.comparing.comparison) {
			this.say('time travel shows one revision: c closes the comparison first');
			return false;
		}

		const refusal = this.session.travelUnavailable;
		if (refusal !== undefined) {
			this.say(refusal);
			return false;
		}

		return true;
	}

	/**
	In the past nothing changes the simulation (the future shown would not be this session's):
	space returns to the present first. During a replay, a change leaves the recording.
	*/
	private mayChangeSimulation(): boolean {
		const {session} = this;
		if (session.inPast) {
			const {tick} = session.timeMachine!.shown;
			this.say(`t${tick.toLocaleString('en-US')} is the past: space goes back to the present first`, {whilePast: true});
			return false;
		}

		if (session.schedule.length > 0) {
			const dropped = session.leaveRecording();
			this.say(`left the recording at tick ${session.simulation.tick.toLocaleString('en-US')}: its ${dropped} remaining ${dropped === 1 ? 'entry is' : 'entries are'} dropped`);
		}

		return true;
	}

	private say(text: string, {whilePast = false} = {}): void {
		this.notice = {id: ++this.notices, text, ...(whilePast ? {whilePast} : {})};
	}

	view(): PublishedView {
		return {document: this.waitingDocument(this.session, this.shown, this.commands), facts: this.facts()};
	}

	/** Subheap #`id`'s document as the kernel is now (the `Subheap #N` view asks while it is open). */
	/** Subheap #`id` as the dashboard shows it: in the past while travelling, else now. */
	subheap(id: number): SubheapOutcome {
		return subheapOutcome(this.session.shownSimulation.kernel, id);
	}

	facts(): LiveFacts {
		const {session} = this;
		const {simulation} = session;
		return {
			live: true,
			rate: session.rate,
			...this.meter.measured(this.shown.holders),
			paused: session.paused,
			...(session.pausedByTravel ? {pausedByTravel: true as const} : {}),
			frozen: session.frozen,
			liveTick: simulation.tick,
			boot: simulation.bootNumber,
			workloads: session.workloads.map((workload) => workload.name),
			workloadIndex: session.workloadIndex,
			traceReplay: session.workloads.some((workload) => isTraceWorkload(workload)),
			...(session.traceReading.readError === undefined ? {} : {readError: session.traceReading.readError}),
			time: this.timeFacts(),
			...(session.schedule.length > 0 ? {replay: {remaining: session.schedule.length}} : {}),
			...(session.comparing.comparison ? {comparison: session.comparing.comparison.facts(session.comparing.comparisonTarget)} : {}),
			...(this.notice ? {notice: this.notice} : {}),
			...withheldOf(this.shown),
		};
	}

	private timeFacts(): TimeFacts {
		const {session} = this;
		const machine = session.timeMachine;
		const present = {boot: session.simulation.bootNumber, tick: session.simulation.tick};
		const unavailable = session.travelUnavailable;
		return {
			shown: machine?.shown ?? present,
			present,
			...(machine?.travelling ? {travelling: machine.travelling} : {}),
			...(session.runningTo ? {runningTo: session.runningTo} : {}),
			...(unavailable === undefined ? {} : {unavailable}),
		};
	}
}

/** Commands that change what the kernel does (and go to the journal). */
const changesSimulation = (command: EngineCommand): boolean =>
	command.type === 'reboot' || command.type === 'cycle-revision' || command.type === 'switch-workload' || command.type === 'cycle-workload';

/** The facts' `withheld`: what the UI said it does not show (absent when it shows everything). */
const withheldOf = (shown: ShownSections): Pick<LiveFacts, 'withheld'> => {
	const withheld = (Object.keys(shown) as Array<keyof ShownSections>).filter((section) => !shown[section]);
	return withheld.length === 0 ? {} : {withheld};
};
