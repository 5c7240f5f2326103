// The live view skips work a refresh does not need (issue 14): panels whose data kept its
// identity are not drawn again, lines that say the same are not painted again, rows Ink drew
// before are reused. None of that may leave anything stale: every frame of one Ink instance that
// lives through a session (documents crossing as the engine's thread sends them) must be the
// screen a fresh instance draws of the same view.

import {render} from 'ink';
import {describe, expect, test, vi} from 'vitest';
import {applyDelta, createDeltaWriter} from '../../source/engine/document-delta.js';
import type {EngineCommand} from '../../source/engine/engine-protocol.js';
import {LiveEngine} from '../../source/engine/live-engine.js';
import {createScreenStream} from '../../source/ui/create-screen-stream.js';
import {DashboardScreen, type ExploreProps} from '../../source/ui/dashboard-screen.js';
import {initialExploreState} from '../../source/ui/explore-state.js';
import type {SnapshotDocument} from '../../source/engine/snapshot-types.js';
import type {ViewFacts} from '../../source/view/view-facts.js';
import {FakeStdin, FakeStdout} from './fake-terminal.js';
import {createSession, waitFor} from './helpers.js';

// Ink stays silent until exit when it thinks it runs on CI: clear the variables before it loads.
vi.hoisted(() => {
	delete process.env.CI;
	delete process.env.CONTINUOUS_INTEGRATION;
	for (const key of Object.keys(process.env)) {
		if (key.startsWith('CI_')) {
			delete process.env[key];
		}
	}
});

type Step = {commands?: EngineCommand[]; ticks?: number; untilPanic?: boolean; explore?: (document: SnapshotDocument) => ExploreProps; status?: string};

// A session as a user goes through one: the log filling, a pause, a frozen display, the Kernel
// log focused, scrolled back and searched, a reboot, another workload, a panic.
const steps: Step[] = [
	{ticks: 25},
	{ticks: 25},
	{commands: [{type: 'switch-workload', index: 2}], ticks: 40},
	{ticks: 3},
	{ticks: 0},
	{commands: [{type: 'toggle-pause'}]},
	{status: 'saved kmtop-1.json'},
	{commands: [{type: 'toggle-pause'}], ticks: 25},
	{commands: [{type: 'toggle-freeze'}], ticks: 25},
	{ticks: 25},
	{commands: [{type: 'toggle-freeze'}], ticks: 25},
	{ticks: 25, explore: () => ({state: {...initialExploreState, focus: 'kernel-log'}})},
	{ticks: 0, explore: (document) => ({state: {...initialExploreState, focus: 'kernel-log', log: {held: {items: document.dmesg, cursor: 2, top: 0}}}})},
	{ticks: 25, explore: (document) => ({state: {...initialExploreState, focus: 'kernel-log', log: {held: {items: document.dmesg, cursor: 3, top: 1}}}})},
	// Nothing new in the log: only the cursor moves, then the window, then a search is typed.
	{ticks: 0, explore: (document) => ({state: {...initialExploreState, focus: 'kernel-log', log: {held: {items: document.dmesg, cursor: 4, top: 1}}}})},
	{ticks: 0, explore: (document) => ({state: {...initialExploreState, focus: 'kernel-log', log: {held: {items: document.dmesg, cursor: 4, top: 2}}}})},
	{
		ticks: 0,
		explore: (document) => ({
			state: {...initialExploreState, focus: 'kernel-log', log: {held: {items: document.dmesg, cursor: 4, top: 2}}, prompt: {kind: 'search', target: 'kernel-log', text: 'Adding'}},
		}),
	},
	{ticks: 0, explore: () => ({state: {...initialExploreState, focus: 'kernel-log'}})},
	{ticks: 0},
	{ticks: 25, explore: () => ({state: {...initialExploreState, focus: 'kernel-log', log: {query: 'kmalloc'}}})},
	{ticks: 25, explore: () => ({state: {...initialExploreState, focus: 'lifecycle'}})},
	{ticks: 25},
	{commands: [{type: 'reboot'}], ticks: 5},
	{ticks: 25},
	{commands: [{type: 'switch-workload', index: 4}], ticks: 3000},
	{untilPanic: true},
	{ticks: 25},
];

const drawFresh = async (document: SnapshotDocument, facts: ViewFacts, columns: number, rows: number, explore: ExploreProps | undefined): Promise<string[]> => {
	const stdout = new FakeStdout(columns, rows);
	const instance = render(<DashboardScreen document={document} facts={facts} columns={columns} rows={rows} explore={explore} />, {
		stdout: createScreenStream(stdout).stream,
		stdin: new FakeStdin() as unknown as NodeJS.ReadStream,
		stderr: new FakeStdout(columns, rows) as unknown as NodeJS.WriteStream,
		patchConsole: false,
		exitOnCtrlC: false,
	});
	instance.unmount();
	await instance.waitUntilExit();
	return stdout.screen();
};

describe('a live view\'s frames', () => {
	test.each([
		[120, 40],
		[200, 60],
	])('at %i×%i each is what a fresh instance draws of the same view', async (columns, rows) => {
		let clock = 0;
		const session = await createSession('vmobject-churn');
		const engine = new LiveEngine(session, () => clock);
		const write = createDeltaWriter();
		let document: SnapshotDocument | undefined;
		const stdout = new FakeStdout(columns, rows);
		let live: ReturnType<typeof render> | undefined;
		try {
			for (const step of steps) {
				for (const command of step.commands ?? []) {
					engine.apply(command);
				}

				// The engine's own time: as many ticks as the step says, then a refresh.
				if (!session.paused) {
					session.simulation.step(step.ticks ?? 0);
				}

				for (let more = 0; step.untilPanic && !session.simulation.halted && more < 100; more++) {
					session.simulation.step(500);
				}

				clock += 250;
				const view = engine.view();
				// As the document crosses from the engine's thread: unchanged sections keep their identity.
				document = applyDelta(document, write(view.document));
				const facts: ViewFacts = {...structuredClone(view.facts), ...(step.status ? {status: step.status} : {})};
				const explore = step.explore?.(document);
				const screen = <DashboardScreen document={document} facts={facts} columns={columns} rows={rows} explore={explore} />;
				if (live) {
					live.rerender(screen);
				} else {
					live = render(screen, {
						stdout: createScreenStream(stdout).stream,
						stdin: new FakeStdin() as unknown as NodeJS.ReadStream,
						stderr: new FakeStdout(columns, rows) as unknown as NodeJS.WriteStream,
						patchConsole: false,
						exitOnCtrlC: false,
					});
				}

				const expected = await drawFresh(document, facts, columns, rows, explore);
				await waitFor(async () => {
					expect(await stdout.screen()).toEqual(expected);
				});
			}

			// The session went where the steps say: logging, a reboot, a panic at the end.
			expect(document!.panic).not.toBeNull();
			expect(session.simulation.bootNumber).toBe(2);
		} finally {
			live?.unmount();
		}
	}, 120_000);
});
