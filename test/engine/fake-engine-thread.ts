// The live link (live-engine-thread.ts) over fake engine threads: each records what the link
// posts to it, and the test says what the thread sends back. The views are a real engine's, in
// this thread, crossing as kmtop's do (document-delta.ts), so the link's copy is what the UI's is.

import {createViewWriter} from '../../source/engine/document-delta.js';
import type {EngineLink} from '../../source/engine/engine-link.js';
import type {ShownSections, UiToEngine} from '../../source/engine/engine-protocol.js';
import type {EngineThreadEvents} from '../../source/engine/engine-thread.js';
import {LiveEngine} from '../../source/engine/live-engine.js';
import {startLiveEngineThread} from '../../source/engine/live-engine-thread.js';
import {createSession} from '../ui/helpers.js';

export type FakeThread = {posted: UiToEngine[]; events: EngineThreadEvents};

export const startFakeThreadLink = async (ticks = 2000) => {
	const session = await createSession();
	session.simulation.step(ticks);
	const engine = new LiveEngine(session, () => 0);
	const threads: FakeThread[] = [];
	let views = createViewWriter();
	/** The newest thread publishes a view with `shown` as the screen's sections. */
	const publish = (shown: ShownSections) => {
		engine.shown = shown;
		const crossing = views(engine.view());
		if (crossing) {
			threads.at(-1)!.events.message({type: 'view', ...crossing});
		}
	};

	const starting = startLiveEngineThread({
		run: {seed: 1, revision: '2021-02-23', ramBytes: 512 * 1024 * 1024, debugAsserts: false},
		workload: {kind: 'builtin', name: 'vmobject-churn'},
		rate: 100,
		refreshMs: 250,
		advanceEveryMs: 50,
		tickTimeoutMs: 2000,
		startThread(_data, _options, events) {
			const thread: FakeThread = {posted: [], events};
			threads.push(thread);
			// A new thread's first view is a whole document.
			views = createViewWriter();
			return {
				post(message) {
					thread.posted.push(message);
				},
				stop: () => Promise.resolve(),
			};
		},
	});
	publish({holders: true, frequentEvents: true});
	const link: EngineLink = await starting;
	/** The ids of the documents `thread` was asked for. */
	const asked = (thread: FakeThread) => thread.posted.flatMap((message) => (message.type === 'request-document' ? [message.id] : []));
	return {link, engine, threads, publish, asked};
};
