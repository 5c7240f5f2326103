// A live document goes from the engine's thread to the UI's a few times a second. Most of it
// stays the same from one view to the next (the kernel log, the retired subheaps, the slabs), so
// only the top-level sections that changed cross: less to copy, less garbage for the UI's heap,
// and unchanged sections keep their identity, so panels drawn from them need not be redrawn.
//
// A section crosses as its JSON text, which the engine makes anyway to see whether it changed:
// posting a string is a copy of its characters, where the structured clone of the same objects
// walked them all (on the engine's thread, more than the whole simulation at 100 t/s), and
// JSON.parse on the UI's side is cheaper than the clone's reading. The document is JSON by
// definition (snapshot.md), so nothing is lost on the way. The history, the events and the
// holders, big and changed on every view, cross as what changed in them (diff-sections.ts).

import {diffEvents, diffHistory, diffHolders, diffLines, patchEvents, patchHistory, patchHolders, patchLines, type SectionPatch} from './diff-sections.js';
import type {LiveFacts, PublishedView} from './engine-protocol.js';
import type {HistorySeries, HolderRow, SnapshotDocument, SnapshotEvent} from './snapshot-types.js';

export type {SectionPatch} from './diff-sections.js';

/** The changed sections as JSON text, or what changed in them (diff-sections.ts); null for a section that went away. */
export type DocumentDelta = Partial<Record<keyof SnapshotDocument, string | SectionPatch | null>>;

/** The sections diffed rather than compared as text (diff-sections.ts): what was last sent of each. */
type Sent = {history?: HistorySeries; events?: readonly SnapshotEvent[]; holders?: Map<number, HolderRow>; dmesg?: unknown};

/** What changed in a diffed section since `sent`; undefined when it crosses as text. */
const diffSection = (key: string, value: unknown, sent: Sent, document: SnapshotDocument): SectionPatch | undefined => {
	switch (key) {
		case 'history': {
			return sent.history && diffHistory(sent.history, value as HistorySeries);
		}

		case 'events': {
			return sent.events && Array.isArray(value) ? diffEvents(sent.events, value as SnapshotEvent[]) : undefined;
		}

		case 'holders': {
			return sent.holders && Array.isArray(value) && typeof document.heap?.allocatedBytes === 'number'
				? diffHolders(sent.holders, value as HolderRow[], document.heap.allocatedBytes)
				: undefined;
		}

		case 'dmesg': {
			return sent.dmesg === undefined ? undefined : diffLines(sent.dmesg, value);
		}

		default: {
			return undefined;
		}
	}
};

/** Whether a diff says nothing changed (the UI may keep its section as it is). */
const unchanged = (patch: SectionPatch, sent: Sent): boolean => {
	switch (patch.kind) {
		case 'history': {
			const before = sent.history! as unknown as Record<string, unknown[]> & {coarse?: Record<string, unknown[]>};
			const same = (series: Record<string, {keep: number; add: number[]}>, from: Record<string, unknown[]> | undefined) =>
				Object.entries(series).every(([key, {keep, add}]) => add.length === 0 && keep === from?.[key]?.length);
			return patch.everyTicks === sent.history!.everyTicks && patch.coarse?.everyTicks === sent.history!.coarse?.everyTicks && same(patch.series, before) && same(patch.coarse?.series ?? {}, before.coarse);
		}

		case 'events': {
			return patch.add === '[]' && patch.keep.length === (sent.events!.length === 0 ? 0 : 2) && (patch.keep.length === 0 || (patch.keep[0] === 0 && patch.keep[1] === sent.events!.length));
		}

		case 'lines': {
			return patch.add.length === 0 && patch.keep === (sent.dmesg as unknown[]).length;
		}

		case 'holders': {
			return patch.rows === '[]' && patch.order.length === sent.holders!.size && patch.order.every((id) => sent.holders!.has(id)) && [...sent.holders!.keys()].every((id, index) => id === patch.order[index]);
		}
	}
};

/** The engine's side: what changed since the last document it was given. */
export const createDeltaWriter = () => {
	let texts = new Map<string, string>();
	let sent: Sent = {};
	return (document: SnapshotDocument): DocumentDelta => {
		const now = new Map<string, string>();
		const next: Sent = {};
		const delta: Record<string, string | SectionPatch | null> = {};
		for (const [key, value] of Object.entries(document)) {
			const patch = diffSection(key, value, sent, document);
			if (patch) {
				now.set(key, '');
				if (!unchanged(patch, sent)) {
					delta[key] = patch;
				}
			} else {
				// A key whose value is undefined is no section: the UI drops it, as JSON would.
				const text = JSON.stringify(value) as string | undefined;
				if (text === undefined) {
					continue;
				}

				now.set(key, text);
				if (texts.get(key) !== text) {
					delta[key] = text;
				}
			}

			// What the next diff of a diffed section starts from.
			if (key === 'history') {
				next.history = value as HistorySeries;
			} else if (key === 'events' && Array.isArray(value)) {
				next.events = value as SnapshotEvent[];
			} else if (key === 'dmesg') {
				next.dmesg = value;
			} else if (key === 'holders' && Array.isArray(value)) {
				next.holders = new Map((value as HolderRow[]).map((row) => [row.id, row]));
			}
		}

		// A section that went away (a finished panic is cleared by a reboot) must be dropped too.
		for (const key of texts.keys()) {
			if (!now.has(key)) {
				delta[key] = null;
			}
		}

		texts = now;
		sent = next;
		return delta;
	};
};

/**
The engine's side of a published view: the changed sections and the facts, or undefined when
neither changed since the last one (paused, frozen, a key that changed nothing), so the UI does
not draw the same screen again a few times a second.
*/
export const createViewWriter = () => {
	const changes = createDeltaWriter();
	let sentFacts: string | undefined;
	return ({document, facts}: PublishedView): {delta: DocumentDelta; facts: LiveFacts} | undefined => {
		const delta = changes(document);
		const factsText = JSON.stringify(facts);
		if (factsText === sentFacts && Object.keys(delta).length === 0) {
			return undefined;
		}

		sentFacts = factsText;
		return {delta, facts};
	};
};

/** The UI's side: the previous document with the changed sections in their place (itself when none changed). */
export const applyDelta = (previous: SnapshotDocument | undefined, delta: DocumentDelta): SnapshotDocument => {
	if (previous && Object.keys(delta).length === 0) {
		return previous;
	}

	const document: Record<string, unknown> = {...previous};
	for (const [key, change] of Object.entries(delta)) {
		if (change === null || change === undefined) {
			delete document[key];
		} else if (typeof change === 'string') {
			document[key] = JSON.parse(change) as unknown;
		} else {
			document[key] = patchSection(document[key], change);
		}
	}

	return document as SnapshotDocument;
};

const patchSection = (previous: unknown, patch: SectionPatch): unknown => {
	switch (patch.kind) {
		case 'history': {
			return patchHistory(previous as HistorySeries, patch);
		}

		case 'events': {
			return patchEvents(previous as SnapshotEvent[], patch);
		}

		case 'holders': {
			return patchHolders(previous as HolderRow[], patch);
		}

		case 'lines': {
			return patchLines(previous as string[], patch);
		}
	}
};
