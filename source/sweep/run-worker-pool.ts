// A pool of worker threads working through a list of tasks, one task per worker at a time (the
// next goes to whichever worker finishes first, so long and short tasks even out). A task whose
// worker throws or dies gets the caller's "failed" result, a new worker takes its place, and the
// rest go on. `stop()` ends the workers at once; what finished is kept.

import {Worker, parentPort} from 'node:worker_threads';
import {describeThrown} from '../engine/describe-thrown.js';

type ToWorker<Task> = {index: number; task: Task};
type FromWorker<Result> = {index: number; result: Result} | {index: number; error: string};

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
};

export type PoolOutcome<Result> = {
	/** By task index; undefined for a task not finished when the pool was stopped. */
	results: Array<Result | undefined>;
	stopped: boolean;
};

export type PoolRun<Result> = {done: Promise<PoolOutcome<Result>>; stop: () => void};

// Whatever was thrown (null, a Proxy…), as one line.
const messageOf = (error: unknown) => describeThrown(error).split('\n')[0]!;

export const runWorkerPool = <Task, Result>(options: PoolOptions<Task, Result>): PoolRun<Result> => {
	const {tasks, failed} = options;
	const results: Array<Result | undefined> = Array.from({length: tasks.length});
	const live = new Set<Worker>();
	let next = 0;
	let stopped = false;
	let resolve!: (outcome: PoolOutcome<Result>) => void;
	const done = new Promise<PoolOutcome<Result>>((settle) => {
		resolve = settle;
	});

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
		const worker = new Worker(options.workerUrl, {stdout: true});
		const output = options.workerOutput ?? process.stderr;
		worker.stdout.on('data', (chunk: Uint8Array) => output.write(chunk));
		live.add(worker);
		let current: number | undefined;
		let crash: unknown;
		const giveNext = () => {
			current = undefined;
			if (stopped || next >= tasks.length) {
				void worker.terminate();
				return;
			}

			current = next++;
			worker.postMessage({index: current, task: tasks[current]} satisfies ToWorker<Task>);
		};

		worker.on('message', (message: FromWorker<Result>) => {
			if (message.index !== current) {
				return;
			}

			record(current, 'error' in message ? failed(tasks[current]!, message.error) : message.result);
			giveNext();
		});
		worker.on('error', (error) => {
			crash = error;
		});
		worker.on('exit', (code) => {
			live.delete(worker);
			if (current !== undefined && !stopped) {
				const why = crash === undefined ? `the worker exited with code ${code}` : `the worker failed: ${messageOf(crash)}`;
				record(current, failed(tasks[current]!, why));
				if (next < tasks.length) {
					start();
				}
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
