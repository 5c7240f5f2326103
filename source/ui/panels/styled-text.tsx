// One panel line on screen: its segments painted into one string, drawn as one node. Lines come
// fitted to their width from the view layer, so Ink never wraps them.
//
// Ink measures every text node on every frame (string-width over each line; for anything but
// plain ASCII that walks grapheme clusters, the costliest step of a frame) and parses its escape
// codes. So Ink is given plain ASCII of the line's width to measure and lay out, and the painted
// line comes in through <Transform>, which Ink applies after measuring (issue #14: a frame under
// 5 ms). Every glyph kmtop draws is one column wide (styled-line.ts), so the widths agree.

import {Text, Transform} from 'ink';
import {memo, useCallback, useContext} from 'react';
import {lineWidth, sameLine, type StyledLine} from '../../view/styled-line.js';
import {ColourContext, paintLine} from '../tone-style.js';

const PaintedLine = memo(function PaintedLine({text, width}: {text: string; width: number}) {
	const paint = useCallback(() => text, [text]);
	return (
		<Transform transform={paint}>
			<Text>{'x'.repeat(width)}</Text>
		</Transform>
	);
});

// A panel that changed gives all its lines again, most of them as they were: those are not
// painted again (memoized on the segments; a change of colour support still repaints them all).
export const StyledText = memo(
	function StyledText({line}: {line: StyledLine}) {
		const colour = useContext(ColourContext);
		return <PaintedLine text={paintLine(line, colour)} width={lineWidth(line)} />;
	},
	(previous, next) => previous.line === next.line || sameLine(previous.line, next.line),
);
