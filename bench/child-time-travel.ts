// Run in a child process of its own (issue #16): a live session's engine, as kmtop's engine
// thread runs it, taken to tick N with its time machine keeping copies, then its RSS; and on the
// way, at tick 1,000,000 (or N if smaller), how long one step back takes, cold and then warm.
// Prints one JSON line. Usage: child-time-travel.js [ticks] [workload]

import {LiveSession} from '../source/engine/live-session.js';
import {loadAllBuiltinWorkloads} from '../source/engine/workload-loader.js';

const ticks = Number(process.argv[2] ?? 10_000_000);
const name = process.argv[3] ?? 'vmobject-churn';
const stepAt = Math.min(ticks, 1_000_000);
const workloads = await loadAllBuiltinWorkloads();
const session = new LiveSession({seed: 1, revision: '2021-02-23', ramBytes: 512 * 1024 * 1024, rate: 100, workloads, initialWorkload: workloads.find((workload) => workload.name === name)!});

const started = performance.now();
await session.travelTo({boot: 1, tick: stepAt});
const steps: number[] = [];
for (let step = 0; step < 10; step++) {
	const before = performance.now();
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
process.stdout.write(
	`${JSON.stringify({
		workload: name,
		ticks: session.simulation.tick,
		halted: session.simulation.halted,
		seconds,
		rssBytes: process.memoryUsage().rss,
		peakRssBytes: process.resourceUsage().maxRSS * 1024,
		checkpoints: store.count,
		checkpointBytes: store.bytes,
		checkpointBudgetBytes: store.budgetBytes,
		stepAt,
		shownTick,
		firstStepMs: steps[0],
		// The nine steps after the first (warm: the copy the first one made is near).
		maxStepMs: Math.max(...steps.slice(1)),
		medianStepMs: steps.slice(1).sort((a, b) => a - b)[4],
	})}\n`,
);
