// A live document goes from the engine's thread to the UI's a few times a second. Most of it
// stays the same from one view to the next (the kernel log, the retired subheaps, the slabs), so
// only the top-level sections that changed cross: less to copy, less garbage for the UI's heap,
// and unchanged sections keep their identity, so panels drawn from them need not be redrawn.

import type {SnapshotDocument} from './snapshot-types.js';

export type DocumentDelta = Partial<SnapshotDocument>;

/** The engine's side: what changed since the last document it was given. */
export const createDeltaWriter = () => {
	let sent = new Map<string, string>();
	return (document: SnapshotDocument): DocumentDelta => {
		const now = new Map<string, string>();
		const delta: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(document)) {
			const text = JSON.stringify(value) ?? 'undefined';
			now.set(key, text);
			if (sent.get(key) !== text) {
				delta[key] = value;
			}
		}

		// A section that went away (a finished panic is cleared by a reboot) must be dropped too.
		for (const key of sent.keys()) {
			if (!now.has(key)) {
				delta[key] = undefined;
			}
		}

		sent = now;
		return delta;
	};
};

/** The UI's side: the previous document with the changed sections in their place. */
export const applyDelta = (previous: SnapshotDocument | undefined, delta: DocumentDelta): SnapshotDocument => {
	const document: Record<string, unknown> = {...previous};
	for (const [key, value] of Object.entries(delta)) {
		if (value === undefined) {
			delete document[key];
		} else {
			document[key] = value;
		}
	}

	return document as SnapshotDocument;
};
