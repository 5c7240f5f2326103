import {describe, expect, it} from 'vitest';
import {CallSiteTally} from '../../../source/engine/trace/tally-call-sites.js';
import {TraceReplay} from '../../../source/engine/trace/trace-replay.js';

describe('CallSiteTally', () => {
	it('counts sites that share the cache\'s slot (same length, same last character) apart', () => {
		const tally = new CallSiteTally();
		const sites = ['a+0x10/0x20', 'b+0x10/0x20', 'a+0x11/0x20', 'x', '', 'a+0x10/0x20'];
		for (const [index, site] of sites.entries()) {
			tally.add(site, index + 1);
		}

		expect(tally.top(10)).toEqual([
			{callSite: 'a+0x10/0x20', bytes: 7, count: 2},
			{callSite: '', bytes: 5, count: 1},
			{callSite: 'x', bytes: 4, count: 1},
			{callSite: 'a+0x11/0x20', bytes: 3, count: 1},
			{callSite: 'b+0x10/0x20', bytes: 2, count: 1},
		]);
		expect(tally.size).toBe(5);
	});

	it('leaves out of the top a site whose only kmalloc the heap did not return from', () => {
		const replay = new TraceReplay();
		const heap = {
			kmalloc(): number {
				throw new Error('VERIFY failed');
			},
			kfree() {
				// Never reached.
			},
		};
		const event = {kind: 'kmalloc', timeSeconds: 1, comm: 'sh', pid: 1, callSite: 'f+0x1/0x2', ptr: 'c0a01000', bytesReq: 8, bytesAlloc: 8} as const;
		expect(() => {
			replay.apply(event, heap);
		}).toThrow('VERIFY failed');
		expect(replay.topCallSites(5)).toEqual([]);
		expect(replay.stats()).toMatchObject({kmallocReplayed: 0, liveBlocks: 0, largestRequest: null});
	});
});
