// Shared by the ui tests: frames without colour codes, waiting for a frame, real sessions.

import {createLocalEngineLink, type EngineLink} from '../../source/engine/engine-link.js';
import {LiveEngine} from '../../source/engine/live-engine.js';
import {LiveSession} from '../../source/engine/live-session.js';
import {createTraceWorkload} from '../../source/engine/trace/trace-workload.js';
import type {Workload} from '../../source/engine/workload-api.js';
import {loadAllBuiltinWorkloads} from '../../source/engine/workload-loader.js';
import {ftraceExcerptPath} from '../fixture-paths.js';

// eslint-disable-next-line no-control-regex
const ansi = /\u001B\[[0-?]*[ -/]*[@-~]/g;

export const stripAnsi = (text: string): string => text.replace(ansi, '');

export const frameLines = (frame: string | undefined): string[] => stripAnsi(frame ?? '').split('\n');

export const delay = async (ms: number): Promise<void> =>
	new Promise((resolve) => {
		setTimeout(resolve, ms);
	});

/**
Polls until `check` passes (it throws or rejects until then), for up to `timeoutMs`.

The timeout is generous on purpose: on a busy two-core machine a frame can take seconds, and a
passing check returns at once however long the timeout is.
*/
export const waitFor = async (check: () => void | Promise<void>, timeoutMs = 20_000): Promise<void> => {
	const started = Date.now();
	for (;;) {
		try {
			// Awaited: an async check that rejects must count as not passing yet.
			await check();
			return;
		} catch (error) {
			if (Date.now() - started > timeoutMs) {
				throw error;
			}

			await delay(10);
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

/** The engine of `session` in this thread, as the live view holds it; the test may step the session itself. */
export const linkFor = (session: LiveSession, options: {advanceEveryMs?: number; refreshMs?: number} = {}): EngineLink =>
	createLocalEngineLink(new LiveEngine(session), {refreshMs: options.refreshMs ?? 50, advanceEveryMs: options.advanceEveryMs ?? 0});
