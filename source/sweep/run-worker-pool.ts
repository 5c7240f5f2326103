// A pool of worker threads working through a list of tasks, one task per worker at a time (the
// next goes to whichever worker finishes first, so long and short tasks even out). A task whose
// worker throws or dies gets the caller's "failed" result, a new worker takes its place, and the
// rest go on. With a watchdog, each worker gets a heartbeat (hook-watchdog.ts): a worker stuck
// in a watched hook is stopped, and the caller says whether its task runs again or what its
// result is. `stop()` ends the workers at once; what finished is kept.

import {Worker, parentPort} from 'node:worker_threads';
import {describeThrown} from '../engine/describe-thrown.js';
import {createHeartbeat, startHookWatchdog, type HookSite} from '../engine/hook-watchdog.js';

type ToWorker<Task> = {index: number; task: Task};
type FromWorker<Result> = {index: number; result: Result} | {index: number; error: string};

/** What a worker finds in `workerData`. */
export type PoolWorkerData = {heartbeat?: SharedArrayBuffer};

export type PoolOptions<Task, Result> = {
	/** The worker module; it calls serveTasks. */
	workerUrl: URL;
	/** Workers at most (never more than there are tasks). */
	jobs: number;
	tasks: readonly Task[];
	/** The result of a task that could not be done, and why. */
	failed: (task: Task, message: string) => Result;
	/** Each result as it comes, in the order they finish. */
	onResult?: (index: number, result: Result) => void;
	/** Where workers' stdout goes, so it cannot mix with the results on ours. */
	workerOutput?: {write(chunk: Uint8Array | string): unknown};
	watchdog?: {
		timeoutMs: number;
		/** A task whose worker was stopped in a hook: run again (in a new worker) as `retry`, or done with `result`. */
		onHang(task: Task, site: HookSite): {retry: Task} | {result: Result};
	};
};

export type PoolOutcome<Result> = {
	/** By task index; undefined for a task not finished when the pool was stopped. */
	results: Array<Result | undefined>;
	stopped: boolean;
};

export type PoolRun<Result> = {done: Promise<PoolOutcome<Result>>; stop: () => void};

// Whatever was thrown (null, a Proxy…), as one line.
const messageOf = (error: unknown) => describeThrown(error).split('\n')[0]!;

type Job<Task> = {index: number; task: Task};

export const runWorkerPool = <Task, Result>(options: PoolOptions<Task, Result>): PoolRun<Result> => {
	const {tasks, failed, watchdog} = options;
	const results: Array<Result | undefined> = Array.from({length: tasks.length});
	const live = new Set<Worker>();
	// Tasks to run again after a hang go before the ones not yet started.
	const retries: Array<Job<Task>> = [];
	let next = 0;
	let stopped = false;
	let resolve!: (outcome: PoolOutcome<Result>) => void;
	const done = new Promise<PoolOutcome<Result>>((settle) => {
		resolve = settle;
	});

	const hasWork = () => retries.length > 0 || next < tasks.length;
	const takeJob = (): Job<Task> => retries.shift() ?? {index: next, task: tasks[next++]!};

	const record = (index: number, result: Result) => {
		results[index] = result;
		options.onResult?.(index, result);
	};

	const settleIfIdle = () => {
		if (live.size === 0) {
			resolve({results, stopped});
		}
	};

	const start = () => {
		const heartbeat = watchdog && createHeartbeat();
		const worker = new Worker(options.workerUrl, {stdout: true, workerData: {heartbeat} satisfies PoolWorkerData});
		const output = options.workerOutput ?? process.stderr;
		worker.stdout.on('data', (chunk: Uint8Array) => output.write(chunk));
		live.add(worker);
		let current: Job<Task> | undefined;
		let crash: unknown;
		let hung = false;
		const giveNext = () => {
			current = undefined;
			if (stopped || !hasWork()) {
				void worker.terminate();
				return;
			}

			current = takeJob();
			worker.postMessage(current satisfies ToWorker<Task>);
		};

		const watching = heartbeat && watchdog && startHookWatchdog(heartbeat, {
			timeoutMs: watchdog.timeoutMs,
			onHang(site) {
				if (!current || stopped) {
					return;
				}

				hung = true;
				const outcome = watchdog.onHang(current.task, site);
				if ('retry' in outcome) {
					retries.push({index: current.index, task: outcome.retry});
				} else {
					record(current.index, outcome.result);
				}

				current = undefined;
				void worker.terminate();
			},
		});

		worker.on('message', (message: FromWorker<Result>) => {
			if (!current || message.index !== current.index || hung) {
				return;
			}

			record(current.index, 'error' in message ? failed(current.task, message.error) : message.result);
			giveNext();
		});
		worker.on('error', (error) => {
			crash = error;
		});
		worker.on('exit', (code) => {
			watching?.stop();
			live.delete(worker);
			if (current !== undefined && !stopped) {
				const why = crash === undefined ? `the worker exited with code ${code}` : `the worker failed: ${messageOf(crash)}`;
				record(current.index, failed(current.task, why));
			}

			// A worker that died or hung leaves its share of the work to a new one.
			if ((hung || current !== undefined) && !stopped && hasWork()) {
				start();
			}

			settleIfIdle();
		});
		giveNext();
	};

	for (let count = Math.min(options.jobs, tasks.length); count > 0; count--) {
		start();
	}

	settleIfIdle();
	return {
		done,
		stop() {
			stopped = true;
			for (const worker of live) {
				void worker.terminate();
			}
		},
	};
};

/** The worker's side: answers each task with `handle`'s result, or with the error it threw. */
export const serveTasks = <Task, Result>(handle: (task: Task) => Result | Promise<Result>): void => {
	if (!parentPort) {
		throw new Error('serveTasks runs in a worker thread');
	}

	const port = parentPort;
	port.on('message', async ({index, task}: ToWorker<Task>) => {
		let reply: FromWorker<Result>;
		try {
			reply = {index, result: await handle(task)};
		} catch (error) {
			reply = {index, error: messageOf(error)};
		}

		port.postMessage(reply);
	});
};
