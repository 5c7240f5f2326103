// The Kernel log panel: the newest dmesg lines that fit, kmalloc and panic lines marked. Live, it
// scrolls back through every line the document keeps, and `/` marks a search's matches.

import {memo} from 'react';
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

const sameLog = (a: LogView | undefined, b: LogView | undefined): boolean =>
	a === b
	|| (a !== undefined
		&& b !== undefined
		&& a.lines === b.lines
		&& a.held === b.held
		&& a.view.top === b.view.top
		&& a.view.cursor === b.view.cursor
		&& a.view.query === b.view.query);

/**
Whether the panel would draw the same: it reads the document's log and panic only, and those keep
their identity from one view to the next while they stay the same (document-delta.ts), so most
refreshes draw nothing new here and the log is not laid out again.
*/
export const sameKernelLog = (previous: KernelLogPanelProps, next: KernelLogPanelProps): boolean =>
	previous.width === next.width
	&& previous.height === next.height
	&& (previous.focused ?? false) === (next.focused ?? false)
	&& previous.document.dmesg === next.document.dmesg
	&& previous.document.panic === next.document.panic
	&& sameLog(previous.log, next.log);

export const KernelLogPanel = memo(function KernelLogPanel({document, width, height, log, focused = false}: KernelLogPanelProps) {
	const content = log
		? describeKernelLogList(log.lines, document.panic?.lines ?? [], width - FRAME_COLUMNS, height - FRAME_ROWS, log.view).lines
		: describeKernelLog(document, width - FRAME_COLUMNS, height - FRAME_ROWS);
	return <PanelLines lines={framePanel(kernelLogTitle(log, focused), content, width, height, focused ? 'accent' : 'dim')} width={width} />;
}, sameKernelLog);
