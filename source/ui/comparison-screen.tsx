// `c`: the body of the screen while comparing this boot's revision with the next, two framed
// columns under a line that says how far along the pair is and where it first parted.

import {Box} from 'ink';
import type {ComparisonFacts} from '../engine/live-comparison.js';
import {describeComparisonColumns, describeComparisonStatus, describeComparisonTitles} from '../view/describe-comparison.js';
import {FRAME_COLUMNS, FRAME_ROWS, framePanel} from '../view/frame-panel.js';
import {PanelLines} from './panels/panel-lines.js';

export type ComparisonScreenProps = {comparison: ComparisonFacts; width: number; height?: number};

export function ComparisonScreen({comparison, width, height}: ComparisonScreenProps) {
	const leftWidth = Math.floor(width / 2);
	const rightWidth = width - leftWidth;
	const panelHeight = height === undefined ? undefined : Math.max(3, height - 1);
	const columns = describeComparisonColumns(comparison, Math.min(leftWidth, rightWidth) - FRAME_COLUMNS, panelHeight === undefined ? undefined : panelHeight - FRAME_ROWS);
	const [left, right] = comparison.sides;
	const [leftTitle, rightTitle] = describeComparisonTitles(left.revision, right.revision, [leftWidth, rightWidth]);
	return (
		<Box flexDirection="column" width={width}>
			<PanelLines lines={[describeComparisonStatus(comparison, width)]} width={width} />
			<Box flexDirection="row">
				<PanelLines lines={framePanel(leftTitle, columns[0], leftWidth, panelHeight)} width={leftWidth} />
				<PanelLines lines={framePanel(rightTitle, columns[1], rightWidth, panelHeight)} width={rightWidth} />
			</Box>
		</Box>
	);
}
