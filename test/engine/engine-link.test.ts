import {setImmediate as nextTurn} from 'node:timers/promises';
import {describe, expect, test} from 'vitest';
import {createViewStore, type LinkedView} from '../../source/engine/engine-link.js';

// Views differ only by identity here: the store never looks inside one.
const view = (tick: number) => ({tick, state: {kind: 'running'}}) as unknown as LinkedView;

describe('createViewStore', () => {
	test('tells its listeners at once by default', () => {
		const store = createViewStore(view(0));
		const seen: unknown[] = [];
		store.subscribe(() => seen.push(store.current()));
		store.set(view(1));
		store.set(view(2));
		expect(seen).toEqual([view(1), view(2)]);
	});

	test('coalesced, a backlog of views is one notification on the next turn, of the newest view', async () => {
		const store = createViewStore(view(0), {coalesce: true});
		const seen: unknown[] = [];
		store.subscribe(() => seen.push(store.current()));
		for (let tick = 1; tick <= 50; tick++) {
			store.set(view(tick));
		}

		// Read at once, the newest is there; nobody was told yet.
		expect(store.current()).toEqual(view(50));
		expect(seen).toEqual([]);
		await nextTurn();
		expect(seen).toEqual([view(50)]);
		store.set(view(51));
		await nextTurn();
		expect(seen).toEqual([view(50), view(51)]);
	});

	test('coalesced, a view set while listeners are told is told on the turn after', async () => {
		const store = createViewStore(view(0), {coalesce: true});
		const seen: unknown[] = [];
		store.subscribe(() => {
			seen.push(store.current());
			if (seen.length === 1) {
				store.set(view(2));
			}
		});
		store.set(view(1));
		await nextTurn();
		expect(seen).toEqual([view(1)]);
		await nextTurn();
		expect(seen).toEqual([view(1), view(2)]);
	});

	test('an unsubscribed listener is not told', async () => {
		const store = createViewStore(view(0), {coalesce: true});
		let told = 0;
		const unsubscribe = store.subscribe(() => told++);
		store.set(view(1));
		unsubscribe();
		await nextTurn();
		expect(told).toBe(0);
	});
});
