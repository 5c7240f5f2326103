// The first sweep of idle search trees comes early (subheap-list.ts, allocationsUntilSweep):
// V8 has then seen the sweep run before it optimizes `allocate`, and the sweeps after it do not
// discard the optimized kmalloc path (a branch never run is compiled as a bail-out).

import {expect, test} from 'vitest';
import {ExpandableHeap} from '../../source/kernel/expandable-heap.js';
import {Kernel} from '../../source/kernel/kernel.js';
import {TREE_SWEEP_ALLOCATIONS} from '../../source/kernel/subheap-list.js';
import {isOptimized, optimizeAfter} from './v8-natives.js';

test('allocate, optimized after its first 2,000 calls, stays optimized through its next sweep', () => {
	const {heap} = new Kernel();
	// eslint-disable-next-line @typescript-eslint/unbound-method -- only its optimization status is read
	const {allocate} = ExpandableHeap.prototype;
	const churn = (times: number) => {
		for (let call = 0; call < times; call++) {
			heap.deallocate(heap.allocate(28));
		}
	};

	optimizeAfter(allocate, () => {
		churn(2000);
	}, () => {
		churn(1);
	});
	expect(isOptimized(allocate)).toBe(true);
	// Up to the next sweep and no further: a function discarded is optimized again soon after.
	const {list} = heap as unknown as {list: {allocationsUntilSweep: number}};
	const untilSweep = list.allocationsUntilSweep;
	expect(untilSweep).toBeLessThanOrEqual(TREE_SWEEP_ALLOCATIONS);
	churn(untilSweep);
	expect(list.allocationsUntilSweep).toBe(TREE_SWEEP_ALLOCATIONS);
	expect(isOptimized(allocate)).toBe(true);
});
