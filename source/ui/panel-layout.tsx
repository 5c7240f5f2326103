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
import {holderRatesOf} from '../view/describe-holders.js';
import type {ExploreView} from './explore-state.js';
import {HoldersPanel} from './panels/holders-panel.js';
import {BackupPanel} from './panels/backup-panel.js';
import {KernelHeapPanel} from './panels/kernel-heap-panel.js';
import {KernelLogPanel} from './panels/kernel-log-panel.js';
import {PhysicalMemoryPanel} from './panels/physical-memory-panel.js';
import {SubheapsPanel} from './panels/subheaps-panel.js';
import {TracePanel} from './panels/trace-panel.js';

export type PanelLayoutProps = {
	document: SnapshotDocument;
	facts: ViewFacts;
	node: LayoutNode;
	/** Live: the focus, the selections and where the lists are (explore-state.ts). */
	explore?: ExploreView;
};

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

function Panel({document, facts, plan, explore}: {document: SnapshotDocument; facts: ViewFacts; plan: PanelPlan; explore?: ExploreView}) {
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
			return (
				<SubheapsPanel
					document={document}
					facts={facts}
					width={plan.width}
					height={plan.height}
					lifecycle={plan.lifecycle}
					lifecycleLines={plan.lifecycleLines}
					{...(explore ? {explore: explore.subheaps} : {})}
				/>
			);
		}

		case 'kernel-log': {
			return (
				<KernelLogPanel
					document={document}
					width={plan.width}
					height={naturalHeight(plan, document)!}
					{...(explore ? {log: explore.log, focused: explore.focus === 'kernel-log'} : {})}
				/>
			);
		}

		case 'physical': {
			return <PhysicalMemoryPanel document={document} width={plan.width} height={plan.height} />;
		}

		case 'trace': {
			return <TracePanel document={document} facts={facts} width={plan.width} height={plan.height} />;
		}

		case 'holders': {
			const holders = explore?.holders;
			return (
				<HoldersPanel
					document={document}
					width={plan.width}
					height={plan.height}
					column={holders?.column ?? 'bytes'}
					rates={holderRatesOf(facts)}
					selectedId={holders?.id}
					top={holders?.top}
					focused={explore?.focus === 'holders'}
				/>
			);
		}
	}
}

export function PanelLayout({document, facts, node, explore}: PanelLayoutProps) {
	if ('panel' in node) {
		return <Panel document={document} facts={facts} plan={node} explore={explore} />;
	}

	let {children} = node;
	if (node.stack === 'row' && children.some((child) => 'panel' in child && child.height === undefined)) {
		const height = Math.max(...children.map((child) => ('panel' in child ? naturalHeight(child, document) ?? 0 : 0)));
		children = children.map((child) => ('panel' in child ? {...child, height} : child));
	}

	return (
		<Box flexDirection={node.stack} flexShrink={0}>
			{children.map((child, index) => (
				// The plan is fixed for a layout: a child is its position in it.
				<PanelLayout key={index} document={document} facts={facts} node={child} explore={explore} />
			))}
		</Box>
	);
}
