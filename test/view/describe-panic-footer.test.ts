// After a panic the footer offers the keys that work in each state the view can be in: the panic
// screen live or frozen (its body lists r, v / V, the workloads, s and q; the footer keeps what it
// does not: back in time, the map, the holders, and f out of the freeze), and the past before the
// panic (where space goes back to the present and reboots wait for it), at the sizes kmtop runs at.

import {describe, expect, test} from 'vitest';
import type {SnapshotDocument} from '../../source/engine/snapshot-types.js';
import {footerExplore} from '../../source/ui/explore-hints.js';
import {initialExploreState} from '../../source/ui/explore-state.js';
import {describeFooter} from '../../source/view/describe-footer.js';
import {lineText} from '../../source/view/styled-line.js';
import type {ViewFacts} from '../../source/view/view-facts.js';
import {baseDocument, panicDocument} from './document-fixture.js';

const workloads = ['steady', 'vmobject-churn', 'logging-burst', 'fragmentation', 'big-allocations'];
const live: ViewFacts = {live: true, rate: 100, paused: false, frozen: false, workloads};
const present = {shown: {boot: 1, tick: 4000}, present: {boot: 1, tick: 4000}};
/** One tick before the panic: the document of that tick, which has none. */
const past = {shown: {boot: 1, tick: 3999}, present: {boot: 1, tick: 4000}};

const states: Record<string, {document: () => SnapshotDocument; facts: ViewFacts}> = {
	'live halted': {document: panicDocument, facts: {...live, time: present}},
	frozen: {document: panicDocument, facts: {...live, frozen: true, time: present}},
	'back at the panic from the past (paused by travel)': {document: panicDocument, facts: {...live, paused: true, time: present}},
	'travelled back': {document: baseDocument, facts: {...live, paused: true, time: past}},
	'frozen, travelled back': {document: baseDocument, facts: {...live, paused: true, frozen: true, time: past}},
};

/** The footer's line of keys as the live view draws it: 120×40 has two footer lines, 80×24 and 60×20 one. */
const keyLine = (state: string, width: number): string => {
	const {document, facts} = states[state]!;
	const shown = document();
	const lines = describeFooter(shown, facts, width, width >= 100 ? 2 : 1, footerExplore(initialExploreState, Boolean(shown.panic)));
	return lineText(lines.at(-1)!).trimEnd();
};

describe('the footer after a panic', () => {
	test.each<[state: string, width: number, keys: string]>([
		['live halted', 120, ' r reboot  v/V revision  0-9 w/W workload  s save  ←/→ travel  m map  a holders  ? help  q quit'],
		['live halted', 80, ' [2 vmobject-churn]  1-5 w/W  r reboot  m map  a holders  ? help  q quit'],
		['live halted', 60, ' [2 vmobject-churn]  1-5 w/W  r reboot  ? help  q quit'],
		['frozen', 120, ' r reboot  v/V revision  0-9 w/W workload  s save  f unfreeze  ←/→ travel  m map  a holders  ? help  q quit'],
		['frozen', 80, ' [2 vmobject-churn]  1-5 w/W  r reboot  f unfreeze  m map  ? help  q quit'],
		['frozen', 60, ' [2 vmobject-churn]  1-5 w/W  r reboot  ? help  q quit'],
		['back at the panic from the past (paused by travel)', 120, ' r reboot  v/V revision  0-9 w/W workload  s save  ←/→ travel  m map  a holders  ? help  q quit'],
		['travelled back', 120, ' space present  ←/→ travel  . step  +/- speed  f freeze  s save  Tab panels  m map  a holders  ? help  q quit'],
		['travelled back', 80, ' space present  ←/→ travel  . step  +/- speed  f freeze  s save  ? help  q quit'],
		['travelled back', 60, ' space present  ←/→ travel  f freeze  s save  ? help  q quit'],
		['frozen, travelled back', 120, ' space present  ←/→ travel  . step  +/- speed  f unfreeze  s save  Tab panels  m map  a holders  ? help  q quit'],
	])('%s, %i columns: %s', (state, width, keys) => {
		expect(keyLine(state, width)).toBe(keys);
	});

	test.each(Object.keys(states))('%s: the keys fit 60 and 80 columns, ? help and q quit last', (state) => {
		for (const width of [60, 80]) {
			const line = keyLine(state, width);
			expect(line.length).toBeLessThanOrEqual(width);
			expect(line.endsWith('? help  q quit')).toBe(true);
		}
	});
});
