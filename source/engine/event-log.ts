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
	/**
	The lists last handed out, until an event they hold comes: the live view asks for the
	lifecycle's four times a second and it changes a few times a minute, so the document keeps the
	very array and the view's writer sees it unchanged without reading it (document-delta.ts).
	*/
	private listed: SnapshotEvent[] | undefined;
	private lifecycleListed: SnapshotEvent[] | undefined;

	add(event: SnapshotEvent): void {
		const entry = {sequence: this.sequence++, event};
		const frequent = isFrequentEvent(event);
		(frequent ? this.frequent : this.lifecycle).push(entry);
		this.listed = undefined;
		if (!frequent) {
			this.lifecycleListed = undefined;
		}
	}

	/** Oldest first; the same array until an event is added (not to be changed). */
	list(): SnapshotEvent[] {
		this.listed ??= [...this.lifecycle.toArray(), ...this.frequent.toArray()]
			.sort((a, b) => a.sequence - b.sequence)
			.map((entry) => entry.event);
		return this.listed;
	}

	/** Lifecycle events only, oldest first (subheaps, backup, panics, workloads); the same array until one is added (not to be changed). */
	lifecycleEvents(): SnapshotEvent[] {
		this.lifecycleListed ??= this.lifecycle.toArray().map((entry) => entry.event);
		return this.lifecycleListed;
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
