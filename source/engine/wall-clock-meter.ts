// What the live view measures against the wall clock, never against the rate asked for: ticks
// and kernel calls per second as they really ran (a machine that manages 330k of the 1M ticks a
// second asked reads 330k), and which tick was current a few seconds ago, so "new" markers last
// seconds of wall time at any rate. The kernel has no clock; the engine samples it here.

import {RingBuffer} from './ring-buffer.js';

export type MeterSample = {at: number; tick: number; kmallocCalls: number; kfreeCalls: number};

export type MeasuredRates = {ticksPerSecond: number; kmallocPerSecond: number; kfreePerSecond: number};

/** Rates are measured over this much wall time, so they read steadily. */
export const RATE_WINDOW_MS = 1000;
/** How long a change counts as new (a `← new` subheap, a consumed backup's flash). */
export const RECENT_MS = 3000;
/** Samples closer together than this replace the newest one (keeps the ring's span long enough). */
const MIN_SAMPLE_GAP_MS = 25;

export class WallClockMeter {
	private readonly samples = new RingBuffer<MeterSample>(256);
	/** When the newest slot was first filled: later samples within the gap take its place. */
	private slotOpenedAt = Number.NEGATIVE_INFINITY;

	/** Forgets everything: a reboot starts the counters and ticks from zero. */
	reset(sample: MeterSample): void {
		this.samples.clear();
		this.samples.push(sample);
		this.slotOpenedAt = Number.NEGATIVE_INFINITY;
	}

	record(sample: MeterSample): void {
		if (sample.at - this.slotOpenedAt < MIN_SAMPLE_GAP_MS) {
			this.samples.replaceLast(sample);
		} else {
			this.samples.push(sample);
			this.slotOpenedAt = sample.at;
		}
	}

	/** Per second over the last RATE_WINDOW_MS up to `now`; zero when nothing ran. */
	rates(now: number): MeasuredRates {
		const newest = this.samples.last();
		const oldest = this.sampleAtOrBefore(now - RATE_WINDOW_MS) ?? this.samples.first();
		if (!newest || !oldest || newest === oldest) {
			return {ticksPerSecond: 0, kmallocPerSecond: 0, kfreePerSecond: 0};
		}

		// Over the whole window up to now, so a pause shows as a falling rate, not a frozen one.
		const seconds = Math.max(now, newest.at) - oldest.at;
		if (seconds <= 0) {
			return {ticksPerSecond: 0, kmallocPerSecond: 0, kfreePerSecond: 0};
		}

		const perSecond = (delta: number) => (delta * 1000) / seconds;
		return {
			ticksPerSecond: perSecond(newest.tick - oldest.tick),
			kmallocPerSecond: perSecond(newest.kmallocCalls - oldest.kmallocCalls),
			kfreePerSecond: perSecond(newest.kfreeCalls - oldest.kfreeCalls),
		};
	}

	/** The tick that was current `ms` ago (the boot's first tick if the boot is younger). */
	tickAgo(now: number, ms = RECENT_MS): number {
		return (this.sampleAtOrBefore(now - ms) ?? this.samples.first())?.tick ?? 0;
	}

	/** Read in place: a copy of the ring (256 samples) twice a view was garbage for nothing. */
	private sampleAtOrBefore(at: number): MeterSample | undefined {
		let found: MeterSample | undefined;
		for (let index = 0; index < this.samples.length; index++) {
			const sample = this.samples.at(index)!;
			if (sample.at > at) {
				break;
			}

			found = sample;
		}

		return found;
	}
}
