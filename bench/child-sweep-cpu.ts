// Preloaded (`node --import`) into the `kmtop sweep` process measure-sweep.ts starts, and nothing
// else: as it exits, it writes where the process's CPU time went, by thread, to the file named
// by KMTOP_BENCH_SWEEP_CPU (Linux, /proc; null figures elsewhere). By then the sweep's worker
// threads have ended, so the threads still alive are the main thread and the helpers (V8's,
// compiling and collecting for every isolate, and libuv's); the workers' time is the rest.
// It also notes when each worker ends: the pool ends a worker once no run is left for it, so the
// time from the first worker's end to the last one's is a core left idle at the tail. And, on the
// clock the bench shares (CLOCK_MONOTONIC, process.hrtime), when the first worker was started and
// when the last row came: what the process does before and after its runs, which no second
// worker shortens.

import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import process from 'node:process';
import {isMainThread} from 'node:worker_threads';

/** CPU seconds of one sweep, by the threads that spent them. */
export type SweepCpu = {
	/** The whole process. */
	total: number;
	/** The worker threads (started and ended within the sweep), or null where /proc cannot say. */
	workers: number | null;
	/** V8's helper threads (compiling and collecting for every isolate) and libuv's. */
	helpers: number | null;
	/** The main thread: starting, the pool, the rows. */
	main: number | null;
	/** Wall seconds from the first worker's end to the last one's (0 with one worker). */
	tail: number;
	/**
	 * Seconds the worker threads spent ready to run with no core free for them, summed over the
	 * workers (the scheduler's run-queue delay, /proc schedstat), or null where /proc cannot say.
	 * With two workers on two cores, whatever else runs (V8's helpers compiling and collecting for
	 * both isolates, the main thread, other processes) makes a worker wait.
	 */
	workersWaiting: number | null;
};

/**
 * What the preload writes: the CPU figures, when the first worker started and the last row came
 * (ms of monotonicMs; null without workers), and for each worker, in the order they started, its
 * rows' `wallMs` in the order it ran them (the rows themselves do not say which worker ran them,
 * and are written in the sweep's order, not the runs') and the ms from its start to its first row
 * (null if it sent none): its first run and what came before it, its modules loaded.
 */
export type SweepReport = SweepCpu & {firstWorkerMs: number | null; lastRowMs: number | null; workerRunsMs: number[][]; workerFirstRowMs: Array<number | null>};

// Now on the clock every process on the machine shares (CLOCK_MONOTONIC), in ms: the bench reads
// the same one around the process.
const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6;

// CPU seconds of the main thread and of the other live threads (utime + stime, in USER_HZ = 100).
const liveThreadSeconds = (): {main: number; others: number} | undefined => {
	try {
		const seconds = {main: 0, others: 0};
		for (const id of readdirSync('/proc/self/task')) {
			const stat = readFileSync(`/proc/self/task/${id}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			seconds[id === String(process.pid) ? 'main' : 'others'] += (Number(fields[11]) + Number(fields[12])) / 100;
		}

		return seconds;
	} catch {
		return undefined;
	}
};

// Each live thread's run-queue delay so far, in seconds (schedstat's second field, in ns), or
// undefined where /proc cannot say. A thread that ends between the listing and its read (a worker
// done, a V8 helper let go) is left out: one such race must not void the whole figure.
export const readThreadWaits = (
	listThreads: () => string[] = () => readdirSync('/proc/self/task'),
	readSchedstat: (id: string) => string = (id) => readFileSync(`/proc/self/task/${id}/schedstat`, 'utf8'),
): Map<string, number> | undefined => {
	let ids: string[];
	try {
		ids = listThreads();
	} catch {
		return undefined;
	}

	const waits = new Map<string, number>();
	for (const id of ids) {
		try {
			waits.set(id, Number(readSchedstat(id).split(' ')[1]) / 1e9);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'ESRCH') {
				return undefined;
			}
		}
	}

	return waits;
};

/**
 * The workers' wait: each thread's last wait seen (read while the workers were running), summed
 * over the threads gone by the end (the workers; the main thread and the helpers are still alive).
 */
export const sumGoneThreadWaits = (lastSeen: ReadonlyMap<string, number>, alive: ReadonlySet<string>): number => {
	let sum = 0;
	for (const [id, seconds] of lastSeen) {
		if (!alive.has(id)) {
			sum += seconds;
		}
	}

	return sum;
};

const path = process.env['KMTOP_BENCH_SWEEP_CPU'];
if (path && isMainThread) {
	const ends: number[] = [];
	let firstWorkerMs: number | null = null;
	let lastRowMs: number | null = null;
	const workerRunsMs: number[][] = [];
	const workerFirstRowMs: Array<number | null> = [];
	// Read at every row a worker sends, so each worker's wait is seen close to its end.
	const lastWaits = new Map<string, number>();
	let waitsReadable = true;
	process.on('worker', (worker) => {
		const startedMs = monotonicMs();
		firstWorkerMs ??= startedMs;
		const runsMs: number[] = [];
		const which = workerRunsMs.push(runsMs) - 1;
		workerFirstRowMs.push(null);
		// Each message a sweep worker sends is a row ({index, result}, run-worker-pool.ts).
		worker.on('message', (message: {result?: {wallMs?: unknown}}) => {
			lastRowMs = monotonicMs();
			const waits = readThreadWaits();
			waitsReadable &&= waits !== undefined;
			for (const [id, seconds] of waits ?? []) {
				lastWaits.set(id, seconds);
			}

			const wallMs = message.result?.wallMs;
			if (typeof wallMs === 'number') {
				workerFirstRowMs[which] ??= lastRowMs - startedMs;
				runsMs.push(wallMs);
			}
		});
		worker.once('exit', () => ends.push(performance.now()));
	});
	process.on('exit', () => {
		const tail = ends.length < 2 ? 0 : (Math.max(...ends) - Math.min(...ends)) / 1000;
		const {user, system} = process.cpuUsage();
		const total = (user + system) / 1e6;
		const threads = liveThreadSeconds();
		const alive = readThreadWaits();
		const workersWaiting = waitsReadable && alive ? sumGoneThreadWaits(lastWaits, new Set(alive.keys())) : null;
		const cpu: SweepReport = threads
			? {total, workers: Math.max(0, total - threads.main - threads.others), helpers: threads.others, main: threads.main, tail, workersWaiting, firstWorkerMs, lastRowMs, workerRunsMs, workerFirstRowMs}
			: {total, workers: null, helpers: null, main: null, tail, workersWaiting, firstWorkerMs, lastRowMs, workerRunsMs, workerFirstRowMs};
		writeFileSync(path, JSON.stringify(cpu));
	});
}
