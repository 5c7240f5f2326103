// The engine's thread. Workloads are user code that can hang, throw from a timer or reject a
// promise, so they run here, never on the UI's thread: a loop in a workload leaves the screen
// and the keys alive, and the UI's watchdog can stop this whole thread (engine-thread.ts).
// Errors the workload raises outside its hooks are its own faults, recorded like a throw.

import process from 'node:process';
import {parentPort, workerData} from 'node:worker_threads';
import {buildSnapshot} from './build-snapshot.js';
import {createDeltaWriter} from './document-delta.js';
import {buildSubheapDocument, linkedSubheapIds} from './build-subheap-document.js';
import type {EngineToUi, EngineWorkerData, SubheapOutcome, UiToEngine} from './engine-protocol.js';
import {writeHeartbeat} from './hook-watchdog.js';
import {LiveEngine} from './live-engine.js';
import {LiveSession} from './live-session.js';
import {replayJournal, runTicksTo} from './session-journal.js';
import {describeThrown} from './describe-thrown.js';
import {Simulation} from './simulation.js';
import {isTraceWorkload} from './trace/trace-workload.js';
import {loadWorkloads} from './load-workloads.js';
import type {Workload} from './workload-api.js';

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
	heartbeat.enter('load', 0);
	const loaded = await loadWorkloads(data.workload, data.mode.kind === 'live').finally(heartbeat.leave);
	if (!loaded.ok) {
		post({type: 'load-error', badInput: loaded.badInput, message: loaded.message});
		return;
	}

	const {all, initial} = loaded;
	if (data.mode.kind === 'snapshot') {
		await runSnapshotMode(initial, data.mode);
	} else {
		await runLiveMode(all, initial, data.mode);
	}
};

const subheapOutcome = (simulation: Simulation, id: number): SubheapOutcome => {
	const document = buildSubheapDocument(simulation.kernel, id);
	return document ? {document} : {missing: {tick: simulation.tick, linked: linkedSubheapIds(simulation.kernel)}};
};

type SnapshotMode = Extract<EngineWorkerData['mode'], {kind: 'snapshot'}>;
type LiveMode = Extract<EngineWorkerData['mode'], {kind: 'live'}>;

const runSnapshotMode = async (workload: Workload, mode: SnapshotMode) => {
	// Said before the kernel boots: the workload's setup runs then, and may hang.
	const ticks = mode.ticks ?? (isTraceWorkload(workload) ? workload.lengthTicks : 1000);
	post({type: 'started', ticks, workload: workload.name});
	where = () => ({boot: 1, workloadIndex: 0});
	const simulation = new Simulation({...data.run, workload, watch: heartbeat.watch, knownHangs: mode.knownHangs});
	currentSimulation = simulation;
	where = () => ({boot: simulation.bootNumber, workloadIndex: 0});
	await runTicksTo(simulation, ticks, {
		onProgress(tick) {
			post({type: 'progress', tick});
		},
	});
	post({type: 'document', document: buildSnapshot(simulation), ...(mode.subheap === undefined ? {} : {subheap: subheapOutcome(simulation, mode.subheap)})});
};

const runLiveMode = async (workloads: Workload[], initial: Workload, mode: LiveMode) => {
	// The watchdog reads where we are through `where`; until the session exists, its first boot.
	let session: LiveSession | undefined;
	where = () => ({boot: session?.simulation.bootNumber ?? 1, workloadIndex: session?.workloadIndex ?? (workloads.includes(initial) ? workloads.indexOf(initial) : workloads.length)});
	session = new LiveSession({
		...data.run,
		rate: mode.rate,
		workloads,
		initialWorkload: initial,
		watch: heartbeat.watch,
		knownHangs: mode.resume?.knownHangs,
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
				session!.apply(action);
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

	session.paused = mode.paused;
	const engine = new LiveEngine(session);
	const changes = createDeltaWriter();
	const publish = () => {
		const {document, facts} = engine.view();
		post({type: 'view', delta: changes(document), facts});
	};

	engine.onChange = publish;
	port.on('message', (message: UiToEngine) => {
		if (message.type === 'command') {
			engine.apply(message.command);
			publish();
		} else if (message.type === 'request-document') {
			post({type: 'response', id: message.id, document: session.liveSnapshot()});
		}
	});

	publish();
	setInterval(() => {
		engine.advance();
	}, mode.advanceEveryMs);
	setInterval(publish, Math.max(16, mode.refreshMs));
};

start().catch((error: unknown) => {
	post({type: 'internal-error', message: describeThrown(error), stack: error instanceof Error ? (error.stack ?? '') : ''});
});
