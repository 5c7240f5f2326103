// Processes come and go, mapping and unmapping anonymous memory they touch (so every page is
// resident: AllocateNow). Each mapping is a Region from the 128-byte slab, an AnonymousVMObject
// (208 bytes of kmalloc), a page vector of 4 bytes a page and a PhysicalPage per page from the
// 16-byte slab; once the slab's 8,192 pages are out, every further page is a 32-byte kmalloc
// chunk. The load rises and falls in waves of 2,400 ticks, so the heap expands on the way up.
//
// Now and then a browser process reserves a huge sparse range for its JavaScript heap
// (mmap with MAP_NORESERVE: AllocationStrategy::None, nothing committed or touched). It costs
// only kernel metadata, but its page vector is 4 bytes a page: 512 KiB to 1 MiB in one kmalloc.
// The largest need an "even more" region, which empties and is removed when the range is
// unmapped: the add/remove pattern of #3990 (reference §10.5). The backup-born subheaps collect
// long-lived metadata and mostly stay, as they did; the smaller vectors reuse their free space.

import type {KernelFacade, RegionHandle, Workload, WorkloadContext} from '../source/engine/workload-api.js';

type Process = {
	thread: string;
	name: string;
	objects: number[];
	regions: RegionHandle[];
	/** Metadata of sparse reservations: VMObject, page vector, name, purgeable-ranges vector. */
	sparse: number[][];
};

type State = {processes: Process[]; nextPid: number};

/** sizeof(AnonymousVMObject), StringImpl, and the first purgeable-ranges buffer on i386 (§6.3). */
const VMOBJECT = 208;
const STRING_IMPL = 16;
const PURGEABLE_RANGES = 20;

const programs = [
	'WindowServer',
	'Browser',
	'WebContent',
	'Terminal',
	'Shell',
	'FileManager',
	'TextEditor',
	'SystemMonitor',
	'ImageDecoder',
	'ProtocolServer',
	'Taskbar',
	'Calculator',
];
const mappings = ['malloc heap', 'mmap', 'Stack', 'shared buffer', 'LibC.so: .data', 'Gfx::Bitmap'];

const WAVE = 2400;
/** Keep this many pages of RAM untouched: a workload, not an OOM test. */
const RESERVE_PAGES = 24 * 256;

/** 4 KiB to 4 MiB, most of them small. */
const mappingBytes = (ctx: WorkloadContext<State>): number => 4096 * 2 ** ctx.rng.int(0, 10) * ctx.rng.int(1, 3);

const targetProcesses = (tick: number): number => {
	const phase = (tick % WAVE) / WAVE;
	const triangle = phase < 0.5 ? phase * 2 : 2 - phase * 2;
	return 4 + Math.round(triangle * 30);
};

const roomFor = (kernel: KernelFacade, bytes: number): boolean =>
	kernel.memstat().user_physical_available! - bytes / 4096 > RESERVE_PAGES;

const map = (kernel: KernelFacade, ctx: WorkloadContext<State>, process: Process): void => {
	const bytes = mappingBytes(ctx);
	if (!roomFor(kernel, bytes)) {
		return;
	}

	const region = kernel.allocateKernelRegion(bytes, `${process.name}: ${ctx.rng.pick(mappings)}`, {strategy: 'allocate-now'});
	if (region) {
		process.regions.push(region);
	}
};

/** mmap(MAP_NORESERVE) of 512 MiB to 1 GiB: the kmalloc traffic of a region nothing is committed for. */
const reserveSparse = (kernel: KernelFacade, ctx: WorkloadContext<State>, process: Process): void => {
	const pages = ctx.rng.int(2, 4) * 65_536;
	const name = `${process.name}: JS heap (reserved)`;
	process.sparse.push([
		kernel.kmalloc(VMOBJECT),
		kernel.kmalloc(4 * pages),
		kernel.kmalloc(STRING_IMPL + name.length + 1),
		kernel.kmalloc(PURGEABLE_RANGES),
	]);
};

const releaseSparse = (kernel: KernelFacade, process: Process): void => {
	for (const object of process.sparse.shift() ?? []) {
		kernel.kfree(object);
	}
};

const unmap = (kernel: KernelFacade, ctx: WorkloadContext<State>, process: Process): void => {
	if (process.regions.length > 0) {
		kernel.freeRegion(process.regions.splice(ctx.rng.int(0, process.regions.length - 1), 1)[0]!);
	}
};

const spawn = (kernel: KernelFacade, ctx: WorkloadContext<State>): void => {
	const pid = ctx.state.nextPid++;
	const name = ctx.rng.pick(programs);
	const process: Process = {thread: `${name}(${pid}:${pid})`, name, objects: [], regions: [], sparse: []};
	kernel.asProcess(process.thread, () => {
		// Process and Thread objects, the thread's kernel stack, then the first mappings.
		process.objects.push(kernel.kmalloc(1096), kernel.kmalloc(552));
		const stack = roomFor(kernel, 65_536)
			? kernel.allocateKernelRegion(65_536, `Kernel Stack (Thread ${pid})`, {strategy: 'allocate-now'})
			: null;
		if (stack) {
			process.regions.push(stack);
		}

		for (let count = ctx.rng.int(2, 5); count > 0; count--) {
			map(kernel, ctx, process);
		}
	});
	ctx.state.processes.push(process);
};

const exit = (kernel: KernelFacade, ctx: WorkloadContext<State>): void => {
	const [process] = ctx.state.processes.splice(ctx.rng.int(0, ctx.state.processes.length - 1), 1);
	kernel.asProcess(process!.thread, () => {
		for (const region of process!.regions) {
			kernel.freeRegion(region);
		}

		while (process!.sparse.length > 0) {
			releaseSparse(kernel, process!);
		}

		for (const object of process!.objects) {
			kernel.kfree(object);
		}
	});
};

const workload: Workload<State> = {
	name: 'vmobject-churn',
	description: 'processes map and unmap anonymous memory in waves: regions, VMObjects and PhysicalPages churn',
	setup(_kernel, ctx) {
		ctx.state = {processes: [], nextPid: 30};
	},
	tick(kernel, ctx) {
		const {state, rng} = ctx;
		const target = targetProcesses(ctx.tick);
		if (state.processes.length < target && rng.chance(0.12)) {
			spawn(kernel, ctx);
		} else if (state.processes.length > target && rng.chance(0.12)) {
			exit(kernel, ctx);
		}

		for (let busy = rng.int(0, 2); busy > 0 && state.processes.length > 0; busy--) {
			const process = rng.pick(state.processes);
			kernel.asProcess(process.thread, () => {
				if (rng.chance(0.3)) {
					map(kernel, ctx, process);
				}

				if (rng.chance(0.25)) {
					unmap(kernel, ctx, process);
				}

				if (process.name === 'WebContent' || process.name === 'Browser') {
					if (process.sparse.length === 0 && rng.chance(0.004)) {
						reserveSparse(kernel, ctx, process);
					} else if (process.sparse.length > 0 && rng.chance(0.01)) {
						releaseSparse(kernel, process);
					}
				}
			});
		}
	},
};

export default workload;
