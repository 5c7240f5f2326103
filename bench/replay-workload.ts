// A workload module as a user would write one (issue 14): it replays the issue-7 trace through the
// public workload API, 10,000 kmalloc / kfree calls a tick, the way `kmtop snapshot -w ./replay.js`
// runs it. The bench hands it the trace (`provideTrace`) before loading it, so generating the trace is
// not timed.

import type {Workload} from '../source/engine/workload-api.js';
import type {Trace} from './generate-trace.js';

export const CALLS_PER_TICK = 10_000;

let trace: Trace | undefined;

export const provideTrace = (next: Trace): void => {
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
			throw new Error('no trace: call provideTrace(trace) first');
		}

		const {ops} = trace;
		const {state} = ctx;
		const {live} = state;
		const start = state.next;
		const end = Math.min(ops.length, start + CALLS_PER_TICK);
		// Stored before the loop, not after it: V8 compiles this tick while its loop runs (on-stack
		// replacement), before anything after the loop ever ran, so a store there had no type
		// feedback, and the compiled code, kept and entered again each tick, bailed out to the
		// interpreter at the loop's end every tick (--trace-deopt: 100 bailouts a replay, now 1).
		// The public path ran 8 % faster without them (in-process A/B, 10 pairs, median).
		state.next = end;
		for (let index = start; index < end; index++) {
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
	},
};

export default workload;
