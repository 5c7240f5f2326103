// Run in a child process of its own (issue #16): a live session's engine, as kmtop's engine
// thread runs it, taken to tick N with its time machine keeping copies, then its RSS; and on the
// way, at tick 1,000,000 (or N if smaller), how long one step back takes: cold (right as the
// present stops), and after the paused engine has made it ready, then nine more.
// Prints one JSON line. Usage: child-time-travel.js [ticks] [workload]

import {copySimulation} from '../source/engine/clone-simulation.js';
import {LiveSession} from '../source/engine/live-session.js';
import {loadAllBuiltinWorkloads} from '../source/engine/workload-loader.js';
import {readPeakRss} from './read-peak-rss.js';

const ticks = Number(process.argv[2] ?? 10_000_000);
const name = process.argv[3] ?? 'vmobject-churn';
const stepAt = Math.min(ticks, 1_000_000);
const workloads = await loadAllBuiltinWorkloads();
const session = new LiveSession({seed: 1, revision: '2021-02-23', ramBytes: 512 * 1024 * 1024, rate: 100, workloads, initialWorkload: workloads.find((workload) => workload.name === name)!});

const started = performance.now();
await session.travelTo({boot: 1, tick: stepAt});
// Cold: the step back right as the present stops, from the nearest copy the running present left.
let before = performance.now();
await session.travelBy(-1);
const coldStepMs = performance.now() - before;
// Then as in the live view: back at the present, paused, the engine's timer ticking (every 33 ms)
// while the user reaches for ←: it makes the step back ready meanwhile.
session.togglePause();
session.paused = true;
before = performance.now();
while (!session.timeMachine!.stepBackReady && performance.now() - before < 10_000) {
	session.advance(33);
	await new Promise((resolve) => {
		setTimeout(resolve, 13);
	});
}

const prepareMs = performance.now() - before;
const steps: number[] = [];
for (let step = 0; step < 10; step++) {
	before = performance.now();
	await session.travelBy(-1);
	steps.push(performance.now() - before);
}

const shownTick = session.snapshot().run.tick;
session.togglePause(); // back to the present
session.paused = true;
await session.travelTo({boot: 1, tick: ticks});
const seconds = (performance.now() - started) / 1000;
globalThis.gc?.();
const store = session.timeMachine!.store;
const rssBytes = process.memoryUsage().rss;
const peakRssBytes = readPeakRss();
const {heapUsed, arrayBuffers} = process.memoryUsage();
// What the present kernel holds running, and what its newest copy holds stored (compact): a
// copy made to measure it, once the figures above are read.
const kernelBytes = copySimulation(session.simulation, new Set(workloads)).bytes;
process.stdout.write(
	`${JSON.stringify({
		workload: name,
		ticks: session.simulation.tick,
		halted: session.simulation.halted,
		seconds,
		rssBytes,
		// Where the RSS is: the JS heap, and the buffers (the present kernel's, the copies' blocks).
		heapUsedBytes: heapUsed,
		arrayBuffersBytes: arrayBuffers,
		kernelBytes,
		newestCopyBytes: store.newest!.bytes,
		peakRssBytes,
		checkpoints: store.count,
		// Every copy: the store's, the trail's and the ones running outside them.
		checkpointBytes: session.timeMachine!.bytes,
		checkpointBudgetBytes: session.timeMachine!.budgetBytes,
		stepAt,
		shownTick,
		coldStepMs,
		prepareMs,
		firstStepMs: steps[0],
		// The nine steps after the first (warm: the copy the first one made is near).
		maxStepMs: Math.max(...steps.slice(1)),
		medianStepMs: steps.slice(1).sort((a, b) => a - b)[4],
	})}\n`,
);
