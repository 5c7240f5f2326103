// The engine's thread. Workloads are user code that can hang, throw from a timer or reject a
// promise, so they run here, never on the UI's thread: a loop in a workload leaves the screen
// and the keys alive, and the UI's watchdog can stop this whole thread (engine-thread.ts).
// Errors the workload raises outside its hooks are its own faults, recorded like a throw.

import process from 'node:process';
import {parentPort, workerData} from 'node:worker_threads';
import {buildSnapshot} from './build-snapshot.js';
import {createViewWriter} from './document-delta.js';
import {subheapOutcome} from './build-subheap-document.js';
import type {EngineToUi, EngineWorkerData, UiToEngine} from './engine-protocol.js';
import {writeHeartbeat} from './hook-watchdog.js';
import {LiveEngine} from './live-engine.js';
import {LiveSession} from './live-session.js';
import {replayJournal, runTicksTo, stepTowards} from './session-journal.js';
import {describeMade, withMade} from './describe-made.js';
import {ComparedRuns, comparePanics, memstatKeyDifferences, summarizeSide, type CompareSideSummary} from './compare-runs.js';
import {describeThrown} from './describe-thrown.js';
import {Simulation} from './simulation.js';
import {isTraceWorkload} from './trace/is-trace-workload.js';
import {loadWorkloads} from './load-workloads.js';
import type {Workload} from './workload-api.js';

// process.exit in a worker ends the thread, not kmtop: a workload that called it took the engine
// with it, and kmtop reported its own internal error. It throws instead, so it is the workload's
// fault like any other throw: recorded at the hook and tick it came from, or, at import, the
// module refused in one line.
process.exit = (code?: number | string | null): never => {
	throw new Error(`process.exit(${code ?? ''}) called: a workload ends by returning from its hooks; kmtop ends the run`);
};

const data = workerData as EngineWorkerData;
const port = parentPort!;
const post = (message: EngineToUi): void => {
	port.postMessage(message);
};

const heartbeat = writeHeartbeat(data.heartbeat, () => where());
let where = () => ({boot: 0, workloadIndex: 0});
let currentSimulation: Simulation | undefined;

// A fault raised outside a hook (a timer, a rejected promise) belongs to the workload that runs.
const onStrayFault = (error: unknown) => {
	const simulation = currentSimulation;
	if (simulation && !simulation.workloadFailure) {
		simulation.failWorkload(`${describeThrown(error)} (thrown outside its hooks: a timer, a callback or a rejected promise)`);
		return;
	}

	if (!simulation) {
		post({type: 'load-error', badInput: true, message: `a workload module failed while loading: ${describeThrown(error)}`});
	}
};

process.on('uncaughtException', onStrayFault);
process.on('unhandledRejection', onStrayFault);

const start = async (): Promise<void> => {
	const {mode} = data;
	// A trace is not code that can hang at import, but its reading (the counting pass over a big
	// file, a pipe waiting for its writer) may take longer than the watchdog's limit: not watched.
	if (data.workload.kind !== 'trace') {
		heartbeat.enter('load', 0);
	}

	const journal = mode.kind === 'snapshot' ? (mode.journal ?? []) : mode.kind === 'live' ? (mode.schedule ?? []) : [];
	const switches = journal.some((entry) => entry.action.type === 'switch-workload');
	const loaded = await loadWorkloads(data.workload, mode.kind === 'live' || switches, (trace) => {
		post({type: 'progress', tick: 0, trace});
	}).finally(heartbeat.leave);
	if (!loaded.ok) {
		post({type: 'load-error', badInput: loaded.badInput, message: loaded.message});
		return;
	}

	const {all, initial} = loaded;
	const candidates = all.includes(initial) ? all : [...all, initial];
	const missing = journal.find((entry) => entry.action.type === 'switch-workload' && !candidates.some((workload) => workload.name === (entry.action as {workload: string}).workload));
	if (missing) {
		const name = (missing.action as {workload: string}).workload;
		post({type: 'load-error', badInput: true, message: `the recording switches to workload "${name}" at boot ${missing.boot}, tick ${missing.tick}, and there is no such workload here (a custom workload other than the one the recording started with?)`});
		return;
	}

	if (mode.kind === 'snapshot') {
		await runSnapshotMode(candidates, initial, mode);
	} else if (mode.kind === 'compare') {
		await runCompareMode(initial, mode);
	} else {
		await runLiveMode(all, initial, mode);
	}
};

type SnapshotMode = Extract<EngineWorkerData['mode'], {kind: 'snapshot'}>;
type LiveMode = Extract<EngineWorkerData['mode'], {kind: 'live'}>;
type CompareMode = Extract<EngineWorkerData['mode'], {kind: 'compare'}>;

/**
Two revisions, same seed and workload, in lockstep (compare-runs.ts). The watchdog is told which
side runs through the workload index (0 or 1), so a hang is stopped on its own side when re-run.
*/
const runCompareMode = async (workload: Workload, mode: CompareMode) => {
	post({type: 'started', ticks: mode.ticks, workload: workload.name, workloads: [workload.name, workload.name]});
	let side = 0;
	where = () => ({boot: 1, workloadIndex: side});
	const sides = mode.revisions.map((revision, index) => {
		side = index;
		const simulation = new Simulation({...data.run, revision, workload, watch: heartbeat.watch, knownHangs: mode.knownHangs[index]});
		currentSimulation = simulation;
		return simulation;
	}) as [Simulation, Simulation];
	const runs = new ComparedRuns(sides);
	runs.onSide = (index) => {
		side = index;
		currentSimulation = sides[index];
	};

	let lastYield = performance.now();
	while (runs.tick < mode.ticks && !runs.halted) {
		runs.step(Math.min(200, mode.ticks - runs.tick));
		if (performance.now() - lastYield > 100) {
			post({type: 'progress', tick: runs.tick});
			await new Promise((resolve) => {
				setImmediate(resolve);
			});
			lastYield = performance.now();
		}
	}

	post({type: 'progress', tick: runs.tick});
	const summaries = sides.map((simulation) => summarizeSide(simulation)) as [CompareSideSummary, CompareSideSummary];
	post({
		type: 'compared',
		result: {
			sides: summaries,
			documents: [buildSnapshot(sides[0]), buildSnapshot(sides[1])],
			memstatKeys: memstatKeyDifferences(summaries[0].memstat, summaries[1].memstat),
			firstDifference: runs.firstDifference ?? null,
			panics: comparePanics(summaries[0].panic, summaries[1].panic),
		},
	});
};

const runSnapshotMode = async (workloads: Workload[], workload: Workload, mode: SnapshotMode) => {
	const journal = mode.journal ?? [];
	// A trace runs to its end (its length is not known in advance when it comes through a pipe).
	const trace = isTraceWorkload(workload) ? workload : undefined;
	const target = {boot: mode.boot ?? 1, tick: mode.ticks ?? (trace ? Number.POSITIVE_INFINITY : 1000)};
	// Ticks of the boots before the target's (each ends at its reboot), for the progress bar.
	const bootEnds = new Map(journal.filter((entry) => entry.action.type === 'reboot').map((entry) => [entry.boot, entry.tick]));
	const before = (boot: number) => [...bootEnds].filter(([number]) => number < boot).reduce((sum, [, tick]) => sum + tick, 0);
	// Said before the kernel boots: the workload's setup runs then, and may hang.
	post({type: 'started', ticks: Number.isFinite(target.tick) ? before(target.boot) + target.tick : null, workload: workload.name, workloads: workloads.map(({name}) => name)});
	where = () => ({boot: 1, workloadIndex: workloads.indexOf(workload)});
	const simulation = new Simulation({...data.run, workload, watch: heartbeat.watch, knownHangs: mode.knownHangs});
	currentSimulation = simulation;
	where = () => ({boot: simulation.bootNumber, workloadIndex: workloads.indexOf(simulation.workload)});
	if (journal.length === 0 && target.boot === 1) {
		await runTicksTo(simulation, target.tick, {
			untilTraceFinished: trace !== undefined && mode.ticks === null,
			onProgress(tick) {
				post({type: 'progress', tick, ...(trace ? {trace: trace.progress()} : {})});
			},
		});
	} else {
		let index = 0;
		let lastYield = performance.now();
		for (;;) {
			const step = stepTowards(simulation, journal, index, target, workloads, 500);
			index = step.index;
			if (step.arrived) {
				break;
			}

			if (performance.now() - lastYield > 100) {
				post({type: 'progress', tick: before(simulation.bootNumber) + simulation.tick});
				await new Promise((resolve) => {
					setImmediate(resolve);
				});
				lastYield = performance.now();
			}
		}

		post({type: 'progress', tick: before(simulation.bootNumber) + simulation.tick});
	}

	post({type: 'document', document: buildSnapshot(simulation), ...(mode.subheap === undefined ? {} : {subheap: subheapOutcome(simulation.kernel, mode.subheap)})});
};

const runLiveMode = async (workloads: Workload[], initial: Workload, mode: LiveMode) => {
	// The watchdog reads where we are through `where`; until the session exists, its first boot.
	// eslint-disable-next-line prefer-const -- `where` may run while the session is built, when a const would still be in its dead zone
	let session: LiveSession | undefined;
	where = () => ({boot: session?.simulation.bootNumber ?? 1, workloadIndex: session?.workloadIndex ?? (workloads.includes(initial) ? workloads.indexOf(initial) : workloads.length)});
	session = new LiveSession({
		...data.run,
		rate: mode.rate,
		workloads,
		initialWorkload: initial,
		watch: heartbeat.watch,
		knownHangs: mode.resume?.knownHangs,
		schedule: mode.schedule,
	});
	const {simulation} = session;
	currentSimulation = simulation;
	session.onJournal = (entry) => {
		post({type: 'journal', entry});
	};

	if (mode.resume) {
		// Back after a hang: the same session re-run to where it was, the hung hook stopped there.
		session.onJournal = undefined;
		const {tick} = mode.resume;
		let lastProgress = 0;
		await replayJournal(simulation, mode.resume.journal, tick, {
			apply(action) {
				session.apply(action);
			},
			onProgress(reached) {
				const now = performance.now();
				if (now - lastProgress > 100) {
					lastProgress = now;
					post({type: 'progress', tick: reached});
				}
			},
		});
		session.onJournal = (entry) => {
			post({type: 'journal', entry});
		};
	}

	session.applyDueEntries();
	session.paused = mode.paused;
	const engine = new LiveEngine(session);
	const views = createViewWriter();
	const refreshMs = Math.max(16, mode.refreshMs);
	// The engine's own timer advances it every few dozen milliseconds while it is not calm (a
	// rate beyond a few dozen ticks a view, a step back made ready while paused, a travel, a
	// comparison). Calm, each view advances it (below) and the timer stops rather than waking the
	// thread for nothing between views; the next view that finds it not calm starts it again
	// (a key publishes at once, so a key that ends the calm starts it at once).
	let advancing: NodeJS.Timeout | undefined;
	const advanceSoon = () => {
		advancing = setTimeout(() => {
			advancing = undefined;
			if (!engine.calm(refreshMs)) {
				engine.advance();
				advanceSoon();
			}
		}, mode.advanceEveryMs);
	};

	const publish = () => {
		// Calm, the ticks owed are run here, once a view, instead of by the timer.
		if (engine.calm(refreshMs)) {
			engine.advance();
		} else if (advancing === undefined) {
			advanceSoon();
		}

		const view = views(engine.view());
		if (view) {
			post({type: 'view', ...view});
		}
	};

	engine.onChange = publish;
	port.on('message', (message: UiToEngine) => {
		if (message.type === 'command') {
			engine.apply(message.command);
			publish();
		} else if (message.type === 'request-document') {
			const shown = session.shownSimulation;
			const made = describeMade({
				...mode.made,
				seed: data.run.seed,
				ramBytes: data.run.ramBytes,
				journal: session.journal,
				boot: shown.bootNumber,
				tick: shown.tick,
			});
			post({type: 'response', id: message.id, document: withMade(session.liveSnapshot(), made)});
		} else if (message.type === 'request-subheap') {
			post({type: 'subheap-response', id: message.id, outcome: engine.subheap(message.subheap)});
		} else if (message.type === 'shown') {
			engine.shown = message.sections;
			publish();
		}
	});

	publish();
	setInterval(publish, refreshMs);
};

start().catch((error: unknown) => {
	post({type: 'internal-error', message: describeThrown(error), stack: error instanceof Error ? (error.stack ?? '') : ''});
});
