// The help overlay (`?`): the keys beside what each revision changed, or one above the other
// when the terminal is narrow. It takes the place of the panels until a key is pressed.

import {Box} from 'ink';
import type {SnapshotDocument} from '../../engine/snapshot-types.js';
import {describeHelpKeys, describeHelpKeysCompact, describeRevisionChanges} from '../../view/describe-help.js';
import {FRAME_COLUMNS, FRAME_ROWS, framePanel} from '../../view/frame-panel.js';
import {segment} from '../../view/styled-line.js';
import {PanelLines} from './panel-lines.js';

export type HelpOverlayProps = {document: SnapshotDocument; width: number; height?: number; workloads?: string[]};

const KEYS_WIDTH = 50;
/** The keys in two columns (describeHelpKeysCompact): a few words each, unwrapped from 56 columns inside. */
const COMPACT_KEYS_WIDTH = 60;
/** From here the keys and the revisions stand side by side. */
const SIDE_BY_SIDE_WIDTH = 120;

export function HelpOverlay({document, width, height, workloads = []}: HelpOverlayProps) {
	const title = [segment('Help', 'bold'), segment('  any key closes', 'dim')];
	const inner = height === undefined ? undefined : height - FRAME_ROWS;
	if (width >= SIDE_BY_SIDE_WIDTH) {
		// The workloads are in the footer too: they go first when the keys need the height.
		const keyWidth = KEYS_WIDTH - FRAME_COLUMNS;
		const keys = [
			describeHelpKeys(keyWidth, workloads),
			describeHelpKeys(keyWidth),
			describeHelpKeys(keyWidth, workloads, 'line'),
			describeHelpKeys(keyWidth, [], 'line'),
		].find(
			(lines) => inner === undefined || lines.length <= inner,
		);
		// Short of height, the keys go in two columns, which need a wider panel to stay unwrapped.
		const left = keys ? KEYS_WIDTH : COMPACT_KEYS_WIDTH;
		const right = width - left;
		return (
			<Box flexDirection="row" width={width}>
				<PanelLines lines={framePanel(title, keys ?? describeHelpKeysCompact(left - FRAME_COLUMNS), left, height)} width={left} />
				<PanelLines
					lines={framePanel([segment('What each revision changed', 'bold')], describeRevisionChanges(document, right - FRAME_COLUMNS, inner), right, height)}
					width={right}
				/>
			</Box>
		);
	}

	// Narrow: the full key list when there is height for it and the revisions, else two columns.
	const full = describeHelpKeys(width - FRAME_COLUMNS, workloads);
	const line = describeHelpKeys(width - FRAME_COLUMNS, workloads, 'line');
	const keys = inner === undefined || full.length + 10 <= inner ? full : line.length + 10 <= inner ? line : describeHelpKeysCompact(width - FRAME_COLUMNS);
	// The blank line between the two goes first when only one line is left for the revisions.
	const gap = inner !== undefined && inner - keys.length < 2 ? 0 : 1;
	const revisions = describeRevisionChanges(document, width - FRAME_COLUMNS, inner === undefined ? undefined : Math.max(0, inner - keys.length - gap));
	return <PanelLines lines={framePanel(title, [...keys, ...(gap ? [[]] : []), ...revisions], width, height)} width={width} />;
}
