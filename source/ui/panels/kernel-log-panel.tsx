// The Kernel log panel: the newest dmesg lines that fit, kmalloc and panic lines marked.

import type {SnapshotDocument} from '../../engine/snapshot-types.js';
import {describeKernelLog} from '../../view/describe-kernel-log.js';
import {FRAME_COLUMNS, FRAME_ROWS, framePanel} from '../../view/frame-panel.js';
import {segment} from '../../view/styled-line.js';
import {PanelLines} from './panel-lines.js';

export type KernelLogPanelProps = {document: SnapshotDocument; width: number; height: number};

export function KernelLogPanel({document, width, height}: KernelLogPanelProps) {
	const content = describeKernelLog(document, width - FRAME_COLUMNS, height - FRAME_ROWS);
	return <PanelLines lines={framePanel([segment('Kernel log', 'bold'), segment('  dmesg', 'dim')], content, width, height)} width={width} />;
}
