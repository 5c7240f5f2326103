// What `s` saves when the engine cannot answer (it failed: kmtop's own error, the thread gone).
// The UI's copy of the live document is the engine's last view, and a view leaves out what no
// panel shows (LiveFacts.withheld): the holders table while the Holders panel is hidden, the
// region and deferred-call events always. Saved, such a copy would pass for a snapshot with
// nothing in it to say what is missing (the schema has no field for that, and requires the
// holders), so only a whole copy is saved; otherwise the save is refused, in one line that names
// what the copy lacks (the status line shows it after "could not save: ").

import type {LinkedView} from './engine-link.js';
import type {WithheldSection} from './engine-protocol.js';
import type {SnapshotDocument} from './snapshot-types.js';

const sectionWords: Record<WithheldSection, string> = {holders: 'holders', frequentEvents: 'region/deferred-call events'};

/** The last view's document when it is whole; else an Error saying what it lacks. */
export const takeShownDocument = (view: Pick<LinkedView, 'document' | 'facts'>): SnapshotDocument => {
	const withheld = view.facts.withheld ?? [];
	if (withheld.length === 0) {
		return view.document;
	}

	throw new Error(`the engine failed; its last view lacks ${withheld.map((section) => sectionWords[section]).join(' and ')}`);
};
