// What the panels know besides the document: the facts of the live session (or none, for a
// text snapshot). Everything a panel shows is a function of the document and these.

import type {EngineState} from '../engine/engine-link.js';
import type {LiveFacts} from '../engine/engine-protocol.js';

export type ViewFacts = Partial<LiveFacts> & {
	/** One line from the shell: a saved file, a failed save, a key that does nothing now. */
	status?: string;
	/** The graphs' window in ticks (`z`: 500, 5,000 or 50,000; 5,000 when not said). */
	graphWindow?: number;
	/** How the engine is doing: recovering from a hung workload, or failed. */
	engine?: EngineState;
};

/** The ticks a few seconds take at the rate (a text snapshot assumes the live default, 100 t/s). */
export const ticksForSeconds = (facts: ViewFacts, seconds: number): number =>
	Math.max(1, Math.round((facts.rate ?? 100) * seconds));

/**
Whether something that happened at `tick` is still new: live, it is for 3 s of wall time (the
engine says which tick was current then); in a text snapshot, for the ticks 3 s take at 100 t/s.
*/
export const isRecent = (facts: ViewFacts, documentTick: number, tick: number): boolean =>
	facts.recentSinceTick === undefined ? documentTick - tick <= Math.max(20, ticksForSeconds(facts, 3)) : tick > facts.recentSinceTick;
