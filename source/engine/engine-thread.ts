// Starting the engine's thread from the UI's (or the CLI's) thread, and watching it: the worker
// file (built, also when tests run from source), its output kept off the screen, the watchdog.

import {Worker} from 'node:worker_threads';
import type {EngineToUi, EngineWorkerData, UiToEngine} from './engine-protocol.js';
import {createHeartbeat, describeHang, readHookSite, startHookWatchdog, type HookSite} from './hook-watchdog.js';
import type {KnownHang} from './session-journal.js';

/**
The built worker: beside this module once built (in dist/source/engine, or in dist/bundle, where
the chunk holding this code sits beside the bundle's engine-worker.js), dist/source's when this
runs from source (tests).
*/
const engineWorkerUrl = (): URL =>
	import.meta.url.endsWith('.ts') ? new URL('../../dist/source/engine/engine-worker.js', import.meta.url) : new URL('engine-worker.js', import.meta.url);

/** A workload that allocates without end stops at this much JavaScript heap, not the machine's. */
const ENGINE_HEAP_LIMIT_MB = 4096;
/**
The engine allocates fast and briefly (snapshot documents, a workload's arrays): a young generation
this small is collected often and cheaply, and keeps the live view's footprint down (V8's default
lets it grow to 48 MB; measured: ~25 MB less RSS, no loss of ticks per second).
*/
const ENGINE_YOUNG_GENERATION_MB = 8;

export type EngineThreadEvents = {
	message(message: EngineToUi): void;
	/** The watchdog stopped the thread: a hook ran past the limit (or the thread ran out of memory in one). */
	hang(site: HookSite, message: string): void;
	/**
	The thread ended on its own or failed outside any hook: kmtop's own error; or (`duringLoad`) it
	ran out of work while the workload module loaded, whose top-level await never settled.
	*/
	failure(message: string, duringLoad?: boolean): void;
};

export type EngineThread = {
	post(message: UiToEngine): void;
	/** Stops the thread (idempotent); resolves once it is gone. */
	stop(): Promise<void>;
};

export type EngineThreadOptions = {
	tickTimeoutMs: number;
	/** Where the workload's own console output goes (never the dashboard's screen). */
	output?: NodeJS.WritableStream;
};

export const startEngineThread = (data: Omit<EngineWorkerData, 'heartbeat'>, options: EngineThreadOptions, events: EngineThreadEvents): EngineThread => {
	const heartbeat = createHeartbeat();
	const worker = new Worker(engineWorkerUrl(), {
		workerData: {...data, heartbeat} satisfies EngineWorkerData,
		stdout: true,
		stderr: true,
		resourceLimits: {maxOldGenerationSizeMb: ENGINE_HEAP_LIMIT_MB, maxYoungGenerationSizeMb: ENGINE_YOUNG_GENERATION_MB},
	});
	for (const stream of [worker.stdout, worker.stderr]) {
		if (options.output) {
			stream.pipe(options.output, {end: false});
		} else {
			stream.resume();
		}
	}

	let stopping = false;
	let lastSite: HookSite | undefined;
	const watchdog = startHookWatchdog(heartbeat, {
		timeoutMs: options.tickTimeoutMs,
		onHang(site) {
			lastSite = site;
			stopping = true;
			void worker.terminate();
			events.hang(site, describeHang(site.hook, options.tickTimeoutMs));
		},
	});
	worker.on('message', (message: EngineToUi) => {
		if (!stopping) {
			events.message(message);
		}
	});
	worker.on('error', (error: Error & {code?: string}) => {
		if (stopping) {
			return;
		}

		stopping = true;
		watchdog.stop();
		const site = lastSite ?? readHookSite(heartbeat);
		if (error.code === 'ERR_WORKER_OUT_OF_MEMORY' && site) {
			events.hang(site, `ran out of memory: its ${site.hook} used the engine's whole ${ENGINE_HEAP_LIMIT_MB} MB heap and was stopped`);
		} else {
			events.failure(error.message);
		}
	});
	worker.on('exit', (code) => {
		watchdog.stop();
		if (!stopping) {
			stopping = true;
			// A module whose top-level await never settles leaves the thread nothing to run: it
			// ends while the module loads (the heartbeat still says so).
			events.failure(`the engine thread ended unexpectedly (exit code ${code})`, readHookSite(heartbeat)?.hook === 'load');
		}
	});

	return {
		post(message) {
			if (!stopping) {
				worker.postMessage(message);
			}
		},
		async stop() {
			stopping = true;
			watchdog.stop();
			await worker.terminate();
		},
	};
};

/** A hang as a replay records it: the hook at its tick of its boot, for the workload that ran it. */
export const knownHangAt = (site: HookSite, workload: string, message: string): KnownHang | undefined =>
	site.hook === 'load' ? undefined : {site: {boot: site.boot, tick: site.tick, hook: site.hook, workload}, message};
