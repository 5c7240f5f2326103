import {describe, expect, test} from 'vitest';
import {buildSnapshot} from '../../source/engine/build-snapshot.js';
import {holderShare} from '../../source/engine/build-holders.js';
import {applyDelta, createViewWriter, type DocumentDelta, type ViewCrossing} from '../../source/engine/document-delta.js';
import {applyHolderRowsDelta, holderRowsDelta, type HolderRowsDelta} from '../../source/engine/holder-rows-delta.js';
import {LiveEngine} from '../../source/engine/live-engine.js';
import type {HolderRow, SnapshotDocument} from '../../source/engine/snapshot-types.js';
import {createSession} from '../ui/helpers.js';

const row = (id: number, liveBytes: number, allocatedBytes: number, more: Partial<HolderRow> = {}): HolderRow => ({
	id,
	process: `Churn(${id}:${id})`,
	purpose: 'VMObject',
	workload: 'vmobject-churn',
	liveBlocks: liveBytes / 32,
	liveBytes,
	share: holderShare(liveBytes, allocatedBytes),
	kmallocCount: 10,
	kfreeCount: 3,
	...more,
});

/** The engine's table after `previous` as the UI makes it from the delta (or the table itself when it goes whole). */
const cross = (previous: HolderRow[], next: HolderRow[], allocatedBytes: number) => {
	const delta = holderRowsDelta(previous, next, allocatedBytes);
	const made = delta === undefined ? JSON.parse(JSON.stringify(next)) as HolderRow[] : delta === null ? previous : applyHolderRowsDelta(previous, JSON.parse(JSON.stringify(delta)) as typeof delta, allocatedBytes);
	return {delta, made};
};

describe('the holders table crosses as its changed rows and its order', () => {
	test('only the rows that changed cross; the others keep their objects, their shares made again', () => {
		const before = [row(1, 640, 1024), row(2, 320, 1024), row(3, 64, 1024)];
		// Row 2 freed a block, row 3 went away, row 4 came: every share moved with the heap.
		const after = [row(1, 640, 992), row(4, 64, 992), row(2, 288, 992, {kfreeCount: 4, liveBlocks: 9})];
		const {delta, made} = cross(before, after, 992);
		expect(delta).toEqual({rows: [after[1], after[2]], order: [1, 4, 2]});
		expect(JSON.stringify(made)).toBe(JSON.stringify(after));
		expect(made[0]!.share).toBe(holderShare(640, 992));
		expect(made[0]).not.toBe(before[0]);
	});

	test('a row whose place and share stand is the very object the UI had', () => {
		const before = [row(1, 640, 1024), row(2, 320, 1024)];
		const after = [row(1, 640, 1024), row(2, 288, 1024, {liveBlocks: 9})];
		const {delta, made} = cross(before, after, 1024);
		expect(delta).toEqual({rows: [after[1]], order: [1, 2]});
		expect(made[0]).toBe(before[0]);
	});

	test('nothing moved: nothing crosses, though the rows are new objects', () => {
		const before = [row(1, 640, 1024), row(2, 320, 1024)];
		expect(holderRowsDelta(before, [row(1, 640, 1024), row(2, 320, 1024)], 1024)).toBeNull();
	});

	test('only the order or only the shares moved: no row crosses, the UI makes the table again', () => {
		const before = [row(1, 320, 1024), row(2, 320, 1024)];
		expect(cross(before, [before[1]!, before[0]!], 1024).delta).toEqual({rows: [], order: [2, 1]});
		const shares = cross(before, [row(1, 320, 2048), row(2, 320, 2048)], 2048);
		expect(shares.delta).toEqual({rows: [], order: [1, 2]});
		expect(shares.made.map((made) => made.share)).toEqual([0.15625, 0.15625]);
	});

	test('a share the UI would not make again, keys in another order, a value JSON changes, no share to make: the row crosses', () => {
		const {id, ...rest} = row(2, 320, 1024);
		const {share: _share, ...unshared} = row(4, 64, 1024);
		// An object is not a value: the same one, changed in place since the UI read it.
		const where = {subheap: 1};
		const before = [row(1, 640, 1024), row(2, 320, 1024), row(3, 32, 1024), unshared as HolderRow, {...row(5, 32, 1024), where} as HolderRow];
		const read = JSON.parse(JSON.stringify(before)) as HolderRow[];
		where.subheap = 2;
		const after = [{...row(1, 640, 1024), share: 0.5}, {...rest, id}, {...row(3, 32, 1024), process: undefined as unknown as null}, unshared as HolderRow, {...row(5, 32, 1024), where} as HolderRow];
		const delta = holderRowsDelta(before, after, 1024);
		expect(delta?.rows).toEqual(after);
		const made = applyHolderRowsDelta(read, JSON.parse(JSON.stringify(delta)) as HolderRowsDelta, 1024);
		expect(JSON.stringify(made)).toBe(JSON.stringify(after));
	});

	test('not one table of rows by id, or no heap to make shares from: the table goes whole', () => {
		const before = [row(1, 640, 1024)];
		expect(holderRowsDelta(before, [row(1, 640, 1024), row(1, 32, 1024)], 1024)).toBeUndefined();
		expect(holderRowsDelta([row(1, 640, 1024), row(1, 32, 1024)], before, 1024)).toBeUndefined();
		expect(holderRowsDelta(undefined, before, 1024)).toBeUndefined();
		expect(holderRowsDelta(before, before.map((one) => ({...one})), undefined)).toBeUndefined();
	});

	test('the UI\'s shares are the engine\'s: the same function of the same two numbers, in real documents', async () => {
		const session = await createSession();
		let rows = 0;
		for (let view = 0; view < 60; view++) {
			session.simulation.step(50);
			const document = buildSnapshot(session.simulation);
			for (const holder of document.holders!) {
				expect(Object.is(holderShare(holder.liveBytes, document.heap.allocatedBytes), holder.share)).toBe(true);
				rows++;
			}
		}

		expect(rows).toBeGreaterThan(5000);
	});
});

/** The kinds of holders crossing seen: whole text, changed rows, nothing, gone. */
const kindOf = (delta: DocumentDelta): string => {
	const holders = delta.holders;
	return holders === undefined ? 'same' : holders === null ? 'gone' : typeof holders === 'string' ? 'whole' : 'rows';
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
		// Whole only the first time and when the panel came back: a switch or a reboot changes rows, not the table's kind.
		expect(Object.fromEntries(kinds)).toEqual({whole: 2, rows: expect.any(Number) as number, same: expect.any(Number) as number, gone: 1});
		expect(kinds.get('rows')).toBeGreaterThan(900);
		expect(kept).toBeGreaterThan(20);
		// The sections' order crossed when the UI could not come to it: the holders back in their place,
		// then last in the frozen document (leaveOutSections), then in their place again.
		expect(orders).toBe(3);
	}, 60_000);
});
