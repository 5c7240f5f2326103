// Quiet stretches, then bursts of long kernel log lines. A klog line longer than its 128-byte
// inline buffer (coloured `[#0 Name(pid:tid)]` prefix and newline included) is built in a
// kmalloc'd buffer, round_up(length, 128) bytes, freed once printed (reference §10.2): with long
// process names every burst line costs a kmalloc and a kfree. Bursts also make the short-lived
// Strings of formatting, and KBuffers (Reserve regions) for the readers of /proc and dmesg.

import type {KernelFacade, RegionHandle, Workload, WorkloadContext} from '../source/engine/workload-api.js';

type Pending = {address: number; freeAt: number};
type Buffer = {region: RegionHandle; freeAt: number};
type State = {burstUntil: number; nextBurst: number; strings: Pending[]; buffers: Buffer[]};

const chatty = [
	'NotificationServer(26:26)',
	'LookupServer(12:12)',
	'ProtocolServer(38:38)',
	'WindowServer(14:14)',
	'AudioServer(23:23)',
	'SystemServer(1:1)',
	'DHCPClient(18:18)',
];
const quiet = ['Shell(34:34)', 'Terminal(33:33)', 'NetworkTask(5:5)'];
const topics = [
	"LookupServer: Lookup for 'detectportal.firefox.com' via 10.0.2.3 failed: NXDOMAIN, falling back to the next name server",
	'ProtocolServer: HTTP request to http://serenityos.org/happy/ finished after 212 ms with 16384 bytes of response body',
	'WindowServer: Compositor: flushing 14 dirty rects for 3 windows, wallpaper cache invalidated by a resolution change',
	'AudioServer: Client(27) queued buffer #4411 of 1024 samples at 44100 Hz while the mixer was still draining the last',
	'NotificationServer: Showing notification "Download complete" for 5000 ms at the top right corner of the screen',
	'SystemServer: Service DHCPClient exited with status 0 after 3 restarts; keeping it down until the next boot',
];

const burstLine = (ctx: WorkloadContext<State>): string => {
	const text = ctx.rng.pick(topics);
	return `${text} (#${ctx.tick})`;
};

const logWithStrings = (kernel: KernelFacade, ctx: WorkloadContext<State>, process: string): void => {
	const line = burstLine(ctx);
	kernel.asProcess(process, () => {
		// String::formatted and friends: StringImpl (16 bytes) + characters + NUL, short-lived.
		ctx.state.strings.push({address: kernel.kmalloc(16 + line.length + 1), freeAt: ctx.tick + ctx.rng.int(1, 20)});
		kernel.log(line);
	});
};

const workload: Workload<State> = {
	name: 'logging-burst',
	description: 'quiet stretches, then bursts of long log lines from long-named processes, each line allocating its buffer',
	setup(_kernel, ctx) {
		ctx.state = {burstUntil: 0, nextBurst: ctx.tick + ctx.rng.int(100, 400), strings: [], buffers: []};
	},
	tick(kernel, ctx) {
		const {state, rng} = ctx;
		if (ctx.tick >= state.nextBurst) {
			state.burstUntil = ctx.tick + rng.int(40, 150);
			state.nextBurst = state.burstUntil + rng.int(300, 800);
		}

		if (ctx.tick < state.burstUntil) {
			for (let lines = rng.int(3, 12); lines > 0; lines--) {
				logWithStrings(kernel, ctx, rng.pick(chatty));
			}

			if (rng.chance(0.1)) {
				// Someone reads dmesg or /proc: a KBufferBuilder's Reserve region.
				const region = kernel.allocateKernelRegion(4096 * 2 ** rng.int(4, 8), 'KBuffer', {strategy: 'reserve'});
				if (region) {
					state.buffers.push({region, freeAt: ctx.tick + rng.int(5, 50)});
				}
			}
		} else if (rng.chance(0.05)) {
			kernel.log(`${rng.pick(['login', 'ls', 'cat /proc/memstat', 'ps'])}: done`, {process: rng.pick(quiet)});
		}

		state.strings = state.strings.filter((pending) => pending.freeAt > ctx.tick || (kernel.kfree(pending.address), false));
		state.buffers = state.buffers.filter((pending) => pending.freeAt > ctx.tick || (kernel.freeRegion(pending.region), false));
	},
};

export default workload;
