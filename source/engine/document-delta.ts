// A live document goes from the engine's thread to the UI's a few times a second. Most of it
// stays the same from one view to the next (the kernel log, the retired subheaps, the slabs), so
// only the top-level sections that changed cross: less to copy, less garbage for the UI's heap,
// and unchanged sections keep their identity, so panels drawn from them need not be redrawn.
//
// A section crosses as its JSON text, which the engine makes anyway to see whether it changed:
// posting a string is a copy of its characters, where the structured clone of the same objects
// walked them all (on the engine's thread, more than the whole simulation at 100 t/s), and
// JSON.parse on the UI's side is cheaper than the clone's reading. The document is JSON by
// definition (snapshot.md), so nothing is lost on the way.

import type {LiveFacts, PublishedView} from './engine-protocol.js';
import {applySectionTail, sectionTail} from './section-tail.js';
import type {SnapshotDocument} from './snapshot-types.js';

/**
A section whose arrays only move on from view to view (section-tail.ts): after the first time,
what moved in them, as the JSON text of its tail.
*/
const TAILED_SECTIONS: ReadonlySet<string> = new Set<keyof SnapshotDocument>(['history']);

/** A tailed section that moved: the JSON text of its tail (section-tail.ts). */
export type SectionTailText = {tail: string};

/** The changed sections as JSON text (or a tail's); null for a section that went away. */
export type DocumentDelta = Partial<Record<keyof SnapshotDocument, string | SectionTailText | null>>;

/** A section as last given: its value, and its JSON text unless it is tailed. */
type SentSection = {value: unknown; text?: string};

/**
The engine's side: what changed since the last document it was given. A section that is the very
value it was last time (a string, or a section the snapshot reuses while its inputs stand still:
the events, the log, the retired subheaps; build-snapshot.ts) is unchanged without being read:
making its JSON text only to find it the same was most of this writer's time.
*/
export const createDeltaWriter = () => {
	let sent = new Map<string, SentSection>();
	return (document: SnapshotDocument): DocumentDelta => {
		const now = new Map<string, SentSection>();
		const delta: Record<string, string | SectionTailText | null> = {};
		// Keys, then each value: Object.entries made an array for each section, every view.
		for (const key of Object.keys(document) as Array<keyof SnapshotDocument>) {
			const value: unknown = document[key];
			// A key whose value is undefined is no section: the UI drops it, as JSON would.
			if (value === undefined) {
				continue;
			}

			const previous = sent.get(key);
			if (previous?.value === value) {
				now.set(key, previous);
				continue;
			}

			if (TAILED_SECTIONS.has(key) && previous !== undefined) {
				// Kept as the value itself: what moved is found by comparing the values.
				now.set(key, {value});
				const tail = sectionTail(previous.value, value);
				if (tail === undefined) {
					delta[key] = JSON.stringify(value);
				} else if (tail !== null) {
					delta[key] = {tail: JSON.stringify(tail)};
				}

				continue;
			}

			const text = JSON.stringify(value);
			now.set(key, TAILED_SECTIONS.has(key) ? {value} : {value, text});
			if (previous?.text !== text) {
				delta[key] = text;
			}
		}

		// A section that went away (a finished panic is cleared by a reboot) must be dropped too.
		for (const key of sent.keys()) {
			if (!now.has(key)) {
				delta[key] = null;
			}
		}

		sent = now;
		return delta;
	};
};

/**
A published view as it crosses: the changed sections, and the facts as JSON text. The facts are
made into text anyway, to see whether they changed; posting the text copies its characters,
where the structured clone of the facts walked their objects again.
*/
export type ViewCrossing = {delta: DocumentDelta; facts: string; keys?: SectionKeys};

/**
The document's sections in its order, when the UI would not come to that order by itself: a
section that comes back (the holders when their panel is shown again) lands last in the UI's
copy, where the engine's document has it in its place, and a saved document is JSON text.
*/
export type SectionKeys = Array<keyof SnapshotDocument>;

/** The sections of `document` that are there (a key whose value is undefined is no section). */
const sectionKeys = (document: SnapshotDocument): SectionKeys =>
	(Object.keys(document) as SectionKeys).filter((key) => document[key] !== undefined);

/** The order of the sections the UI comes to from `had` with `delta`: kept ones in place, new ones last. */
const keysAfter = (had: SectionKeys, delta: DocumentDelta): SectionKeys => {
	const kept = had.filter((key) => delta[key] !== null);
	const added = (Object.keys(delta) as SectionKeys).filter((key) => delta[key] !== null && !had.includes(key));
	return [...kept, ...added];
};

/**
The engine's side of a published view: the changed sections and the facts, or undefined when
neither changed since the last one (paused, frozen, a key that changed nothing), so the UI does
not draw the same screen again a few times a second.
*/
export const createViewWriter = () => {
	const changes = createDeltaWriter();
	let sentFacts: string | undefined;
	let sentKeys: SectionKeys = [];
	return ({document, facts}: PublishedView): ViewCrossing | undefined => {
		const delta = changes(document);
		const factsText = JSON.stringify(facts);
		if (factsText === sentFacts && Object.keys(delta).length === 0) {
			return undefined;
		}

		sentFacts = factsText;
		const keys = sectionKeys(document);
		const inOrder = keysAfter(sentKeys, delta).join() === keys.join();
		sentKeys = keys;
		return inOrder ? {delta, facts: factsText} : {delta, facts: factsText, keys};
	};
};

/** The UI's side of the facts: what the engine measured, from their text. */
export const readFacts = (text: string): LiveFacts => JSON.parse(text) as LiveFacts;

/**
The UI's side: the previous document with the changed sections in their place (itself when none
changed), in the order `keys` gives when the engine sent one.
*/
export const applyDelta = (previous: SnapshotDocument | undefined, delta: DocumentDelta, keys?: SectionKeys): SnapshotDocument => {
	if (previous && !keys && Object.keys(delta).length === 0) {
		return previous;
	}

	const document: Record<string, unknown> = {...previous};
	for (const [key, text] of Object.entries(delta)) {
		if (text === null || text === undefined) {
			delete document[key];
		} else if (typeof text === 'string') {
			document[key] = JSON.parse(text) as unknown;
		} else {
			document[key] = applySectionTail(document[key], JSON.parse(text.tail) as unknown);
		}
	}

	return (keys ? Object.fromEntries(keys.map((key) => [key, document[key]])) : document) as SnapshotDocument;
};
