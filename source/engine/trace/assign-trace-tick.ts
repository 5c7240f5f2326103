// The replay's rhythm: an event belongs to simulation tick floor((t - t0) * 1000 / msPerTick),
// t0 being the first kmalloc/kfree event's time.
//
// Default 0.05 ms per tick: a kernel allocates in bursts of microseconds, and real captures are
// short; the shared fixture (1,000 events) spans 28.292 ms, which this spreads over 566 ticks,
// about 6 s at the live view's 100 ticks/s. A longer trace can pick its own rate from the
// pre-pass's time span with `msPerTickFor`.
//
// Multi-CPU traces interleave per-CPU buffers, so a timestamp can run slightly backwards; such an
// event is clamped to the latest tick already assigned, keeping ticks monotonic in file order
// (which is the order the events must be replayed in for pointers to match). A timestamp a whole
// millisecond or more before the latest one is no disagreement of CPU clocks but time starting
// over (two captures joined end to end, a clock reset): the events from there are replayed from
// the latest tick on, at their own pace, instead of all in that one tick (`restarts` counts them).

export const defaultMsPerTick = 0.05;

// Timestamps carry at most nanoseconds; rounding the difference there, and nudging the quotient
// by a millionth of a tick, keeps 583.845971 - 583.845921 at exactly one 0.05 ms tick instead of
// the 0.999… that binary floating point would give.
const tickEpsilon = 1e-6;

export function traceTickOf(timeSeconds: number, t0: number, msPerTick: number): number {
	const elapsedNs = Math.round((timeSeconds - t0) * 1e9);
	return Math.floor((elapsedNs / (msPerTick * 1e6)) + tickEpsilon);
}

/** The msPerTick that spreads `spanSeconds` of trace over about `ticks` ticks. */
export function msPerTickFor(spanSeconds: number, ticks: number): number {
	return spanSeconds > 0 && ticks > 0 ? (spanSeconds * 1000) / ticks : defaultMsPerTick;
}

/** How far back (ms) a timestamp goes before it starts time over rather than being clamped. */
export const RESTART_AFTER_MS = 1;

export class TraceClock {
	#t0: number | undefined;
	#tick = 0;
	/** Where time last started over: its timestamp and the tick it was given. */
	#segmentT0: number | undefined;
	#segmentTick = 0;
	#latest = Number.NEGATIVE_INFINITY;
	#restarts = 0;

	constructor(readonly msPerTick: number = defaultMsPerTick) {
		if (!(Number.isFinite(msPerTick) && msPerTick > 0)) {
			throw new RangeError(`msPerTick must be a positive number, got ${msPerTick}`);
		}
	}

	/** The latest tick assigned (0 before the first event). */
	get tick(): number {
		return this.#tick;
	}

	get t0(): number | undefined {
		return this.#t0;
	}

	/** Times the trace's time started over (a timestamp RESTART_AFTER_MS or more before the latest). */
	get restarts(): number {
		return this.#restarts;
	}

	/** The tick of the next event in file order: never earlier than the previous event's. */
	tickOf(timeSeconds: number): number {
		this.#t0 ??= timeSeconds;
		this.#segmentT0 ??= timeSeconds;
		if ((this.#latest - timeSeconds) * 1000 >= RESTART_AFTER_MS) {
			this.#restarts++;
			this.#segmentT0 = timeSeconds;
			this.#segmentTick = this.#tick;
			this.#latest = timeSeconds;
			return this.#tick;
		}

		this.#latest = Math.max(this.#latest, timeSeconds);
		this.#tick = Math.max(this.#tick, this.#segmentTick + traceTickOf(timeSeconds, this.#segmentT0, this.msPerTick));
		return this.#tick;
	}
}
