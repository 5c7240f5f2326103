// The live view tells its engine whether a panel on screen shows the holders table, the bulk of
// each view: the engine leaves it out otherwise (engine-protocol.ts, ShownSections). What the user
// sees must not change: where the Holders panel has room its rows are there, and `a` opens the
// holders' screen with them at any size.

import {afterEach, beforeAll, describe, expect, test} from 'vitest';
import type {ShownSections} from '../../source/engine/engine-protocol.js';
import type {LiveSession} from '../../source/engine/live-session.js';
import {FakeStdin, FakeStdout} from './fake-terminal.js';
import {createSession, linkFor, waitFor} from './helpers.js';

let runLiveDashboard: typeof import('../../source/ui/run-live-dashboard.js').runLiveDashboard;

beforeAll(async () => {
	({runLiveDashboard} = await import('../../source/ui/run-live-dashboard.js'));
});

type Running = {stdout: FakeStdout; stdin: FakeStdin; exit: Promise<number>; session: LiveSession; told: ShownSections[]; link: ReturnType<typeof linkFor>};

const running: Running[] = [];

afterEach(async () => {
	for (const {stdin, exit} of running.splice(0)) {
		stdin.type('q');
		await exit;
	}
});

/** vmobject-churn, seed 1, paused at `ticks`; what the screen tells the engine is kept in `told`. */
const start = async (columns: number, rows: number, ticks: number): Promise<Running> => {
	const session = await createSession();
	session.simulation.step(ticks);
	session.paused = true;
	const link = linkFor(session);
	const told: ShownSections[] = [];
	const show = link.show;
	link.show = (sections) => {
		told.push(sections);
		show(sections);
	};

	const stdout = new FakeStdout(columns, rows);
	const stdin = new FakeStdin();
	const exit = runLiveDashboard(link, {
		saveSnapshot: () => Promise.resolve('unused.json'),
		stdout,
		stdin: stdin as unknown as NodeJS.ReadStream,
		stderr: new FakeStdout(columns, rows) as unknown as NodeJS.WriteStream,
		handleProcessEvents: false,
	});
	const run = {stdout, stdin, exit, session, told, link};
	running.push(run);
	await waitFor(async () => {
		expect((await stdout.screen())[0]).toContain('kmtop');
	});
	return run;
};

const holdersTotal = (screen: string[]) => screen.find((line) => /total, 1–\d+ of \d+/.test(line));

describe('the holders table crosses only while the screen shows it', () => {
	test('120×40 at tick 700: room for the Holders panel, so the engine sends the table and the panel lists it', async () => {
		const run = await start(120, 40, 700);
		await waitFor(async () => {
			expect(holdersTotal(await run.stdout.screen())).toBeDefined();
		});
		expect(run.told.at(-1)).toEqual({holders: true, frequentEvents: false});
		expect(run.link.current().document.holders?.length).toBeGreaterThan(0);
		expect(run.link.current().facts.withheld).toEqual(['frequentEvents']);
	});

	test('80×24: no Holders panel, so no table; `a` brings it with the holders\' screen, Esc sends it away again', async () => {
		const run = await start(80, 24, 700);
		await waitFor(() => {
			expect(run.told.at(-1)).toEqual({holders: false, frequentEvents: false});
			expect(run.link.current().document.holders).toBeUndefined();
		});
		expect(run.link.current().facts.withheld).toEqual(['holders', 'frequentEvents']);
		// Paused, no holder has a rate: the screen lists those that hold something.
		const rows = run.session.snapshot().holders!.filter((row) => row.liveBlocks !== 0 || row.liveBytes !== 0);
		run.stdin.type('a');
		let screen: string[] = [];
		await waitFor(async () => {
			screen = await run.stdout.screen();
			expect(holdersTotal(screen)).toBeDefined();
		});
		// The rows the engine's table has, as a snapshot of the same tick gives them.
		expect(run.told.at(-1)).toEqual({holders: true, frequentEvents: false});
		expect(holdersTotal(screen)).toContain(`of ${rows.length}`);
		expect(screen.some((line) => line.includes('Browser(30:30) · PhysicalPage (slab full)'))).toBe(true);
		run.stdin.type('\u001B');
		await waitFor(() => {
			expect(run.told.at(-1)).toEqual({holders: false, frequentEvents: false});
			expect(run.link.current().document.holders).toBeUndefined();
		});
	});

	test('120×40 at tick 7,000: the Subheaps panel has grown over the Holders panel\'s room, so no table', async () => {
		const run = await start(120, 40, 7000);
		await waitFor(() => {
			expect(run.told.at(-1)).toEqual({holders: false, frequentEvents: false});
		});
		expect(holdersTotal(await run.stdout.screen())).toBeUndefined();
		expect(run.link.current().document.holders).toBeUndefined();
	});
});
