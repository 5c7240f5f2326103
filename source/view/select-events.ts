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

/** Events of the current boot, oldest first (the reboot event itself included). */
export const eventsSinceBoot = (document: SnapshotDocument): SnapshotEvent[] => {
	const {events} = document;
	for (let index = events.length - 1; index >= 0; index--) {
		if (events[index]!.kind === 'reboot') {
			return events.slice(index);
		}
	}

	return events;
};

export const lifecycleEvents = (events: readonly SnapshotEvent[]): SnapshotEvent[] =>
	events.filter((event) => lifecycleKinds.has(event.kind));

/** The newest event of one of `kinds` in this boot. */
export const lastEvent = (document: SnapshotDocument, kinds: readonly EventKind[]): SnapshotEvent | undefined => {
	const events = eventsSinceBoot(document);
	for (let index = events.length - 1; index >= 0; index--) {
		if (kinds.includes(events[index]!.kind)) {
			return events[index];
		}
	}

	return undefined;
};

/** The running workload's failure, if it failed since it was started (the footer says so). */
export const currentWorkloadFailure = (document: SnapshotDocument): SnapshotEvent | undefined => {
	const last = lastEvent(document, ['workload-error', 'workload-switched', 'reboot']);
	return last?.kind === 'workload-error' ? last : undefined;
};
