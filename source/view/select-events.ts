// Picking events out of the document's event stream. Ticks restart at every reboot while the
// stream goes on, so anything measured in ticks looks only at the events since the last reboot.

import type {EventKind, SnapshotDocument, SnapshotEvent} from '../engine/snapshot-types.js';

/** The kinds a user follows: what happened to subheaps, the backup, the kernel and the run. */
export const lifecycleKinds: ReadonlySet<EventKind> = new Set<EventKind>([
	'subheap-added',
	'subheap-removed',
	'backup-consumed',
	'backup-replaced',
	'backup-recycled',
	'backup-replacement-failed',
	'expansion-failed',
	'panic',
	'workload-switched',
	'workload-error',
	'reboot',
]);

// The last stream's events since boot and the newest event of each set of kinds asked for (one
// stream; a few sets of kinds, each named in the code): the Backup panel, the footer and the
// header ask for them several times a frame, and each asking walked the whole stream twice.
let lastBoot: {events: readonly SnapshotEvent[]; sinceBoot: SnapshotEvent[]; newest: Map<string, SnapshotEvent | undefined>} | undefined;

const bootOf = (document: SnapshotDocument) => {
	const {events} = document;
	if (lastBoot?.events !== events) {
		let sinceBoot = events;
		for (let index = events.length - 1; index >= 0; index--) {
			if (events[index]!.kind === 'reboot') {
				sinceBoot = events.slice(index);
				break;
			}
		}

		lastBoot = {events, sinceBoot, newest: new Map()};
	}

	return lastBoot;
};

/** Events of the current boot, oldest first (the reboot event itself included): not to be changed. */
export const eventsSinceBoot = (document: SnapshotDocument): readonly SnapshotEvent[] => bootOf(document).sinceBoot;

// The last event stream's lifecycle events, oldest and newest first (one entry; a document's
// events are never changed once made): the stream is new a few times a minute, the screen asks for
// its lifecycle several times a frame (the plan, the Subheaps panel, the live view's lists), and
// the same array each time is what lets the panel see at once that its events did not change.
let lastLifecycle: {events: readonly SnapshotEvent[]; oldestFirst: readonly SnapshotEvent[]; newestFirst?: readonly SnapshotEvent[]} | undefined;

const lifecycleOf = (events: readonly SnapshotEvent[]) => {
	if (lastLifecycle?.events !== events) {
		lastLifecycle = {events, oldestFirst: events.filter((event) => lifecycleKinds.has(event.kind))};
	}

	return lastLifecycle;
};

/** The lifecycle events, oldest first: the same array for the same events (not to be changed). */
export const lifecycleEvents = (events: readonly SnapshotEvent[]): readonly SnapshotEvent[] => lifecycleOf(events).oldestFirst;

/** The lifecycle events, newest first: the same array for the same events (not to be changed). */
export const newestLifecycleEvents = (events: readonly SnapshotEvent[]): readonly SnapshotEvent[] => {
	const lifecycle = lifecycleOf(events);
	lifecycle.newestFirst ??= [...lifecycle.oldestFirst].reverse();
	return lifecycle.newestFirst;
};

/** The newest event of one of `kinds` in this boot. */
export const lastEvent = (document: SnapshotDocument, kinds: readonly EventKind[]): SnapshotEvent | undefined => {
	const {sinceBoot: events, newest} = bootOf(document);
	const key = kinds.join(' ');
	if (newest.has(key)) {
		return newest.get(key);
	}

	let found: SnapshotEvent | undefined;
	for (let index = events.length - 1; index >= 0; index--) {
		if (kinds.includes(events[index]!.kind)) {
			found = events[index];
			break;
		}
	}

	newest.set(key, found);
	return found;
};

/** The running workload's failure, if it failed since it was started (the footer says so). */
export const currentWorkloadFailure = (document: SnapshotDocument): SnapshotEvent | undefined => {
	const last = lastEvent(document, ['workload-error', 'workload-switched', 'reboot']);
	return last?.kind === 'workload-error' ? last : undefined;
};
