// The footer: workloads and their numbers, the main keys, the status line; live, the keys of
// what has the focus, or the line being typed.
//
// The footer says the same from one refresh to the next almost always, while the document it is
// given is new each time: it is drawn from what it reads of it (footerInput) and drawn again only
// when that, the width or the exploring's keys change.

import {memo} from 'react';
import type {SnapshotDocument} from '../../engine/snapshot-types.js';
import {describeFooterOf, footerInput, sameFooterInput, type FooterExplore, type FooterInput} from '../../view/describe-footer.js';
import type {ViewFacts} from '../../view/view-facts.js';
import {footerExplore} from '../explore-hints.js';
import type {ExploreState} from '../explore-state.js';
import {PanelLines} from './panel-lines.js';

export type FooterBarProps = {document: SnapshotDocument; facts: ViewFacts; width: number; lines: 1 | 2; explore?: ExploreState};

type FooterLinesProps = {input: FooterInput; hints: FooterExplore; width: number; lines: 1 | 2};

const sameKeys = (a: FooterExplore['keys'], b: FooterExplore['keys']): boolean =>
	a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every(([key, action], index) => key === b[index]![0] && action === b[index]![1]));

const sameHints = (a: FooterExplore, b: FooterExplore): boolean =>
	a.prompt?.text === b.prompt?.text && a.prompt?.enter === b.prompt?.enter && sameKeys(a.keys, b.keys) && sameKeys(a.idleKeys, b.idleKeys);

const FooterLines = memo(
	function FooterLines({input, hints, width, lines}: FooterLinesProps) {
		return <PanelLines lines={describeFooterOf(input, width, lines, hints)} width={width} />;
	},
	(previous, next) =>
		previous.width === next.width && previous.lines === next.lines && sameFooterInput(previous.input, next.input) && sameHints(previous.hints, next.hints),
);

export function FooterBar({document, facts, width, lines, explore}: FooterBarProps) {
	return <FooterLines input={footerInput(document, facts)} hints={explore ? footerExplore(explore, Boolean(document.panic), facts.comparison !== undefined) : {}} width={width} lines={lines} />;
}
