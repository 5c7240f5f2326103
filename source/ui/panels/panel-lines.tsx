// A block of panel lines, `width` columns wide and one row per line.
//
// Memoized on the lines themselves (issue #14): the document is new on every refresh, but most
// panels say the same thing from one refresh to the next (the log, the backup timeline, the
// physical memory): comparing their segments is far cheaper than React rendering them again and
// Ink laying them out and diffing them, so a panel whose lines did not change costs nothing.

import {Box} from 'ink';
import {memo} from 'react';
import {sameLine, segment, type StyledLine} from '../../view/styled-line.js';
import {StyledText} from './styled-text.js';

// An empty Text takes no row in Ink; a blank line must still take its row.
const blankLine: StyledLine = [segment(' ')];

type PanelLinesProps = {lines: StyledLine[]; width: number};

/** Whether two sets of props draw the same: the same width and, line by line, the same segments. */
export const samePanelLines = (previous: PanelLinesProps, next: PanelLinesProps): boolean =>
	previous.width === next.width
	&& previous.lines.length === next.lines.length
	&& previous.lines.every((line, index) => line === next.lines[index] || sameLine(line, next.lines[index]!));

export const PanelLines = memo(function PanelLines({lines, width}: PanelLinesProps) {
	return (
		<Box flexDirection="column" width={width} flexShrink={0}>
			{lines.map((line, index) => (
				// Lines have no identity but their row: the index is the key.
				<StyledText key={index} line={line.length > 0 && line.some((part) => part.text !== '') ? line : blankLine} />
			))}
		</Box>
	);
}, samePanelLines);
