// `kmtop snapshot --format text --panel map`: one subheap drawn as the `Subheap #N` view, in a
// frame like the dashboard's panels, as plain text: the whole chunk map (no scrolling on paper),
// the marks in words, the free-run table and the fragmentation index.

import type {SubheapDocument} from '../engine/build-subheap-document.js';
import type {FitAnswer} from '../engine/will-it-fit.js';
import {describeSubheapPanel, subheapMapTitle} from '../view/describe-subheap-map.js';
import {FRAME_COLUMNS, framePanel} from '../view/frame-panel.js';
import {lineText, segment} from '../view/styled-line.js';
import {toPlainText} from './plain-text.js';

export type TextMapOptions = {
	/** Width in columns, frame included. */
	columns: number;
	/** A "will it fit" answer to mark. */
	fit?: FitAnswer;
};

export const renderTextMap = (document: SubheapDocument, {columns, fit}: TextMapOptions): string => {
	const width = Math.max(FRAME_COLUMNS + 1, Math.floor(columns));
	const content = describeSubheapPanel(document, {width: width - FRAME_COLUMNS, fit});
	const lines = framePanel([segment(subheapMapTitle(document), 'bold')], content, width);
	return toPlainText(lines.map(lineText).join('\n'));
};
