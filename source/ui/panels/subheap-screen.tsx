// The `Subheap #N` view (Enter on a subheap, or `m`): its chunk map, the free runs and the
// fragmentation index, "will it fit" (`k`), on the whole screen until Esc.

import {mapPosition, type SubheapViewLayout} from '../../view/describe-subheap-view.js';
import {FRAME_COLUMNS, framePanel} from '../../view/frame-panel.js';
import {fitLine, segment} from '../../view/styled-line.js';
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
	return <PanelLines lines={framePanel(title, content, width, height, 'accent')} width={width} />;
}
