// What the panels know besides the document: the few facts of the live session (or none, for a
// text snapshot). Everything a panel shows is a function of the document and these.

export type ViewFacts = {
	/** The live view (keys work), not a text snapshot. */
	live?: boolean;
	/** Ticks per second asked for; absent in a text snapshot without a rate. */
	rate?: number;
	/** Ticks per second the host managed lately. */
	achievedRate?: number;
	paused?: boolean;
	frozen?: boolean;
	/** The simulation's tick while the display is frozen on an older document. */
	liveTick?: number;
	/** Workload names in key order (1…9, 0, then the rest), and which one runs. */
	workloads?: string[];
	workloadIndex?: number;
	/**
	The session has a trace replay among its workloads (fixed for the run), running or not: the
	layout keeps the trace's panel either way.
	*/
	traceReplay?: boolean;
	/** One line from the shell: a saved file, a failed save, a key that does nothing now. */
	status?: string;
};

/** The ticks a few seconds take at the rate (a text snapshot assumes the live default, 100 t/s). */
export const ticksForSeconds = (facts: ViewFacts, seconds: number): number =>
	Math.max(1, Math.round((facts.rate ?? 100) * seconds));

/** "A moment": how long a flash (a consumed backup) or a `← new` marker stays, in ticks. */
export const recentTicks = (facts: ViewFacts): number => Math.max(20, ticksForSeconds(facts, 3));
