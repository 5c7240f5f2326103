// The history section of a snapshot document (snapshot.md `history`): each series of the heap's
// samples, oldest first. The live view builds one four times a second, and between two of them
// two or three samples come (a sample every 10 ticks, 25 ticks a view at the defaults): so the
// section last built for a history is moved on by the samples since (its arrays sliced, the new
// values pushed) instead of read again sample by sample from the rings, and is the very section
// while no sample came (paused, frozen, in the past), which the view's writer sees at a glance
// (document-delta.ts).

import type {HeapHistory, HistorySample} from './heap-history.js';
import type {RingBuffer} from './ring-buffer.js';
import type {HistorySeries} from './snapshot-types.js';

// The columns, read by functions made once for the module rather than arrows written inline,
// which would be new closures at every call: V8 optimizes such a closure for the context it was
// made in and throws the code away once that context is gone, so a sweep, building one document
// per run, recompiled each of them again and again.
const kmallocAllocatedOf = (sample: HistorySample): number => sample.kmallocAllocated;
const kmallocAvailableOf = (sample: HistorySample): number => sample.kmallocAvailable;
const subheapCountOf = (sample: HistorySample): number => sample.subheapCount;
const kmallocCallsOf = (sample: HistorySample): number => sample.kmallocCalls;
const kfreeCallsOf = (sample: HistorySample): number => sample.kfreeCalls;

/** The section last built for a history, with how many samples each ring had taken then. */
type Built = {pushed: number; coarsePushed: number; section: HistorySeries};

const built = new WeakMap<HeapHistory, Built>();

/**
`column` of the ring's samples, oldest first: `previous` (the column when the ring had taken
`previousPushed`) without the samples that fell out since, then the new ones; read whole when
there is no such column or it cannot be moved on (more came than the ring holds).
*/
const seriesOf = (ring: RingBuffer<HistorySample>, column: (sample: HistorySample) => number, previous: number[] | undefined, previousPushed: number): number[] => {
	const added = ring.pushed - previousPushed;
	const kept = ring.length - added;
	if (previous === undefined || added < 0 || kept < 0 || kept > previous.length || ring.length !== Math.min(ring.pushed, ring.capacity)) {
		return ring.toArray().map(column);
	}

	const series = previous.slice(previous.length - kept);
	for (const sample of ring.newest(added)) {
		series.push(column(sample));
	}

	return series;
};

export const buildHistorySection = (history: HeapHistory): HistorySeries => {
	const {samples, coarse} = history;
	const last = built.get(history);
	if (last?.pushed === samples.pushed && last.coarsePushed === coarse.pushed) {
		return last.section;
	}

	const previous = last?.section;
	const pushed = last?.pushed ?? 0;
	const coarsePushed = last?.coarsePushed ?? 0;
	const section: HistorySeries = {
		everyTicks: history.everyTicks,
		kmallocAllocated: seriesOf(samples, kmallocAllocatedOf, previous?.kmallocAllocated, pushed),
		kmallocAvailable: seriesOf(samples, kmallocAvailableOf, previous?.kmallocAvailable, pushed),
		subheapCount: seriesOf(samples, subheapCountOf, previous?.subheapCount, pushed),
		kmallocCalls: seriesOf(samples, kmallocCallsOf, previous?.kmallocCalls, pushed),
		kfreeCalls: seriesOf(samples, kfreeCallsOf, previous?.kfreeCalls, pushed),
		coarse: {
			everyTicks: history.coarseEveryTicks,
			kmallocAllocated: seriesOf(coarse, kmallocAllocatedOf, previous?.coarse?.kmallocAllocated, coarsePushed),
			kmallocAvailable: seriesOf(coarse, kmallocAvailableOf, previous?.coarse?.kmallocAvailable, coarsePushed),
		},
	};
	built.set(history, {pushed: samples.pushed, coarsePushed: coarse.pushed, section});
	return section;
};
