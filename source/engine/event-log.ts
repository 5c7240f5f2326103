// The event stream of a run: the kernel's lifecycle events plus the engine's own (workload
// switches and errors, reboots). Region and deferred-call events come by the thousand under a
// churning workload, so they have their own ring and cannot push the rarer lifecycle events
// (a subheap removed an hour ago) out of view.

import type {SnapshotEvent} from './snapshot-types.js';
import {RingBuffer} from './ring-buffer.js';

const frequentKinds: ReadonlySet<string> = new Set(['region-allocated', 'region-freed', 'deferred-call']);

/** Region and deferred-call events: by the thousand under a churning workload, and no panel of the live view draws them. */
export const isFrequentEvent = (event: SnapshotEvent): boolean => frequentKinds.has(event.kind);

type Numbered = {sequence: number; event: SnapshotEvent};

export class EventLog {
	private readonly lifecycle = new RingBuffer<Numbered>(200);
	private readonly frequent = new RingBuffer<Numbered>(56);
	private sequence = 0;

	add(event: SnapshotEvent): void {
		const entry = {sequence: this.sequence++, event};
		(isFrequentEvent(event) ? this.frequent : this.lifecycle).push(entry);
	}

	/** Oldest first. */
	list(): SnapshotEvent[] {
		return [...this.lifecycle.toArray(), ...this.frequent.toArray()]
			.sort((a, b) => a.sequence - b.sequence)
			.map((entry) => entry.event);
	}

	/** Lifecycle events only, oldest first (subheaps, backup, panics, workloads). */
	lifecycleEvents(): SnapshotEvent[] {
		return this.lifecycle.toArray().map((entry) => entry.event);
	}

	/**
	The events added since the log held `count` of them, oldest first (those still kept): what
	happened in one tick, read without listing the whole log.
	*/
	since(count: number): SnapshotEvent[] {
		const added = this.sequence - count;
		if (added <= 0) {
			return [];
		}

		return [...this.lifecycle.newest(added), ...this.frequent.newest(added)]
			.filter((entry) => entry.sequence >= count)
			.sort((a, b) => a.sequence - b.sequence)
			.map((entry) => entry.event);
	}

	get count(): number {
		return this.sequence;
	}
}
