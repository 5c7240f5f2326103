import {describe, expect, test} from 'vitest';
import {applyDelta, createDeltaWriter, createViewWriter} from '../../source/engine/document-delta.js';
import type {LiveFacts} from '../../source/engine/engine-protocol.js';
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
		expect(views({document, facts: notice})).toEqual({delta: {}, facts: notice});
		expect(views({document, facts: notice})).toBeUndefined();
		// A section alone.
		const stepped = {...document, run: {...document.run, tick: document.run.tick + 1}};
		expect(views({document: stepped, facts: notice})).toEqual({delta: {run: JSON.stringify(stepped.run)}, facts: notice});
	});
});
