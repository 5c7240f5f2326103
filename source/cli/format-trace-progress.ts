// The progress line of a trace replay, for the headless run's progress bar: how far the counting
// pass or the replay has got, and for a pipe (no total) a running count.

import type {TraceProgress} from '../engine/trace/trace-workload.js';

const count = (value: number): string => value.toLocaleString('en-US');

const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/** What the bar shows: the fraction done when it is known, and a label. */
export const formatTraceProgress = (progress: TraceProgress, ticks: number, elapsedMs: number): {fraction: number | null; label: string} => {
	const seconds = Math.max(0.001, elapsedMs / 1000);
	if (progress.phase === 'counting') {
		const of = progress.bytesTotal === null ? '' : ` of ${megabytes(progress.bytesTotal)}`;
		return {
			fraction: progress.bytesTotal === null ? null : progress.bytesRead / Math.max(1, progress.bytesTotal),
			label: `counting trace events: ${megabytes(progress.bytesRead)}${of}, ${count(progress.linesRead)} lines, ${count(progress.eventsRead)} events`,
		};
	}

	const rate = `${count(Math.round(progress.eventsSeen / seconds))} events/s`;
	if (progress.eventsTotal === null) {
		return {fraction: null, label: `${count(progress.eventsSeen)} events replayed  ${count(progress.linesRead)} lines read  ${count(ticks)} ticks  ${rate}`};
	}

	return {
		fraction: progress.eventsSeen / Math.max(1, progress.eventsTotal),
		label: `${count(progress.eventsSeen)}/${count(progress.eventsTotal)} events  ${count(ticks)} ticks  ${rate}`,
	};
};
