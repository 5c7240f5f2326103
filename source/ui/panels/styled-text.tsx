// One panel line on screen: its segments painted into one string, drawn as one Text. Lines come
// fitted to their width from the view layer, so Ink never wraps them. One Text a line (not one
// per segment) and a memo on the painted string keep a frame cheap: Ink's cost grows with the
// nodes it walks and the escape codes it parses (issue #7: under 5 ms a frame).

import {Text} from 'ink';
import {memo, useContext} from 'react';
import type {StyledLine} from '../../view/styled-line.js';
import {ColourContext, paintLine} from '../tone-style.js';

const PaintedLine = memo(function PaintedLine({text}: {text: string}) {
	return <Text wrap="truncate">{text}</Text>;
});

export function StyledText({line}: {line: StyledLine}) {
	const colour = useContext(ColourContext);
	return <PaintedLine text={paintLine(line, colour)} />;
}
