// `kmtop snapshot` (and `--replay FILE`): one headless run, written as JSON, text or a subheap's map.

import process from 'node:process';
import type {ParseContext, RunPlan} from './parse-arguments.js';
import {replayTarget} from './read-recording.js';
import {BadInput} from './report-problem.js';
import {checkOutput, loadRecording, runOptions, startOf, workloadSource, writeOutput} from './resolve-run.js';
import {runHeadless} from './run-headless.js';
import {describeMade, withMade} from '../engine/describe-made.js';
import type {SubheapOutcome} from '../engine/run-snapshot-thread.js';
import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {escapeText} from '../view/escape-text.js';

export const snapshotCommand = async (plan: RunPlan, context: ParseContext): Promise<number> => {
	checkOutput(plan);
	const recording = plan.replay === null ? undefined : loadRecording(plan.replay, context);
	const target = recording ? replayTarget(recording, plan.replay!, plan.boot, plan.ticks) : undefined;
	const run = recording ? {seed: recording.seed, revision: recording.revision, ramBytes: recording.ramBytes, debugAsserts: recording.debugAsserts} : runOptions(plan);
	const outcome = await runHeadless({
		run,
		workload: recording?.workload ?? workloadSource(plan),
		ticks: target?.tick ?? plan.ticks,
		...(plan.panel === 'map' ? {subheap: plan.subheap ?? 0} : {}),
		...(recording ? {journal: recording.journal, boot: target!.boot} : {}),
		tickTimeoutMs: plan.tickTimeoutMs,
	});
	if (outcome.kind !== 'document') {
		return 130;
	}

	if (plan.panel === 'map') {
		await writeOutput(plan, `${await renderMapPanel(outcome.subheap, plan)}\n`);
		return 0;
	}

	const made = describeMade({
		by: recording ? 'replay' : 'snapshot',
		seed: run.seed,
		ramBytes: run.ramBytes,
		start: recording ? {revision: recording.revision, workload: recording.workload, debugAsserts: recording.debugAsserts} : startOf(plan),
		journal: recording?.journal ?? [],
		boot: target?.boot ?? 1,
		tick: outcome.document.run.tick,
		...(recording ? {recordingFile: plan.replay!} : {}),
	});
	const document = withMade(outcome.document, made);
	if (plan.format === 'json') {
		await writeOutput(plan, `${JSON.stringify(document, null, 2)}\n`);
	} else {
		const {renderTextSnapshot} = await import('../ui/render-text-snapshot.js');
		await writeOutput(plan, `${renderTextSnapshot(document, {columns: plan.columns})}\n`);
	}

	return traceCutShort(document, plan) ? 1 : 0;
};

/**
A trace replay that stopped before its end without being asked to (no --ticks) is not a success,
though the document was written and says why; a kernel panic is a result, exit 0 (its `panic`).
*/
const traceCutShort = (document: SnapshotDocument, plan: RunPlan): boolean => {
	const {trace} = document;
	if (!trace || trace.finished || plan.ticks !== null || document.panic !== null) {
		return false;
	}

	process.stderr.write(`kmtop: ${escapeText(`the trace replay stopped after ${trace.eventsSeen.toLocaleString('en-US')} events: ${trace.stopped ?? 'before its end'}`)}\n`);
	return true;
};

/** `--panel map`: one subheap's chunk map, free runs and index, as text. */
const renderMapPanel = async (subheap: SubheapOutcome | undefined, plan: RunPlan): Promise<string> => {
	const id = plan.subheap ?? 0;
	if (!subheap || 'missing' in subheap) {
		const {tick, linked} = subheap?.missing ?? {tick: 0, linked: []};
		throw new BadInput(`--subheap ${id}: no subheap #${id} is linked at tick ${tick}; linked subheaps: ${linked.join(', ')}`);
	}

	const {renderTextMap} = await import('../ui/render-text-map.js');
	return renderTextMap(subheap.document, {columns: plan.columns});
};
