// Run in a child process of its own (NODE_ENV=production, as cli.js sets it): the cost of one
// whole live frame with the `Subheap #N` view open (issue 15's goal: under 10 ms), on the busiest
// subheap there is, the pool after 3,000 ticks of vmobject-churn, at 120×40 in colour. Drawn as
// the live view draws: one Ink instance on a terminal (with its row and piece caches). Two kinds
// of frame, each scrolled one map row from the last:
// - the map scrolled (mapFrameMs): the documents stay, as while the user scrolls between two
//   refreshes; rows drawn for the document before are drawn from there;
// - the documents new (mapRefreshFrameMs): every frame a new snapshot document and a new subheap
//   document (copies, as the engine's messages bring them), so nothing is known by identity and
//   every map row, the words and the layout are worked out again: the worst frame live.
// The frame is what the UI thread pays; the subheap document is built on the engine's thread, and
// is measured beside it. The baseline is the same frame with the panels instead of the map, the
// tick moving.

import {EventEmitter} from 'node:events';
import {render} from 'ink';
import {buildSnapshot} from '../source/engine/build-snapshot.js';
import {buildSubheapDocument} from '../source/engine/build-subheap-document.js';
import {Simulation} from '../source/engine/simulation.js';
import {loadBuiltinWorkload} from '../source/engine/workload-loader.js';
import {DashboardScreen} from '../source/ui/dashboard-screen.js';
import {initialExploreState, type ExploreState} from '../source/ui/explore-state.js';
import {patchInkOutput} from '../source/ui/patch-ink-output.js';
import {ColourContext} from '../source/ui/tone-style.js';

const runs = Number(process.argv[2] ?? 100);
const columns = 120;
const rows = 40;

const median = (fn: () => void): number => {
	for (let run = 0; run < Math.min(20, runs); run++) {
		fn();
	}

	const times: number[] = [];
	for (let run = 0; run < runs; run++) {
		const started = performance.now();
		fn();
		times.push(performance.now() - started);
	}

	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)]!;
};

// As the live view draws: with its row and piece caches in Ink's output (patch-ink-output.ts).
await patchInkOutput();
const simulation = new Simulation({seed: 1, revision: '2021-02-23', ramBytes: 512 * 1024 * 1024, workload: await loadBuiltinWorkload('vmobject-churn')});
simulation.step(3000);
const document = buildSnapshot(simulation);
const subheap = buildSubheapDocument(simulation.kernel, 0)!;
const facts = {live: true as const, rate: 100, paused: false, liveTick: document.run.tick, workloads: ['vmobject-churn'], workloadIndex: 0};
const mapOpen: ExploreState = {...initialExploreState, screen: 'subheap', map: {id: 0, top: 0}};

class Terminal extends EventEmitter {
	readonly isTTY = true;
	readonly columns = columns;
	readonly rows = rows;
	write = (_data: string | Uint8Array, ...rest: unknown[]): boolean => {
		(rest.find((item) => typeof item === 'function') as (() => void) | undefined)?.();
		return true;
	};
}

/**
The median and 95th percentile wall time of a whole frame over `runs` frames of `screen(frame)`,
after a warm-up (`prepare(frame)` runs before each, untimed): the
synchronous rerender, which is React's commit (the view functions that lay the lines out) and,
frames being further apart than Ink's throttle, Ink's own render and write. A frame Ink did not
draw inside the rerender is not counted.
*/
const wholeFrames = async (screen: (frame: number) => React.ReactElement, prepare?: (frame: number) => void): Promise<{median: number; p95: number}> => {
	let rendered = 0;
	const instance = render(screen(0), {
		stdout: new Terminal() as unknown as NodeJS.WriteStream,
		patchConsole: false,
		exitOnCtrlC: false,
		onRender() {
			rendered++;
		},
	});
	const times: number[] = [];
	const warm = Math.min(20, runs);
	for (let frame = 1; frame <= warm + runs; frame++) {
		// Past Ink's 30 fps throttle, so the frame is drawn at once.
		await new Promise((resolve) => {
			setTimeout(resolve, 40);
		});
		prepare?.(frame);
		const before = rendered;
		const started = performance.now();
		instance.rerender(screen(frame));
		const elapsed = performance.now() - started;
		if (frame > warm && rendered > before) {
			times.push(elapsed);
		}
	}

	instance.unmount();
	times.sort((a, b) => a - b);
	return {median: times[Math.floor(times.length / 2)] ?? Number.NaN, p95: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] ?? Number.NaN};
};

const mapScreen = (frame: number) => (
	<ColourContext.Provider value={true}>
		<DashboardScreen document={document} facts={facts} columns={columns} rows={rows} explore={{state: {...mapOpen, map: {id: 0, top: frame % 2}}, subheap}} />
	</ColourContext.Provider>
);

// New documents for each frame, copied before the frame is timed: what a structured clone from the engine's thread gives.
let fresh = {document, subheap};
const refreshedScreen = (frame: number) => (
	<ColourContext.Provider value={true}>
		<DashboardScreen document={fresh.document} facts={facts} columns={columns} rows={rows} explore={{state: {...mapOpen, map: {id: 0, top: frame % 2}}, subheap: fresh.subheap}} />
	</ColourContext.Provider>
);

const panelsScreen = (frame: number) => (
	<ColourContext.Provider value={true}>
		<DashboardScreen document={{...document, run: {...document.run, tick: document.run.tick + frame}}} facts={facts} columns={columns} rows={rows} explore={{state: initialExploreState}} />
	</ColourContext.Provider>
);

const map = await wholeFrames(mapScreen);
const refreshed = await wholeFrames(refreshedScreen, () => {
	fresh = {document: structuredClone(document), subheap: structuredClone(subheap)};
});
const panels = await wholeFrames(panelsScreen);
const result = {
	chunks: subheap.totalChunks,
	blocks: subheap.blocks.firstChunk.length,
	mapFrameMs: map.median,
	mapFrameP95Ms: map.p95,
	mapRefreshFrameMs: refreshed.median,
	mapRefreshFrameP95Ms: refreshed.p95,
	panelsFrameMs: panels.median,
	subheapDocumentMs: median(() => buildSubheapDocument(simulation.kernel, 0)),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
