import {describe, expect, test} from 'vitest';
import {buildSnapshot} from '../../source/engine/build-snapshot.js';
import {applyDelta, createDeltaWriter, createViewWriter, readFacts} from '../../source/engine/document-delta.js';
import type {LiveFacts} from '../../source/engine/engine-protocol.js';
import {applySectionTail, sectionTail} from '../../source/engine/section-tail.js';
import type {SnapshotDocument} from '../../source/engine/snapshot-types.js';
import {createSession} from '../ui/helpers.js';
import {baseDocument, traceDocument} from '../view/document-fixture.js';

describe('document deltas between the engine and the UI', () => {
	test('the first view is whole; later ones carry only the sections that changed', () => {
		const write = createDeltaWriter();
		const first = baseDocument();
		expect(Object.keys(write(first))).toEqual(Object.keys(first));
		const second = {...baseDocument(), run: {...first.run, tick: first.run.tick + 1}};
		const delta = write(second);
		// As JSON text: posting a string copies characters, not a walk of the objects.
		expect(delta).toEqual({run: JSON.stringify(second.run)});
		const shown = applyDelta(first, delta);
		expect(shown).toEqual(second);
		// What did not change is the very object the UI had: panels drawn from it need no redraw.
		expect(shown.dmesg).toBe(first.dmesg);
	});

	test('a section that went away goes away on the UI too (a trace replay switched from)', () => {
		const write = createDeltaWriter();
		const before = traceDocument();
		write(before);
		const after = baseDocument();
		const shown = applyDelta(before, write(after));
		expect(shown).toEqual(after);
		expect('trace' in shown).toBe(false);
	});

	test('a section crosses as what its JSON says, as a saved snapshot would give it back', () => {
		const write = createDeltaWriter();
		const document = {...baseDocument(), run: {...baseDocument().run, workload: 'quotes " and\nlines ☃'}};
		const shown = applyDelta(undefined, write(document));
		expect(shown).toEqual(JSON.parse(JSON.stringify(document)));
		expect(shown.run.workload).toBe('quotes " and\nlines ☃');
	});

	test('nothing changed, nothing crosses: the UI keeps its document and draws nothing again', () => {
		const first = baseDocument();
		const shown = applyDelta(undefined, createDeltaWriter()(first));
		expect(applyDelta(shown, {})).toBe(shown);
	});

	test('a view crosses when its document or its facts changed, not when a paused engine publishes the same again', () => {
		const views = createViewWriter();
		const facts = {live: true, rate: 100, paused: true, liveTick: 40, workloads: ['steady'], workloadIndex: 0} as unknown as LiveFacts;
		const document = baseDocument();
		expect(Object.keys(views({document, facts})!.delta)).toEqual(Object.keys(document));
		// The same again, as new objects: nothing to send.
		expect(views({document: baseDocument(), facts: {...facts}})).toBeUndefined();
		// Facts alone (a notice, a rate falling after a pause): the facts, no section.
		const notice = {...facts, notice: {id: 1, text: 'left the recording'}} as LiveFacts;
		expect(views({document, facts: notice})).toEqual({delta: {}, facts: JSON.stringify(notice)});
		expect(views({document, facts: notice})).toBeUndefined();
		// A section alone.
		const stepped = {...document, run: {...document.run, tick: document.run.tick + 1}};
		expect(views({document: stepped, facts: notice})).toEqual({delta: {run: JSON.stringify(stepped.run)}, facts: JSON.stringify(notice)});
	});

	test('the facts cross as their JSON text, which the UI reads back as they were', () => {
		const facts = {live: true, rate: 100, paused: false, liveTick: 40, workloads: ['steady', 'quotes " and ☃'], workloadIndex: 1, time: {shown: {boot: 1, tick: 40}, present: {boot: 1, tick: 40}}} as unknown as LiveFacts;
		const view = createViewWriter()({document: baseDocument(), facts})!;
		expect(typeof view.facts).toBe('string');
		expect(readFacts(view.facts)).toEqual(facts);
	});

	test('a section that is the very value it was last time is not read again: unchanged', () => {
		const write = createDeltaWriter();
		let reads = 0;
		const dmesg = ['[Kernel]: a line'];
		// JSON.stringify calls toJSON: each call is one reading of the section.
		Object.defineProperty(dmesg, 'toJSON', {
			value() {
				reads++;
				return [...dmesg];
			},
		});
		const document = {...baseDocument(), dmesg};
		expect(write(document).dmesg).toBe(JSON.stringify(['[Kernel]: a line']));
		expect(reads).toBe(1);
		const stepped = {...document, run: {...document.run, tick: document.run.tick + 1}};
		expect(write(stepped)).toEqual({run: JSON.stringify(stepped.run)});
		expect(reads).toBe(1);
		// Another value that reads the same: read, found the same, not sent.
		expect(write({...stepped, dmesg: ['[Kernel]: a line']})).toEqual({});
		// And one that reads differently after it: sent.
		expect(write({...stepped, dmesg: ['[Kernel]: another']})).toEqual({dmesg: JSON.stringify(['[Kernel]: another'])});
	});

	test('the history crosses as what moved: the UI rebuilds it byte for byte, view after view, across a reboot', async () => {
		const session = await createSession();
		const write = createDeltaWriter();
		let shown: SnapshotDocument | undefined;
		const kinds = new Set<string>();
		for (let view = 0; view < 200; view++) {
			// 25 ticks a view, as at the defaults; a reboot part way starts the rings again.
			session.simulation.step(view === 120 ? 3 : 25);
			if (view === 120) {
				session.reboot();
			}

			const document = buildSnapshot(session.simulation);
			const delta = write(document);
			kinds.add(delta.history === undefined ? 'same' : typeof delta.history === 'string' ? 'whole' : 'tail');
			if (view > 0 && typeof delta.history === 'object' && delta.history !== null) {
				// Two or three samples, not 512.
				expect(delta.history.tail.length).toBeLessThan(400);
			}

			shown = applyDelta(shown, delta);
			expect(JSON.stringify(shown)).toBe(JSON.stringify(document));
		}

		expect([...kinds].sort()).toEqual(['tail', 'whole']);
	});

	test.each([
		['samples moved on', [1, 2, 3, 4], [3, 4, 5, 6], [2, 5, 6]],
		['nothing moved', [1, 2, 3], [1, 2, 3], null],
		['only added (the ring not full yet)', [1, 2], [1, 2, 3], [0, 3]],
		['repeated values: a shift that rebuilds the same array', [7, 7, 7, 7], [7, 7, 7, 7], null],
		['shorter: everything new', [1, 2, 3], [1, 2], [3, 1, 2]],
	])('a tail of an array: %s', (_case, previous, next, tail) => {
		expect(sectionTail(previous, next)).toEqual(tail);
		expect(applySectionTail(previous, tail ?? [0])).toEqual(next);
	});

	test('a change inside an array: its tail is all of it; of an object\'s keys: the section goes whole', () => {
		expect(sectionTail([1, 2, 3, 4], [1, 9, 3, 4, 5])).toEqual([4, 1, 9, 3, 4, 5]);
		expect(sectionTail({a: [1], b: 2}, {a: [1]})).toBeUndefined();
		expect(sectionTail({a: [1], b: 2}, {a: [1], c: 2})).toBeUndefined();
		expect(sectionTail({a: [1], b: 2}, {a: 1, b: 2})).toBeUndefined();
		// Values beside the arrays come as they are.
		expect(sectionTail({a: [1, 2], every: 10}, {a: [2, 3], every: 20})).toEqual({a: [1, 3], every: 20});
	});
});
