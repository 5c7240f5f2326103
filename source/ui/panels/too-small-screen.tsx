// Below the minimum size: one message (and q still quits), wrapped to whatever width there is.

import {Box, Text} from 'ink';
import {MIN_COLUMNS, MIN_ROWS} from '../../view/plan-layout.js';
import {wrapText} from '../../view/wrap-text.js';

export type TooSmallScreenProps = {columns: number; rows: number};

export const tooSmallMessage = (columns: number, rows: number): string =>
	`terminal too small: need ${MIN_COLUMNS}x${MIN_ROWS}, have ${columns}x${rows}`;

export function TooSmallScreen({columns, rows}: TooSmallScreenProps) {
	const lines = [...wrapText(tooSmallMessage(columns, rows), Math.max(1, columns)), ...wrapText('q quits', Math.max(1, columns))];
	// One line short of the terminal, like every frame.
	const shown = lines.slice(0, Math.max(1, rows - 1));
	return (
		<Box flexDirection="column" width={Math.max(1, columns)}>
			{shown.map((line, index) => (
				// Rows are positional: a row is its index, whatever it shows this frame.
				<Text key={index} wrap="truncate">
					{line}
				</Text>
			))}
		</Box>
	);
}
