// The Subheaps panel: the table of linked subheaps and, below a divider, the recent lifecycle
// (newest first) of subheaps and the backup.

import type {SnapshotDocument} from '../../engine/snapshot-types.js';
import {describeLifecycle} from '../../view/describe-lifecycle.js';
import {describeSubheapRows, subheapHeader, subheapTitle} from '../../view/describe-subheaps.js';
import {FRAME_COLUMNS, FRAME_ROWS, framePanel, ruleLine} from '../../view/frame-panel.js';
import {segment, type StyledLine} from '../../view/styled-line.js';
import type {ViewFacts} from '../../view/view-facts.js';
import {PanelLines} from './panel-lines.js';

export type SubheapsPanelProps = {
	document: SnapshotDocument;
	facts: ViewFacts;
	width: number;
	/** Frame included; natural when undefined. */
	height?: number;
	/** Rows for subheaps; all when undefined. */
	slots?: number;
	lifecycleLines: number;
};

export function SubheapsPanel({document, facts, width, height, slots, lifecycleLines}: SubheapsPanelProps) {
	const inner = width - FRAME_COLUMNS;
	const rows = describeSubheapRows(document, facts, inner, slots);
	// Empty slots stay empty above the divider, so the lifecycle does not move up and down.
	const padding: StyledLine[] = slots === undefined ? [] : Array.from({length: Math.max(0, slots - rows.length)}, () => []);
	const lifecycle = lifecycleLines > 0 ? describeLifecycle(document, inner, lifecycleLines) : [];
	const content = [
		subheapHeader(document, inner),
		...rows,
		...padding,
		...(lifecycleLines > 0 ? [ruleLine('lifecycle', inner), ...(lifecycle.length > 0 ? lifecycle : [[segment('  no events yet', 'dim')]])] : []),
	];
	const title = [segment(subheapTitle(document), 'bold')];
	return <PanelLines lines={framePanel(title, content, width, height ?? content.length + FRAME_ROWS)} width={width} />;
}
