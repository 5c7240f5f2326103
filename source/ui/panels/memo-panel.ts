// A panel drawn again only when what it reads changed (issue 14). The live document is new on
// every refresh, and so are the facts, but a section that stayed the same keeps its identity
// (document-delta.ts): a panel that names the sections and facts it reads is compared on those
// alone, and React skips it, view functions and all, when none of them moved. A panel paused,
// frozen or only outrun by the header's tick is not worked out again.
//
// What a panel reads is declared beside it, and test/ui/panels/memo-panels.test.tsx draws every
// panel from documents that record what is read: a panel that reads a section or a fact it does
// not declare fails there, before it could stay stale on screen.

import {memo, type FunctionComponent, type NamedExoticComponent} from 'react';
import type {SnapshotDocument} from '../../engine/snapshot-types.js';
import type {ViewFacts} from '../../view/view-facts.js';

/** The document's sections and the facts a panel's drawing depends on. */
export type PanelReads = {document: ReadonlyArray<keyof SnapshotDocument>; facts: ReadonlyArray<keyof ViewFacts>};

/**
Whether two values of view data are the same: numbers, strings and the like by value, arrays,
plain objects and maps item by item. Facts are small (a rate, a few names, the time-travel
point), new objects each view even when they say the same.
*/
export const sameData = (a: unknown, b: unknown): boolean => {
	if (Object.is(a, b)) {
		return true;
	}

	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
		return false;
	}

	if (Array.isArray(a) || Array.isArray(b)) {
		return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameData(item, b[index]));
	}

	if (a instanceof Map || b instanceof Map) {
		return a instanceof Map && b instanceof Map && a.size === b.size && [...a].every(([key, value]) => b.has(key) && sameData(value, b.get(key)));
	}

	if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) {
		return false;
	}

	const keys = Object.keys(a);
	return (
		keys.length === Object.keys(b).length
		&& keys.every((key) => Object.hasOwn(b, key) && sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
	);
};

type Props = {document: SnapshotDocument; facts?: ViewFacts};

/** Whether a panel that reads `reads` would draw the same from `next` as from `previous`. */
export const samePanelInput =
	(reads: PanelReads) =>
	(previous: Readonly<Props & Record<string, unknown>>, next: Readonly<Props & Record<string, unknown>>): boolean => {
		const keys = Object.keys(next);
		if (keys.length !== Object.keys(previous).length) {
			return false;
		}

		for (const key of keys) {
			if (key === 'document') {
				const [a, b] = [previous.document, next.document];
				if (a !== b && !reads.document.every((section) => a[section] === b[section])) {
					return false;
				}
			} else if (key === 'facts') {
				const [a, b] = [previous.facts, next.facts];
				if (a !== b && (a === undefined || b === undefined || !reads.facts.every((fact) => sameData(a[fact], b[fact])))) {
					return false;
				}
			} else if (!Object.hasOwn(previous, key) || !sameData(previous[key], next[key])) {
				return false;
			}
		}

		return true;
	};

/**
Facts every panel is compared on: what is "new" (a flash, `← new`) is a matter of wall time
(view-facts.ts, isRecent), read only where something happened recently, so a panel that reads it
on some views and not others is compared on it always.
*/
const RECENT_FACTS: ReadonlyArray<keyof ViewFacts> = ['live', 'rate', 'recentSinceTick'];

/** The panel, memoized on what it reads; `reads` stays on it for the test that checks it. */
export const memoPanel = <P extends Props>(panel: FunctionComponent<P>, declared: PanelReads): NamedExoticComponent<P> & {reads: PanelReads; draw: FunctionComponent<P>} => {
	const reads = {document: declared.document, facts: [...new Set([...declared.facts, ...RECENT_FACTS])]};
	return Object.assign(memo(panel, samePanelInput(reads) as (previous: Readonly<P>, next: Readonly<P>) => boolean), {reads, draw: panel});
};
