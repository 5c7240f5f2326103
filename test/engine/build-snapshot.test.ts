import {describe, expect, test, vi} from 'vitest';
import {buildSnapshot, leaveOutSections} from '../../source/engine/build-snapshot.js';
import {createDeltaWriter} from '../../source/engine/document-delta.js';
import {HeapHistory} from '../../source/engine/heap-history.js';
import {buildHistorySection} from '../../source/engine/build-history-section.js';
import {simulate, ticker} from './helpers.js';
import {createSession, createTraceSession} from '../ui/helpers.js';
import type {SubHeap} from '../../source/kernel/expandable-heap.js';

/** A history with `count` samples pushed whose figures say which sample each is. */
const historyOf = (count: number): HeapHistory => pushSamples(new HeapHistory(), 0, count);

/** Samples `from` to `to` pushed, their figures saying which sample each is. */
const pushSamples = (history: HeapHistory, from: number, to: number): HeapHistory => {
	for (let index = from; index < to; index++) {
		const sample = {tick: index * 10, kmallocAllocated: index, kmallocAvailable: 1000 + index, subheapCount: 2000 + index, kmallocCalls: 3000 + index, kfreeCalls: 4000 + index};
		history.samples.push(sample);
		if (index % 10 === 0) {
			history.coarse.push(sample);
		}
	}

	return history;
};

const range = (from: number, to: number, plus = 0) => Array.from({length: to - from}, (_, index) => from + index + plus);

describe('buildSnapshot: the history section', () => {
	test.each([
		{pushed: 3, first: 0},
		{pushed: 512, first: 0},
		// The rings wrapped: the newest 512 of each, oldest first.
		{pushed: 700, first: 188},
		{pushed: 6000, first: 5488},
	])('$pushed samples pushed: each series from sample $first on, in order', ({pushed, first}) => {
		const simulation = simulate(ticker);
		simulation.history = historyOf(pushed);
		const {history} = buildSnapshot(simulation);
		expect(Object.keys(history)).toEqual(['everyTicks', 'kmallocAllocated', 'kmallocAvailable', 'subheapCount', 'kmallocCalls', 'kfreeCalls', 'coarse']);
		expect(history.kmallocAllocated).toEqual(range(first, pushed));
		expect(history.kmallocAvailable).toEqual(range(first, pushed, 1000));
		expect(history.subheapCount).toEqual(range(first, pushed, 2000));
		expect(history.kmallocCalls).toEqual(range(first, pushed, 3000));
		expect(history.kfreeCalls).toEqual(range(first, pushed, 4000));
		const coarse = range(Math.ceil(pushed / 10) - Math.min(512, Math.ceil(pushed / 10)), Math.ceil(pushed / 10)).map((index) => index * 10);
		expect(history.coarse).toEqual({everyTicks: 100, kmallocAllocated: coarse, kmallocAvailable: coarse.map((value) => value + 1000)});
	});
});

describe('buildSnapshot: the history section moved on from the last one built', () => {
	test.each([
		[3, 2],
		[510, 3],
		[512, 3],
		[700, 2],
		[700, 511],
		[700, 512],
		[700, 513],
		[6000, 25],
	])('%i samples, then %i more: what building it afresh gives', (before, more) => {
		const history = historyOf(before);
		const first = buildHistorySection(history);
		pushSamples(history, before, before + more);
		const moved = buildHistorySection(history);
		expect(moved).toEqual(buildHistorySection(historyOf(before + more)));
		// The section before stays what it was.
		expect(first).toEqual(buildHistorySection(historyOf(before)));
	});

	test('no sample since: the very section (the view\'s writer sees it unchanged at a glance)', () => {
		const history = historyOf(700);
		const first = buildHistorySection(history);
		expect(buildHistorySection(history)).toBe(first);
		pushSamples(history, 700, 701);
		expect(buildHistorySection(history)).not.toBe(first);
	});
});

describe('buildSnapshot: sections that stand still are the values they were', () => {
	// The live view's writer sees such a section unchanged without reading it (document-delta.ts).
	test('the lifecycle events, the log and the retired subheaps: the very arrays until one of them changes', async () => {
		const {simulation} = await createSession();
		simulation.step(5000);
		const first = buildSnapshot(simulation, {frequentEvents: false});
		expect(first.retiredSubheaps.length).toBeGreaterThan(0);
		const again = buildSnapshot(simulation, {frequentEvents: false});
		expect(again.events).toBe(first.events);
		expect(again.dmesg).toBe(first.dmesg);
		expect(again.retiredSubheaps).toBe(first.retiredSubheaps);
		expect(again.kmtop).toBe(first.kmtop);

		// Each changes with what it shows: a new lifecycle event, a new line, a retirement.
		const {dmesg} = simulation.kernel;
		const logged: string[] = [...first.dmesg];
		const append = dmesg.append.bind(dmesg);
		dmesg.append = (text, rawLength) => {
			logged.push(text);
			append(text, rawLength);
		};

		const changed = {events: false, dmesg: false, retired: false};
		let before = again;
		for (let tick = 0; tick < 20_000 && !(changed.events && changed.dmesg && changed.retired); tick++) {
			const eventsBefore = simulation.events.count;
			const linesBefore = logged.length;
			simulation.step(1);
			const after = buildSnapshot(simulation, {frequentEvents: false});
			const lifecycle = simulation.events.since(eventsBefore).filter((event) => !['region-allocated', 'region-freed', 'deferred-call'].includes(event.kind));
			if (lifecycle.length > 0) {
				changed.events = true;
				expect(after.events).not.toBe(before.events);
				expect(after.events.slice(-lifecycle.length)).toEqual(lifecycle);
			} else {
				expect(after.events).toBe(before.events);
			}

			if (logged.length > linesBefore) {
				changed.dmesg = true;
				expect(after.dmesg).not.toBe(before.dmesg);
			} else {
				expect(after.dmesg).toBe(before.dmesg);
			}

			expect(after.dmesg.at(-1)).toBe(logged.at(-1));
			expect(after.dmesg).toEqual(logged.slice(-after.dmesg.length));
			const records = simulation.kernel.global.book.retiredSubheaps.map((record) => ({...record}));
			expect(after.retiredSubheaps).toEqual(records);
			if (after.retiredSubheaps !== before.retiredSubheaps) {
				changed.retired = true;
				expect(after.retiredSubheaps).not.toEqual(before.retiredSubheaps);
			}

			before = after;
		}

		expect(changed).toEqual({events: true, dmesg: true, retired: true});
	});

	test('a retired subheap whose fate changes in its record (a queued removal that ran) is copied again', () => {
		const simulation = simulate(ticker);
		const {book} = simulation.kernel.global;
		// A subheap of the book's own: its removal queued, then run.
		const subheap = {base: 0xc9_00_00_00, memorySize: 8192} as unknown as SubHeap;
		book.added(subheap, 'region', 8192);
		book.retired(subheap.base, 'queued');
		const queued = buildSnapshot(simulation);
		expect(queued.retiredSubheaps.at(-1)).toMatchObject({base: '0xc9000000', fate: 'queued'});
		expect(buildSnapshot(simulation).retiredSubheaps).toBe(queued.retiredSubheaps);
		book.resolved(subheap.base, 'freed');
		const freed = buildSnapshot(simulation);
		expect(freed.retiredSubheaps.at(-1)).toMatchObject({base: '0xc9000000', fate: 'freed'});
		// The document made before keeps what it said.
		expect(queued.retiredSubheaps.at(-1)!.fate).toBe('queued');
	});
});

describe('leaveOutSections: the frozen document without what the screen does not show', () => {
	// A save is the text a headless `kmtop snapshot` of the same state writes: the keys in buildSnapshot's order.
	const leftOut = [{holders: false}, {frequentEvents: false}, {holders: false, frequentEvents: false}, {holders: true, frequentEvents: false}];

	const order = ['schema', 'kmtop', 'run', 'memstat', 'systemMonitor', 'heap', 'backup', 'subheaps', 'retiredSubheaps', 'regions', 'slabs', 'holders', 'events', 'dmesg', 'history', 'panic'];

	// Left out, the holders' key goes and the rest keep their place; with the events filtered, the holders too.
	test.each(leftOut)('%o: the keys in their place, the text buildSnapshot writes', async (options) => {
		const session = await createSession();
		session.simulation.step(3000);
		session.toggleFreeze();
		const frozen = session.snapshot(options);
		expect(Object.keys(frozen)).toEqual(order.filter((key) => key !== 'holders' || options.holders !== false));
		expect(JSON.stringify(frozen)).toBe(JSON.stringify(buildSnapshot(session.simulation, options)));
		// vmobject-churn maps regions every tick: the filter had events to drop.
		const whole = buildSnapshot(session.simulation).events.length;
		expect(frozen.events.length < whole).toBe(options.frequentEvents === false);
	});

	test('a trace replay\'s document keeps its trace section last', async () => {
		const session = await createTraceSession();
		session.simulation.step(50);
		session.toggleFreeze();
		const frozen = session.snapshot({frequentEvents: false});
		expect(Object.keys(frozen).slice(-6)).toEqual(['holders', 'events', 'dmesg', 'history', 'panic', 'trace']);
		expect(JSON.stringify(frozen)).toBe(JSON.stringify(buildSnapshot(session.simulation, {frequentEvents: false})));
	});

	test('frozen, the filtered events are the same array view after view: not filtered nor made into text again; a reboot\'s cross', async () => {
		const session = await createSession();
		session.simulation.step(3000);
		session.toggleFreeze();
		const writer = createDeltaWriter();
		const first = session.snapshot({frequentEvents: false});
		expect(writer(first).events).toBe(JSON.stringify(first.events));
		const stringify = vi.spyOn(JSON, 'stringify');
		try {
			const again = session.snapshot({frequentEvents: false});
			expect(again.events).toBe(first.events);
			expect(writer(again)).toEqual({});
			expect(stringify.mock.calls.some(([value]) => value === again.events)).toBe(false);
		} finally {
			stringify.mockRestore();
		}

		// A reboot while frozen takes the frozen document again: its events cross, filtered as buildSnapshot would.
		session.reboot();
		const rebooted = session.snapshot({frequentEvents: false});
		expect(rebooted.events).not.toBe(first.events);
		expect(writer(rebooted).events).toBe(JSON.stringify(buildSnapshot(session.simulation, {frequentEvents: false}).events));
	});

	test('nothing left out: the document itself', async () => {
		const session = await createSession();
		session.simulation.step(10);
		const document = buildSnapshot(session.simulation);
		expect(leaveOutSections(document, {holders: true, frequentEvents: true})).toBe(document);
	});
});
