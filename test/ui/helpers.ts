// Shared by the ui tests: frames without colour codes, waiting for a frame, real sessions.

import {createLocalEngineLink, type EngineLink} from '../../source/engine/engine-link.js';
import {LiveEngine} from '../../source/engine/live-engine.js';
import {LiveSession} from '../../source/engine/live-session.js';
import {createTraceWorkload} from '../../source/engine/trace/trace-workload.js';
import type {Workload} from '../../source/engine/workload-api.js';
import {loadAllBuiltinWorkloads} from '../../source/engine/workload-loader.js';
import {ftraceExcerptPath} from '../fixture-paths.js';

const ansi = /\u001B\[[0-?]*[ -/]*[@-~]/g;

export const stripAnsi = (text: string): string => text.replace(ansi, '');

export const frameLines = (frame: string | undefined): string[] => stripAnsi(frame ?? '').split('\n');

export const delay = async (ms: number): Promise<void> =>
	new Promise((resolve) => {
		setTimeout(resolve, ms);
	});

export type WaitOptions = {
	/**
	How long `check` may go on failing: with `progress`, how long it may go on failing while what
	`progress` reads stays the same.
	*/
	timeoutMs?: number;
	/**
	What the awaited work has got to (a tick on the screen, a percentage): while it moves, the wait
	goes on, however long the work takes on a busy machine; a wait that stops moving fails.
	*/
	progress?: () => unknown;
};

/** Between two looks: often enough to see a frame at once, rarely enough to leave the CPU to the work. */
const POLL_MS = 20;

/**
Polls until `check` passes (it throws or rejects until then). A passing check returns at once,
so the timeout is generous: on a busy two-core machine a frame can take seconds, and a run of
thousands of ticks minutes; a long run is given `progress`, so that its wait is in proportion to
the work it does rather than to a guess at how busy the machine will be.
*/
export const waitFor = async (check: () => void | Promise<void>, options: number | WaitOptions = {}): Promise<void> => {
	const {timeoutMs = 60_000, progress} = typeof options === 'number' ? {timeoutMs: options} : options;
	let since = Date.now();
	let reached = progress?.();
	for (;;) {
		try {
			// Awaited: an async check that rejects must count as not passing yet.
			await check();
			return;
		} catch (error) {
			const now = Date.now();
			const moved = progress?.();
			if (progress && !Object.is(moved, reached)) {
				reached = moved;
				since = now;
			} else if (now - since > timeoutMs) {
				throw error;
			}

			await delay(POLL_MS);
		}
	}
};

let workloads: Promise<Workload[]> | undefined;

export const builtinWorkloads = async (): Promise<Workload[]> => {
	workloads ??= loadAllBuiltinWorkloads();
	return workloads;
};

/** A real session on the built-in workloads, vmobject-churn first up, seed 1, 512 MiB. */
export const createSession = async (initial = 'vmobject-churn', options: {rate?: number; ramBytes?: number} = {}): Promise<LiveSession> => {
	const all = await builtinWorkloads();
	return new LiveSession({
		seed: 1,
		revision: '2021-02-23',
		ramBytes: options.ramBytes ?? 512 * 1024 * 1024,
		rate: options.rate ?? 100,
		workloads: all,
		initialWorkload: all.find((workload) => workload.name === initial)!,
	});
};

/** As `kmtop --trace` starts it: the built-ins to switch to, the fixture trace's replay running (after them). */
export const createTraceSession = async (): Promise<LiveSession> => {
	const trace = await createTraceWorkload(ftraceExcerptPath, {size: 'req', msPerTick: null, strict: false});
	return new LiveSession({seed: 1, revision: '2021-02-23', ramBytes: 512 * 1024 * 1024, rate: 50, workloads: await builtinWorkloads(), initialWorkload: trace});
};

/**
Views a few times a second, as kmtop publishes them. A command publishes at once, and so does a
travel when it arrives; between them a faster refresh only draws the whole dashboard again, in
the thread the engine and the test's keys share (Ink draws every commit of a test renderer).
*/
const REFRESH_MS = 250;

/** The engine of `session` in this thread, as the live view holds it; the test may step the session itself. */
export const linkFor = (session: LiveSession, options: {advanceEveryMs?: number; refreshMs?: number} = {}): EngineLink =>
	createLocalEngineLink(new LiveEngine(session), {refreshMs: options.refreshMs ?? REFRESH_MS, advanceEveryMs: options.advanceEveryMs ?? 0});
