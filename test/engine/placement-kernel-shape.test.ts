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
