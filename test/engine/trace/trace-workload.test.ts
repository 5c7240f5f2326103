// The trace workload end to end: a real Linux kmem trace replayed through the simulated heap.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildSnapshot} from '../../../source/engine/build-snapshot.js';
import {Simulation} from '../../../source/engine/simulation.js';
import {createTraceWorkload, type TraceWorkload, type TraceWorkloadOptions} from '../../../source/engine/trace/trace-workload.js';
import {ftraceExcerptPath, perfCapturePath} from '../../fixture-paths.js';
import {generateFtraceEvents, writeTemp} from './trace-test-helpers.js';

const fixture = ftraceExcerptPath;
/** 400 lines of `perf script` output of kmem:kmalloc/kfree, captured for this project (Linux 6.18, x86_64). */
const perfCapture = perfCapturePath;

/** The engine's loop: before each tick, prepare while the workload is not ready; to the end, or `ticks`. */
const run = async (simulation: Simulation, workload: TraceWorkload, ticks?: number) => {
	const end = ticks === undefined ? Number.POSITIVE_INFINITY : simulation.tick + ticks;
	while (simulation.tick < end && (ticks !== undefined || !workload.finished) && !simulation.halted) {
		while (!workload.isReady(simulation.tick + 1)) {
			await workload.prepare(simulation.tick + 100);
		}

		simulation.step(1);
	}
};

const replay = async (file: string, ticks?: number) => {
	const workload = await createTraceWorkload(file, {size: 'req', msPerTick: null, strict: false});
	const simulation = new Simulation({seed: 1, revision: '2021-02-23', ramBytes: 512 * 1024 * 1024, workload});
	const before = simulation.kernel.memstat();
	await run(simulation, workload, ticks);
	return {simulation, workload, before, document: buildSnapshot(simulation)};
};

describe('replaying the shared ftrace fixture', () => {
	it('raises kmalloc_call_count by exactly the kmalloc events replayed: 538', async () => {
		const {document, before, workload} = await replay(fixture);
		expect(workload.lengthTicks).toBe(566);
		expect(document.run.tick).toBe(566);
		expect(document.memstat.kmalloc_call_count! - before.kmalloc_call_count!).toBe(538);
		expect(document.memstat.kfree_call_count! - before.kfree_call_count!).toBe(409);
		expect(document.trace).toMatchObject({
			format: 'ftrace',
			msPerTick: 0.05,
			eventsTotal: 1000,
			eventsReplayed: 947,
			kmallocReplayed: 538,
			kfreeReplayed: 409,
			skipped: {kfreeUnknownPointer: 53, kfreeNull: 0, failedInTrace: 0, ignored: 0, malformed: 0},
			liveBlocks: 129,
			liveBytes: 12_898,
			largestRequest: {bytes: 4096, callSite: 'seq_read_iter+0x38e/0x490'},
			finished: true,
		});
		expect(document.trace?.topCallSites[0]).toEqual({callSite: 'ext4_htree_store_dirent+0x34/0x120', bytes: 21_650, count: 370});
	});

	it('joined to itself (time starts over at the second copy), the second copy is replayed after the first, not in its last tick', async () => {
		const directory = mkdtempSync(path.join(tmpdir(), 'kmtop-trace-'));
		try {
			const file = path.join(directory, 'twice.txt');
			const text = readFileSync(fixture, 'utf8');
			writeFileSync(file, text + text);
			const {document} = await replay(file);
			// 566 ticks, then the second copy from tick 566 on: its 28.292 ms again.
			expect(document.run.tick).toBe(1131);
			expect(document.trace).toMatchObject({eventsTotal: 2000, eventsReplayed: 1896, timeRestarts: 1, finished: true});
			expect((await replay(fixture)).document.trace?.timeRestarts).toBeUndefined();
		} finally {
			rmSync(directory, {recursive: true, force: true});
		}
	});

	it('allocates from threads named after the Linux tasks', async () => {
		const directory = mkdtempSync(path.join(tmpdir(), 'kmtop-trace-'));
		const file = path.join(directory, 'big.txt');
		// A 3 MB request: the heap must grow, and its log line names the task.
		writeFileSync(
			file,
			'             tar-9466    [001] .....   583.846576: kmalloc: call_site=vmalloc+0x1 ptr=00000000deadbeef bytes_req=3000000 bytes_alloc=3145728 gfp_flags=GFP_KERNEL node=-1 accounted=false\n',
		);
		const {simulation} = await replay(file);
		rmSync(directory, {recursive: true, force: true});
		expect(simulation.kernel.dmesg.tail(2)).toEqual([
			'[#0 tar(9466:9466)]: kmalloc(): Adding memory to heap at V0xc0801000, bytes: 1048576',
			// page_round_up(32 + 93,751 × 32 + 11,719) = 3,014,656, + 1 MiB
			'[#0 tar(9466:9466)]: kmalloc(): Adding even more memory to heap at V0xc0902000, bytes: 4063232',
		]);
	});

	it('stops where --ticks says, part way through', async () => {
		const {document} = await replay(fixture, 100);
		expect(document.trace?.finished).toBe(false);
		expect(document.trace!.eventsSeen).toBeLessThan(1000);
	});
});

describe('a reboot during a replay', () => {
	it('starts the trace over on the new kernel', async () => {
		const {simulation, workload} = await replay(fixture);
		simulation.reboot();
		expect(workload.isReady(simulation.tick + 1)).toBe(false);
		expect(workload.finished).toBe(false);
		await run(simulation, workload);
		expect(simulation.tick).toBe(566);

		expect(simulation.kernel.kmallocCalls - 6).toBe(538);
		expect(workload.summary()).toMatchObject({kmallocReplayed: 538, kfreeReplayed: 409, finished: true});
	});
});

describe('replaying perf script output captured on this machine', () => {
	it('counts frees of pointers never allocated, frees of NULL, and what stays live', async () => {
		// Checked with awk over the file: 93 kmalloc and 307 kfree lines; 228 kfree(NULL); of the
		// other 79 frees, 72 match a kmalloc of the capture and 7 do not; 21 blocks stay live.
		const {document, before} = await replay(perfCapture);
		expect(document.trace).toMatchObject({
			format: 'perf',
			kmallocReplayed: 93,
			kfreeReplayed: 72,
			skipped: {kfreeUnknownPointer: 7, kfreeNull: 228, failedInTrace: 0, ignored: 0, malformed: 0},
			liveBlocks: 21,
		});
		expect(document.memstat.kmalloc_call_count! - before.kmalloc_call_count!).toBe(93);
	});
});

describe('a run to the end, whatever the trace\'s length and pace', () => {
	const documentOf = async (file: string, options: Partial<TraceWorkloadOptions>) => {
		const workload = await createTraceWorkload(file, {size: 'req', msPerTick: null, strict: false, ...options});
		const simulation = new Simulation({seed: 1, revision: '2021-02-23', ramBytes: 512 * 1024 * 1024, workload});
		await run(simulation, workload);
		return buildSnapshot(simulation);
	};

	it('replays each record at its own tick however little is read ahead (a queue of 150: the busiest tick has 132)', async () => {
		const roomy = await documentOf(fixture, {});
		const cramped = await documentOf(fixture, {source: {batchSize: 10, maxBuffered: 150, chunksPerPrefetch: 1}});
		expect(cramped).toEqual(roomy);
		expect(cramped.run.tick).toBe(566);
	});

	it('a dense trace (100 events a tick, 50,000 in 500 ticks) through a queue of 300: every event, each at its tick', async () => {
		// The run once read ahead 500 ticks at a time into a queue of 100,000, stopping at the trace's
		// length in ticks with the rest unread: 1.1 M of a 1.5 M-event trace. Here in small.
		const file = writeTemp('dense.txt', generateFtraceEvents(20_000, 1));
		const roomy = await documentOf(file, {msPerTick: 0.1});
		const cramped = await documentOf(file, {msPerTick: 0.1, source: {batchSize: 100, maxBuffered: 300}});
		expect(cramped).toEqual(roomy);
		expect(cramped.run.tick).toBe(200);
		expect(cramped.trace).toMatchObject({eventsSeen: 20_000, kmallocReplayed: 10_000, kfreeReplayed: 10_000, finished: true, stopped: null});
		// 50 kmallocs a tick, 500 between two samples of the history, from the first sample to the last.
		const calls = cramped.history.kmallocCalls;
		expect(calls.slice(1).map((count, index) => count - calls[index]!)).toEqual(Array.from({length: 20}, () => 500));
	});

	it('a kernel panic stops it: not finished, and the summary says why', async () => {
		const file = writeTemp('oom.txt', [
			'bash-1 [000] ..... 1.000001: kmalloc: call_site=f+0x1/0x2 ptr=00000000000000a0 bytes_req=3000000000 bytes_alloc=3000000000',
			'bash-1 [000] ..... 1.000002: kmalloc: call_site=g+0x1/0x2 ptr=00000000000000b0 bytes_req=64 bytes_alloc=64',
		].join('\n'));
		const document = await documentOf(file, {});
		expect(document.panic?.kind).toBe('oom');
		// The first event was taken (seen) and panicked the kernel; the second was never replayed.
		expect(document.trace).toMatchObject({eventsSeen: 1, eventsReplayed: 0, finished: false, stopped: 'the kernel halted at tick 1'});
	});
});

describe('switching away from a replay and back', () => {
	it('resumes where it paused, not where the new start would put it', async () => {
		const workload = await createTraceWorkload(fixture, {size: 'req', msPerTick: null, strict: false});
		const simulation = new Simulation({seed: 1, revision: '2021-02-23', ramBytes: 512 * 1024 * 1024, workload});
		await run(simulation, workload, 200);
		simulation.switchWorkload({name: 'idle', description: 'nothing', tick() {}});
		simulation.step(1000);
		simulation.switchWorkload(workload);
		await run(simulation, workload);
		// The 366 ticks the replay had left; without the resume, it would wait 200 ticks first.
		expect(simulation.tick).toBe(1200 + 366);
		expect(workload.summary()).toMatchObject({eventsSeen: 1000, kmallocReplayed: 538, finished: true});
	});
});
