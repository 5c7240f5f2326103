// `kmtop snapshot --format text`: the dashboard's panels drawn once at a width, as plain text
// (no colour, no escape codes), at the natural height of the layout since there is no terminal.

import {renderToString} from 'ink';
import type {SnapshotDocument} from '../engine/snapshot-types.js';
import {DashboardScreen} from './dashboard-screen.js';
import {ColourContext} from './tone-style.js';

export type TextSnapshotOptions = {
	/** Width in columns (cli: 40 to 1000; 120 by default). */
	columns: number;
	/** Ticks per second, for call rates per second; without it rates are per tick. */
	rate?: number;
};

// Belt and braces: tones are off, but nothing from a document (a workload's log line) may
// smuggle an escape sequence into a file either.
// eslint-disable-next-line no-control-regex
const escapeSequences = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[@-Z\\-_])|[\u0000-\u0008\u000B-\u001F\u007F]/g;

export const renderTextSnapshot = (document: SnapshotDocument, options: TextSnapshotOptions): string => {
	const columns = Math.max(1, Math.floor(options.columns || 120));
	const facts = options.rate === undefined ? {} : {rate: options.rate};
	const text = renderToString(
		<ColourContext.Provider value={false}>
			<DashboardScreen document={document} facts={facts} columns={columns} />
		</ColourContext.Provider>,
		{columns},
	);
	return text
		.replace(escapeSequences, '')
		.split('\n')
		.map((line) => line.trimEnd())
		.join('\n');
};
