// Gives back what this and earlier workloads hold, oldest first, a slice per tick: subheaps
// empty one after another and are removed (queued to a deferred call and freed) or, when the
// backup is gone, become the backup. Then it idles.

import type {Workload} from '../source/engine/workload-api.js';

const workload: Workload = {
	name: 'drain',
	description: 'frees everything workloads hold, oldest first: subheaps empty and are removed or become the backup',
	tick(kernel) {
		const held = kernel.held();
		const slice = Math.max(25, Math.ceil(held.length / 40));
		for (const item of held.slice(0, slice)) {
			if (item.kind === 'block') {
				kernel.kfree(item.address);
			} else {
				kernel.freeRegion(item.region);
			}
		}
	},
};

export default workload;
