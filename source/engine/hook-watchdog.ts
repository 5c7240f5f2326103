// The watchdog for workload code. A workload is user code: its tick may loop forever, and a
// thread stuck in a loop answers no message. So the engine's thread writes, in memory both
// threads share, which hook runs and since which entry; the UI's thread reads it a few times a
// second and, when one hook has run past the limit, stops the engine's thread from outside
// (Worker.terminate) and says where it hung.

import type {HookWatch, WorkloadHook} from './simulation.js';

export type WatchedHook = WorkloadHook | 'load';

const hooks: readonly WatchedHook[] = ['setup', 'tick', 'teardown', 'load'];

// Slots of the shared Int32Array.
const IN_HOOK = 0;
const ENTRIES = 1;
const TICK = 2;
const HOOK = 3;
const BOOT = 4;
const WORKLOAD = 5;
const SLOTS = 6;

export const DEFAULT_TICK_TIMEOUT_MS = 5000;

export const createHeartbeat = (): SharedArrayBuffer => new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT);

export type HookSite = {hook: WatchedHook; tick: number; boot: number; workloadIndex: number};

/** The engine thread's side: what runs now. `where` says the boot and the workload's place in the key list. */
export const writeHeartbeat = (buffer: SharedArrayBuffer, where: () => {boot: number; workloadIndex: number}) => {
	const slots = new Int32Array(buffer);
	const enter = (hook: WatchedHook, tick: number) => {
		const {boot, workloadIndex} = where();
		Atomics.store(slots, TICK, tick);
		Atomics.store(slots, HOOK, hooks.indexOf(hook));
		Atomics.store(slots, BOOT, boot);
		Atomics.store(slots, WORKLOAD, workloadIndex);
		Atomics.add(slots, ENTRIES, 1);
		Atomics.store(slots, IN_HOOK, 1);
	};

	const leave = () => {
		Atomics.store(slots, IN_HOOK, 0);
	};

	const watch: HookWatch = {enter, leave};
	return {watch, enter, leave};
};

/** The hook running now, if one is. */
export const readHookSite = (buffer: SharedArrayBuffer): HookSite | undefined => {
	const slots = new Int32Array(buffer);
	if (Atomics.load(slots, IN_HOOK) === 0) {
		return undefined;
	}

	return {
		hook: hooks[Atomics.load(slots, HOOK)] ?? 'tick',
		tick: Atomics.load(slots, TICK),
		boot: Atomics.load(slots, BOOT),
		workloadIndex: Atomics.load(slots, WORKLOAD),
	};
};

export type HookWatchdogOptions = {
	timeoutMs: number;
	onHang(site: HookSite): void;
	now?: () => number;
};

/** The UI thread's side: polls the shared memory; `check` is exposed for tests. */
export const startHookWatchdog = (buffer: SharedArrayBuffer, options: HookWatchdogOptions) => {
	const slots = new Int32Array(buffer);
	const now = options.now ?? (() => performance.now());
	let seenEntry = -1;
	let since = 0;
	let fired = false;
	const check = () => {
		if (fired || Atomics.load(slots, IN_HOOK) === 0) {
			seenEntry = -1;
			return;
		}

		const entry = Atomics.load(slots, ENTRIES);
		if (entry !== seenEntry) {
			seenEntry = entry;
			since = now();
			return;
		}

		const site = readHookSite(buffer);
		if (site && now() - since >= options.timeoutMs) {
			fired = true;
			options.onHang(site);
		}
	};

	const timer = setInterval(check, Math.max(10, Math.min(250, options.timeoutMs / 5)));
	timer.unref();
	return {
		check,
		stop() {
			clearInterval(timer);
		},
	};
};

/** How a hang reads in the event log and on the screen (the same words every run, for equal documents). */
export const describeHang = (hook: WatchedHook, timeoutMs: number): string =>
	`hung: its ${hook === 'load' ? 'module' : hook} ran past the ${formatSeconds(timeoutMs)} watchdog (--tick-timeout) and was stopped`;

const formatSeconds = (ms: number): string => `${Number((ms / 1000).toFixed(3))} s`;
