// Bytes requested per call site, for the "who allocates" panel. Call sites are keyed exactly as
// printed (`alloc_fdtable+0x84/0x140`): two offsets in one function are two sites, as in the trace.
// A new site's name is copied out of the input text it was cut from, so the tally does not keep
// that text alive (detachString).

import {detachString} from './split-trace-lines.js';

export type CallSiteTotal = {callSite: string; bytes: number; count: number};

export class CallSiteTally {
	readonly #totals = new Map<string, CallSiteTotal>();

	get size(): number {
		return this.#totals.size;
	}

	add(callSite: string, bytes: number): void {
		const total = this.#totals.get(callSite);
		if (total === undefined) {
			const name = detachString(callSite);
			this.#totals.set(name, {callSite: name, bytes, count: 1});
		} else {
			total.bytes += bytes;
			total.count++;
		}
	}

	/** The n largest by bytes, ties by name; copies, so callers cannot disturb the tally. */
	top(n: number): CallSiteTotal[] {
		return [...this.#totals.values()]
			.sort((a, b) => (b.bytes - a.bytes) || (a.callSite < b.callSite ? -1 : (a.callSite > b.callSite ? 1 : 0)))
			.slice(0, Math.max(0, n))
			.map(total => ({...total}));
	}
}
