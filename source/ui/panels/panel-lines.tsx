// A block of panel lines, `width` columns wide and one row per line.

import {Box} from 'ink';
import {segment, type StyledLine} from '../../view/styled-line.js';
import {StyledText} from './styled-text.js';

// An empty Text takes no row in Ink; a blank line must still take its row.
const blankLine: StyledLine = [segment(' ')];

export function PanelLines({lines, width}: {lines: StyledLine[]; width: number}) {
	return (
		<Box flexDirection="column" width={width} flexShrink={0}>
			{lines.map((line, index) => (
				// Rows are positional: a row is its index, whatever it shows this frame.
				<StyledText key={index} line={line.length > 0 && line.some((part) => part.text !== '') ? line : blankLine} />
			))}
		</Box>
	);
}
