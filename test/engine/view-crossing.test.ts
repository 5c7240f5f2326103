import {describe, expect, test} from 'vitest';
import {applyDelta, createViewWriter, type DocumentDelta, type ViewCrossing} from '../../source/engine/document-delta.js';
import {LiveEngine} from '../../source/engine/live-engine.js';
import type {SnapshotDocument} from '../../source/engine/snapshot-types.js';
import {createSession} from '../ui/helpers.js';

/** The kinds of holders crossing seen: whole text, nothing, gone. */
const kindOf = (delta: DocumentDelta): string => {
	const holders = delta.holders;
	return holders === undefined ? 'same' : holders === null ? 'gone' : typeof holders === 'string' ? 'whole' : 'tail';
};

describe('the UI\'s document is the engine\'s, view after view', () => {
	test('over thousands of ticks: rows come and go and re-sort, the panel hidden and shown, a switch, a reboot, the past and back, paused, frozen', async () => {
		const clock = {now: 0};
		const session = await createSession('vmobject-churn', {rate: 100});
		const engine = new LiveEngine(session, () => clock.now);
		const views = createViewWriter();
		let shown: SnapshotDocument | undefined;
		const kinds = new Map<string, number>();
		let kept = 0;
		let orders = 0;
		let ticks = 0;
		const publish = () => {
			const view = engine.view();
			const crossing = views(view);
			if (!crossing) {
				return;
			}

			// What crosses is text: the UI gets nothing of the engine's objects.
			const {delta, keys} = JSON.parse(JSON.stringify(crossing)) as ViewCrossing;
			const before = shown;
			shown = applyDelta(shown, delta, keys);
			orders += keys === undefined ? 0 : 1;
			kinds.set(kindOf(delta), (kinds.get(kindOf(delta)) ?? 0) + 1);
			// Section by section first: a whole document's text is too long to read in a failure.
			for (const key of Object.keys(view.document) as Array<keyof SnapshotDocument>) {
				expect({[key]: JSON.stringify(shown[key])}).toEqual({[key]: JSON.stringify(view.document[key])});
			}

			expect(Object.keys(shown).join()).toBe(Object.keys(view.document).filter((key) => view.document[key as keyof SnapshotDocument] !== undefined).join());
			expect(JSON.stringify(shown)).toBe(JSON.stringify(view.document));
			expect(shown).toEqual(JSON.parse(JSON.stringify(view.document)));
			if (delta.holders === undefined && before?.holders) {
				// Unchanged: the very array, so the panel drawn from it is not drawn again.
				expect(shown.holders).toBe(before.holders);
				kept++;
			}
		};

		const run = (count: number) => {
			for (let view = 0; view < count; view++) {
				clock.now += 250;
				ticks += engine.advance();
				publish();
			}
		};

		run(300);
		engine.shown = {holders: false, frequentEvents: false};
		run(20);
		engine.shown = {holders: true, frequentEvents: false};
		run(100);
		engine.apply({type: 'switch-workload', index: session.workloads.findIndex((workload) => workload.name === 'fragmentation')});
		run(100);
		engine.apply({type: 'reboot'});
		run(100);
		engine.apply({type: 'switch-workload', index: session.workloads.findIndex((workload) => workload.name === 'vmobject-churn')});
		run(150);
		await session.travelBy(-2000);
		expect(session.inPast).toBe(true);
		publish();
		await session.travelBy(700);
		publish();
		engine.apply({type: 'toggle-pause'});
		expect(session.inPast).toBe(false);
		run(100);
		engine.apply({type: 'toggle-pause'});
		run(20);
		engine.apply({type: 'toggle-pause'});
		engine.apply({type: 'toggle-freeze'});
		run(20);
		engine.apply({type: 'toggle-freeze'});
		run(100);
		expect(ticks).toBeGreaterThan(20_000);
		expect(Object.fromEntries(kinds)).toEqual({whole: expect.any(Number) as number, same: expect.any(Number) as number, gone: 1});
		expect(kept).toBeGreaterThan(20);
		// The sections' order crossed once, when the UI could not come to it: the holders shown again
		// land last in the UI's copy, where the engine's document has them before the events. Frozen,
		// the document keeps buildSnapshot's order (leaveOutSections), so freezing and thawing need none
		// (when it moved the holders last, they were two more).
		expect(orders).toBe(1);
	}, 60_000);
});
