// `npm run bench -- --soak` (issue #12): the live view left running, as a person would leave it,
// under a pseudo-terminal (`script`, 120×40) at --rate 100000: running, then paused, then on the
// panic screen. The whole process's RSS (UI and engine threads) is read from /proc every 10 s.
// Verdict: at most 200 MB at the end, and flat within 10 % from minute 2 on: RSS saws up and
// down by a few tens of MB as the two heaps are collected, so "flat" compares peaks, which a leak
// raises minute after minute: the peak of each phase's last minute against the peak of its first
// (from minute 2 while running; paused against running; the panic screen from 30 s after the
// reboot into big-allocations, whose kernel is larger).

import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {findKmtop, sleep, spawnKmtop, statusBytes} from './spawn-kmtop.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const MiB = 2 ** 20;
const LIMIT_BYTES = 200 * MiB;
const FLAT_FROM_SECONDS = 120;

type Sample = {seconds: number; phase: string; rssBytes: number};

export type SoakResult = {samples: Sample[]; finalRssBytes: number; flatRatio: number; ratios: Record<string, number>; passed: boolean};

export const runSoak = async (totalSeconds: number, everySeconds = 10): Promise<SoakResult> => {
	const seed = String(400_000 + Math.floor(Math.random() * 100_000));
	const child = spawnKmtop(root, ['--rate', '100000', '--seed', seed]);
	child.stdout.resume();
	let pid: number | undefined;
	for (let wait = 0; wait < 100 && pid === undefined; wait++) {
		await sleep(100);
		pid = findKmtop(child);
	}

	if (pid === undefined) {
		child.kill();
		throw new Error('the soak run did not start');
	}

	// Running for the first 60 %, paused for the next 15 %, then the panic screen (big-allocations
	// rebooted panics at tick 5,927, a moment at this rate) to the end.
	const pauseAt = totalSeconds * 0.6;
	const panicAt = totalSeconds * 0.75;
	const samples: Sample[] = [];
	const started = performance.now();
	let phase = 'running';
	for (let seconds = everySeconds; seconds <= totalSeconds; seconds += everySeconds) {
		await sleep(Math.max(0, started + seconds * 1000 - performance.now()));
		if (phase === 'running' && seconds >= pauseAt) {
			child.stdin.write(' ');
			phase = 'paused';
		} else if (phase === 'paused' && seconds >= panicAt) {
			child.stdin.write('5r ');
			phase = 'panic';
		}

		samples.push({seconds, phase, rssBytes: statusBytes(pid, 'VmRSS')});
	}

	child.stdin.write('q');
	await new Promise((resolve) => {
		child.on('exit', resolve);
	});
	const peak = (from: number, to: number) => Math.max(...samples.filter((sample) => sample.seconds > from && sample.seconds <= to).map((sample) => sample.rssBytes));
	const start = Math.min(FLAT_FROM_SECONDS, pauseAt / 2);
	const ratios = {
		running: peak(pauseAt - 60, pauseAt) / peak(start, start + 60),
		paused: peak(pauseAt, panicAt) / peak(start, pauseAt),
		panic: peak(totalSeconds - 60, totalSeconds) / peak(panicAt + 30, panicAt + 90),
	};
	const flatRatio = Math.max(...Object.values(ratios));
	const finalRssBytes = samples.at(-1)?.rssBytes ?? 0;
	return {samples, finalRssBytes, flatRatio, ratios, passed: finalRssBytes <= LIMIT_BYTES && flatRatio <= 1.1};
};

export const formatSoak = (result: SoakResult): string => {
	const lines = ['  time  phase      RSS'];
	for (const sample of result.samples) {
		const time = `${Math.floor(sample.seconds / 60)}:${String(sample.seconds % 60).padStart(2, '0')}`;
		lines.push(`${time.padStart(6)}  ${sample.phase.padEnd(9)} ${(sample.rssBytes / MiB).toFixed(0).padStart(4)} MiB`);
	}

	lines.push(
		'',
		`peaks, last minute against first: running ×${result.ratios.running!.toFixed(2)}, paused against running ×${result.ratios.paused!.toFixed(2)}, after the panic ×${result.ratios.panic!.toFixed(2)} (goal ≤ 1.10 each)`,
		`final RSS ${(result.finalRssBytes / MiB).toFixed(0)} MiB (goal ≤ 200): ${result.finalRssBytes <= LIMIT_BYTES ? 'met' : 'MISSED'}; flat (every peak ratio ≤ 1.10): ${result.flatRatio <= 1.1 ? 'met' : 'MISSED'}`,
	);
	return lines.join('\n');
};
