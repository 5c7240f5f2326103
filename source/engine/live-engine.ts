// The live engine: a LiveSession driven by the wall clock, answering commands and publishing
// views. It runs wherever it is put (a worker thread in kmtop, in-process in tests) and knows
// nothing of threads: its owner calls `advance` on a timer and sends `view()` to the screen.

import {subheapOutcome, type SubheapOutcome} from './build-subheap-document.js';
import type {EngineCommand, LiveFacts, PublishedView} from './engine-protocol.js';
import type {LiveSession} from './live-session.js';
import {isTraceWorkload} from './trace/trace-workload.js';
import {HolderRateMeter} from './holder-rate-meter.js';
import {WallClockMeter} from './wall-clock-meter.js';

export class LiveEngine {
	readonly session: LiveSession;
	private readonly now: () => number;
	private readonly meter = new WallClockMeter();
	private readonly holderMeter = new HolderRateMeter();
	private lastAdvance: number;
	private meteredBoot = 0;

	constructor(session: LiveSession, now: () => number = () => performance.now()) {
		this.session = session;
		this.now = now;
		this.lastAdvance = now();
		this.measure();
	}

	/** Runs the ticks owed since the last call at the session's rate. */
	advance(): number {
		const now = this.now();
		const ran = this.session.advance(now - this.lastAdvance);
		this.lastAdvance = now;
		this.measure();
		return ran;
	}

	apply(command: EngineCommand): void {
		const {session} = this;
		switch (command.type) {
			case 'toggle-pause': {
				session.togglePause();
				break;
			}

			case 'step': {
				session.stepOnce();
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
		this.measure();
	}

	view(): PublishedView {
		return {document: this.session.snapshot(), facts: this.facts()};
	}

	/** Subheap #`id`'s document as the kernel is now (the `Subheap #N` view asks while it is open). */
	subheap(id: number): SubheapOutcome {
		return subheapOutcome(this.session.simulation.kernel, id);
	}

	facts(): LiveFacts {
		const {session} = this;
		const {simulation} = session;
		const now = this.now();
		const running = !session.paused && !simulation.halted;
		const rates = this.meter.rates(now);
		return {
			live: true,
			rate: session.rate,
			achievedRate: running ? rates.ticksPerSecond : 0,
			kmallocPerSecond: running ? rates.kmallocPerSecond : 0,
			kfreePerSecond: running ? rates.kfreePerSecond : 0,
			recentSinceTick: this.meter.tickAgo(now),
			paused: session.paused,
			frozen: session.frozen,
			liveTick: simulation.tick,
			boot: simulation.bootNumber,
			workloads: session.workloads.map((workload) => workload.name),
			workloadIndex: session.workloadIndex,
			traceReplay: session.workloads.some((workload) => isTraceWorkload(workload)),
			holderRates: running ? this.holderMeter.rates(now, simulation.kernel.holders) : [],
			...(session.readError === undefined ? {} : {readError: session.readError}),
		};
	}

	/** One sample of the wall clock against the kernel's counters; a new boot starts them over. */
	private measure(): void {
		const {simulation} = this.session;
		const sample = {at: this.now(), tick: simulation.tick, kmallocCalls: simulation.kernel.kmallocCalls, kfreeCalls: simulation.kernel.kfreeCalls};
		if (simulation.bootNumber === this.meteredBoot) {
			this.meter.record(sample);
		} else {
			this.meteredBoot = simulation.bootNumber;
			this.meter.reset(sample);
			this.holderMeter.reset();
		}

		this.holderMeter.record(sample.at, simulation.kernel.holders);
	}
}
