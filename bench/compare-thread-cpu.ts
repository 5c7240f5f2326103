// Two builds of kmtop side by side, thread by thread (issue #14): each started as a user starts
// it (the defaults, under a 120×40 pseudo-terminal), pinned to one CPU with taskset so both arms
// run on the same core, A B A B…, and its CPU seconds read from /proc per thread over the same
// windows after its first frame: the UI's (the main thread), the engine's (the worker that runs
// the kernel: the thread that used the most CPU besides the main one) and the helpers (V8's
// compiler and GC threads, libuv's). Medians over the pairs, since every timing on a shared
// machine is noisy. CPU seconds come in clock ticks (10 ms): windows of 30 s or more.
//
//   npm run build && node dist/bench/compare-thread-cpu.js /path/to/a /path/to/b [pairs] [cpu]

import {readdirSync} from 'node:fs';
import process from 'node:process';
import {findKmtop, sleep, spawnKmtop, statCpuSeconds} from './spawn-kmtop.js';

/** Seconds after the first frame: the start a user sees in `top`, and a kmtop left running. */
const WINDOWS: Array<[number, number]> = [
	[3, 33],
	[60, 90],
];

type ThreadCpu = {ui: number; engine: number; helpers: number};

/** User + system CPU seconds of each live thread of `pid`, by thread id. */
const threadSeconds = (pid: number): Map<string, number> => {
	const seconds = new Map<string, number>();
	for (const tid of readdirSync(`/proc/${pid}/task`)) {
		try {
			seconds.set(tid, statCpuSeconds(`/proc/${pid}/task/${tid}/stat`));
		} catch {
			// The thread ended between the listing and the read.
		}
	}

	return seconds;
};

const measureOnce = async (root: string, cpu: string): Promise<ThreadCpu[]> => {
	const child = spawnKmtop(root, [], cpu);
	let screen = '';
	let firstFrame: number | undefined;
	child.stdout.on('data', (chunk: Buffer) => {
		screen += chunk.toString('utf8');
		firstFrame ??= screen.includes('Kernel heap') ? performance.now() : undefined;
	});
	for (let wait = 0; wait < 600 && firstFrame === undefined; wait++) {
		await sleep(50);
	}

	const pid = findKmtop(child);
	if (pid === undefined || firstFrame === undefined) {
		child.kill();
		throw new Error(`kmtop of ${root} did not start`);
	}

	const windows: Array<{before: Map<string, number>; after: Map<string, number>}> = [];
	for (const [from, to] of WINDOWS) {
		await sleep(Math.max(0, firstFrame + (from * 1000) - performance.now()));
		const before = threadSeconds(pid);
		await sleep(Math.max(0, firstFrame + (to * 1000) - performance.now()));
		windows.push({before, after: threadSeconds(pid)});
	}

	const totals = threadSeconds(pid);
	const engine = [...totals].filter(([tid]) => tid !== String(pid)).sort((a, b) => b[1] - a[1])[0]?.[0];
	child.stdin.write('q');
	await new Promise((resolve) => {
		child.on('exit', resolve);
	});
	return windows.map(({before, after}) => {
		const cpuTime: ThreadCpu = {ui: 0, engine: 0, helpers: 0};
		for (const [tid, seconds] of after) {
			cpuTime[tid === String(pid) ? 'ui' : tid === engine ? 'engine' : 'helpers'] += seconds - (before.get(tid) ?? 0);
		}

		return cpuTime;
	});
};

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const [rootA, rootB, pairsText = '3', cpu = '1'] = process.argv.slice(2);
if (!rootA || !rootB) {
	throw new Error('usage: compare-thread-cpu <root A> <root B> [pairs] [cpu]');
}

const runs: Record<'A' | 'B', ThreadCpu[][]> = {A: [], B: []};
for (let pair = 0; pair < Number(pairsText); pair++) {
	for (const [arm, root] of [['A', rootA], ['B', rootB]] as const) {
		const windows = await measureOnce(root, cpu);
		runs[arm].push(windows);
		const text = windows.map((cpuTime, index) => `${WINDOWS[index]!.join('-')} s: ui ${cpuTime.ui.toFixed(2)} engine ${cpuTime.engine.toFixed(2)} helpers ${cpuTime.helpers.toFixed(2)}`);
		process.stdout.write(`${arm} ${pair + 1}: ${text.join(' | ')}\n`);
	}
}

for (const arm of ['A', 'B'] as const) {
	const text = WINDOWS.map(([from, to], index) => {
		const part = (kind: keyof ThreadCpu) => median(runs[arm].map((windows) => windows[index]![kind]));
		return `${from}-${to} s: ui ${part('ui').toFixed(2)} engine ${part('engine').toFixed(2)} helpers ${part('helpers').toFixed(2)} CPU s`;
	});
	process.stdout.write(`${arm} median: ${text.join(' | ')}\n`);
}
