// Panels memoized on what they read (memo-panel.ts): each reads only the sections and facts it
// declares, so a panel skipped because those kept their identity would have drawn the same; and
// a memoized panel whose data changed draws again, with a new document or the same one.

import {render} from 'ink-testing-library';
import type {FunctionComponent} from 'react';
import {beforeAll, describe, expect, it} from 'vitest';
import {LiveEngine} from '../../../source/engine/live-engine.js';
import type {SnapshotDocument} from '../../../source/engine/snapshot-types.js';
import {BackupPanel} from '../../../source/ui/panels/backup-panel.js';
import {HeaderBar} from '../../../source/ui/panels/header-bar.js';
import {HoldersPanel} from '../../../source/ui/panels/holders-panel.js';
import {KernelHeapPanel} from '../../../source/ui/panels/kernel-heap-panel.js';
import {type PanelReads, sameData, samePanelInput} from '../../../source/ui/panels/memo-panel.js';
import {PhysicalMemoryPanel} from '../../../source/ui/panels/physical-memory-panel.js';
import {SubheapsPanel} from '../../../source/ui/panels/subheaps-panel.js';
import {TracePanel} from '../../../source/ui/panels/trace-panel.js';
import {holderRatesOf} from '../../../source/view/describe-holders.js';
import type {ViewFacts} from '../../../source/view/view-facts.js';
import {createSession, createTraceSession} from '../helpers.js';

type View = {name: string; document: SnapshotDocument; facts: ViewFacts};

/** A few views as kmtop shows them: live (running, paused, a trace replay) and a text snapshot's (no facts). */
let views: View[];

beforeAll(async () => {
	views = [];
	const session = await createSession('vmobject-churn');
	const engine = new LiveEngine(session);
	// Past tick 982 the backup has been consumed and subheaps added: lines that say "new" for a while.
	for (const ticks of [1, 40, 400, 600, 100, 2000]) {
		session.simulation.step(ticks);
		const {document, facts} = engine.view();
		views.push({name: `vmobject-churn at ${document.run.tick}`, document, facts}, {name: `its text snapshot at ${document.run.tick}`, document, facts: {}});
	}

	engine.apply({type: 'toggle-pause'});
	const paused = engine.view();
	views.push({name: 'paused', ...paused});
	// Paused for 3 s: the same document, nothing is new any more (no flash, no `← new`).
	views.push({name: 'paused, 3 s on', document: paused.document, facts: {...paused.facts, recentSinceTick: paused.document.run.tick}});
	const trace = await createTraceSession();
	trace.simulation.step(30);
	views.push({name: 'a trace replay', ...new LiveEngine(trace).view()});
});

type Panel = {reads: PanelReads; draw: FunctionComponent<never>};

/** Each panel as the layout draws it, at 60×16 (the header a row of 100). */
const panels: Array<[string, Panel, (view: View) => Record<string, unknown>]> = [
	['Kernel heap', KernelHeapPanel, ({document, facts}) => ({document, facts, width: 60, height: 12})],
	['Kernel heap, compact', KernelHeapPanel, ({document, facts}) => ({document, facts, width: 60, compact: true, traceLine: true, physicalLine: true})],
	['Backup region', BackupPanel, ({document, facts}) => ({document, facts, width: 60, height: 10})],
	['Subheaps', SubheapsPanel, ({document, facts}) => ({document, facts, width: 60, height: 16, lifecycle: 'below'})],
	['Subheaps, beside', SubheapsPanel, ({document, facts}) => ({document, facts, width: 100, lifecycle: 'beside', lifecycleLines: 6})],
	['Physical memory', PhysicalMemoryPanel, ({document}) => ({document, width: 60, height: 10})],
	['Trace', TracePanel, ({document, facts}) => ({document, facts, width: 60, height: 12})],
	['Holders', HoldersPanel, ({document, facts}) => ({document, width: 60, height: 12, column: 'bytes', rates: holderRatesOf(facts)})],
	['Header', HeaderBar, ({document, facts}) => ({document, facts, width: 100})],
];

/** `value` with each key read from it (and every key, when its keys are listed) noted in `read`. */
const recording = <T extends object>(value: T, read: Set<string>): T =>
	new Proxy(value, {
		get(target, key, receiver) {
			read.add(String(key));
			return Reflect.get(target, key, receiver) as unknown;
		},
		has(target, key) {
			read.add(String(key));
			return Reflect.has(target, key);
		},
		ownKeys(target) {
			read.add('*');
			return Reflect.ownKeys(target);
		},
	});

describe('a memoized panel reads only what it declares', () => {
	it.each(panels)('%s', (_, panel, props) => {
		const documentReads = new Set<string>();
		const factReads = new Set<string>();
		for (const view of views) {
			const {document, facts, ...rest} = props(view);
			const drawn = panel.draw({
				...rest,
				document: recording(document as SnapshotDocument, documentReads),
				...(facts === undefined ? {} : {facts: recording(facts as ViewFacts, factReads)}),
			} as never);
			expect(drawn, view.name).toBeTruthy();
		}

		expect([...documentReads].filter((key) => !(panel.reads.document as string[]).includes(key)).sort(), 'sections read, not declared').toEqual([]);
		expect([...factReads].filter((key) => !(panel.reads.facts as string[]).includes(key)).sort(), 'facts read, not declared').toEqual([]);
	});
});

describe('a memoized panel draws again when its data changes', () => {
	it.each(panels)('%s', (_, panel, props) => {
		const Memoized = panel as unknown as FunctionComponent<Record<string, unknown>>;
		const Plain = panel.draw as unknown as FunctionComponent<Record<string, unknown>>;
		const frame = (view: View) => render(<Plain {...props(view)} />).lastFrame();
		const [first, ...later] = views.filter((view) => view.facts.live);
		const {lastFrame, rerender} = render(<Memoized {...props(first!)} />);
		let changed = 0;
		let previous = lastFrame();
		for (const view of later) {
			rerender(<Memoized {...props(view)} />);
			expect(lastFrame(), view.name).toBe(frame(view));
			changed += lastFrame() === previous ? 0 : 1;
			previous = lastFrame();
		}

		// Not a test that cannot fail: the views do change what each panel shows.
		expect(changed).toBeGreaterThan(0);
	});

	it('is skipped when nothing it reads changed, and not when a read section or fact changed in a new document', () => {
		const same = samePanelInput({document: ['run'], facts: ['liveTick']});
		const {document, facts} = views[0]!;
		const run = {...document.run, tick: 99_999};
		expect(same({document, facts, width: 10}, {document: {...document, heap: {...document.heap}}, facts: {...facts, kmallocPerSecond: 1}, width: 10})).toBe(true);
		expect(same({document, facts, width: 10}, {document: {...document, run}, facts, width: 10})).toBe(false);
		expect(same({document, facts, width: 10}, {document, facts: {...facts, liveTick: facts.liveTick! + 1}, width: 10})).toBe(false);
		expect(same({document, facts, width: 10}, {document, width: 10})).toBe(false);
	});
});

describe('sameData', () => {
	it.each([
		[1, 1, true],
		[Number.NaN, Number.NaN, true],
		[1, 2, false],
		['a', 'a', true],
		[[1, [2]], [1, [2]], true],
		[[1, 2], [1, 2, 3], false],
		[{a: 1, b: [1]}, {a: 1, b: [1]}, true],
		[{a: 1}, {a: 1, b: undefined}, false],
		[{a: 1}, {b: 1}, false],
		[new Map([[1, {k: 2}]]), new Map([[1, {k: 2}]]), true],
		[new Map([[1, {k: 2}]]), new Map([[1, {k: 3}]]), false],
		[undefined, null, false],
		[[1], {0: 1}, false],
	])('%j and %j: %s', (a, b, same) => {
		expect(sameData(a, b)).toBe(same);
	});

	it('props other than the document and facts are compared by value, a prop more or less is a change', () => {
		const same = samePanelInput({document: [], facts: []});
		const {document} = views[0]!;
		expect(same({document, width: 10, rates: new Map([[1, 2]])}, {document, width: 10, rates: new Map([[1, 2]])})).toBe(true);
		expect(same({document, width: 10}, {document, width: 11})).toBe(false);
		expect(same({document, width: 10}, {document, width: 10, height: 3})).toBe(false);
		expect(same({document, width: 10, height: undefined}, {document, width: 10, compact: undefined})).toBe(false);
	});
});
