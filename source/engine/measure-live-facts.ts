// The live facts measured against the wall clock (live-engine.ts): ticks, kmalloc and kfree a
// second, what is still new, the holders' rates. Sampled after each advance and command; read
// for each view. While the display is frozen (f), the figures measured with the frozen document,
// so the rates beside its counters, the header's t/s and what is marked new stay as they were.

import type {LiveFacts} from './engine-protocol.js';
import {HolderRateMeter} from './holder-rate-meter.js';
import type {LiveSession} from './live-session.js';
import {WallClockMeter} from './wall-clock-meter.js';

/** The facts measured against the wall clock. */
export type Measured = Pick<LiveFacts, 'achievedRate' | 'kmallocPerSecond' | 'kfreePerSecond' | 'recentSinceTick' | 'holderRates'>;

export class LiveFactsMeter {
	private readonly meter = new WallClockMeter();
	private readonly holderMeter = new HolderRateMeter();
	private meteredBoot = 0;
	/** What was measured with the frozen document (`session.freezes` says which). */
	private frozenMeasured: {freezes: number; measured: Measured} | undefined;

	constructor(private readonly session: LiveSession, private readonly now: () => number) {}

	/** One sample of the wall clock against the kernel's counters; a new boot starts them over. */
	sample(): void {
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

	/** The figures for a view; `holders`: whether the UI shows the holders (their rates cost a pass over them). */
	measured(holders: boolean): Measured {
		const {session} = this;
		if (session.frozen && this.frozenMeasured?.freezes === session.freezes) {
			return this.frozenMeasured.measured;
		}

		const {simulation} = session;
		const now = this.now();
		// A run to a tick ahead (g) runs while paused: its speed is what it achieves.
		const running = (!session.paused || session.runningTo !== undefined) && !simulation.halted;
		const rates = this.meter.rates(now);
		const measured = {
			achievedRate: running ? rates.ticksPerSecond : 0,
			kmallocPerSecond: running ? rates.kmallocPerSecond : 0,
			kfreePerSecond: running ? rates.kfreePerSecond : 0,
			recentSinceTick: this.meter.tickAgo(now),
			holderRates: running && holders ? this.holderMeter.rates(now, simulation.kernel.holders) : [],
		};
		this.frozenMeasured = session.frozen ? {freezes: session.freezes, measured} : undefined;
		return measured;
	}
}
