// A block of panel lines, `width` columns wide and one row per line, drawn as one Ink text node.
//
// Ink measures, lays out, squashes and walks every text node on every frame, and React reconciles
// every component above it: a node per line (four fibers and two Ink nodes each) made those the
// bulk of a live frame's time (issue #14). So the whole block is one node: Ink is given plain
// ASCII to measure and lay out, as wide as the widest line and as many lines (string-width over
// anything else walks grapheme clusters), and the painted lines come in through <Transform>, which Ink applies after
// measuring, line by line with the line's index (Output#get). Lines come fitted to their width
// from the view layer and every glyph kmtop draws is one column wide (styled-line.ts), so Ink never
// wraps them and the widths agree: the rows are the ones a node per line drew.
//
// Memoized on the lines themselves: the document is new on every refresh, but most panels say the
// same thing from one refresh to the next (the log, the backup timeline, the physical memory), and
// comparing their segments is far cheaper than drawing them again. A panel that changed gives all
// its lines again, most of them as they were: those are not painted again either.

import {Box, Text, Transform} from 'ink';
import {memo, useCallback, useContext, useMemo, useRef} from 'react';
import {lineWidth, sameLine, segment, type StyledLine} from '../../view/styled-line.js';
import {ColourContext, paintLine} from '../tone-style.js';

// An empty line would take no row in a node of its own; a blank line still takes its row.
const blankLine: StyledLine = [segment(' ')];

const shownLine = (line: StyledLine): StyledLine => {
	for (let index = 0; index < line.length; index++) {
		if (line[index]!.text !== '') {
			return line;
		}
	}

	return blankLine;
};

type PanelLinesProps = {lines: StyledLine[]; width: number};

/** Whether two sets of props draw the same: the same width and, line by line, the same segments. */
export const samePanelLines = (previous: PanelLinesProps, next: PanelLinesProps): boolean =>
	previous.width === next.width
	&& previous.lines.length === next.lines.length
	&& previous.lines.every((line, index) => line === next.lines[index] || sameLine(line, next.lines[index]!));

type Painted = {lines: readonly StyledLine[]; colour: boolean; texts: string[]; widths: number[]; placeholder: string};

/**
Each line painted, a line that says what it said in the block's last drawing taken from there:
the line in the same place (compared segment by segment), or the very same line object anywhere
in the block (a scrolled map's rows come again as the objects they were, a row up or down).
*/
const paintLines = (lines: readonly StyledLine[], colour: boolean, last: Painted | undefined): Painted => {
	const previous = last?.colour === colour ? last : undefined;
	const shownLines: StyledLine[] = [];
	const texts: string[] = [];
	const widths: number[] = [];
	let widest = 0;
	for (let index = 0; index < lines.length; index++) {
		const shown = shownLine(lines[index]!);
		const before = previous?.lines[index];
		let place = before !== undefined && (before === shown || sameLine(before, shown)) ? index : -1;
		if (place < 0 && previous) {
			// A block is a panel's rows, a few dozen at most: a scan finds the line sooner than a
			// Map of them is made (one for every block that changed, every frame).
			place = previous.lines.indexOf(shown);
		}

		shownLines.push(shown);
		texts.push(place < 0 ? paintLine(shown, colour) : previous!.texts[place]!);
		const width = place < 0 ? lineWidth(shown) : previous!.widths[place]!;
		widths.push(width);
		widest = Math.max(widest, width);
	}

	// What Ink measures is the widest line and the number of lines, and the painted lines replace
	// every line whatever it says: so one line of x's as wide as the widest, and empty lines below
	// (Ink squashes, sanitizes, measures and splits this text every frame; a panel's worth of x's
	// was all that work for nothing).
	return {lines: shownLines, colour, texts, widths, placeholder: 'x'.repeat(widest) + '\n'.repeat(Math.max(0, shownLines.length - 1))};
};

export const PanelLines = memo(function PanelLines({lines, width}: PanelLinesProps) {
	const colour = useContext(ColourContext);
	const last = useRef<Painted | undefined>(undefined);
	const painted = useMemo(() => {
		last.current = paintLines(lines, colour, last.current);
		return last.current;
	}, [lines, colour]);
	const {texts} = painted;
	const paint = useCallback((_: string, index: number) => texts[index] ?? '', [texts]);
	return (
		<Box flexDirection="column" width={width} flexShrink={0}>
			<Transform transform={paint}>
				<Text>{painted.placeholder}</Text>
			</Transform>
		</Box>
	);
}, samePanelLines);
