// Who narrows V8's inlining for a sweep (narrow-inlining.ts): each worker, once it has started
// (sweep-worker.ts), never the sweep's own thread before starting them, which would cost every
// worker the code cache of Node's own modules. A file of its own: the flags, once set, are the
// process's, and this test needs them as they were.

import {once} from 'node:events';
import process from 'node:process';
import {Worker} from 'node:worker_threads';
import {expect, test} from 'vitest';
import {startSweep} from '../../source/sweep/start-sweep.js';
import {inlinesMidSizeCallee} from './inlining-probe.js';

test.runIf(process.versions.node.startsWith('20.'))('the sweep leaves inlining as it is; its worker narrows it once started', async () => {
	expect(inlinesMidSizeCallee()).toBe(true);
	// No combinations, so no workers: what startSweep does on the sweep's own thread.
	expect(await startSweep([], {jobs: 2, tickTimeoutMs: 1500}).done).toEqual({results: [], stopped: false});
	expect(inlinesMidSizeCallee()).toBe(true);

	const worker = new Worker(new URL('inlining-worker.mjs', import.meta.url));
	try {
		const [inlined] = await once(worker, 'message') as [{before: boolean; after: boolean}];
		expect(inlined).toEqual({before: true, after: false});
	} finally {
		await worker.terminate();
	}
});
