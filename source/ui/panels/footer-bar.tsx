// The footer: workloads and their numbers, the main keys, the status line.

import type {SnapshotDocument} from '../../engine/snapshot-types.js';
import {describeFooter} from '../../view/describe-footer.js';
import type {ViewFacts} from '../../view/view-facts.js';
import {PanelLines} from './panel-lines.js';

export type FooterBarProps = {document: SnapshotDocument; facts: ViewFacts; width: number; lines: 1 | 2};

export function FooterBar({document, facts, width, lines}: FooterBarProps) {
	return <PanelLines lines={describeFooter(document, facts, width, lines)} width={width} />;
}
