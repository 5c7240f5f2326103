import {describe, expect, test} from 'vitest';
import {applyDelta, createDeltaWriter} from '../../source/engine/document-delta.js';
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
});
