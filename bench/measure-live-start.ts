// The live view as a user starts it (issue #14): `kmtop` with its defaults (vmobject-churn,
// 100 t/s, 250 ms refresh) under a pseudo-terminal (`script`, 120×40). Measures the time to the
// first frame, the whole process's RSS once it has drawn (the UI and engine threads), and its CPU
// use over a while, read from /proc as `top` reads it.

import {spawn, spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const clockTicksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).stdout.trim()) || 100;

const sleep = async (ms: number) =>
	new Promise((resolve) => {
		setTimeout(resolve, ms);
	});

const rssBytes = (pid: number): number => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

/** User + system CPU seconds of a process, from /proc/PID/stat (fields 14 and 15, after the name). */
const cpuSeconds = (pid: number): number => {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond;
};

export type LiveStart = {firstFrameSeconds: number; rssAtStartBytes: number; cpuPercentOfOneCore: number; cpuSeconds: number};

export const measureLiveStart = async (cpuWindowSeconds: number): Promise<LiveStart> => {
	const seed = String(500_000 + Math.floor(Math.random() * 100_000));
	const command = `stty cols 120 rows 40; exec '${process.execPath}' '${path.join(root, 'cli.js')}' --seed ${seed}`;
	const started = performance.now();
	const child = spawn('script', ['-qec', command, '/dev/null'], {cwd: root, env: {...process.env, TERM: 'xterm-256color'}});
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

	const pid = spawnSync('pgrep', ['-f', '--', `cli.js --seed ${seed}`], {encoding: 'utf8'}).stdout.split('\n').filter(Boolean).map(Number)
		.find((candidate) => readFileSync(`/proc/${candidate}/cmdline`, 'utf8').startsWith(process.execPath));
	if (pid === undefined || Number.isNaN(firstFrameSeconds)) {
		child.kill();
		throw new Error('the live view did not start');
	}

	// RSS at start: the highest of the first 3 s after the first frame.
	let rssAtStartBytes = 0;
	for (let sample = 0; sample < 6; sample++) {
		await sleep(500);
		rssAtStartBytes = Math.max(rssAtStartBytes, rssBytes(pid));
	}

	const cpuBefore = cpuSeconds(pid);
	const windowStarted = performance.now();
	await sleep(cpuWindowSeconds * 1000);
	const used = cpuSeconds(pid) - cpuBefore;
	const elapsed = (performance.now() - windowStarted) / 1000;
	child.stdin.write('q');
	await new Promise((resolve) => {
		child.on('exit', resolve);
	});
	return {firstFrameSeconds, rssAtStartBytes, cpuPercentOfOneCore: (used / elapsed) * 100, cpuSeconds: used};
};
