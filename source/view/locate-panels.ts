// Where each panel of a plan (plan-layout.ts) is on the screen, as PanelLayout draws it: for the
// mouse (which panel a click lands in, which of its rows) and for the keys (how many lines a list
// shows, so a page is a page). The body starts below the header's one row.

import type {LayoutNode, PanelPlan} from './plan-layout.js';

export type PanelPlace = {plan: PanelPlan; column: number; row: number; width: number; height: number};

/** The panels of a live plan (every height known), top to bottom, left to right. */
export const locatePanels = (body: LayoutNode, top = 1): PanelPlace[] => {
	const places: PanelPlace[] = [];
	const walk = (node: LayoutNode, column: number, row: number): {width: number; height: number} => {
		if ('panel' in node) {
			const height = node.height ?? 0;
			places.push({plan: node, column, row, width: node.width, height});
			return {width: node.width, height};
		}

		let width = 0;
		let height = 0;
		for (const child of node.children) {
			const size = node.stack === 'row' ? walk(child, column + width, row) : walk(child, column, row + height);
			if (node.stack === 'row') {
				width += size.width;
				height = Math.max(height, size.height);
			} else {
				height += size.height;
				width = Math.max(width, size.width);
			}
		}

		return {width, height};
	};

	walk(body, 0, top);
	return places;
};

/** The panel under a screen cell, if any. */
export const panelAt = (places: readonly PanelPlace[], column: number, row: number): PanelPlace | undefined =>
	places.find((place) => column >= place.column && column < place.column + place.width && row >= place.row && row < place.row + place.height);
