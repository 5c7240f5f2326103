// How many ticks the wall time owes at the live rate (ticks per second), and the rate's keys.
// Fractions carry over from one advance to the next, so 100 t/s at 33 ms a wake runs 3, 3, 4…
// ticks and 100 over a second; a session falling behind drops its debt rather than snowball.

/** The fastest rate `+` reaches, as --rate allows. */
export const MAX_RATE = 1_000_000;

export class TickPacer {
	rate: number;
	private carry = 0;

	constructor(rate: number) {
		this.rate = rate;
	}

	/** The whole ticks `elapsedMs` of wall time owes at the rate, the fraction kept for next time. */
	owe(elapsedMs: number): number {
		this.carry += (this.rate * elapsedMs) / 1000;
		const owed = Math.floor(this.carry);
		this.carry -= owed;
		return owed;
	}

	/** Nothing owed: paused, halted, in the past, or too far behind to catch up. */
	drop(): void {
		this.carry = 0;
	}

	/** `+`: twice as fast, up to the most --rate takes (so `++` is four times). */
	faster(): void {
		this.rate = Math.min(MAX_RATE, this.rate * 2);
	}

	/** `-`: half as fast, down to one tick a second (a slower --rate stays as it is). */
	slower(): void {
		this.rate = this.rate > 1 ? Math.max(1, this.rate / 2) : this.rate;
	}
}
