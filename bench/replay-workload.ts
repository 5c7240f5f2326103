// A workload module as a user would write one (issue 14): it replays the issue-7 trace through the
// public workload API, 10,000 kmalloc / kfree calls a tick, the way `kmtop snapshot -w ./replay.js`
// runs it. The bench hands it the trace (`useTrace`) before loading it, so generating the trace is
// not timed.

import type {Workload} from '../source/engine/workload-api.js';
import type {Trace} from './generate-trace.js';

export const CALLS_PER_TICK = 10_000;

let trace: Trace | undefined;

export const useTrace = (next: Trace): void => {
	trace = next;
};

type State = {live: number[]; next: number};

const workload: Workload<State> = {
	name: 'issue-7-replay',
	description: 'the issue-7 allocation trace, 10,000 kmalloc/kfree calls a tick through the public API',
	setup(_kernel, ctx) {
		ctx.state = {live: [], next: 0};
	},
	tick(kernel, ctx) {
		if (!trace) {
			throw new Error('no trace: call useTrace(trace) first');
		}

		const {ops} = trace;
		const {state} = ctx;
		const {live} = state;
		const end = Math.min(ops.length, state.next + CALLS_PER_TICK);
		for (let index = state.next; index < end; index++) {
			const op = ops[index]!;
			if (op >= 0) {
				live.push(kernel.kmalloc(op));
			} else {
				// A free picks a live block by number, swap-remove order (generate-trace.ts).
				const victim = -op - 1;
				const address = live[victim]!;
				live[victim] = live.at(-1)!;
				live.pop();
				kernel.kfree(address);
			}
		}

		state.next = end;
	},
};

export default workload;
