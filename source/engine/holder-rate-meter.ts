// kmalloc and kfree calls per second of wall time by holder, for the Holders table's kmalloc/s
// and kfree/s (issue 15). The kernel keeps counts per holder (holder-book.ts) and has no clock;
// the engine copies the counts now and then and divides the change over about a second, as the
// header's rates do (wall-clock-meter.ts). The kernel retires idle holders and reuses their ids
// (holder-book.ts): a copy taken before an id changed hands counts as zero for its new holder.

import {RATE_WINDOW_MS} from './wall-clock-meter.js';
import type {HolderRate} from './engine-protocol.js';

type Counts = {readonly kmallocs: Float64Array; readonly kfrees: Float64Array; readonly generations: Uint32Array; readonly count: number};
type Sample = {at: number; kmallocs: Float64Array; kfrees: Float64Array; generations: Uint32Array};

/** Copies of the counts at least this far apart: a handful per window, whatever the tick rate. */
const SAMPLE_GAP_MS = 200;
/** Enough samples to span the window and one more. */
const KEPT = Math.ceil(RATE_WINDOW_MS / SAMPLE_GAP_MS) + 2;

export class HolderRateMeter {
	private samples: Sample[] = [];

	/** Forgets every sample: a reboot starts the counts from zero. */
	reset(): void {
		this.samples = [];
	}

	/** Takes a copy of the counts unless the last copy is younger than SAMPLE_GAP_MS. */
	record(at: number, counts: Counts): void {
		const last = this.samples.at(-1);
		if (last && at - last.at < SAMPLE_GAP_MS) {
			return;
		}

		const {count} = counts;
		this.samples.push({
			at,
			kmallocs: counts.kmallocs.slice(0, count),
			kfrees: counts.kfrees.slice(0, count),
			generations: counts.generations.slice(0, count),
		});
		if (this.samples.length > KEPT) {
			this.samples.shift();
		}
	}

	/**
	The holders that made a call between the oldest copy within the window and `counts` now, with
	their rates; empty until there are two points in time.
	*/
	rates(now: number, counts: Counts): HolderRate[] {
		const oldest = this.samples.find((sample) => sample.at >= now - RATE_WINDOW_MS - SAMPLE_GAP_MS) ?? this.samples.at(-1);
		if (!oldest || now <= oldest.at) {
			return [];
		}

		const seconds = (now - oldest.at) / 1000;
		const rates: HolderRate[] = [];
		for (let id = 0; id < counts.count; id++) {
			// A holder the copy did not know, or another holder's id then: all its calls are new.
			const known = oldest.generations[id] === counts.generations[id];
			const kmallocs = counts.kmallocs[id]! - (known ? oldest.kmallocs[id]! : 0);
			const kfrees = counts.kfrees[id]! - (known ? oldest.kfrees[id]! : 0);
			// Counts of one holder only grow; fewer than the copy (the simulation went back) say nothing.
			if (kmallocs < 0 || kfrees < 0) {
				continue;
			}

			if (kmallocs > 0 || kfrees > 0) {
				rates.push({id, kmallocPerSecond: kmallocs / seconds, kfreePerSecond: kfrees / seconds});
			}
		}

		return rates;
	}
}
