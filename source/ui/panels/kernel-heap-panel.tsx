// The Kernel heap panel: SystemMonitor's lines, the bar, rates and sparklines. In the compact
// layout it also carries the backup region on one line, a trace replay's on another, and
// Physical memory & slabs' on a third when they have no panel.

import type {SnapshotDocument} from '../../engine/snapshot-types.js';
import {describeBackupCompact} from '../../view/describe-backup.js';
import {describeKernelHeap, describeKernelHeapCompact, kernelHeapGraphSpan} from '../../view/describe-kernel-heap.js';
import {axisBorder} from '../../view/describe-time-axis.js';
import {describePhysicalMemoryLine} from '../../view/describe-physical-memory.js';
import {describeTraceCompact} from '../../view/describe-trace.js';
import {FRAME_COLUMNS, framePanel} from '../../view/frame-panel.js';
import {segment} from '../../view/styled-line.js';
import type {ViewFacts} from '../../view/view-facts.js';
import {PanelLines} from './panel-lines.js';
import {memoPanel} from './memo-panel.js';

export type KernelHeapPanelProps = {
	document: SnapshotDocument;
	facts: ViewFacts;
	width: number;
	height?: number;
	/** The compact variant: four lines and the backup line. */
	compact?: boolean;
	/** Compact: the trace replay's line below the backup's. */
	traceLine?: boolean;
	/** Compact: Physical memory & slabs in one line, for a layout with no panel for them. */
	physicalLine?: boolean;
};

function drawKernelHeapPanel({document, facts, width, height, compact = false, traceLine = false, physicalLine = false}: KernelHeapPanelProps) {
	const inner = width - FRAME_COLUMNS;
	const content = compact
		? [
				...describeKernelHeapCompact(document, facts, inner),
				describeBackupCompact(document, facts, inner),
				...(traceLine ? [describeTraceCompact(document, facts, inner)] : []),
				...(physicalLine ? [describePhysicalMemoryLine(document, inner)] : []),
			]
		: describeKernelHeap(document, facts, inner);
	const title = [segment('Kernel heap', 'bold'), segment(`  ${document.heap.subheapCount} ${document.heap.subheapCount === 1 ? 'subheap' : 'subheaps'}`, 'dim')];
	const lines = framePanel(title, content, width, height);
	// The graphs' time axis in the bottom edge, under the sparklines (describe-time-axis.ts).
	const span = kernelHeapGraphSpan(document, facts, width, compact);
	if (span) {
		lines[lines.length - 1] = axisBorder(width, span);
	}

	return <PanelLines lines={lines} width={width} />;
}

export const KernelHeapPanel = memoPanel(drawKernelHeapPanel, {
	document: ['run', 'heap', 'systemMonitor', 'memstat', 'history', 'panic', 'backup', 'events', 'slabs', 'regions', 'trace'],
	facts: ['kmallocPerSecond', 'kfreePerSecond', 'graphWindow', 'workloads'],
});
