// The engine's kernel makes its placement ring before the memory manager's first kmalloc
// (track-placements.ts): a kernel that gained the field during its boot changed shape there, and
// optimized kmalloc code, which knew only the final shape, was discarded at the next run's boot.

import {expect, test} from 'vitest';
import {PlacementTrackingKernel} from '../../source/engine/track-placements.js';
import {haveSameMap} from '../kernel/v8-natives.js';

test('a kernel stopped before its memory manager already has the shape of a booted one', () => {
	const booted = new PlacementTrackingKernel();
	const stopped = new PlacementTrackingKernel({stopBeforeMemoryManager: true});
	expect(haveSameMap(stopped, booted)).toBe(true);
	stopped.initializeMemoryManager();
	expect(haveSameMap(stopped, booted)).toBe(true);
	expect(stopped.placements).not.toBe(booted.placements);
});

test('every PhysicalPage of a run the heap placed at once is noted as placed, in page order', () => {
	const kernel = new PlacementTrackingKernel();
	kernel.allocateKernelRegion(8192 * 4096, 'slab filler', 'allocate-now'); // every page after it is a kmalloc(16)
	const region = kernel.allocateKernelRegion(10 * 4096, 'pages', 'allocate-now')!;
	const newest: number[] = [];
	kernel.placements.findNewest((address) => newest.push(address) === 14);
	// kmallocs newest first: purgeable ranges, name, the ten pages, page vector, VMObject.
	expect(newest.slice(2, 12)).toEqual([...region.physicalPageObjects].reverse());
	expect(newest[12]).toBe(region.pageVector.buffer);
	expect(newest[13]).toBe(region.vmobject);
});
