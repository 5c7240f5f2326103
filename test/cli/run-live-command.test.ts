// When the live view sizes V8's heaps for memory (run-live-command.ts, sizeHeapsForMemory): only
// once the first frame is on the screen. Set before the app loaded, a full collection forced while
// it loaded and drew its first frame ran in reduce mode and left the UI's young generation at its
// minimum for the next 8 s, a scavenge each frame (issue #14). The steps are recorded in order.

import process from 'node:process';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {parseArguments} from '../../source/cli/parse-arguments.js';
import {turbofanHoldBackFlags} from '../../source/engine/hold-back-turbofan.js';
import {memoryReducerFlags} from '../../source/engine/limit-memory-reducer.js';
import {context} from './parse-context.js';

const steps: string[] = [];

vi.mock('node:v8', async (importOriginal) => {
	const v8 = await importOriginal<typeof import('node:v8')>();
	const setFlagsFromString = (flags: string) => {
		steps.push(`v8 flags ${flags}`);
	};

	return {...v8, default: {...v8, setFlagsFromString}, setFlagsFromString};
});

vi.mock('../../source/engine/live-engine-thread.js', () => ({
	EngineStartError: class extends Error {},
	async startLiveEngineThread() {
		steps.push('engine loading');
		await Promise.resolve();
		steps.push('engine sent its first view');
		return {
			current: () => ({facts: {time: {present: {boot: 1, tick: 0}}}}),
			async close() {
				await Promise.resolve();
				steps.push('engine closed');
			},
		};
	},
}));

vi.mock('../../source/ui/run-live-dashboard.js', () => ({
	async runLiveDashboard(_engine: unknown, options: {onStarted?: () => void}) {
		steps.push('first frame drawn');
		options.onStarted?.();
		await Promise.resolve();
		steps.push('dashboard runs on');
		return 0;
	},
}));

const {liveCommand} = await import('../../source/cli/run-live-command.js');

describe('liveCommand', () => {
	const tty = {stdin: process.stdin.isTTY, stdout: process.stdout.isTTY};
	beforeEach(() => {
		steps.length = 0;
		process.stdin.isTTY = true;
		process.stdout.isTTY = true;
	});

	afterEach(() => {
		process.stdin.isTTY = tty.stdin;
		process.stdout.isTTY = tty.stdout;
	});

	it('sizes the heaps for memory once the first frame is drawn, not while the app loads', async () => {
		const parsed = parseArguments([], context);
		expect(parsed.ok).toBe(true);
		const code = await liveCommand((parsed as Extract<typeof parsed, {ok: true}>).plan, context);
		expect(code).toBe(0);
		expect(steps.slice(steps.indexOf('engine loading'))).toEqual(['engine loading', 'engine sent its first view', 'first frame drawn', 'v8 flags --optimize-for-size', 'dashboard runs on', 'engine closed']);
	});

	it('holds TurboFan back and limits the memory reducer once, before the engine starts', async () => {
		// Once, at the start of the process: set again later, the memory reducer's flag can abort
		// a process whose reducer is in its second GC (limit-memory-reducer.ts).
		const parsed = parseArguments([], context);
		await liveCommand((parsed as Extract<typeof parsed, {ok: true}>).plan, context);
		const version = process.versions.node;
		const flags = [...turbofanHoldBackFlags(version), ...memoryReducerFlags(version)].map((flag) => `v8 flags ${flag}`);
		expect(steps.slice(0, steps.indexOf('engine loading'))).toEqual(flags);
	});
});
