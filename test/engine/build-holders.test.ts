// The snapshot's `holders` table against memstat and the heap panel, for every built-in workload
// and a trace replay, and against the blocks the chunk map draws.
import {describe, expect, it} from 'vitest';
import {buildSnapshot} from '../../source/engine/build-snapshot.js';
import {HOLDERS_RECENT_TICKS} from '../../source/engine/build-holders.js';
import {buildSubheapDocument, linkedSubheapIds, subheapBlocks} from '../../source/engine/build-subheap-document.js';
import type {SnapshotDocument} from '../../source/engine/snapshot-types.js';
import {createTraceWorkload} from '../../source/engine/trace/trace-workload.js';
import {builtinWorkloadNames, loadBuiltinWorkload} from '../../source/engine/workload-loader.js';
import type {Kernel} from '../../source/kernel/kernel.js';
import {ftraceExcerptPath} from '../fixture-paths.js';
import {simulate} from './helpers.js';

const total = (document: SnapshotDocument, key: 'liveBytes' | 'liveBlocks' | 'kmallocCount' | 'kfreeCount'): number =>
	document.holders!.reduce((sum, row) => sum + row[key], 0);

/** Every linked subheap's blocks by holder, as the chunk map sees them: holder id → [blocks, bytes]. */
const blocksByHolder = (kernel: Kernel): Map<number, [number, number]> => {
	const byHolder = new Map<number, [number, number]>();
	for (const id of linkedSubheapIds(kernel)) {
		const blocks = subheapBlocks(kernel, id)!;
		const document = buildSubheapDocument(kernel, id)!;
		// The document's blocks (found from the bitmap and the headers) are the booked ones, same holders.
		expect([...document.blocks.firstChunk]).toEqual([...blocks.firstChunk]);
		expect([...document.blocks.holderId!]).toEqual([...blocks.holderId]);
		for (let block = 0; block < blocks.holderId.length; block++) {
			const [count, bytes] = byHolder.get(blocks.holderId[block]!) ?? [0, 0];
			byHolder.set(blocks.holderId[block]!, [count + 1, bytes + blocks.chunkCount[block]! * 32]);
		}
	}

	return byHolder;
};

describe('the holders table', () => {
	it.each(builtinWorkloadNames())('%s, 3,000 ticks: live bytes add up to the allocated bytes, calls to memstat\'s counts', async (name) => {
		const workload = await loadBuiltinWorkload(name);
		const simulation = simulate(workload);
		simulation.step(3000);
		const document = buildSnapshot(simulation, {holdersActiveSince: 0});
		expect(document.holders!.length).toBeGreaterThan(0);
		expect(total(document, 'liveBytes')).toBe(document.heap.allocatedBytes);
		expect(total(document, 'liveBytes')).toBe(document.memstat.kmalloc_allocated);
		// With the calls of the holders the kernel retired (nothing live, idle for 1,000 ticks: holder-book.ts).
		const {holders} = simulation.kernel;
		expect(total(document, 'kmallocCount') + holders.retiredKmallocs).toBe(document.memstat.kmalloc_call_count);
		expect(total(document, 'kfreeCount') + holders.retiredKfrees).toBe(document.memstat.kfree_call_count);
		expect(new Set(document.holders!.map((row) => row.id)).size).toBe(document.holders!.length);
		// The most live bytes first; shares are the bytes over the allocated bytes.
		for (const [index, row] of document.holders!.entries()) {
			expect(row.share).toBe(Math.round((row.liveBytes / document.heap.allocatedBytes) * 1e6) / 1e6);
			expect([null, workload.name]).toContain(row.workload);
			if (index > 0) {
				expect(row.liveBytes).toBeLessThanOrEqual(document.holders![index - 1]!.liveBytes);
			}
		}

		// The chunk map's holder ids are the table's, with the same blocks and bytes.
		const byHolder = blocksByHolder(simulation.kernel);
		const live = document.holders!.filter((row) => row.liveBlocks !== 0);
		expect(new Map(live.map((row) => [row.id, [row.liveBlocks, row.liveBytes]]))).toEqual(byHolder);
		// The default table leaves out only holders with nothing live.
		const recent = buildSnapshot(simulation).holders!;
		expect(recent.filter((row) => row.liveBlocks !== 0)).toEqual(live);
	});

	it('names the kernel\'s purposes and the workload\'s own blocks: vmobject-churn at tick 4,000', async () => {
		const simulation = simulate(await loadBuiltinWorkload('vmobject-churn'));
		// Every 500 ticks: a holder is retired only after 1,000 idle ticks, so each one is seen.
		const purposes = new Set<string | null>();
		for (let step = 0; step < 8; step++) {
			simulation.step(500);
			for (const row of buildSnapshot(simulation, {holdersActiveSince: 0}).holders!) {
				purposes.add(row.purpose);
			}
		}

		const document = buildSnapshot(simulation);
		expect(document.heap.allocatedBytes).toBe(3_580_448);
		expect(document.holders!.slice(0, 3)).toEqual([
			{id: 239, process: 'Browser(80:80)', purpose: null, workload: 'vmobject-churn', liveBlocks: 6, liveBytes: 526_336, share: 0.147_003, kmallocCount: 6, kfreeCount: 0},
			{id: 100, process: 'SystemMonitor(42:42)', purpose: 'PhysicalPage (slab full)', workload: null, liveBlocks: 9774, liveBytes: 312_768, share: 0.087_354, kmallocCount: 24_364, kfreeCount: 14_590},
			{id: 298, process: 'ImageDecoder(73:73)', purpose: 'PhysicalPage (slab full)', workload: null, liveBlocks: 9246, liveBytes: 295_872, share: 0.082_635, kmallocCount: 11_240, kfreeCount: 1994},
		]);
		for (const purpose of ['VMObject', 'VMObject page vector', 'Region name', 'VMObject purgeable ranges', 'PhysicalPage (slab full)', 'page table map', 'RangeAllocator ranges', 'kmalloc subheap list', 'remove_memory lambda']) {
			expect(purposes).toContain(purpose);
		}
	});

	it('a trace replay books each block to its Linux task and call site', async () => {
		const workload = await createTraceWorkload(ftraceExcerptPath, {size: 'req', msPerTick: null, strict: false});
		const simulation = simulate(workload);
		await workload.prepare(600);
		simulation.step(600);
		const document = buildSnapshot(simulation);
		expect(total(document, 'liveBytes')).toBe(document.heap.allocatedBytes);
		expect(document.holders![0]).toEqual({
			id: 66,
			process: 'python3(9421:9421)',
			purpose: 'ext4_htree_store_dirent+0x34/0x120',
			workload: 'trace',
			liveBlocks: 96,
			liveBytes: 7264,
			share: 0.433_206,
			kmallocCount: 304,
			kfreeCount: 208,
		});
		const replayed = document.holders!.filter((row) => row.workload === 'trace');
		expect(total({...document, holders: replayed}, 'kmallocCount')).toBe(document.trace!.kmallocReplayed);
	});

	it(`leaves out a holder with nothing live after ${HOLDERS_RECENT_TICKS.toLocaleString('en-US')} ticks without a call`, () => {
		let phase = 'busy';
		const simulation = simulate({
			name: 'once',
			description: 'one short-lived block, then nothing',
			tick(kernel) {
				if (phase === 'busy') {
					kernel.kfree(kernel.kmalloc(64, 'scratch'));
					phase = 'idle';
				}
			},
		});
		const scratch = () => buildSnapshot(simulation).holders!.find((row) => row.purpose === 'scratch');
		simulation.step(1);
		expect(scratch()).toMatchObject({liveBlocks: 0, liveBytes: 0, kmallocCount: 1, kfreeCount: 1});
		simulation.step(HOLDERS_RECENT_TICKS);
		expect(scratch()).toBeDefined();
		simulation.step(1);
		expect(scratch()).toBeUndefined();
		expect(buildSnapshot(simulation, {holdersActiveSince: 0}).holders!.find((row) => row.purpose === 'scratch')).toBeDefined();
	});
});
