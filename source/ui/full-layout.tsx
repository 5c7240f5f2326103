// The full layout's panels (≥ 100×32; 120×40 is the reference): Kernel heap | Backup region,
// Subheaps with the lifecycle, Kernel log | Physical memory & slabs (or the Trace replay, live).
// Heights come from the plan; without one (a text snapshot) the bottom row takes the taller
// panel's natural height, and a trace replay follows at full width.

import {Box} from 'ink';
import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {describeKernelLog} from '../view/describe-kernel-log.js';
import {describePhysicalMemory} from '../view/describe-physical-memory.js';
import {FRAME_COLUMNS, FRAME_ROWS} from '../view/frame-panel.js';
import type {DashboardPlan} from '../view/plan-layout.js';
import type {ViewFacts} from '../view/view-facts.js';
import {BackupPanel} from './panels/backup-panel.js';
import {KernelHeapPanel} from './panels/kernel-heap-panel.js';
import {KernelLogPanel} from './panels/kernel-log-panel.js';
import {PhysicalMemoryPanel} from './panels/physical-memory-panel.js';
import {SubheapsPanel} from './panels/subheaps-panel.js';
import {TracePanel} from './panels/trace-panel.js';

export type FullLayoutProps = {document: SnapshotDocument; facts: ViewFacts; plan: DashboardPlan};

const naturalBottomHeight = (document: SnapshotDocument, plan: DashboardPlan): number => {
	const log = describeKernelLog(document, plan.leftWidth - FRAME_COLUMNS, (plan.logHeight ?? 2) - FRAME_ROWS).length;
	const physical = describePhysicalMemory(document, plan.rightWidth - FRAME_COLUMNS).length;
	return Math.max(log, physical) + FRAME_ROWS;
};

export function FullLayout({document, facts, plan}: FullLayoutProps) {
	const bottomHeight = plan.bottomHeight ?? naturalBottomHeight(document, plan);
	return (
		<Box flexDirection="column" width={plan.columns} flexShrink={0}>
			<Box flexDirection="row">
				<KernelHeapPanel document={document} facts={facts} width={plan.leftWidth} height={plan.heapHeight} />
				<BackupPanel document={document} facts={facts} width={plan.rightWidth} height={plan.heapHeight} />
			</Box>
			<SubheapsPanel
				document={document}
				facts={facts}
				width={plan.columns}
				height={plan.subheaps.height}
				slots={plan.subheaps.slots}
				lifecycleLines={plan.subheaps.lifecycleLines}
			/>
			<Box flexDirection="row">
				<KernelLogPanel document={document} width={plan.leftWidth} height={bottomHeight} />
				{plan.trace === 'bottom' ? (
					<TracePanel document={document} facts={facts} width={plan.rightWidth} height={bottomHeight} />
				) : (
					<PhysicalMemoryPanel document={document} width={plan.rightWidth} height={bottomHeight} />
				)}
			</Box>
			{plan.trace === 'section' ? <TracePanel document={document} facts={facts} width={plan.columns} /> : null}
		</Box>
	);
}
