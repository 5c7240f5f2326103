// The `Subheap #N` view (Enter on a subheap, or `m`): its chunk map, the free runs and the
// fragmentation index, "will it fit" (`k`), on the whole screen until Esc.

import {Box} from 'ink';
import {mapPosition, type SubheapViewLayout} from '../../view/describe-subheap-view.js';
import {FRAME_COLUMNS, FRAME_ROWS, framePanel} from '../../view/frame-panel.js';
import {fitLine, lineWidth, segment, splitLine, type StyledLine} from '../../view/styled-line.js';
import {PanelLines} from './panel-lines.js';

export type SubheapScreenProps = {
	id: number;
	width: number;
	height: number;
	/** The view laid out (explore-geometry.ts), once the engine has sent the subheap's document. */
	layout?: SubheapViewLayout;
	/** Why there is no document to draw. */
	problem?: string;
};

const BORDER = 'accent';

// Each side's line in its frame edge, made once per line: a map row scrolled up is the same
// line as before, so PanelLines finds it painted (framePanel's edges, as it draws them).
const leftEdged = new WeakMap<StyledLine, StyledLine>();
const rightEdged = new WeakMap<StyledLine, StyledLine>();
const edged = (cache: WeakMap<StyledLine, StyledLine>, line: StyledLine, edge: (line: StyledLine) => StyledLine): StyledLine => {
	let framed = cache.get(line);
	if (!framed) {
		framed = edge(line);
		cache.set(line, framed);
	}

	return framed;
};

const withLeftEdge = (line: StyledLine): StyledLine => [segment('│ ', BORDER), ...line];
const withRightEdge = (line: StyledLine): StyledLine => [...line, segment(' │', BORDER)];

/** The map's column and the words' column, each line in its edge of the frame. */
const edgedColumns = ({left, right}: NonNullable<SubheapViewLayout['beside']>): [StyledLine[], StyledLine[]] => [
	left.map((line) => edged(leftEdged, line, withLeftEdge)),
	right.map((line) => edged(rightEdged, line, withRightEdge)),
];

/** The framed lines from `first` to the bottom edge, each cut in two at `cut`. */
const cutColumns = (lines: StyledLine[], first: number, cut: number): [StyledLine[], StyledLine[]] => {
	const split = lines.slice(first, -1).map((line) => splitLine(line, cut));
	return [split.map(([map]) => map), split.map(([, words]) => words)];
};

export function SubheapScreen({id, width, height, layout, problem}: SubheapScreenProps) {
	const title = [
		segment(`Subheap #${id}`, 'accent'),
		...(layout ? [segment(`  ${mapPosition(layout)}`, 'dim')] : []),
		segment('  ↑↓ PgUp PgDn scroll · k will it fit · Esc back', 'dim'),
	];
	const content = layout?.lines ?? [fitLine([segment(` ${problem ?? `asking the engine for subheap #${id}…`}`, problem ? 'warn' : 'dim')], width - FRAME_COLUMNS)];
	if (!layout?.columns) {
		return <PanelLines lines={framePanel(title, content, width, height, BORDER)} width={width} />;
	}

	// The map's column and the words beside it apart: each map row, scrolled, is the same text as
	// it was a row further down (Ink draws a changed row from its texts' pieces), and the words'
	// lines do not change at all (PanelLines draws nothing again). Laid out to the frame's inside
	// (the usual case), the columns come as the layout put them together; else cut from the frame.
	const first = 1 + layout.columns.line;
	const cut = FRAME_COLUMNS / 2 + layout.columns.width;
	const {beside} = layout;
	const inside = beside !== undefined && layout.lines.length === height - FRAME_ROWS && lineWidth(layout.lines[0] ?? []) === width - FRAME_COLUMNS;
	const lines = inside ? framePanel(title, content.slice(0, layout.columns.line), width, undefined, BORDER) : framePanel(title, content, width, height, BORDER);
	const [map, words] = inside ? edgedColumns(beside) : cutColumns(lines, first, cut);
	return (
		<Box flexDirection="column" width={width} flexShrink={0}>
			<PanelLines lines={lines.slice(0, first)} width={width} />
			<Box flexShrink={0}>
				<PanelLines lines={map} width={cut} />
				<PanelLines lines={words} width={width - cut} />
			</Box>
			<PanelLines lines={lines.slice(-1)} width={width} />
		</Box>
	);
}
