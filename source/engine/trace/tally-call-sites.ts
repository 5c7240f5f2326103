// Bytes requested per call site, for the "who allocates" panel. Call sites are keyed exactly as
// printed (`alloc_fdtable+0x84/0x140`): two offsets in one function are two sites, as in the trace.
// A new site's name is copied out of the input text it was cut from, so the tally does not keep
// that text alive (detachString).
//
// The tally is also where a replay interns its call sites: every event of a site gets the one name
// the tally keeps, and the replay hands that name to the heap as the block's purpose, so the
// kernel's holder book compares and hashes one string a site rather than a fresh slice an event
// (and a live block's purpose is that shared name). Before the Map, which hashes the event's fresh
// string, a small cache by the name's length and last character is checked with one comparison:
// a capture's hot sites are few, and its events come in bursts from one site.

import {detachString} from './split-trace-lines.js';

export type CallSiteTotal = {callSite: string; bytes: number; count: number};

export class CallSiteTally {
	readonly #totals = new Map<string, CallSiteTotal>();
	/** Recently asked sites by cacheSlot: a hint only, the Map is the tally. */
	readonly #recent: Array<CallSiteTotal | undefined> = Array.from({length: 64});

	get size(): number {
		return this.#totals.size;
	}

	/** The site's running total, its `callSite` the interned name; a new site starts at nothing (count 0) until `count` is called. */
	site(callSite: string): CallSiteTotal {
		const slot = ((callSite.length * 31) + (callSite.length === 0 ? 0 : callSite.charCodeAt(callSite.length - 1))) & 63;
		const recent = this.#recent[slot];
		if (recent !== undefined && recent.callSite === callSite) {
			return recent;
		}

		let total = this.#totals.get(callSite);
		if (total === undefined) {
			const name = detachString(callSite);
			total = {callSite: name, bytes: 0, count: 0};
			this.#totals.set(name, total);
		}

		this.#recent[slot] = total;
		return total;
	}

	/** Counts one allocation of `bytes` from `site` (from `site()`). */
	count(site: CallSiteTotal, bytes: number): void {
		site.bytes += bytes;
		site.count++;
	}

	add(callSite: string, bytes: number): void {
		this.count(this.site(callSite), bytes);
	}

	/** The n largest by bytes, ties by name; copies, so callers cannot disturb the tally. Sites never counted are not in it. */
	top(n: number): CallSiteTotal[] {
		return [...this.#totals.values()]
			.filter(total => total.count > 0)
			.sort((a, b) => (b.bytes - a.bytes) || (a.callSite < b.callSite ? -1 : (a.callSite > b.callSite ? 1 : 0)))
			.slice(0, Math.max(0, n))
			.map(total => ({...total}));
	}
}
