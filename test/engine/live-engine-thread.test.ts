// What `s` saves through the live link when the engine is not running: recovering, the new thread
// answers with the whole document; failed, the screen's copy is saved only when it is whole.

import {describe, expect, test} from 'vitest';
import {buildSnapshot} from '../../source/engine/build-snapshot.js';
import type {ShownSections} from '../../source/engine/engine-protocol.js';
import {startFakeThreadLink} from './fake-engine-thread.js';

const hangSite = {hook: 'tick', tick: 2000, boot: 1, workloadIndex: 1} as const;

describe('the live link\'s save when the engine is not running', () => {
	const refusals: Array<[ShownSections, string]> = [
		[{holders: false, frequentEvents: false}, 'the engine failed; its last view lacks holders and region/deferred-call events'],
		[{holders: false, frequentEvents: true}, 'the engine failed; its last view lacks holders'],
		[{holders: true, frequentEvents: false}, 'the engine failed; its last view lacks region/deferred-call events'],
	];

	test.each(refusals)('failed, the screen showing %o: refused, in one line naming what the copy lacks', async (shown, line) => {
		const {link, threads, publish} = await startFakeThreadLink();
		publish(shown);
		threads[0]!.events.failure('boom');
		expect(link.current().state).toEqual({kind: 'failed', message: 'internal error: boom'});
		await expect(link.liveDocument()).rejects.toThrow(new Error(line));
	});

	test('failed, the screen\'s copy whole: it is saved, the engine\'s document', async () => {
		const {link, engine, threads} = await startFakeThreadLink();
		threads[0]!.events.failure('boom');
		const saved = await link.liveDocument();
		expect(saved).toBe(link.current().document);
		expect(JSON.stringify(saved)).toBe(JSON.stringify(buildSnapshot(engine.session.simulation)));
	});

	test('a save under way when the engine fails is refused the same way', async () => {
		const {link, threads, publish, asked} = await startFakeThreadLink();
		publish({holders: false, frequentEvents: false});
		const saving = link.liveDocument();
		expect(asked(threads[0]!)).toEqual([0]);
		threads[0]!.events.message({type: 'internal-error', message: 'boom', stack: ''});
		await expect(saving).rejects.toThrow('the engine failed; its last view lacks holders and region/deferred-call events');
	});

	test('recovering, the new thread is asked: the save is its whole document, not the screen\'s copy', async () => {
		const {link, engine, threads, publish, asked} = await startFakeThreadLink();
		publish({holders: false, frequentEvents: false});
		threads[0]!.events.hang(hangSite, 'hung');
		expect(link.current().state.kind).toBe('recovering');
		const saving = link.liveDocument();
		expect(threads).toHaveLength(2);
		expect(asked(threads[0]!)).toEqual([]);
		expect(asked(threads[1]!)).toEqual([0]);
		const whole = buildSnapshot(engine.session.simulation);
		threads[1]!.events.message({type: 'response', id: 0, document: whole});
		expect(await saving).toBe(whole);
	});

	test('a save under way when the workload hangs is asked again of the thread that replaces it', async () => {
		const {link, engine, threads, publish, asked} = await startFakeThreadLink();
		publish({holders: false, frequentEvents: false});
		const saving = link.liveDocument();
		expect(asked(threads[0]!)).toEqual([0]);
		threads[0]!.events.hang(hangSite, 'hung');
		expect(asked(threads[1]!)).toEqual([0]);
		const whole = buildSnapshot(engine.session.simulation);
		threads[1]!.events.message({type: 'response', id: 0, document: whole});
		expect(await saving).toBe(whole);
		expect(whole.holders!.length).toBeGreaterThan(0);
	});
});
