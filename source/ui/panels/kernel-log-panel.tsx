// The Kernel log panel: the newest dmesg lines that fit, kmalloc and panic lines marked. Live, it
// scrolls back through every line the document keeps, and `/` marks a search's matches.

import type {SnapshotDocument} from '../../engine/snapshot-types.js';
import type {LogView} from '../explore-state.js';
import {describeKernelLog, describeKernelLogList} from '../../view/describe-kernel-log.js';
import {FRAME_COLUMNS, FRAME_ROWS, framePanel} from '../../view/frame-panel.js';
import {findMatches} from '../../view/search-text.js';
import {segment, type StyledLine} from '../../view/styled-line.js';
import {PanelLines} from './panel-lines.js';

export type KernelLogPanelProps = {document: SnapshotDocument; width: number; height: number; log?: LogView; focused?: boolean};

/** `Kernel log  dmesg  /Adding 4 matches · held` (held: End follows the newest again, as the footer says). */
export const kernelLogTitle = (log: LogView | undefined, focused: boolean): StyledLine => {
	const query = log?.view.query;
	const matches = query ? findMatches(log.lines, query).length : 0;
	return [
		segment('Kernel log', focused ? 'accent' : 'bold'),
		segment('  dmesg', 'dim'),
		...(query ? [segment(`  /${query}`, 'warn'), segment(` ${matches} ${matches === 1 ? 'match' : 'matches'}`, 'dim')] : []),
		...(log?.held ? [segment(' · held', 'dim')] : []),
	];
};

export function KernelLogPanel({document, width, height, log, focused = false}: KernelLogPanelProps) {
	const content = log
		? describeKernelLogList(log.lines, document.panic?.lines ?? [], width - FRAME_COLUMNS, height - FRAME_ROWS, log.view).lines
		: describeKernelLog(document, width - FRAME_COLUMNS, height - FRAME_ROWS);
	return <PanelLines lines={framePanel(kernelLogTitle(log, focused), content, width, height, focused ? 'accent' : 'dim')} width={width} />;
}
