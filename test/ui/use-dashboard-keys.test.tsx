// The live view's keys are read by one handler for the dashboard's life (use-dashboard-keys.ts):
// Ink's useInput subscribes its handler again whenever it is given a new one, and the dashboard
// renders on every view the engine publishes, four times a second.

import type {EventEmitter} from 'node:events';
import {useStdin} from 'ink';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test, vi} from 'vitest';
import {createLocalEngineLink} from '../../source/engine/engine-link.js';
import {LiveEngine} from '../../source/engine/live-engine.js';
import {LiveDashboard} from '../../source/ui/live-dashboard.js';
import {createSession, frameLines, waitFor} from './helpers.js';

afterEach(() => {
	cleanup();
});

/** Ink's own emitter of keys, as useInput subscribes to it. */
function WithKeys({onEmitter, children}: {onEmitter: (emitter: EventEmitter) => void; children: React.ReactNode}) {
	const {internal_eventEmitter: emitter} = useStdin();
	onEmitter(emitter);
	return children;
}

describe('the dashboard\'s keys', () => {
	test('are subscribed once, not again on each view, and still see the latest view', async () => {
		const session = await createSession();
		// The test publishes the views (a refresh far beyond the test's length).
		const engine = createLocalEngineLink(new LiveEngine(session), {refreshMs: 3_600_000});
		let emitter: EventEmitter | undefined;
		const app = render(
			<WithKeys onEmitter={(found) => (emitter = found)}>
				<LiveDashboard engine={engine} saveSnapshot={() => Promise.resolve('unused.json')} onQuit={vi.fn()} />
			</WithKeys>,
		);
		const header = () => frameLines(app.lastFrame())[0]!;
		await waitFor(() => expect(header()).toContain('tick 0'));
		let subscribed = 0;
		emitter!.on('newListener', (event: string) => {
			subscribed += event === 'input' ? 1 : 0;
		});

		for (const tick of [1, 2, 3, 4, 5]) {
			session.simulation.step(1);
			engine.publish();
			await waitFor(() => expect(header()).toContain(`tick ${tick}`));
		}

		expect(subscribed).toBe(0);
		app.stdin.write(' ');
		expect(session.paused).toBe(true);
		await waitFor(() => expect(header()).toContain('PAUSED'));
	});
});
