// Run in a child process of its own (NODE_ENV=production, as cli.js sets it): where a live frame's
// time goes at the defaults (vmobject-churn, 100 t/s, a view every 250 ms), on both threads.
// Totals are each thread's own CPU time (Linux schedstat, which the kernel brings up to date at
// its ticks: right over many frames, not within one; the wall clock elsewhere), so the machine's
// other load stays out of them; the parts of a frame are wall-clock medians. The engine runs here on a clock of its own: 8 advances a view, as
// kmtop's engine thread runs them, timed as simulation, time travel's copies and publishing (the
// document, its delta as JSON, the facts). Its views cross as JSON, as from the engine's thread,
// to one Ink instance at 120×40 in colour with kmtop's Output patch, frames 250 ms apart as the app draws them (past
// Ink's throttle, so each is drawn at once), and each frame is timed in parts: the document's
// crossing (JSON.parse), React (render and commit, the panels' view functions), and Ink's own
// work: Yoga's layout, drawing the nodes into an Output, turning it into rows (Output#get), and
// log-update's diff and write (to a terminal that takes the bytes). The last is what Ink does
// on any frame, however little changed; it is measured again on frames that change nothing but
// the header's tick, the floor of a frame.

import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {render} from 'ink';
import {applyDelta, createViewWriter, readFacts, type DocumentDelta, type SectionKeys} from '../source/engine/document-delta.js';
import type {LiveFacts} from '../source/engine/engine-protocol.js';
import {LiveEngine} from '../source/engine/live-engine.js';
import {LiveSession} from '../source/engine/live-session.js';
import type {SnapshotDocument} from '../source/engine/snapshot-types.js';
import {loadAllBuiltinWorkloads} from '../source/engine/workload-loader.js';
import {DashboardScreen} from '../source/ui/dashboard-screen.js';
import {patchInkOutput} from '../source/ui/patch-ink-output.js';
import {holdersPanelFits} from '../source/ui/plan-dashboard.js';
import {ColourContext} from '../source/ui/tone-style.js';
import {FakeTerminal} from './fake-terminal.js';

const frames = Number(process.argv[2] ?? 200);
// Frames as far apart as kmtop draws them at the defaults (a view every 250 ms): drawn closer, the
// UI's code and caches stay hot between frames and a frame costs well under what it costs in the app.
const spacingMs = Number(process.argv[3] ?? 250);
const warm = Math.min(100, frames);
const columns = 120;
const rows = 40;

/** This thread's CPU time in ms (schedstat counts nanoseconds); the wall clock where there is none. */
const threadMs = (() => {
	try {
		readFileSync('/proc/thread-self/schedstat', 'utf8');
		return () => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
	} catch {
		return () => performance.now();
	}
})();

const wallMs = () => performance.now();

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

// The engine, at the defaults, on a clock of its own.
const workloads = await loadAllBuiltinWorkloads();
let clock = 0;
const session = new LiveSession({
	seed: 1,
	revision: '2021-02-23',
	ramBytes: 512 * 1024 * 1024,
	rate: 100,
	workloads,
	initialWorkload: workloads.find((workload) => workload.name === 'vmobject-churn')!,
});
const engine = new LiveEngine(session, () => clock);
const views = createViewWriter();
const {simulation} = session;
const step = simulation.step.bind(simulation);
let stepMs = 0;
simulation.step = (ticks: number) => {
	const started = threadMs();
	const ran = step(ticks);
	stepMs += threadMs() - started;
	return ran;
};

type Crossing = {delta: DocumentDelta; facts: LiveFacts; keys?: SectionKeys};
const crossings: Crossing[] = [];
// What the screen shows, told to the engine as kmtop's UI tells it (use-shown-sections.ts): no
// region or deferred-call events, and the holders table only while a Holders panel fits.
let shownDocument: SnapshotDocument | undefined;
const engineMs = {advance: 0, publish: 0};
const publishTimes: number[] = [];
for (let frame = 0; frame < warm + frames; frame++) {
	const measured = frame >= warm;
	if (frame === warm) {
		stepMs = 0;
	}

	for (let advance = 0; advance < 8; advance++) {
		clock += 250 / 8;
		const started = threadMs();
		engine.advance();
		engineMs.advance += measured ? threadMs() - started : 0;
	}

	const started = threadMs();
	const wallStarted = wallMs();
	const view = views(engine.view());
	const wallSpent = wallMs() - wallStarted;
	const spent = threadMs() - started;
	if (measured) {
		engineMs.publish += spent;
		publishTimes.push(wallSpent);
	}

	// The facts cross as JSON text, as from the engine's thread.
	const facts = view ? readFacts(view.facts) : crossings.at(-1)!.facts;
	if (view) {
		shownDocument = applyDelta(shownDocument, view.delta, view.keys);
		engine.shown = {holders: holdersPanelFits(shownDocument, facts, columns, rows), frequentEvents: false};
	}

	crossings.push({delta: view ? view.delta : {}, facts, ...(view?.keys ? {keys: view.keys} : {})});
}

const seconds = frames / 4;

// The UI: one Ink instance, kmtop's Output patch, a terminal that takes the bytes.
await patchInkOutput();
type OutputPrototype = {get: (this: unknown) => {output: string; height: number}};
const inkEntry = createRequire(import.meta.url).resolve('ink');
const outputPrototype = ((await import(pathToFileURL(path.join(path.dirname(inkEntry), 'output.js')).href)) as {default: {prototype: OutputPrototype}}).default.prototype;
const instances = ((await import(pathToFileURL(path.join(path.dirname(inkEntry), 'instances.js')).href)) as {default: WeakMap<object, {rootNode: Record<string, () => void>}>}).default;

/** Each part's time in the frame being drawn. */
const part = {layout: 0, rows: 0, ink: 0, drawing: 0};
const get = outputPrototype.get;
outputPrototype.get = function (this: unknown) {
	const started = wallMs();
	const drawn = get.call(this);
	part.rows += wallMs() - started;
	return drawn;
};

const terminal = new FakeTerminal(columns, rows);
let document: SnapshotDocument | undefined;
const screen = (facts: LiveFacts) => (
	<ColourContext.Provider value>
		<DashboardScreen document={document!} facts={facts} columns={columns} rows={rows} />
	</ColourContext.Provider>
);

document = applyDelta(undefined, crossings[0]!.delta);
const instance = render(screen(crossings[0]!.facts), {
	stdout: terminal as unknown as NodeJS.WriteStream,
	patchConsole: false,
	exitOnCtrlC: false,
	onRender({renderTime}) {
		part.drawing += renderTime;
	},
});
// Ink's instance and its root node's two hooks (reconciler.js calls them after each commit) are
// internal: said plainly when an Ink update moved them.
const {rootNode} = instances.get(terminal) ?? {};
const {onComputeLayout, onRender} = (rootNode ?? {}) as {onComputeLayout?: () => void; onRender?: () => void};
if (!rootNode || typeof onComputeLayout !== 'function' || typeof onRender !== 'function') {
	throw new Error('Ink has no instance for the terminal in build/instances.js, or its rootNode no onComputeLayout() and onRender(): measure-live-frame needs updating for this Ink');
}
rootNode.onComputeLayout = () => {
	const started = wallMs();
	onComputeLayout();
	part.layout += wallMs() - started;
};

rootNode.onRender = () => {
	const started = wallMs();
	onRender();
	part.ink += wallMs() - started;
};

type FrameTimes = {cpu: number; total: number; crossing: number; react: number; ink: number; layout: number; nodes: number; rows: number; write: number};
const drawFrames = async (facts: (frame: number) => LiveFacts, delta: (frame: number) => Pick<Crossing, 'delta' | 'keys'>): Promise<FrameTimes[]> => {
	const times: FrameTimes[] = [];
	for (let frame = 1; frame < crossings.length; frame++) {
		await new Promise((resolve) => {
			setTimeout(resolve, spacingMs);
		});
		part.layout = 0;
		part.rows = 0;
		part.ink = 0;
		part.drawing = 0;
		const cpuStarted = threadMs();
		const started = wallMs();
		const crossing = delta(frame);
		document = applyDelta(document, crossing.delta, crossing.keys);
		const crossed = wallMs();
		instance.rerender(screen(facts(frame)));
		const ended = wallMs();
		const cpu = threadMs() - cpuStarted;
		if (frame >= warm) {
			// Ink's render time (renderer.js: the nodes drawn into an Output, and its rows).
			const drawing = Math.min(part.drawing, part.ink);
			times.push({
				cpu,
				total: ended - started,
				crossing: crossed - started,
				react: ended - crossed - part.layout - part.ink,
				ink: part.layout + part.ink,
				layout: part.layout,
				nodes: drawing - part.rows,
				rows: part.rows,
				write: part.ink - drawing,
			});
		}
	}

	return times;
};

const summary = (times: FrameTimes[]) =>
	Object.fromEntries((['cpu', 'total', 'crossing', 'react', 'ink', 'layout', 'nodes', 'rows', 'write'] as const).map((key) => [key, median(times.map((time) => time[key]))])) as FrameTimes;

const live = await drawFrames((frame) => crossings[frame]!.facts, (frame) => crossings[frame]!);
const bytesPerFrame = terminal.bytes / crossings.length;
// The floor: the last view again, only the header's tick moving (a new facts object each frame).
const last = crossings.at(-1)!.facts;
const floor = await drawFrames((frame) => ({...last, liveTick: last.liveTick + frame}), () => ({delta: {}}));
instance.unmount();

process.stdout.write(
	`${JSON.stringify({
		frames: live.length,
		frame: summary(live),
		/** The UI thread's CPU per frame, the mean (schedstat is right over many frames). */
		frameCpuMean: mean(live.map((time) => time.cpu)),
		floorCpuMean: mean(floor.map((time) => time.cpu)),
		bytesPerFrame,
		floor: summary(floor),
		engine: {
			simulationMsPerSecond: stepMs / seconds,
			copiesMsPerSecond: (engineMs.advance - stepMs) / seconds,
			publishMsPerSecond: engineMs.publish / seconds,
			publishMedianMs: median(publishTimes),
		},
	})}\n`,
);
