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
/** From here the keys and the revisions stand side by side. */
const SIDE_BY_SIDE_WIDTH = 120;

export function HelpOverlay({document, width, height, workloads = []}: HelpOverlayProps) {
	const title = [segment('Help', 'bold'), segment('  any key closes', 'dim')];
	const inner = height === undefined ? undefined : height - FRAME_ROWS;
	if (width >= SIDE_BY_SIDE_WIDTH) {
		const right = width - KEYS_WIDTH;
		// The workloads are in the footer too: they go first when the keys need the height.
		const keys = [describeHelpKeys(KEYS_WIDTH - FRAME_COLUMNS, workloads), describeHelpKeys(KEYS_WIDTH - FRAME_COLUMNS)].find(
			(lines) => inner === undefined || lines.length <= inner,
		);
		return (
			<Box flexDirection="row" width={width}>
				<PanelLines lines={framePanel(title, keys ?? describeHelpKeysCompact(KEYS_WIDTH - FRAME_COLUMNS), KEYS_WIDTH, height)} width={KEYS_WIDTH} />
				<PanelLines
					lines={framePanel([segment('What each revision changed', 'bold')], describeRevisionChanges(document, right - FRAME_COLUMNS, inner), right, height)}
					width={right}
				/>
			</Box>
		);
	}

	// Narrow: the full key list when there is height for it and the revisions, else two columns.
	const full = describeHelpKeys(width - FRAME_COLUMNS, workloads);
	const keys = inner === undefined || full.length + 10 <= inner ? full : describeHelpKeysCompact(width - FRAME_COLUMNS);
	const revisions = describeRevisionChanges(document, width - FRAME_COLUMNS, inner === undefined ? undefined : Math.max(0, inner - keys.length - 1));
	return <PanelLines lines={framePanel(title, [...keys, [], ...revisions], width, height)} width={width} />;
}
