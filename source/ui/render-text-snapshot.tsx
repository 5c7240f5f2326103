// `kmtop snapshot --format text`: the dashboard's panels drawn once at a width, as plain text
// (no colour, no escape codes), at the natural height of the layout since there is no terminal.

import {renderToString} from 'ink';
import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {DashboardScreen} from './dashboard-screen.js';
import {toPlainText} from './plain-text.js';
import {ColourContext} from './tone-style.js';

export type TextSnapshotOptions = {
	/** Width in columns (cli: 40 to 1000; 120 by default). */
	columns: number;
	/** Ticks per second, for call rates per second; without it rates are per tick. */
	rate?: number;
};

export const renderTextSnapshot = (document: SnapshotDocument, options: TextSnapshotOptions): string => {
	const columns = Math.max(1, Math.floor(options.columns || 120));
	const facts = options.rate === undefined ? {} : {rate: options.rate};
	const text = renderToString(
		<ColourContext.Provider value={false}>
			<DashboardScreen document={document} facts={facts} columns={columns} />
		</ColourContext.Provider>,
		{columns},
	);
	// Belt and braces: tones are off, but nothing from a document (a workload's log line) may
	// smuggle an escape sequence into a file either.
	return toPlainText(text);
};
