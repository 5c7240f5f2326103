// The footer: workloads and their numbers, the main keys, the status line; live, the keys of
// what has the focus, or the line being typed.

import type {SnapshotDocument} from '../../engine/snapshot-types.js';
import {describeFooter} from '../../view/describe-footer.js';
import type {ViewFacts} from '../../view/view-facts.js';
import {footerExplore} from '../explore-hints.js';
import type {ExploreState} from '../explore-state.js';
import {PanelLines} from './panel-lines.js';

export type FooterBarProps = {document: SnapshotDocument; facts: ViewFacts; width: number; lines: 1 | 2; explore?: ExploreState};

export function FooterBar({document, facts, width, lines, explore}: FooterBarProps) {
	return <PanelLines lines={describeFooter(document, facts, width, lines, explore ? footerExplore(explore) : {})} width={width} />;
}
