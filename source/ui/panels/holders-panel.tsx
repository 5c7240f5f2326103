// Who holds the heap: the holders table (describe-holders.ts) in a frame, as a panel of the full
// layout or, with `a`, on the whole screen.

import type {SnapshotDocument} from '../../engine/snapshot-types.js';
import {holderRows, layoutHolders, sortWords, type HolderColumn, type HolderRates} from '../../view/describe-holders.js';
import {FRAME_COLUMNS, FRAME_ROWS, framePanel} from '../../view/frame-panel.js';
import {segment} from '../../view/styled-line.js';
import {PanelLines} from './panel-lines.js';
import {memoPanel} from './memo-panel.js';

export type HoldersPanelProps = {
	document: SnapshotDocument;
	width: number;
	height: number;
	column: HolderColumn;
	rates?: HolderRates;
	selectedId?: number;
	top?: number;
	focused?: boolean;
	/** On the whole screen (`a`): the title says how to go back. */
	screen?: boolean;
};

function drawHoldersPanel({document, width, height, column, rates, selectedId, top, focused = false, screen = false}: HoldersPanelProps) {
	const rows = holderRows(document) ?? [];
	const layout = layoutHolders(document, rows, {width: width - FRAME_COLUMNS, height: height - FRAME_ROWS, column, rates, selectedId, top, fitNames: true});
	const title = [
		segment('Holders', focused || screen ? 'accent' : 'bold'),
		segment(`  who holds the heap, ${sortWords(column)}`, 'dim'),
		...(screen ? [segment('  < > sort · Esc back', 'dim')] : []),
	];
	return <PanelLines lines={framePanel(title, layout.lines, width, height, focused || screen ? 'accent' : 'dim')} width={width} />;
}

export const HoldersPanel = memoPanel(drawHoldersPanel, {
	document: ['heap', 'holders'],
	facts: [],
});
