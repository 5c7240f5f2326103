// The panic screen: what the console printed, what led there, and the keys that still work.

import type {SnapshotDocument} from '../../engine/snapshot-types.js';
import {describePanic, panicTitle} from '../../view/describe-panic.js';
import {FRAME_COLUMNS, FRAME_ROWS, framePanel} from '../../view/frame-panel.js';
import {segment} from '../../view/styled-line.js';
import type {ViewFacts} from '../../view/view-facts.js';
import {PanelLines} from './panel-lines.js';

export type PanicScreenProps = {document: SnapshotDocument; facts: ViewFacts; width: number; height?: number};

export function PanicScreen({document, facts, width, height}: PanicScreenProps) {
	if (!document.panic) {
		return null;
	}

	const content = describePanic(document, facts, width - FRAME_COLUMNS, height === undefined ? undefined : height - FRAME_ROWS);
	const title = [segment(panicTitle(document, document.panic), 'alarm')];
	return <PanelLines lines={framePanel(title, content, width, height, 'alarm')} width={width} />;
}
