// The live view skips work a refresh does not need (issue 14): panels whose data kept its
// identity are not drawn again, lines that say the same are not painted again, rows Ink drew
// before are reused or put together from pieces. None of that may leave anything stale or change
// a byte: with colour on and Ink's Output patched as kmtop runs it, every frame of one Ink
// instance that lives through a session (documents crossing as the engine's thread sends them)
// must be the screen, colours and all, a fresh instance draws of the same view with Ink's own
// Output#get, and every frame the patch draws must be byte for byte what Ink's get() draws.

import chalk from 'chalk';
import {render} from 'ink';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {buildSubheapDocument} from '../../source/engine/build-subheap-document.js';
import {applyDelta, createDeltaWriter} from '../../source/engine/document-delta.js';
import type {EngineCommand} from '../../source/engine/engine-protocol.js';
import {LiveEngine} from '../../source/engine/live-engine.js';
import {createScreenStream} from '../../source/ui/create-screen-stream.js';
import {DashboardScreen, type ExploreProps} from '../../source/ui/dashboard-screen.js';
import {initialExploreState} from '../../source/ui/explore-state.js';
import {loadInkOutput} from '../../source/ui/load-ink-output.js';
import {patchInkOutput} from '../../source/ui/patch-ink-output.js';
import type {Kernel} from '../../source/kernel/kernel.js';
import type {SnapshotDocument} from '../../source/engine/snapshot-types.js';
import type {ViewFacts} from '../../source/view/view-facts.js';
import {FakeStdin, FakeStdout} from './fake-terminal.js';
import {createSession, waitFor} from './helpers.js';

type Step = {commands?: EngineCommand[]; ticks?: number; untilPanic?: boolean; explore?: (document: SnapshotDocument, kernel: Kernel) => ExploreProps; status?: string};

/** The `Subheap #0` view, its map scrolled to `top`: the map's column and the words' column are drawn apart. */
const subheapView = (top: number) => (_document: SnapshotDocument, kernel: Kernel): ExploreProps => ({
	state: {...initialExploreState, screen: 'subheap', map: {id: 0, top}},
	subheap: buildSubheapDocument(kernel, 0)!,
});

// A session as a user goes through one: the log filling, a pause, a frozen display, the Kernel
// log focused, scrolled back and searched, the chunk map open, filling and scrolled, a reboot,
// another workload, a panic.
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
	// The map changes under words that stay, then scrolls a row, a page, and back.
	{ticks: 0, explore: subheapView(0)},
	{ticks: 25, explore: subheapView(0)},
	{ticks: 0, explore: subheapView(1)},
	{ticks: 0, explore: subheapView(30)},
	{ticks: 25, explore: subheapView(29)},
	{ticks: 0, explore: subheapView(0)},
	{ticks: 0},
	{commands: [{type: 'reboot'}], ticks: 5},
	{ticks: 25},
	{commands: [{type: 'switch-workload', index: 4}], ticks: 3000},
	{untilPanic: true},
	{ticks: 25},
];

type Get = (this: unknown) => {output: string; height: number};
type OutputPrototype = {get: Get};

const loadOutputPrototype = async (): Promise<OutputPrototype> => ((await loadInkOutput()) as {default: {prototype: OutputPrototype}}).default.prototype;

/** The screen as a terminal shows it: each row's characters, with every change of colour or attribute written where it happens. */
const styledScreen = async (stdout: FakeStdout): Promise<string[]> => {
	await stdout.flush();
	const buffer = stdout.terminal.buffer.active;
	const cell = buffer.getNullCell();
	return Array.from({length: stdout.rows}, (_, row) => {
		const line = buffer.getLine(buffer.viewportY + row);
		let text = '';
		let last = '';
		for (let column = 0; line && column < stdout.columns; column++) {
			line.getCell(column, cell);
			if (cell.getWidth() === 0) {
				continue;
			}

			const style = [
				cell.getFgColorMode(), cell.getFgColor(), cell.getBgColorMode(), cell.getBgColor(),
				cell.isBold(), cell.isDim(), cell.isItalic(), cell.isUnderline(), cell.isInverse(), cell.isStrikethrough(),
			].map(Number).join(',');
			if (style !== last) {
				text += `[${style}]`;
				last = style;
			}

			text += cell.getChars() || ' ';
		}

		return text;
	});
};

let prototype: OutputPrototype;
let patchedGet: Get;
let inkGet: Get;
const level = chalk.level;
// Frames the patch drew that Ink's get() draws otherwise, and how many it drew.
const differences: Array<{ours: string; inks: string}> = [];
let framesChecked = 0;
// Rows the row drawer drew whole, and pieces it drew for rows put together from pieces.
const drawn = {rows: 0, pieces: 0};

beforeAll(async () => {
	const patch = await patchInkOutput();
	if (!patch.applied) {
		throw new Error(`the Ink Output patch did not apply: ${patch.reason}`);
	}

	chalk.level = 3;
	const {rowDrawer} = patch;
	const {draw, piece} = rowDrawer;
	rowDrawer.draw = (...parameters) => {
		const row = draw(...parameters);
		drawn.rows += row === undefined ? 0 : 1;
		return row;
	};

	rowDrawer.piece = (line) => {
		const made = piece(line);
		drawn.pieces += made === undefined ? 0 : 1;
		return made;
	};

	prototype = await loadOutputPrototype();
	patchedGet = prototype.get;
	inkGet = patch.inkGet as Get;
	// Every frame the patch draws is drawn by Ink's own get() too, from the same Output.
	prototype.get = function (this: unknown) {
		const ours = patchedGet.call(this);
		const inks = inkGet.call(this);
		framesChecked++;
		if (ours.output !== inks.output || ours.height !== inks.height) {
			differences.push({ours: ours.output, inks: inks.output});
		}

		return ours;
	};
});

afterAll(() => {
	prototype.get = patchedGet;
	chalk.level = level;
});

/** The screen a fresh Ink instance draws of this view, with Ink's own Output#get. */
const drawFresh = async (document: SnapshotDocument, facts: ViewFacts, columns: number, rows: number, explore: ExploreProps | undefined): Promise<string[]> => {
	const checking = prototype.get;
	prototype.get = inkGet;
	try {
		return await drawAlone(document, facts, columns, rows, explore);
	} finally {
		prototype.get = checking;
	}
};

const drawAlone = async (document: SnapshotDocument, facts: ViewFacts, columns: number, rows: number, explore: ExploreProps | undefined): Promise<string[]> => {
	const stdout = new FakeStdout(columns, rows);
	const instance = render(<DashboardScreen document={document} facts={facts} columns={columns} rows={rows} explore={explore} />, {
		stdout: createScreenStream(stdout).stream,
		stdin: new FakeStdin() as unknown as NodeJS.ReadStream,
		stderr: new FakeStdout(columns, rows) as unknown as NodeJS.WriteStream,
		patchConsole: false,
		exitOnCtrlC: false,
	});
	// The exit promise first: asked for after unmount, Ink adds a beforeExit listener that nothing
	// removes (one per screen drawn; past ten, Node warns of a leak).
	const exited = instance.waitUntilExit();
	instance.unmount();
	await exited;
	return styledScreen(stdout);
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
				const explore = step.explore?.(document, session.simulation.kernel);
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
					expect(await styledScreen(stdout)).toEqual(expected);
				});
			}

			// The session went where the steps say: logging, a reboot, a panic at the end.
			expect(document!.panic).not.toBeNull();
			expect(session.simulation.bootNumber).toBe(2);
			// The patch drew the live frames, each exactly as Ink does.
			expect(differences).toEqual([]);
			expect(framesChecked).toBeGreaterThan(steps.length / 2);
			// Rows of panels side by side go together from their pieces, borders that touch joined as
			// get() joins them: the whole-row drawer is left for rows whose writes overlap.
			expect(drawn.pieces).toBeGreaterThan(0);
		} finally {
			live?.unmount();
		}
	}, 120_000);
});
