import {describe, expect, it} from 'vitest';
import {defaultMsPerTick, msPerTickFor, TraceClock, traceTickOf} from '../../../source/engine/trace/assign-trace-tick.js';
import {parseFtraceLine} from '../../../source/engine/trace/parse-ftrace-line.js';
import {TraceReplay} from '../../../source/engine/trace/trace-replay.js';
import type {KfreeEvent, KmallocEvent, TraceEvent, TraceRecord} from '../../../source/engine/trace/trace-record.js';
import {FakeHeap, fixtureEventLines} from './trace-test-helpers.js';

const fixtureEvents = fixtureEventLines.map(line => parseFtraceLine(line) as TraceEvent);

function kmalloc(ptr: string | null, bytesReq: number, timeSeconds = 1, callSite = 'f+0x1/0x2'): KmallocEvent {
	return {kind: 'kmalloc', timeSeconds, comm: 'sh', pid: 1, callSite, ptr, bytesReq, bytesAlloc: Math.ceil(bytesReq / 32) * 32};
}

function kfree(ptr: string | null, timeSeconds = 1): KfreeEvent {
	return {kind: 'kfree', timeSeconds, comm: 'sh', pid: 1, callSite: 'g+0x1/0x2', ptr};
}

function replayAll(records: TraceRecord[], replay = new TraceReplay(), heap = new FakeHeap()) {
	for (const record of records) {
		replay.apply(record, heap);
	}

	return {replay, heap, stats: replay.stats()};
}

describe('replaying the fixture', () => {
	it('gives the figures an independent count gives', () => {
		const {heap, stats} = replayAll(fixtureEvents);
		// Checked with awk over the fixture, outside this code: walking the events in order with a
		// set of live pointers (kmalloc adds, kfree deletes), e.g.
		//   grep -v '^#' linux-ftrace-kmem-excerpt.txt | awk '{for(i=1;i<=NF;i++) if($i~/^ptr=/) p=substr($i,5);
		//     if($5=="kmalloc:"){if(p in live) reused++; live[p]=1} else if(p in live) delete live[p]; else unknown++}'
		// gives 53 frees of pointers the excerpt never allocated (all 53 never allocated at all, not
		// double frees), 0 reused pointers, 129 pointers live at the end holding 12,898 bytes_req.
		expect(stats).toMatchObject({
			eventsSeen: 1000,
			eventsReplayed: 947,
			kmallocReplayed: 538,
			kfreeReplayed: 409,
			kfreeUnknown: 53,
			reusedLivePointer: 0,
			failedInTrace: 0,
			kfreeNull: 0,
			liveBlocks: 129,
			liveBytes: 12_898,
			largestRequest: {bytes: 4096, callSite: 'seq_read_iter+0x38e/0x490'},
			firstTimeSeconds: 583.845921,
			lastTimeSeconds: 583.874213,
		});
		expect(stats.timeSpanSeconds).toBeCloseTo(0.028_292, 9);
		// The fake heap agrees: what the replay thinks is live is what the heap holds.
		expect({blocks: heap.live.size, bytes: heap.liveBytes, kmalloc: heap.kmallocCalls, kfree: heap.kfreeCalls})
			.toEqual({blocks: 129, bytes: 12_898, kmalloc: 538, kfree: 409});
	});

	it('ranks call sites by bytes requested', () => {
		const {replay} = replayAll(fixtureEvents);
		expect(replay.topCallSites(3)).toEqual([
			{callSite: 'ext4_htree_store_dirent+0x34/0x120', bytes: 21_650, count: 370},
			{callSite: 'alloc_fdtable+0x84/0x140', bytes: 18_432, count: 9},
			{callSite: 'do_getxattr+0x55/0x180', bytes: 16_065, count: 63},
		]);
	});

	it('asks for bytes_alloc with size: alloc', () => {
		const {replay, heap} = replayAll([kmalloc('a', 50), kmalloc('b', 70)], new TraceReplay({size: 'alloc'}));
		expect([...heap.live.values()]).toEqual([64, 96]);
		expect(replay.stats().liveBytes).toBe(160);
	});
});

describe('replay rules', () => {
	it('frees a still-live pointer before allocating it again', () => {
		const {heap, stats} = replayAll([kmalloc('a', 10), kmalloc('a', 20), kfree('a')]);
		expect(stats).toMatchObject({reusedLivePointer: 1, kmallocReplayed: 2, kfreeReplayed: 1, liveBlocks: 0, liveBytes: 0});
		expect(heap.live.size).toBe(0);
		expect(heap.kfreeCalls).toBe(2);
	});

	it('skips failed kmallocs, kfree(NULL), unknown and double frees, counting each', () => {
		const {heap, stats} = replayAll([kmalloc(null, 10), kfree(null), kfree('b'), kmalloc('a', 10), kfree('a'), kfree('a')]);
		expect(stats).toMatchObject({failedInTrace: 1, kfreeNull: 1, kfreeUnknown: 2, eventsSeen: 6, eventsReplayed: 2, kmallocReplayed: 1, kfreeReplayed: 1});
		expect(heap.kmallocCalls).toBe(1);
	});

	it('counts ignored events and malformed lines without touching the heap', () => {
		const {heap, stats} = replayAll([{kind: 'ignored', event: 'kmem_cache_alloc'}, {kind: 'malformed', line: 3, text: 'x'}, kmalloc('a', 8)]);
		expect(stats).toMatchObject({ignored: 1, malformed: 1, eventsSeen: 1});
		expect(heap.kmallocCalls).toBe(1);
	});

	it('counts a block the simulated heap refused, and later treats its free as unknown', () => {
		const refusing = {kmalloc: () => 0, kfree() {
			throw new Error('must not be called');
		}};
		const replay = new TraceReplay();
		replay.apply(kmalloc('a', 8), refusing);
		replay.apply(kfree('a'), refusing);
		expect(replay.stats()).toMatchObject({failedInReplay: 1, kfreeUnknown: 1, liveBlocks: 0});
	});

	it('forgets live blocks after a reboot', () => {
		const {replay} = replayAll([kmalloc('a', 8)]);
		replay.forgetLiveBlocks();
		replay.apply(kfree('a'), new FakeHeap());
		expect(replay.stats()).toMatchObject({liveBlocks: 0, liveBytes: 0, kfreeUnknown: 1});
	});
});

describe('rhythm', () => {
	it('assigns floor((t - t0) * 1000 / msPerTick), exact at tick boundaries', () => {
		expect(traceTickOf(583.845971, 583.845921, 0.05)).toBe(1);
		expect(traceTickOf(583.845970, 583.845921, 0.05)).toBe(0);
		expect(traceTickOf(1.003, 1, 1)).toBe(3);
		expect(traceTickOf(1.0029999, 1, 1)).toBe(2);
	});

	it('clamps a timestamp less than 1 ms before the latest (CPU clocks) to the latest tick assigned', () => {
		const clock = new TraceClock(1);
		expect([10, 10.0009, 10.001, 10.0025, 10.004, 10.0031, 10.0041, 10.0032, 10.0051].map(t => clock.tickOf(t)))
			.toEqual([0, 0, 1, 2, 4, 4, 4, 4, 5]);
		expect(clock.restarts).toBe(0);
	});

	it('starts time over from the latest tick at a timestamp 1 ms or more before the latest (captures joined)', () => {
		const clock = new TraceClock(1);
		// 10.004 -> 10.0015 is 2.5 ms back, 10.0041 -> 9.9 104.1 ms: each goes on from the tick reached, at its own pace.
		expect([10, 10.0009, 10.001, 10.0025, 10.004, 10.0015, 10.0041, 9.9, 10.0051].map(t => clock.tickOf(t)))
			.toEqual([0, 0, 1, 2, 4, 4, 6, 6, 111]);
		expect(clock.restarts).toBe(2);
	});

	it('hands each tick its due events, late ones included', () => {
		const replay = new TraceReplay({msPerTick: 1});
		const events = [kmalloc('a', 8, 10), kmalloc('b', 8, 10.0005), kfree('a', 10.0021), kmalloc('c', 8, 10.0012), kfree('b', 10.0049)];
		for (const event of events) {
			replay.enqueue(event);
		}

		expect(replay.lastBufferedTick).toBe(4);
		expect(replay.takeEventsForTick(0)).toEqual(events.slice(0, 2));
		expect(replay.takeEventsForTick(1)).toEqual([]);
		// The backwards kmalloc of c was clamped to tick 2, behind the kfree it follows in the file.
		expect(replay.takeEventsForTick(2)).toEqual(events.slice(2, 4));
		expect(replay.takeEventsForTick(9)).toEqual(events.slice(4));
		expect(replay.buffered).toBe(0);
	});

	it('spreads the fixture over 566 ticks at the default 0.05 ms', () => {
		const replay = new TraceReplay();
		for (const event of fixtureEvents) {
			replay.enqueue(event);
		}

		expect(defaultMsPerTick).toBe(0.05);
		expect(replay.lastBufferedTick).toBe(565);
		const heap = new FakeHeap();
		const perTick = Array.from({length: 566}, (_, tick) => replay.replayTick(tick, heap));
		// awk on integer microseconds, int((us - us0) / 50): 115 ticks hold events, 1 of them in tick 0.
		expect(perTick.filter(count => count > 0)).toHaveLength(115);
		expect(perTick[0]).toBe(1);
		expect(replay.stats().eventsSeen).toBe(1000);
	});

	it('puts the fixture in 29 one-millisecond ticks, as awk counts them', () => {
		const replay = new TraceReplay({msPerTick: 1});
		for (const event of fixtureEvents) {
			replay.enqueue(event);
		}

		const heap = new FakeHeap();
		expect(Array.from({length: 29}, (_, tick) => replay.replayTick(tick, heap)))
			.toEqual([13, 18, 20, 15, 18, 10, 13, 17, 18, 5, 4, 0, 0, 0, 0, 0, 0, 0, 111, 312, 10, 10, 252, 19, 5, 16, 12, 5, 97]);
	});

	it('derives a msPerTick from a span and a tick budget', () => {
		expect(msPerTickFor(0.028_292, 566)).toBeCloseTo(0.049_986, 6);
		expect(msPerTickFor(30, 3000)).toBe(10);
		expect(msPerTickFor(0, 100)).toBe(defaultMsPerTick);
	});

	it('rejects a msPerTick that is not positive', () => {
		expect(() => new TraceReplay({msPerTick: 0})).toThrow(RangeError);
	});
});

describe('sizes no i386 size_t can hold', () => {
	it('2^32 bytes and more: counted and skipped with their kfrees, the replay going on', () => {
		const heap = new FakeHeap();
		const {stats} = replayAll([
			kmalloc('a', 1_099_511_627_776),
			kmalloc('b', 64),
			kmalloc('c', 2 ** 32),
			kfree('a'),
			kmalloc('d', 2 ** 32 - 1),
			kfree('b'),
			// `c` is freed by a kmalloc of its pointer: it becomes a live block like any other.
			kmalloc('c', 32),
			kfree('c'),
			kfree('a'),
		], new TraceReplay(), heap);
		expect(stats).toMatchObject({
			eventsSeen: 9,
			eventsReplayed: 5,
			kmallocReplayed: 3,
			kfreeReplayed: 2,
			unrepresentableSize: 3,
			kfreeUnknown: 1, // the second kfree of a: the first was counted with its kmalloc
			liveBlocks: 1,
			liveBytes: 2 ** 32 - 1,
			largestRequest: {bytes: 2 ** 32 - 1, callSite: 'f+0x1/0x2'},
		});
		expect(heap.kmallocCalls).toBe(3);
	});

	it('with --trace-size alloc, the size that counts is bytes_alloc', () => {
		const record: KmallocEvent = {...kmalloc('a', 64), bytesAlloc: 2 ** 33};
		expect(replayAll([record], new TraceReplay({size: 'alloc'})).stats).toMatchObject({unrepresentableSize: 1, kmallocReplayed: 0});
		expect(replayAll([record], new TraceReplay({size: 'req'})).stats).toMatchObject({unrepresentableSize: 0, kmallocReplayed: 1});
	});
});
