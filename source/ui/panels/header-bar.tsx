// The header line: kmtop, revision and commit, workload, seed, rate, tick, and the badges.

import {memo} from 'react';
import type {SnapshotDocument} from '../../engine/snapshot-types.js';
import {describeHeader} from '../../view/describe-header.js';
import type {ViewFacts} from '../../view/view-facts.js';
import {PanelLines} from './panel-lines.js';

export type HeaderBarProps = {document: SnapshotDocument; facts: ViewFacts; width: number};

// Worked out again only when what it is drawn from changes (not when only the body below moves).
export const HeaderBar = memo(function HeaderBar({document, facts, width}: HeaderBarProps) {
	return <PanelLines lines={[describeHeader(document, facts, width)]} width={width} />;
});
