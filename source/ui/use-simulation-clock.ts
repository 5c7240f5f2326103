// Drives the simulation in the engine, on its own timer, at the session's rate: every few tens
// of milliseconds it hands the wall time that passed to `session.advance`. React is not involved
// (no state is set here), so a thousand ticks a second never means a thousand renders.

import {useEffect, useRef} from 'react';
import type {LiveSession} from '../engine/live-session.js';

/** The achieved rate is measured over this much wall time, so it reads steadily. */
const RATE_WINDOW_MS = 1000;

export type SimulationClock = {
	/** Ticks per second the host managed over the last second. */
	achievedRate(): number;
};

type Sample = {at: number; ticks: number};

export const useSimulationClock = (session: LiveSession, everyMs: number, onError: (error: Error) => void): SimulationClock => {
	const samples = useRef<Sample[]>([]);
	const onErrorRef = useRef(onError);
	onErrorRef.current = onError;

	useEffect(() => {
		if (everyMs <= 0) {
			return undefined;
		}

		let last = performance.now();
		const timer = setInterval(() => {
			const now = performance.now();
			try {
				const ticks = session.advance(now - last);
				samples.current.push({at: now, ticks});
				while (samples.current.length > 0 && samples.current[0]!.at < now - RATE_WINDOW_MS) {
					samples.current.shift();
				}
			} catch (error) {
				clearInterval(timer);
				onErrorRef.current(error instanceof Error ? error : new Error(String(error)));
			}

			last = now;
		}, everyMs);
		return () => {
			clearInterval(timer);
		};
	}, [session, everyMs]);

	const clock = useRef<SimulationClock>({
		achievedRate() {
			const list = samples.current;
			if (list.length === 0) {
				return 0;
			}

			const span = Math.max(everyMs, performance.now() - list[0]!.at + everyMs);
			return (list.reduce((sum, sample) => sum + sample.ticks, 0) * 1000) / span;
		},
	});
	return clock.current;
};
