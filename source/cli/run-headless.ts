import process from 'node:process';
import {formatTraceProgress} from './format-trace-progress.js';
import {ProgressBar} from './progress-bar.js';
import {BadInput} from './report-problem.js';
import {runSnapshotThread, type SnapshotOutcome, type SnapshotThreadRun} from '../engine/run-snapshot-thread.js';

/**
A headless run on the engine's thread, with a progress bar on stderr: Ctrl+C and the watchdog
are heard here at once whatever the workload does.
*/
export const runHeadless = async (request: Omit<SnapshotThreadRun, 'output' | 'onStarted' | 'onProgress' | 'signal'>): Promise<SnapshotOutcome> => {
	const interrupt = new AbortController();
	const onInterrupt = () => {
		interrupt.abort();
	};

	// Until the run says how many ticks it runs, the bar shows a trace's reading (its counting pass).
	const started = performance.now();
	let progress = new ProgressBar(process.stderr, 0, started);
	process.once('SIGINT', onInterrupt);
	const outcome = await runSnapshotThread({
		...request,
		output: process.stderr,
		onStarted(ticks) {
			progress.done();
			progress = new ProgressBar(process.stderr, ticks ?? 0, performance.now());
		},
		onProgress(tick, trace) {
			const now = performance.now();
			if (trace) {
				const {fraction, label} = formatTraceProgress(trace, tick, now - started);
				progress.show(fraction, label, now);
			} else {
				progress.update(tick, now);
			}
		},
		signal: interrupt.signal,
	}).finally(() => {
		progress.done();
		process.off('SIGINT', onInterrupt);
	});
	if (outcome.kind === 'bad-input') {
		throw new BadInput(outcome.message);
	}

	if (outcome.kind === 'failed') {
		throw Object.assign(new Error(outcome.message), outcome.stack ? {stack: outcome.stack} : {});
	}

	return outcome;
};
