// Issue #16's memory goal as a user meets it: `kmtop` with its defaults (vmobject-churn, seed 1,
// 2021-02-23, 512M, 100 t/s) under a pseudo-terminal (`script`, 120×40), told with `g` to go to
// tick N. A tick ahead of the present is reached by running the present on, paused, in the engine
// thread (travel-session.ts), its time machine keeping copies on the way, while the UI thread draws.
// Then the whole process's RSS (both threads, every copy) is read from /proc as `top` reads it.
// The run stops early where the kernel panics (vmobject-churn: tick 7,469,729). Run as a script
// it prints one JSON line: measure-live-travel.js [ticks] [kmtop root, default this checkout].

import type {ChildProcessWithoutNullStreams} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {findKmtop, sleep, spawnKmtop, statusBytes} from './spawn-kmtop.js';

const here = fileURLToPath(import.meta.url);
const defaultRoot = path.resolve(path.dirname(here), '..', '..');
/** What the screen keeps of the output: enough for a frame, not the whole run's frames. */
const SCREEN_TAIL = 64 * 1024;
/** Long enough for 10,000,000 ticks on a busy machine; past it the run is called stalled. */
const RUN_TIMEOUT_MS = 4 * 60 * 60 * 1000;

export type LiveTravel = {
	/** The tick asked for with `g`. */
	target: number;
	/** Where the kernel panicked on the way (undefined: it did not). */
	panicTick: number | undefined;
	/** From the Enter of `g` to the run's end. */
	seconds: number;
	/** The highest VmRSS over 3 s once there, and the process's high-water mark (VmHWM). */
	rssBytes: number;
	peakRssBytes: number;
};

/** The screen so far (its tail), and a wait for a text to appear in what comes after a mark. */
const watchScreen = (child: ChildProcessWithoutNullStreams) => {
	let screen = '';
	let mark = 0;
	child.stdout.on('data', (chunk: Buffer) => {
		screen += chunk.toString('utf8');
		if (screen.length > 2 * SCREEN_TAIL) {
			const cut = screen.length - SCREEN_TAIL;
			screen = screen.slice(cut);
			mark = Math.max(0, mark - cut);
		}
	});
	return {
		since: () => screen.slice(mark),
		setMark() {
			mark = screen.length;
		},
		/** Until one of `texts` shows after the mark. */
		async waitFor(texts: string | string[], timeoutMs: number): Promise<void> {
			const started = performance.now();
			const wanted = typeof texts === 'string' ? [texts] : texts;
			while (!wanted.some((text) => screen.slice(mark).includes(text))) {
				if (performance.now() - started > timeoutMs) {
					throw new Error(`kmtop did not show "${wanted.join('" or "')}" within ${timeoutMs} ms`);
				}

				await sleep(100);
			}
		},
	};
};

export const measureLiveTravel = async (target: number, root = defaultRoot): Promise<LiveTravel> => {
	const child = spawnKmtop(root, ['--seed', '1']);
	const screen = watchScreen(child);
	try {
		await screen.waitFor('Kernel heap', 60_000);
		// kmtop itself: the child `script` started, once the shell exec'd node.
		const pid = findKmtop(child);
		if (pid === undefined) {
			throw new Error('kmtop\'s process was not found under script');
		}

		// One key a write: useInput may hand several keys over in one call, and `g` must come alone.
		screen.setMark();
		child.stdin.write('g');
		await screen.waitFor('go to tick', 10_000);
		child.stdin.write(String(target));
		await screen.waitFor(`${target.toLocaleString('en-US')}▏`, 10_000);
		screen.setMark();
		child.stdin.write('\r');
		const started = performance.now();
		// Until it panics, or the header's tick (the paused present's) reads the target.
		await screen.waitFor(['KERNEL PANIC at tick', target.toLocaleString('en-US')], RUN_TIMEOUT_MS);
		const seconds = (performance.now() - started) / 1000;
		const panic = /KERNEL PANIC at tick ([\d,]+)/.exec(screen.since());
		let rssBytes = 0;
		for (let sample = 0; sample < 6; sample++) {
			await sleep(500);
			rssBytes = Math.max(rssBytes, statusBytes(pid, 'VmRSS'));
		}

		return {target, panicTick: panic ? Number(panic[1]!.replaceAll(',', '')) : undefined, seconds, rssBytes, peakRssBytes: statusBytes(pid, 'VmHWM')};
	} finally {
		child.stdin.write('q');
		const exited = new Promise((resolve) => {
			child.on('exit', resolve);
		});
		await Promise.race([exited, sleep(10_000)]);
		child.kill();
	}
};

if (process.argv[1] && path.resolve(process.argv[1]) === here) {
	const result = await measureLiveTravel(Number(process.argv[2] ?? 10_000_000), process.argv[3]);
	process.stdout.write(`${JSON.stringify(result)}\n`);
}
