// The live view as a user starts it (issue #14): `kmtop` with its defaults (vmobject-churn,
// 100 t/s, 250 ms refresh) under a pseudo-terminal (`script`, 120×40). Measures the time to the
// first frame, the whole process's RSS once it has drawn (the UI and engine threads), and its CPU
// use, read from /proc as `top` reads it, in two windows: the first seconds after the start, when
// V8's background threads optimize what turned hot and cost as much as kmtop's own work, and a
// later one, a kmtop left running (V8 still optimizes about a function a second there: code that
// runs a few times a frame turns hot slowly). Each window's CPU is also split by thread
// (/proc/PID/task): the UI's (the main thread), the engine's (the worker that runs the kernel)
// and the helpers (V8's optimizing compiler and GC threads, which serve both, and libuv's), in
// CPU seconds, which other load on the machine disturbs less than a percentage of wall time.
// Each thread's minor page faults are counted beside its CPU: a page V8 touches for the first time
// since it gave it back costs about 12 µs in this VM (a fault, then the page zeroed), and V8 gives
// a young generation back after each scavenge while the allocation rate is below 1 MB/s
// (SemiSpaceNewSpace::Shrink uncommits from-space), as both of kmtop's threads allocate: a few
// thousand faults a window are a tenth of a live view's CPU, in the kernel, not in a profile.

import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {findKmtop, sleep, spawnKmtop, statCpuSeconds, statMinorFaults, statusBytes} from './spawn-kmtop.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** A thread's name (its `comm`). */
const threadName = (pid: number, tid: string | number): string => readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();

/**
Which thread does what, by name. Node 24 names its threads (`WorkerThread` for a worker,
`V8Worker` for V8's, `libuv-worker`, …). Node 20 and 22 leave them `node`, but rename the main
thread after the command line once it starts, and a thread started after that (the engine's
worker) inherits that name.
*/
const threadKind = (pid: number, tid: string, mainName: string): keyof ThreadCpu => {
	if (tid === String(pid)) {
		return 'ui';
	}

	const name = threadName(pid, tid);
	return name === 'WorkerThread' || name === mainName ? 'engine' : 'helpers';
};

export type ThreadCpu = {ui: number; engine: number; helpers: number};

/**
CPU seconds so far: the whole process (as `top` counts it, threads that ended included) and its
live threads by kind; and the live threads' minor page faults by kind.
*/
const sampleCpu = (pid: number): {total: number; threads: ThreadCpu; faults: ThreadCpu} => {
	const threads: ThreadCpu = {ui: 0, engine: 0, helpers: 0};
	const faults: ThreadCpu = {ui: 0, engine: 0, helpers: 0};
	const mainName = threadName(pid, pid);
	for (const tid of readdirSync(`/proc/${pid}/task`)) {
		try {
			const kind = threadKind(pid, tid, mainName);
			const stat = `/proc/${pid}/task/${tid}/stat`;
			threads[kind] += statCpuSeconds(stat);
			faults[kind] += statMinorFaults(stat);
		} catch {
			// The thread ended between the listing and the read.
		}
	}

	return {total: statCpuSeconds(`/proc/${pid}/stat`), threads, faults};
};

const threadsBetween = (before: ThreadCpu, after: ThreadCpu): ThreadCpu => ({
	ui: after.ui - before.ui,
	engine: after.engine - before.engine,
	helpers: after.helpers - before.helpers,
});

export type CpuWindow = {
	/** Where the window starts and ends, in seconds after the first frame. */
	from: number;
	to: number;
	cpuPercentOfOneCore: number;
	cpuSeconds: number;
	/** The window's CPU seconds by thread. */
	threads: ThreadCpu;
	/** The window's minor page faults by thread (pages touched afresh). */
	faults: ThreadCpu;
};

export type LiveStart = {
	firstFrameSeconds: number;
	rssAtStartBytes: number;
	/** The first window (3 s after the first frame, for `warmSeconds`): what a user starting kmtop sees in `top`. */
	cpuPercentOfOneCore: number;
	cpuSeconds: number;
	warm: CpuWindow;
	/** The later window (from `steadyFrom` s after the first frame): a kmtop left running. */
	steady: CpuWindow;
};

const measureWindow = async (pid: number, startedAt: number, seconds: number): Promise<CpuWindow> => {
	const before = sampleCpu(pid);
	const from = performance.now();
	await sleep(seconds * 1000);
	const after = sampleCpu(pid);
	const to = performance.now();
	const cpuSeconds = after.total - before.total;
	return {
		from: (from - startedAt) / 1000,
		to: (to - startedAt) / 1000,
		cpuPercentOfOneCore: (cpuSeconds / ((to - from) / 1000)) * 100,
		cpuSeconds,
		threads: threadsBetween(before.threads, after.threads),
		faults: threadsBetween(before.faults, after.faults),
	};
};

export const measureLiveStart = async (warmSeconds: number, steadyFrom: number, steadySeconds: number): Promise<LiveStart> => {
	const seed = String(500_000 + Math.floor(Math.random() * 100_000));
	const started = performance.now();
	const child = spawnKmtop(root, ['--seed', seed]);
	let screen = '';
	let firstFrameSeconds = Number.NaN;
	child.stdout.on('data', (chunk: Buffer) => {
		screen += chunk.toString('utf8');
		if (Number.isNaN(firstFrameSeconds) && screen.includes('Kernel heap')) {
			firstFrameSeconds = (performance.now() - started) / 1000;
		}
	});
	for (let wait = 0; wait < 600 && Number.isNaN(firstFrameSeconds); wait++) {
		await sleep(50);
	}

	const pid = findKmtop(child);
	if (pid === undefined || Number.isNaN(firstFrameSeconds)) {
		child.kill();
		throw new Error('the live view did not start');
	}

	// RSS at start: the highest of the first 3 s after the first frame.
	let rssAtStartBytes = 0;
	for (let sample = 0; sample < 6; sample++) {
		await sleep(500);
		rssAtStartBytes = Math.max(rssAtStartBytes, statusBytes(pid, 'VmRSS'));
	}

	const firstFrameAt = started + firstFrameSeconds * 1000;
	const warm = await measureWindow(pid, firstFrameAt, warmSeconds);
	await sleep(Math.max(0, firstFrameAt + steadyFrom * 1000 - performance.now()));
	const steady = await measureWindow(pid, firstFrameAt, steadySeconds);
	child.stdin.write('q');
	await new Promise((resolve) => {
		child.on('exit', resolve);
	});
	return {firstFrameSeconds, rssAtStartBytes, cpuPercentOfOneCore: warm.cpuPercentOfOneCore, cpuSeconds: warm.cpuSeconds, warm, steady};
};

/** The run whose window CPU is the middle one of an odd count (the lower middle of an even one): its thread split is a run's, not a mix of medians. */
export const medianWindow = (windows: readonly CpuWindow[]): CpuWindow => {
	if (windows.length === 0) {
		throw new Error('medianWindow needs at least one window');
	}

	const sorted = [...windows].sort((x, y) => x.cpuSeconds - y.cpuSeconds);
	return sorted[Math.floor((sorted.length - 1) / 2)]!;
};

export type LiveStarts = LiveStart & {
	/** Every run, in the order they ran; the fields above are the median run's, window by window. */
	runs: LiveStart[];
};

/**
`count` live starts, one after another, each alone on the machine as a user runs it: the same
build reads 2.3 % in one run and 3.5 % in the next (same machine, same minute, 2026-12-02), so one
run cannot tell 3.0 from 3.4 against the goal. Each window is the median run's; first frame and
RSS at start are the medians of the runs.
*/
export const measureLiveStarts = async (count: number, warmSeconds: number, steadyFrom: number, steadySeconds: number): Promise<LiveStarts> => {
	const runs: LiveStart[] = [];
	for (let run = 0; run < count; run++) {
		// One at a time: each run alone on the machine.
		runs.push(await measureLiveStart(warmSeconds, steadyFrom, steadySeconds));
	}

	const warm = medianWindow(runs.map((run) => run.warm));
	const steady = medianWindow(runs.map((run) => run.steady));
	const middle = (values: number[]) => values.sort((x, y) => x - y)[Math.floor((values.length - 1) / 2)]!;
	return {
		firstFrameSeconds: middle(runs.map((run) => run.firstFrameSeconds)),
		rssAtStartBytes: middle(runs.map((run) => run.rssAtStartBytes)),
		cpuPercentOfOneCore: warm.cpuPercentOfOneCore,
		cpuSeconds: warm.cpuSeconds,
		warm,
		steady,
		runs,
	};
};
