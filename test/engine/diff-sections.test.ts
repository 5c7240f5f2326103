import {describe, expect, test} from 'vitest';
import {holderShare} from '../../source/engine/build-holders.js';
import {applyDelta, createDeltaWriter, type DocumentDelta} from '../../source/engine/document-delta.js';
import {diffEvents, diffHistory, diffHolders, patchEvents, patchHistory, patchHolders} from '../../source/engine/diff-sections.js';
import type {HistorySeries, HolderRow, SnapshotDocument, SnapshotEvent} from '../../source/engine/snapshot-types.js';
import {createSession} from '../ui/helpers.js';

/** What the UI's thread gets: the delta as the structured clone makes it. */
const cross = (delta: DocumentDelta): DocumentDelta => structuredClone(delta);

const asJson = (document: SnapshotDocument): SnapshotDocument => JSON.parse(JSON.stringify(document)) as SnapshotDocument;

const row = (id: number, liveBytes: number, allocatedBytes: number, kmallocCount = 1): HolderRow => ({
	id,
	process: `P(${id}:${id})`,
	purpose: id % 2 === 0 ? 'VMObject' : null,
	workload: null,
	liveBlocks: liveBytes / 32,
	liveBytes,
	share: holderShare(liveBytes, allocatedBytes),
	kmallocCount,
	kfreeCount: 0,
});

describe('the history, events and holders cross as what changed in them', () => {
	test('a series is the last one with its oldest values dropped and the new ones appended', () => {
		const history = (from: number, length: number): HistorySeries => {
			const values = Array.from({length}, (_, index) => (from + index) * 7);
			return {everyTicks: 10, kmallocAllocated: values, kmallocAvailable: values.map((value) => -value), subheapCount: values.map(() => 3), kmallocCalls: values, kfreeCalls: values};
		};

		// Not yet full: only appended.
		const growing = diffHistory(history(0, 4), history(0, 6))!;
		expect(growing.series.kmallocAllocated).toEqual({keep: 4, add: [28, 35]});
		expect(patchHistory(history(0, 4), growing)).toEqual(history(0, 6));
		// Full: three dropped, three appended; a series of one repeated value keeps it all.
		const full = diffHistory(history(0, 512), history(3, 512))!;
		expect(full.series.kmallocCalls).toEqual({keep: 509, add: [3584, 3591, 3598]});
		expect(patchHistory(history(0, 512), full)).toEqual(history(3, 512));
		// A new boot's history is not the last one's continued: all of it is new.
		expect(diffHistory(history(0, 512), history(9000, 3))!.series.kmallocAllocated).toEqual({keep: 0, add: [63_000, 63_007, 63_014]});
		// NaN is no number JSON keeps.
		expect(diffHistory(history(0, 4), {...history(0, 4), kfreeCalls: [0, 7, 14, Number.NaN]})).toBeUndefined();
	});

	test('events dropped anywhere (the ring of a busy kind wraps under the rarer ones) and new ones appended', () => {
		const event = (tick: number, kind: SnapshotEvent['kind'] = 'region-allocated'): SnapshotEvent => ({tick, kind, message: `${kind} at ${tick}`});
		const before = [event(1, 'subheap-added'), event(2), event(3), event(4, 'backup-consumed'), event(5)];
		const after = [event(1, 'subheap-added'), event(4, 'backup-consumed'), event(5), event(6), event(7, 'panic')];
		const patch = diffEvents(before, after);
		expect(patch.keep).toEqual([0, 1, 3, 5]);
		expect(JSON.parse(patch.add)).toEqual([event(6), event(7, 'panic')]);
		const shown = patchEvents(before, patch);
		expect(shown).toEqual(after);
		// The events kept are the UI's own objects.
		expect(shown[1]).toBe(before[3]);
	});

	test('holders: changed rows cross, the others keep their identity or only take their new share', () => {
		const before = [row(5, 3200, 6400), row(2, 1600, 6400), row(9, 1600, 6400)];
		// #2 allocated more, #5's bytes did not change but the heap's did, #9 is gone, #12 is new.
		const after = [row(2, 9600, 16_000, 2), row(5, 3200, 16_000), row(12, 3200, 16_000)];
		const patch = diffHolders(new Map(before.map((one) => [one.id, one])), after, 16_000)!;
		expect(patch.order).toEqual([2, 5, 12]);
		expect((JSON.parse(patch.rows) as unknown[][]).map(([id]) => id)).toEqual([2, 12]);
		const shown = patchHolders(before, patch);
		expect(shown).toEqual(after);
		expect(Object.keys(shown[1]!)).toEqual(Object.keys(after[1]!));
		// Nothing changed at all: the very rows.
		const same = patchHolders(shown, diffHolders(new Map(after.map((one) => [one.id, one])), after, 16_000)!);
		expect(same[0]).toBe(shown[0]);
		expect(same[1]).toBe(shown[1]);
	});

	test('a live session\'s views rebuild on the UI what JSON would give, view after view, through switches, reboots and time travel', async () => {
		const session = await createSession('vmobject-churn');
		const write = createDeltaWriter();
		let shown: SnapshotDocument | undefined;
		let patched = 0;
		let crossedBytes = 0;
		let wholeBytes = 0;
		const publish = () => {
			const document = session.snapshot();
			const delta = write(document);
			for (const change of Object.values(delta)) {
				patched += typeof change === 'object' && change !== null ? 1 : 0;
				crossedBytes += typeof change === 'string' ? change.length : JSON.stringify(change).length;
			}

			wholeBytes += JSON.stringify(document).length;
			shown = applyDelta(shown, cross(delta));
			expect(shown).toEqual(asJson(document));
		};

		for (let view = 0; view < 60; view++) {
			// Once far enough on for the history's rings to be full: from then on each view drops its oldest samples.
			session.simulation.step(view === 10 ? 5200 : 25);
			publish();
			if (view === 20) {
				session.switchWorkload(session.workloads.findIndex((workload) => workload.name === 'logging-burst'));
			} else if (view === 30) {
				session.reboot();
			} else if (view === 40) {
				session.switchWorkload(session.workloads.findIndex((workload) => workload.name === 'vmobject-churn'));
			}
		}

		// Back in time and forth again: another simulation's documents, then the present's.
		await session.travelBy(-300);
		publish();
		await session.travelBy(100);
		publish();
		session.togglePause();
		publish();
		session.simulation.step(25);
		publish();
		expect(patched).toBeGreaterThan(100);
		// What crossed is a small part of the documents.
		expect(crossedBytes).toBeLessThan(wholeBytes / 3);
	});
});
