// The Trace replay panel (`--trace`): progress, what was skipped, what is live, the top call sites.

import type {SnapshotDocument} from '../../engine/snapshot-types.js';
import {describeTrace, traceTitle} from '../../view/describe-trace.js';
import {FRAME_COLUMNS, FRAME_ROWS, framePanel} from '../../view/frame-panel.js';
import type {ViewFacts} from '../../view/view-facts.js';
import {PanelLines} from './panel-lines.js';
import {memoPanel} from './memo-panel.js';

export type TracePanelProps = {document: SnapshotDocument; facts: ViewFacts; width: number; height?: number};

function drawTracePanel({document, facts, width, height}: TracePanelProps) {
	// framePanel keeps a title one column short of the inner width, so the top edge still shows.
	const title = traceTitle(document, width - FRAME_COLUMNS - 1);
	const content = describeTrace(document, facts, width - FRAME_COLUMNS, height === undefined ? undefined : height - FRAME_ROWS);
	return <PanelLines lines={framePanel(title, content, width, height)} width={width} />;
}

export const TracePanel = memoPanel(drawTracePanel, {
	document: ['run', 'trace'],
	facts: ['workloads'],
});
