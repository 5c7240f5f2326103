import {describe, expect, it} from 'vitest';
import {buildSnapshot} from '../../source/engine/build-snapshot.js';
import {runTicksTo} from '../../source/engine/session-journal.js';
import {Simulation} from '../../source/engine/simulation.js';
import type {Workload} from '../../source/engine/workload-api.js';
import {loadBuiltinWorkload} from '../../source/engine/workload-loader.js';
import {CHUNK_SIZE} from '../../source/kernel/constants.js';
import {runSweepCase} from '../../source/sweep/run-sweep-case.js';
import type {SweepCombination} from '../../source/sweep/sweep-row.js';

const combination = (changes: Partial<SweepCombination> = {}): SweepCombination => ({
	workload: 'big-allocations',
	source: {kind: 'builtin', name: 'big-allocations'},
	revision: '2021-02-23',
	seed: 1,
	ramBytes: 512 * 2 ** 20,
	ticks: 1200,
	debugAsserts: false,
	tickTimeoutMs: 5000,
	...changes,
});

// What `kmtop snapshot` does on its engine thread (engine-worker.ts): the document of the run.
const snapshotOf = async (workload: Workload, options: SweepCombination) => {
	const simulation = new Simulation({...options, workload});
	await runTicksTo(simulation, options.ticks);
	return buildSnapshot(simulation);
};

describe('runSweepCase', () => {
	it('is the run kmtop snapshot does: the figures equal the snapshot document of the same options (sweep-cli.test.ts: the CLI\'s)', async () => {
		const workload = await loadBuiltinWorkload('big-allocations');
		for (const options of [combination(), combination({revision: '2020-12-31', seed: 7, ticks: 900, ramBytes: 64 * 2 ** 20})]) {
			const row = await runSweepCase(workload, options);
			const document = await snapshotOf(workload, options);
			// The event ring has not overflowed in this short a run, so it still holds every event.
			const lifecycle = document.events.filter((event) => event.kind.startsWith('subheap') || event.kind.startsWith('backup'));
			expect(lifecycle.length).toBeLessThan(200);
			const added = document.events.filter((event) => event.kind === 'subheap-added');
			expect(row).toEqual({
				workload: document.run.workload,
				revision: document.run.revision,
				seed: document.run.seed,
				ramBytes: document.run.ramBytes,
				ticks: options.ticks,
				ticksRun: document.run.tick,
				heapTotalBytes: document.heap.totalBytes,
				heapAllocatedBytes: document.heap.allocatedBytes,
				peakHeapBytes: row.peakHeapBytes,
				subheapsAdded: added.length,
				subheapsRemoved: document.events.filter((event) => event.kind === 'subheap-removed').length,
				backupConsumed: document.backup.consumed,
				backupReplaced: document.backup.replaced,
				backupFailed: document.backup.failedReplacements,
				firstExpansionTick: added[0]?.tick ?? null,
				panicKind: document.panic?.kind ?? null,
				panicTick: document.panic?.tick ?? null,
				panicLine: document.panic?.lines[0] ?? null,
				workloadErrorTick: null,
				workloadError: null,
				error: null,
				wallMs: row.wallMs,
			});
			expect(row.subheapsAdded).toBeGreaterThan(5);
		}
	});

	it('the peak heap is the largest the heap was at any moment: measured independently at every event and tick', async () => {
		const workload = await loadBuiltinWorkload('big-allocations');
		const options = combination({ticks: 1000});
		let largest = 0;
		const measure = (simulation: Simulation) => {
			if (!simulation.kernel) {
				return;
			}

			let chunks = 0;
			for (const subheap of simulation.kernel.heap.subheaps()) {
				chunks += subheap.heap.totalChunks;
			}

			largest = Math.max(largest, chunks * CHUNK_SIZE);
		};

		const simulation = new Simulation({...options, workload, onEvent: (_event, running) => measure(running)});
		for (let tick = 0; tick < options.ticks && !simulation.halted; tick++) {
			measure(simulation);
			simulation.step(1);
		}

		measure(simulation);
		const row = await runSweepCase(workload, options);
		expect([row.subheapsAdded, row.subheapsRemoved]).toEqual([18, 5]); // the heap grew and shrank
		expect(row.peakHeapBytes).toBe(largest);
		expect(largest).toBe(39_463_936);
		expect(row.peakHeapBytes).toBeGreaterThan(row.heapTotalBytes!);
	});

	it('the same combination twice: the same row but for the wall time', async () => {
		const workload = await loadBuiltinWorkload('big-allocations');
		const [first, second] = await Promise.all([1, 2].map(async () => ({...(await runSweepCase(workload, combination())), wallMs: 0})));
		expect(first).toEqual(second);
	});

	it('a workload that throws is in its row; the kernel runs on to the last tick', async () => {
		const throwing: Workload = {
			name: 'throws-at-50',
			description: 'fails',
			tick(kernel, ctx) {
				kernel.kfree(kernel.kmalloc(64));
				if (ctx.tick === 50) {
					throw new TypeError('no such thing');
				}
			},
		};
		const row = await runSweepCase(throwing, combination({workload: 'throws-at-50', ticks: 80}));
		expect(row).toMatchObject({workload: 'throws-at-50', ticksRun: 80, workloadErrorTick: 50, workloadError: 'no such thing', error: null, panicKind: null});
	});

	it('samples no history past the boot\'s (no row reads it), where a snapshot samples every 10 ticks', async () => {
		const workload = await loadBuiltinWorkload('big-allocations');
		const options = combination({ticks: 200});
		let swept: Simulation | undefined;
		await runSweepCase(workload, options, {onSimulation(simulation) {
			swept = simulation;
		}});
		expect(swept!.history.samples.toArray().map((sample) => sample.tick)).toEqual([0]);
		const snapshot = new Simulation({...options, workload});
		snapshot.step(200);
		expect(snapshot.history.samples.toArray().map((sample) => sample.tick)).toEqual(Array.from({length: 21}, (_, index) => index * 10));
	});

	it('reads its wall time from the clock it is given', async () => {
		const times = [100, 142.46];
		const row = await runSweepCase({name: 'idle', description: 'nothing', tick() {}}, combination({ticks: 5}), {now: () => times.shift()!});
		expect(row.wallMs).toBe(42.5);
	});
});
