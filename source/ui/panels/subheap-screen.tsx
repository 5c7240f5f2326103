// The `Subheap #N` view (Enter on a subheap, or `m`): its chunk map, the free runs and the
// fragmentation index, "will it fit" (`k`), on the whole screen until Esc.

import {Box} from 'ink';
import {mapPosition, type SubheapViewLayout} from '../../view/describe-subheap-view.js';
import {FRAME_COLUMNS, framePanel} from '../../view/frame-panel.js';
import {fitLine, segment, splitLine} from '../../view/styled-line.js';
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

export function SubheapScreen({id, width, height, layout, problem}: SubheapScreenProps) {
	const title = [
		segment(`Subheap #${id}`, 'accent'),
		...(layout ? [segment(`  ${mapPosition(layout)}`, 'dim')] : []),
		segment('  ↑↓ PgUp PgDn scroll · k will it fit · Esc back', 'dim'),
	];
	const content = layout?.lines ?? [fitLine([segment(` ${problem ?? `asking the engine for subheap #${id}…`}`, problem ? 'warn' : 'dim')], width - FRAME_COLUMNS)];
	const lines = framePanel(title, content, width, height, 'accent');
	if (!layout?.columns) {
		return <PanelLines lines={lines} width={width} />;
	}

	// The map's column and the words beside it apart: each map row, scrolled, is the same text as
	// it was a row further down (Ink draws a changed row from its texts' pieces), and the words'
	// lines do not change at all (PanelLines draws nothing again).
	const first = 1 + layout.columns.line;
	const cut = FRAME_COLUMNS / 2 + layout.columns.width;
	const split = lines.slice(first, -1).map((line) => splitLine(line, cut));
	return (
		<Box flexDirection="column" width={width} flexShrink={0}>
			<PanelLines lines={lines.slice(0, first)} width={width} />
			<Box flexShrink={0}>
				<PanelLines lines={split.map(([map]) => map)} width={cut} />
				<PanelLines lines={split.map(([, words]) => words)} width={width - cut} />
			</Box>
			<PanelLines lines={lines.slice(-1)} width={width} />
		</Box>
	);
}
