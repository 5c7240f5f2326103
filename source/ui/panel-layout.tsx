// The panels of a plan (plan-layout.ts): rows and columns of panels, each at the width and height
// the plan gives it. Without heights (a text snapshot) panels take their natural height, and the
// panels of a row take the tallest one's, so their frames line up.

import {Box} from 'ink';
import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {describeKernelLog} from '../view/describe-kernel-log.js';
import {describePhysicalMemory} from '../view/describe-physical-memory.js';
import {FRAME_COLUMNS, FRAME_ROWS} from '../view/frame-panel.js';
import type {LayoutNode, PanelPlan} from '../view/plan-layout.js';
import type {ViewFacts} from '../view/view-facts.js';
import {BackupPanel} from './panels/backup-panel.js';
import {KernelHeapPanel} from './panels/kernel-heap-panel.js';
import {KernelLogPanel} from './panels/kernel-log-panel.js';
import {PhysicalMemoryPanel} from './panels/physical-memory-panel.js';
import {SubheapsPanel} from './panels/subheaps-panel.js';
import {TracePanel} from './panels/trace-panel.js';

export type PanelLayoutProps = {document: SnapshotDocument; facts: ViewFacts; node: LayoutNode};

/** A text snapshot's panel height where the plan leaves it open, for the panels a row lines up. */
const naturalHeight = (plan: PanelPlan, document: SnapshotDocument): number | undefined => {
	switch (plan.panel) {
		case 'kernel-log': {
			return plan.height ?? describeKernelLog(document, plan.width - FRAME_COLUMNS, plan.lines).length + FRAME_ROWS;
		}

		case 'physical': {
			return plan.height ?? describePhysicalMemory(document, plan.width - FRAME_COLUMNS).length + FRAME_ROWS;
		}

		default: {
			return plan.height;
		}
	}
};

function Panel({document, facts, plan}: {document: SnapshotDocument; facts: ViewFacts; plan: PanelPlan}) {
	switch (plan.panel) {
		case 'kernel-heap': {
			return (
				<KernelHeapPanel
					document={document}
					facts={facts}
					width={plan.width}
					height={plan.height}
					compact={plan.compact}
					traceLine={plan.traceLine}
					physicalLine={plan.physicalLine}
				/>
			);
		}

		case 'backup': {
			return <BackupPanel document={document} facts={facts} width={plan.width} height={plan.height} />;
		}

		case 'subheaps': {
			return <SubheapsPanel document={document} facts={facts} width={plan.width} height={plan.height} lifecycle={plan.lifecycle} lifecycleLines={plan.lifecycleLines} />;
		}

		case 'kernel-log': {
			return <KernelLogPanel document={document} width={plan.width} height={naturalHeight(plan, document)!} />;
		}

		case 'physical': {
			return <PhysicalMemoryPanel document={document} width={plan.width} height={plan.height} />;
		}

		case 'trace': {
			return <TracePanel document={document} facts={facts} width={plan.width} height={plan.height} />;
		}
	}
}

export function PanelLayout({document, facts, node}: PanelLayoutProps) {
	if ('panel' in node) {
		return <Panel document={document} facts={facts} plan={node} />;
	}

	let {children} = node;
	if (node.stack === 'row' && children.some((child) => 'panel' in child && child.height === undefined)) {
		const height = Math.max(...children.map((child) => ('panel' in child ? naturalHeight(child, document) ?? 0 : 0)));
		children = children.map((child) => ('panel' in child ? ({...child, height} as PanelPlan) : child));
	}

	return (
		<Box flexDirection={node.stack} flexShrink={0}>
			{children.map((child, index) => (
				// eslint-disable-next-line react/no-array-index-key
				<PanelLayout key={index} document={document} facts={facts} node={child} />
			))}
		</Box>
	);
}
