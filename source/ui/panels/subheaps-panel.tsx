// The Subheaps panel: the table of linked subheaps with their total and, below a divider, the
// recent lifecycle (newest first) of subheaps and the backup, filling what the rows leave. Live,
// the table has a selected row and the lifecycle scrolls (explore-state.ts); the focused part's
// edge is highlighted.

import type {SnapshotDocument} from '../../engine/snapshot-types.js';
import {describeSubheapsPanel, subheapTitle, type SubheapsExplore} from '../../view/describe-subheaps.js';
import {FRAME_COLUMNS, FRAME_ROWS, framePanel} from '../../view/frame-panel.js';
import {segment} from '../../view/styled-line.js';
import type {ViewFacts} from '../../view/view-facts.js';
import {PanelLines} from './panel-lines.js';
import {memoPanel} from './memo-panel.js';

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
	explore?: SubheapsExplore;
};

function drawSubheapsPanel({document, facts, width, height, lifecycle, lifecycleLines, explore}: SubheapsPanelProps) {
	const content = describeSubheapsPanel(document, facts, width - FRAME_COLUMNS, {
		height: height === undefined ? undefined : height - FRAME_ROWS,
		lifecycle,
		lifecycleLines,
		...(explore ? {explore} : {}),
	});
	const focused = explore?.focus === 'subheaps';
	const title = [segment(subheapTitle(document), focused ? 'accent' : 'bold')];
	return <PanelLines lines={framePanel(title, content, width, height ?? content.length + FRAME_ROWS, focused ? 'accent' : 'dim')} width={width} />;
}

export const SubheapsPanel = memoPanel(drawSubheapsPanel, {
	document: ['run', 'heap', 'memstat', 'subheaps', 'retiredSubheaps', 'events'],
	facts: [],
});
