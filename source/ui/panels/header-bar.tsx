// The header line: kmtop, revision and commit, workload, seed, rate, tick, and the badges.

import type {SnapshotDocument} from '../../engine/snapshot-types.js';
import {describeHeader} from '../../view/describe-header.js';
import type {ViewFacts} from '../../view/view-facts.js';
import {PanelLines} from './panel-lines.js';

export type HeaderBarProps = {document: SnapshotDocument; facts: ViewFacts; width: number};

export function HeaderBar({document, facts, width}: HeaderBarProps) {
	return <PanelLines lines={[describeHeader(document, facts, width)]} width={width} />;
}
