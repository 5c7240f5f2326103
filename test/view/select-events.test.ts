// The lifecycle events picked out of a document's event stream: the same array for the same
// stream, so a panel sees at once that its events did not change (issue #14).
import {describe, expect, it} from 'vitest';
import type {SnapshotEvent} from '../../source/engine/snapshot-types.js';
import type {SnapshotDocument} from '../../source/engine/snapshot-types.js';
import {eventsSinceBoot, lastEvent, lifecycleEvents, newestLifecycleEvents} from '../../source/view/select-events.js';

const event = (tick: number, kind: SnapshotEvent['kind']): SnapshotEvent => ({tick, kind, message: `${kind} at ${tick}`});

const stream: SnapshotEvent[] = [
	event(1, 'subheap-added'),
	event(2, 'region-allocated'),
	event(3, 'backup-consumed'),
	event(4, 'region-freed'),
	event(5, 'backup-replaced'),
	event(6, 'subheap-removed'),
];

describe('lifecycle events', () => {
	it.each([
		['oldest first', lifecycleEvents, [1, 3, 5, 6]],
		['newest first', newestLifecycleEvents, [6, 5, 3, 1]],
	] as const)('%s: the lifecycle kinds only, in order (ticks %j)', (_, pick, ticks) => {
		expect(pick(stream).map((item) => item.tick)).toEqual(ticks);
	});

	it('are the same arrays for the same stream, asked in any order', () => {
		const newest = newestLifecycleEvents(stream);
		const oldest = lifecycleEvents(stream);
		expect(newestLifecycleEvents(stream)).toBe(newest);
		expect(lifecycleEvents(stream)).toBe(oldest);
		// The newest-first list is a list of its own: the oldest-first one is not reversed in place.
		expect(oldest.map((item) => item.tick)).toEqual([1, 3, 5, 6]);
	});

	it.each([
		['a new stream with an event more', [...stream, event(7, 'reboot')], [1, 3, 5, 6, 7]],
		['a new stream, the same events', [...stream], [1, 3, 5, 6]],
		['an empty stream', [], []],
	] as const)('follow %s', (_, next, ticks) => {
		const before = lifecycleEvents(stream);
		const after = lifecycleEvents(next);
		expect(after.map((item) => item.tick)).toEqual(ticks);
		expect(newestLifecycleEvents(next).map((item) => item.tick)).toEqual([...ticks].reverse());
		expect(after).not.toBe(before);
	});
});

const documentOf = (events: SnapshotEvent[]): SnapshotDocument => ({events}) as unknown as SnapshotDocument;

const rebooted: SnapshotEvent[] = [event(40, 'backup-consumed'), event(41, 'backup-replaced'), event(50, 'reboot'), event(3, 'backup-consumed'), event(4, 'region-freed'), event(5, 'subheap-added')];

describe('events since boot and the newest of some kinds', () => {
	it.each([
		['no reboot: the whole stream', stream, [1, 2, 3, 4, 5, 6]],
		['from the reboot on', rebooted, [50, 3, 4, 5]],
		['an empty stream', [], []],
	] as const)('%s', (_, events, ticks) => {
		const document = documentOf([...events]);
		expect(eventsSinceBoot(document).map((item) => item.tick)).toEqual(ticks);
		expect(eventsSinceBoot(documentOf(document.events))).toBe(eventsSinceBoot(document));
	});

	it.each([
		['the newest of one kind', stream, ['backup-consumed'], 3],
		['the newest of either kind', stream, ['backup-replaced', 'backup-consumed'], 5],
		['the same kinds the other way round', stream, ['backup-consumed', 'backup-replaced'], 5],
		['none of the kind', stream, ['panic'], undefined],
		['not before the reboot', rebooted, ['backup-replaced'], undefined],
		['since the reboot', rebooted, ['backup-consumed', 'backup-replaced'], 3],
		['the reboot itself', rebooted, ['reboot'], 50],
	] as const)('%s: tick %s', (_, events, kinds, tick) => {
		const document = documentOf([...events]);
		// Asked twice, and after other kinds, for the same stream: the same answer.
		expect(lastEvent(document, kinds)?.tick).toBe(tick);
		expect(lastEvent(document, ['subheap-added'])?.kind).toBe(events.some((item) => item.kind === 'subheap-added') ? 'subheap-added' : undefined);
		expect(lastEvent(document, kinds)?.tick).toBe(tick);
	});

	it('kinds that begin alike are told apart', () => {
		const document = documentOf([...stream]);
		expect(lastEvent(document, ['backup-consumed'])?.tick).toBe(3);
		expect(lastEvent(document, ['backup-consumed', 'backup-replaced'])?.tick).toBe(5);
		expect(lastEvent(document, ['backup-consumed', 'subheap-removed'])?.tick).toBe(6);
	});

	it('a new stream is asked again', () => {
		expect(lastEvent(documentOf(stream), ['backup-consumed'])?.tick).toBe(3);
		expect(lastEvent(documentOf([...stream, event(9, 'backup-consumed')]), ['backup-consumed'])?.tick).toBe(9);
		expect(lastEvent(documentOf(rebooted), ['backup-consumed'])?.tick).toBe(3);
	});
});
