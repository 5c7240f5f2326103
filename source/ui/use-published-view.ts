// What React draws: a snapshot document and the session's facts, taken every `refreshMs` (a few
// times a second, never per tick) or at once after a key, so a key's effect shows immediately.

import {useCallback, useEffect, useState} from 'react';
import type {LiveSession} from '../engine/live-session.js';
import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {isTraceWorkload} from '../engine/trace/trace-workload.js';
import type {ViewFacts} from '../view/view-facts.js';
import type {SimulationClock} from './use-simulation-clock.js';

export type PublishedView = {document: SnapshotDocument; facts: ViewFacts};

const takeView = (session: LiveSession, clock: SimulationClock): PublishedView => ({
	document: session.snapshot(),
	facts: {
		live: true,
		rate: session.rate,
		achievedRate: session.paused || session.simulation.halted ? 0 : clock.achievedRate(),
		paused: session.paused,
		frozen: session.frozen,
		liveTick: session.simulation.tick,
		workloads: session.workloads.map((workload) => workload.name),
		workloadIndex: session.workloadIndex,
		traceReplay: session.workloads.some((workload) => isTraceWorkload(workload)),
	},
});

export const usePublishedView = (session: LiveSession, refreshMs: number, clock: SimulationClock): [PublishedView, () => void] => {
	const [view, setView] = useState(() => takeView(session, clock));
	const publish = useCallback(() => {
		setView(takeView(session, clock));
	}, [session, clock]);

	useEffect(() => {
		const timer = setInterval(publish, Math.max(16, refreshMs));
		return () => {
			clearInterval(timer);
		};
	}, [publish, refreshMs]);

	return [view, publish];
};
