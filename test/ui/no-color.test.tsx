// NO_COLOR (cli.js turns it into FORCE_COLOR=0): the live screen has no colour or style codes at
// all, and every state still reads from its word or glyph.

import {beforeAll, expect, test, vi} from 'vitest';
import {FakeStdin, FakeStdout} from './fake-terminal.js';
import {createSession, linkFor, waitFor} from './helpers.js';

vi.hoisted(() => {
	process.env.FORCE_COLOR = '0';
});

let runLiveDashboard: typeof import('../../source/ui/run-live-dashboard.js').runLiveDashboard;

beforeAll(async () => {
	({runLiveDashboard} = await import('../../source/ui/run-live-dashboard.js'));
});

test('a monochrome screen: no SGR sequences, states in words', async () => {
	const session = await createSession('big-allocations');
	session.simulation.step(6000);
	const stdout = new FakeStdout(120, 40);
	const stdin = new FakeStdin();
	const exit = runLiveDashboard(linkFor(session), {
		saveSnapshot: () => Promise.resolve('unused.json'),
		stdout,
		stdin: stdin as unknown as NodeJS.ReadStream,
		handleProcessEvents: false,
	});
	await waitFor(async () => {
		expect((await stdout.screen()).join('\n')).toContain('KERNEL PANIC at tick 5,927');
	});
	const screen = (await stdout.screen()).join('\n');
	expect(screen).toContain('× HALTED');
	expect(screen).toContain('!! [ImageDecoder(45:45)]: KERNEL PANIC! :^(');
	expect(screen).toContain('○ CONSUMED');
	stdin.type('q');
	expect(await exit).toBe(0);
	expect(stdout.writes.join('')).not.toMatch(/\u001B\[[\d;]*m/);
});
