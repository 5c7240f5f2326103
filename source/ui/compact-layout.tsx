// The compact layout (from 60×16 up to the full layout; 80×24 is the case it is made for): the
// essentials stacked at full width, each as tall as the plan allows. Kernel heap with the backup
// on one line (and a trace replay's on the next), Subheaps, then the Kernel log and Physical
// memory & slabs (or the Trace replay) when there is height; a text snapshot ends with the trace.

import {Box} from 'ink';
import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {describeKernelLog} from '../view/describe-kernel-log.js';
import {FRAME_COLUMNS, FRAME_ROWS} from '../view/frame-panel.js';
import type {DashboardPlan} from '../view/plan-layout.js';
import type {ViewFacts} from '../view/view-facts.js';
import {KernelHeapPanel} from './panels/kernel-heap-panel.js';
import {KernelLogPanel} from './panels/kernel-log-panel.js';
import {PhysicalMemoryPanel} from './panels/physical-memory-panel.js';
import {SubheapsPanel} from './panels/subheaps-panel.js';
import {TracePanel} from './panels/trace-panel.js';

export type CompactLayoutProps = {document: SnapshotDocument; facts: ViewFacts; plan: DashboardPlan};

export function CompactLayout({document, facts, plan}: CompactLayoutProps) {
	const width = plan.columns;
	const logHeight =
		plan.height === undefined
			? describeKernelLog(document, width - FRAME_COLUMNS, (plan.logHeight ?? 2) - FRAME_ROWS).length + FRAME_ROWS
			: plan.logHeight ?? 0;
	return (
		<Box flexDirection="column" width={width} flexShrink={0}>
			<KernelHeapPanel compact traceLine={plan.traceLine} document={document} facts={facts} width={width} height={plan.heapHeight} />
			<SubheapsPanel
				document={document}
				facts={facts}
				width={width}
				height={plan.subheaps.height}
				slots={plan.subheaps.slots}
				lifecycleLines={plan.subheaps.lifecycleLines}
			/>
			{logHeight > FRAME_ROWS ? <KernelLogPanel document={document} width={width} height={logHeight} /> : null}
			{plan.physical ? <PhysicalMemoryPanel document={document} width={width} height={plan.bottomHeight || undefined} /> : null}
			{plan.trace === 'bottom' ? <TracePanel document={document} facts={facts} width={width} height={plan.bottomHeight} /> : null}
			{plan.trace === 'section' ? <TracePanel document={document} facts={facts} width={width} /> : null}
		</Box>
	);
}
