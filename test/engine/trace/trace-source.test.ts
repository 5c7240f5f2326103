import {join} from 'node:path';
import {tmpdir} from 'node:os';
import {describe, expect, it} from 'vitest';
import {TraceFileError} from '../../../source/engine/trace/trace-errors.js';
import {TraceSource, type TraceSourceOptions} from '../../../source/engine/trace/trace-source.js';
import {FakeHeap, fixtureEventLines, fixturePath, fixtureText, toPerfScriptLine, writeTemp} from './trace-test-helpers.js';

/** The engine's loop: await a prefetch only when the tick needs one, then replay the tick synchronously. */
async function drive(path: string, options: TraceSourceOptions = {}) {
	const source = new TraceSource(path, options);
	const heap = new FakeHeap();
	const perTick: number[] = [];
	let prefetches = 0;
	for (let tick = 0; !source.finished; tick++) {
		if (source.needsPrefetch(tick)) {
			prefetches++;
			await source.prefetch(tick);
		}

		perTick.push(source.replayTick(tick, heap));
	}

	return {source, heap, perTick, prefetches, stats: source.replay.stats()};
}

describe('TraceSource', () => {
	it('replays the fixture tick by tick from a batched read, as if it were all in memory', async () => {
		const whole = await drive(fixturePath);
		// A queue of 150 records: more than the busiest tick's 132, much less than the trace.
		const batched = await drive(fixturePath, {batchSize: 50, maxBuffered: 150});
		expect(whole.perTick).toHaveLength(566);
		expect(batched.perTick).toEqual(whole.perTick);
		expect(batched.stats).toEqual(whole.stats);
		expect(whole.prefetches).toBe(1);
		expect(batched.prefetches).toBeGreaterThan(5);
		expect(batched.stats).toMatchObject({eventsSeen: 1000, kfreeUnknown: 53, liveBlocks: 129});
	});

	it('goes on past malformed lines, counting them', async () => {
		const lines = fixtureText.split('\n');
		lines.splice(500, 0, 'not an event', 'nor this');
		const {source, stats} = await drive(writeTemp('mangled.txt', lines.join('\n')), {batchSize: 100});
		expect(stats).toMatchObject({eventsSeen: 1000, kmallocReplayed: 538, malformed: 2});
		expect(source.reader.malformed.first.map(line => line.line)).toEqual([501, 502]);
	});

	it('bounds the queue, spreading an oversized tick over the next ones', async () => {
		const {perTick, stats} = await drive(fixturePath, {msPerTick: 1e9, batchSize: 100, maxBuffered: 300});
		expect(perTick).toEqual([300, 300, 300, 100]);
		expect(stats.eventsSeen).toBe(1000);
	});

	it('reports an unreadable file from the first prefetch', async () => {
		const source = new TraceSource(join(tmpdir(), 'kmtop-missing-trace.txt.gz'));
		await expect(source.prefetch(0)).rejects.toBeInstanceOf(TraceFileError);
	});

	it('closes the file when the user switches away', async () => {
		const source = new TraceSource(fixturePath, {batchSize: 10, msPerTick: 0.001});
		await source.prefetch(0);
		await source.close();
		expect(source.exhausted).toBe(true);
		expect(source.needsPrefetch(1e9)).toBe(false);
	});
});

describe('perf script input', () => {
	// The same events as perf prints them; every third line in the `pid/tid` form.
	const perfLines = fixtureEventLines.map((line, index) => toPerfScriptLine(line, index % 3 === 0));
	const ftraceHeader = fixtureText.split('\n').slice(0, 12);

	it('the converter writes what perf writes', () => {
		expect(perfLines[0]).toBe('            bash    9453/9453    [000] 583.845921: kmem:kmalloc: call_site=tracepoint_add_func+0x10d ptr=0x769437d5 bytes_req=64 bytes_alloc=64 gfp_flags=GFP_KERNEL node=-1 accounted=false');
		expect(perfLines[7]).toBe('           <...>    9466 [001] 583.846576: kmem:kfree: call_site=__mt_destroy+0x8e ptr=0xb4bcf01d');
	});

	it('the first 60 events give the same counts in both formats', async () => {
		const ftrace = await drive(writeTemp('first60.txt', [...ftraceHeader, ...fixtureEventLines.slice(0, 60)].join('\n')));
		const perf = await drive(writeTemp('first60.perf', perfLines.slice(0, 60).join('\n')));
		expect(ftrace.source.reader.format).toBe('ftrace');
		expect(perf.source.reader.format).toBe('perf');
		// Call sites differ only in perf's missing `/size`, so compare everything but the largest's name.
		const withoutCallSite = ({largestRequest, ...stats}: typeof perf.stats) => ({...stats, largestBytes: largestRequest?.bytes});
		expect(withoutCallSite(perf.stats)).toEqual(withoutCallSite(ftrace.stats));
		expect(perf.perTick).toEqual(ftrace.perTick);
		// awk over the first 60 event lines, as for the whole fixture: 47 kmalloc, 13 kfree,
		// 8 of them of pointers not allocated before, none reused, 42 left live.
		expect(perf.stats).toMatchObject({kmallocReplayed: 47, kfreeReplayed: 5, kfreeUnknown: 8, reusedLivePointer: 0, liveBlocks: 42, malformed: 0});
	});

	it('all 1,000 events give the same counts in both formats', async () => {
		const perf = await drive(writeTemp('all.perf', perfLines.join('\n') + '\n'), {batchSize: 64});
		expect(perf.stats).toMatchObject({eventsSeen: 1000, kmallocReplayed: 538, kfreeReplayed: 409, kfreeUnknown: 53, reusedLivePointer: 0, liveBlocks: 129, liveBytes: 12_898});
		expect(perf.perTick).toHaveLength(566);
	});
});
