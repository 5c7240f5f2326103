// One panel line on screen: its segments as nested Text with their tone's style. Lines come
// fitted to their width from the view layer, so Ink never wraps them.

import {Text} from 'ink';
import {useContext} from 'react';
import type {StyledLine} from '../../view/styled-line.js';
import {ColourContext, toneStyles} from '../tone-style.js';

export function StyledText({line}: {line: StyledLine}) {
	const colour = useContext(ColourContext);
	return (
		<Text wrap="truncate">
			{line.map((part, index) => (
				// Segments of a line never reorder, so their position is their identity.
				// eslint-disable-next-line react/no-array-index-key
				<Text key={index} {...(colour ? toneStyles[part.tone] : {})}>
					{part.text}
				</Text>
			))}
		</Text>
	);
}
