// The Backup region panel: state, counts, last use and replacement, and the event strip.

import type {SnapshotDocument} from '../../engine/snapshot-types.js';
import {describeBackup} from '../../view/describe-backup.js';
import {FRAME_COLUMNS, framePanel} from '../../view/frame-panel.js';
import {segment} from '../../view/styled-line.js';
import type {ViewFacts} from '../../view/view-facts.js';
import {PanelLines} from './panel-lines.js';
import {memoPanel} from './memo-panel.js';

export type BackupPanelProps = {document: SnapshotDocument; facts: ViewFacts; width: number; height?: number};

function drawBackupPanel({document, facts, width, height}: BackupPanelProps) {
	const content = describeBackup(document, facts, width - FRAME_COLUMNS);
	return <PanelLines lines={framePanel([segment('Backup region', 'bold')], content, width, height)} width={width} />;
}

export const BackupPanel = memoPanel(drawBackupPanel, {
	document: ['run', 'backup', 'events', 'history', 'panic'],
	facts: ['graphWindow'],
});
