// `s` after the engine failed: the screen's copy of the document is all there is, and at 120×40
// late in a run it has neither the holders (no room for their panel) nor the region events (no
// panel draws them). The save is refused on the status line instead of writing a document that
// would pass for a whole snapshot (take-shown-document.ts).

import {beforeAll, describe, expect, test} from 'vitest';
import type {ShownSections} from '../../source/engine/engine-protocol.js';
import {startFakeThreadLink} from '../engine/fake-engine-thread.js';
import {FakeStdin, FakeStdout} from './fake-terminal.js';
import {waitFor} from './helpers.js';

let runLiveDashboard: typeof import('../../source/ui/run-live-dashboard.js').runLiveDashboard;

beforeAll(async () => {
	({runLiveDashboard} = await import('../../source/ui/run-live-dashboard.js'));
});

describe('s when the engine has failed', () => {
	test('120×40 at tick 7,000: refused in one status line naming what the screen\'s copy lacks; nothing written', async () => {
		const {link, threads, publish} = await startFakeThreadLink(7000);
		const saved: string[] = [];
		const stdout = new FakeStdout(120, 40);
		const stdin = new FakeStdin();
		const exit = runLiveDashboard(link, {
			saveSnapshot(document) {
				saved.push(document.run.workload);
				return Promise.resolve('unused.json');
			},
			stdout,
			stdin: stdin as unknown as NodeJS.ReadStream,
			stderr: new FakeStdout(120, 40) as unknown as NodeJS.WriteStream,
			handleProcessEvents: false,
		});
		try {
			// The engine does what the screen tells it (the thread here is the test's).
			const told = () => threads[0]!.posted.flatMap((message) => (message.type === 'shown' ? [message.sections] : [])).at(-1);
			await waitFor(() => {
				expect(told()).toEqual({holders: false, frequentEvents: false} satisfies ShownSections);
			});
			publish(told()!);
			expect(link.current().facts.withheld).toEqual(['holders', 'frequentEvents']);
			threads[0]!.events.failure('boom');
			await waitFor(async () => {
				expect((await stdout.screen()).join('\n')).toContain('internal error: boom');
			});
			stdin.type('s');
			await waitFor(async () => {
				expect((await stdout.screen()).join('\n')).toContain('could not save: the engine failed; its last view lacks holders and region/deferred-call events');
			});
			expect(saved).toEqual([]);
		} finally {
			stdin.type('q');
			await exit;
		}
	});
});
