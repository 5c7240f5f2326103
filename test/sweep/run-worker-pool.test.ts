import {describe, expect, it} from 'vitest';
import type {HookSite} from '../../source/engine/hook-watchdog.js';
import {runWorkerPool, type PoolOptions} from '../../source/sweep/run-worker-pool.js';

type Task = {do?: 'exit' | 'throw-uncaught' | 'fail' | 'hang' | 'hang-in-hook' | 'print'; value: number};
type Result = {value: number; thread: number} | {failed: string};

const workerUrl = new URL('pool-worker.mjs', import.meta.url);

type Extra = Partial<Pick<PoolOptions<Task, Result>, 'onResult' | 'workerOutput' | 'watchdog'>>;

const pool = (tasks: Task[], jobs = 2, extra: Extra = {}) =>
	runWorkerPool<Task, Result>({workerUrl, jobs, tasks, failed: (task, message) => ({failed: `${task.value}: ${message}`}), ...extra});

const values = (results: Array<Result | undefined>) => results.map((result) => (result && 'value' in result ? result.value : result));

describe('runWorkerPool', () => {
	it('every task once, results by task index, on at most `jobs` workers', async () => {
		const finished: number[] = [];
		const run = pool(Array.from({length: 20}, (_, value) => ({value})), 3, {onResult: (index) => finished.push(index)});
		const {results, stopped} = await run.done;
		expect(stopped).toBe(false);
		expect(values(results)).toEqual(Array.from({length: 20}, (_, value) => value * 2));
		expect(finished.sort((a, b) => a - b)).toEqual(Array.from({length: 20}, (_, index) => index));
		const threads = new Set(results.map((result) => (result && 'thread' in result ? result.thread : 0)));
		expect(threads.size).toBeGreaterThanOrEqual(1);
		expect(threads.size).toBeLessThanOrEqual(3);
	});

	it('a task whose worker exits, throws outside the handler or reports an error gets the failed result; the rest go on', async () => {
		const tasks: Task[] = [{value: 1}, {do: 'exit', value: 2}, {value: 3}, {do: 'throw-uncaught', value: 4}, {value: 5}, {do: 'fail', value: 6}, {value: 7}];
		const {results} = await pool(tasks, 1).done;
		expect(values(results)).toEqual([
			2,
			{failed: '2: the worker exited with code 3'},
			6,
			{failed: '4: the worker failed: uncaught boom'},
			10,
			{failed: '6: handled failure'},
			14,
		]);
	});

	it('stop() ends the workers at once and keeps what finished', async () => {
		const tasks: Task[] = [{value: 1}, {do: 'hang', value: 2}, {do: 'hang', value: 3}, {value: 4}];
		// The first result arrives from a worker, long after `run` is set.
		const run: ReturnType<typeof pool> = pool(tasks, 2, {onResult: () => run.stop()});
		const {results, stopped} = await run.done;
		expect(stopped).toBe(true);
		// Task 0 finished; its worker got no more work, the other hangs on task 1 until stopped.
		expect(values(results)).toEqual([2, undefined, undefined, undefined]);
	});

	it('no tasks: done at once, no worker started', async () => {
		expect(await pool([], 4).done).toEqual({results: [], stopped: false});
	});

	it("a worker's stdout goes where it is told, not into ours", async () => {
		const chunks: string[] = [];
		const {results} = await pool([{do: 'print', value: 4}], 1, {workerOutput: {write: (chunk) => chunks.push(String(chunk))}}).done;
		expect(values(results)).toEqual([8]);
		expect(chunks.join('')).toBe('worker says hi\n');
	});

	it('a worker stuck in a watched hook is stopped; its task runs again in a new worker, or gets the result the caller gives', async () => {
		const sites: HookSite[] = [];
		const tasks: Task[] = [{value: 1}, {do: 'hang-in-hook', value: 7}, {value: 3}, {do: 'hang-in-hook', value: 9}];
		const {results} = await pool(tasks, 2, {
			watchdog: {
				timeoutMs: 2000,
				onHang(task, site) {
					sites.push(site);
					// Task 7 is run again without its loop; task 9 is given up on.
					return task.value === 7 ? {retry: {value: 70}} : {result: {failed: `${task.value}: hung`}};
				},
			},
		}).done;
		expect(values(results)).toEqual([2, 140, 6, {failed: '9: hung'}]);
		expect(sites.sort((a, b) => a.tick - b.tick)).toEqual([
			{hook: 'tick', tick: 7, boot: 1, workloadIndex: 0},
			{hook: 'tick', tick: 9, boot: 1, workloadIndex: 0},
		]);
	});
});
