// The header line: kmtop, revision and commit, workload, seed, rate, tick, and the badges.

import type {SnapshotDocument} from '../../engine/snapshot-types.js';
import {describeHeader} from '../../view/describe-header.js';
import type {ViewFacts} from '../../view/view-facts.js';
import {PanelLines} from './panel-lines.js';
import {memoPanel} from './memo-panel.js';

export type HeaderBarProps = {document: SnapshotDocument; facts: ViewFacts; width: number};

// Worked out again only when what it is drawn from changes (not when only the body below moves).
function drawHeaderBar({document, facts, width}: HeaderBarProps) {
	return <PanelLines lines={[describeHeader(document, facts, width)]} width={width} />;
}

export const HeaderBar = memoPanel(drawHeaderBar, {
	document: ['run', 'panic'],
	facts: ['live', 'rate', 'achievedRate', 'paused', 'frozen', 'workloads', 'time', 'replay', 'engine'],
});
