// Kernel objects that are never freed: a driver that forgets its buffers, a cache without
// eviction. The heap grows region by region (each expansion takes 1 MiB, or more, of physical
// memory) until the memory manager can no longer replace the backup, the next expansion finds
// none, and kmalloc panics. With --ram 64M that takes some tens of thousands of ticks.

import type {Workload} from '../source/engine/workload-api.js';

type State = {leaked: number};

const objects = [
	{size: 208, what: 'AnonymousVMObject'},
	{size: 552, what: 'Thread'},
	{size: 1096, what: 'Process'},
	{size: 64, what: 'FileDescription'},
	{size: 4096, what: 'Packet buffer'},
];

const workload: Workload<State> = {
	name: 'leak',
	description: 'allocations never freed: the heap grows region by region until physical memory runs out',
	setup(_kernel, ctx) {
		ctx.state = {leaked: 0};
	},
	tick(kernel, ctx) {
		const {rng} = ctx;
		kernel.asProcess('E1000NetworkAdapter(3:3)', () => {
			for (let count = rng.int(1, 4); count > 0; count--) {
				const object = rng.pick(objects);
				kernel.kmalloc(object.size);
				ctx.state.leaked += object.size;
			}

			if (rng.chance(0.02)) {
				// A DMA buffer nobody unmaps.
				kernel.allocateKernelRegion(16_384, 'E1000 RX buffer', {strategy: 'allocate-now'});
			}
		});
	},
};

export default workload;
