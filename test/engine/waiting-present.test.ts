// A waiting present's view keeps its document while nothing happens, and makes a new one the
// moment anything does: a tick, a command, other sections asked for, a workload's stray fault.

import {describe, expect, test} from 'vitest';
import {LiveEngine} from '../../source/engine/live-engine.js';
import {createSession, createTraceSession} from '../ui/helpers.js';

const pausedEngine = async () => {
	const clock = {now: 0};
	const session = await createSession('vmobject-churn', {rate: 1000});
	const engine = new LiveEngine(session, () => clock.now);
	for (let step = 1; step <= 5; step++) {
		clock.now = step * 100;
		engine.advance();
	}

	return {engine, session, clock};
};

describe('the view of a waiting present', () => {
	test('running: a new document each view, even with no tick between them', async () => {
		const {engine} = await pausedEngine();
		expect(engine.view().document).not.toBe(engine.view().document);
	});

	test('paused: the same document while nothing happens, a new one after a step, a command, other sections', async () => {
		const {engine, session, clock} = await pausedEngine();
		engine.apply({type: 'toggle-pause'});
		const first = engine.view().document;
		clock.now += 250;
		engine.advance();
		expect(engine.view().document).toBe(first);
		expect(first.run.tick).toBe(500);

		engine.apply({type: 'step'});
		const stepped = engine.view().document;
		expect(stepped).not.toBe(first);
		expect(stepped.run.tick).toBe(501);
		expect(engine.view().document).toBe(stepped);

		engine.apply({type: 'toggle-freeze'});
		const frozen = engine.view().document;
		expect(frozen).not.toBe(stepped);
		engine.shown = {holders: false, frequentEvents: true};
		const withoutHolders = engine.view().document;
		expect(withoutHolders).not.toBe(frozen);
		expect(withoutHolders.holders).toBeUndefined();
		expect(session.paused).toBe(true);
	});

	test('paused: a workload that calls the kernel from a timer is shown at once, with its fault', async () => {
		const {engine, session} = await pausedEngine();
		engine.apply({type: 'toggle-pause'});
		const before = engine.view().document;
		session.simulation.failWorkload('kmalloc called from a timer');
		const after = engine.view().document;
		expect(after).not.toBe(before);
		expect(JSON.stringify(after)).toContain('kmalloc called from a timer');
	});

	test('a paused trace replay makes its document anew (its reading goes on)', async () => {
		const session = await createTraceSession();
		const engine = new LiveEngine(session, () => 0);
		engine.apply({type: 'toggle-pause'});
		expect(engine.view().document).not.toBe(engine.view().document);
	});
});
