// The Physical memory & slabs panel.

import type {SnapshotDocument} from '../../engine/snapshot-types.js';
import {describePhysicalMemory} from '../../view/describe-physical-memory.js';
import {FRAME_COLUMNS, FRAME_ROWS, framePanel} from '../../view/frame-panel.js';
import {segment} from '../../view/styled-line.js';
import {PanelLines} from './panel-lines.js';
import {memoPanel} from './memo-panel.js';

export type PhysicalMemoryPanelProps = {document: SnapshotDocument; width: number; height?: number};

function drawPhysicalMemoryPanel({document, width, height}: PhysicalMemoryPanelProps) {
	const content = describePhysicalMemory(document, width - FRAME_COLUMNS, height === undefined ? undefined : height - FRAME_ROWS);
	return <PanelLines lines={framePanel([segment('Physical memory & slabs', 'bold')], content, width, height)} width={width} />;
}

export const PhysicalMemoryPanel = memoPanel(drawPhysicalMemoryPanel, {
	document: ['memstat', 'regions', 'slabs'],
	facts: [],
});
