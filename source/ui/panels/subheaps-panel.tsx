// The Subheaps panel: the table of linked subheaps with their total and, below a divider, the
// recent lifecycle (newest first) of subheaps and the backup, filling what the rows leave.

import type {SnapshotDocument} from '../../engine/snapshot-types.js';
import {describeSubheapsPanel, subheapTitle} from '../../view/describe-subheaps.js';
import {FRAME_COLUMNS, FRAME_ROWS, framePanel} from '../../view/frame-panel.js';
import {segment} from '../../view/styled-line.js';
import type {ViewFacts} from '../../view/view-facts.js';
import {PanelLines} from './panel-lines.js';

export type SubheapsPanelProps = {
	document: SnapshotDocument;
	facts: ViewFacts;
	width: number;
	/** Frame included; natural when undefined. */
	height?: number;
	/** Where the lifecycle goes: below the table or, on a wide panel, beside it. */
	lifecycle: 'below' | 'beside';
	/** Without a height: the events shown. */
	lifecycleLines?: number;
};

export function SubheapsPanel({document, facts, width, height, lifecycle, lifecycleLines}: SubheapsPanelProps) {
	const content = describeSubheapsPanel(document, facts, width - FRAME_COLUMNS, {
		height: height === undefined ? undefined : height - FRAME_ROWS,
		lifecycle,
		lifecycleLines,
	});
	const title = [segment(subheapTitle(document), 'bold')];
	return <PanelLines lines={framePanel(title, content, width, height ?? content.length + FRAME_ROWS)} width={width} />;
}
